import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { auditMeasurements, auditAll, auditPaper, precisionOf, withinTolerance, type AuditMeasurement } from "../../lib/formulas/derive";
import { loadSeed } from "../../seed/load";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { importRecords, validateRecordFile } from "../../lib/records";

let nextId = 1;
function m(partial: Partial<AuditMeasurement> & Pick<AuditMeasurement, "propertyKey" | "value">): AuditMeasurement {
  return {
    id: nextId++,
    materialId: 1,
    materialKey: "x",
    materialName: "X",
    batterySystem: "sodium-ion",
    unit: "",
    canonicalValue: partial.value,
    min: null,
    qualifier: null,
    source: "stated",
    quote: "q",
    location: null,
    subject: null,
    currentDensity: null,
    cRate: null,
    temperature: null,
    cycle: null,
    sulfurLoading: null,
    massLoading: null,
    oneC: null,
    ...partial,
  };
}

describe("precision", () => {
  it("is half a unit of the last printed digit", () => {
    expect(precisionOf(255.2)).toBeCloseTo(0.05, 12);
    expect(precisionOf(90)).toBeCloseTo(0.5, 12);
    expect(precisionOf(1.2e-11)).toBeCloseTo(0.05e-11, 20);
    expect(precisionOf(100, "≈")).toBeCloseTo(5, 12);
  });
  it("accepts a recomputed value that rounds to the stated one", () => {
    expect(withinTolerance(92.8, 0.05, { value: 92.79, min: 92.78, max: 92.8 })).toBe(true);
    expect(withinTolerance(1.2, 0.05, { value: 1.1, min: 1.0, max: 1.2 })).toBe(false);
  });
});

describe("derived figures and the audit", () => {
  it("derives cycling retention and decay, and accepts a stated retention that agrees", () => {
    const first = m({ propertyKey: "specific_capacity", value: 500, cycle: 1, currentDensity: 1 });
    const late = m({ propertyKey: "specific_capacity", value: 400, cycle: 100, currentDensity: 1 });
    const stated = m({ propertyKey: "capacity_retention", value: 80, cycle: 100, currentDensity: 1 });
    const { derived, flags } = auditMeasurements([first, late, stated]);
    expect(derived.find((d) => d.formula === "capacity_retention")!.value).toBeCloseTo(80, 10);
    expect(derived.find((d) => d.formula === "decay_per_cycle")!.value).toBeCloseTo(0.2, 10);
    expect(flags).toEqual([]);
  });

  it("flags a stated retention its own capacities contradict, with both numbers and the formula", () => {
    const first = m({ propertyKey: "specific_capacity", value: 500, cycle: 1, currentDensity: 1 });
    const late = m({ propertyKey: "specific_capacity", value: 400, cycle: 100, currentDensity: 1 });
    const stated = m({ propertyKey: "capacity_retention", value: 85, cycle: 100, currentDensity: 1, quote: "85% after 100 cycles" });
    const { flags } = auditMeasurements([first, late, stated]);
    expect(flags).toHaveLength(1);
    expect(flags[0]!.formula).toBe("capacity_retention");
    expect(flags[0]!.stated.value).toBe(85);
    expect(flags[0]!.recomputed.value).toBeCloseTo(80, 10);
    expect(flags[0]!.inputs.map((i) => i.value)).toEqual([400, 500]);
  });

  it("derives retention against 25 °C and along a rate test", () => {
    const { derived } = auditMeasurements([
      m({ propertyKey: "specific_capacity", value: 463.8, temperature: 25, currentDensity: 0.1, cycle: 100 }),
      m({ propertyKey: "specific_capacity", value: 255.2, temperature: -35, currentDensity: 0.1, cycle: 100 }),
      m({ propertyKey: "specific_capacity", value: 573, currentDensity: 0.1 }),
      m({ propertyKey: "specific_capacity", value: 278, currentDensity: 5 }),
    ]);
    expect(derived.find((d) => /−35 °C relative to 25 °C/.test(d.label))!.value).toBeCloseTo(55.02, 2);
    expect(derived.find((d) => /rate retention at 5 A g⁻¹ vs 0.1 A g⁻¹/.test(d.label))!.value).toBeCloseTo(48.52, 2);
  });

  it("ignores derived measurements as inputs", () => {
    const { derived } = auditMeasurements([
      m({ propertyKey: "specific_capacity", value: 573, currentDensity: 0.1, source: "derived" }),
      m({ propertyKey: "specific_capacity", value: 278, currentDensity: 5 }),
    ]);
    expect(derived).toEqual([]);
  });
});

describe("the audit of the seed papers", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSeed(t.prisma);
  });
  afterAll(async () => t.cleanup());

  it("flags the O 1s shift of Qiu et al.: 1.2 eV stated, 532.5 − 531.4 = 1.1 eV", async () => {
    const papers = await auditAll(t.prisma);
    const flags = papers.flatMap((p) => p.flags);
    const o1s = flags.find((f) => f.formula === "binding_energy_shift");
    expect(o1s).toBeDefined();
    expect(o1s!.stated.value).toBe(1.2);
    expect(o1s!.recomputed.value).toBeCloseTo(1.1, 9);
    expect(o1s!.inputs.map((i) => i.value).sort()).toEqual([531.4, 532.5]);
  });

  it("flags the FeS₂ QD/MXene‖NVP energy and power density that imply 2C, not the stated 0.1C", async () => {
    const flags = (await auditAll(t.prisma)).flatMap((p) => p.flags);
    const f = flags.find((x) => x.formula === "discharge_time");
    expect(f?.recomputed.value).toBeCloseTo(0.5, 9);
    expect(f?.stated.value).toBe(0.1);
  });

  it("derives figures for every research paper", async () => {
    const papers = await auditAll(t.prisma);
    for (const doi of ["10.1007/s40820-025-01858-2", "10.1002/smtd.202100188", "10.1007/s40820-023-01232-0", "10.1039/d5sc05720e"]) {
      expect(papers.find((p) => p.doi === doi)!.derived.length, doi).toBeGreaterThan(0);
    }
  });
});

describe("auditing a large paper", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("reads a paper of 1,122 materials without a parameter list per material (Prisma refused past 999)", async () => {
    const file = validFile("10.1234/matlit.large");
    const paper = file.papers[0]!;
    const template = paper.materials![0]!;
    paper.materials = Array.from({ length: 1122 }, (_, i) => ({ ...template, key: `m${i}`, name: `Material ${i}` }));
    await importRecords(t.prisma, validateRecordFile(file));
    const audit = await auditPaper(t.prisma, "10.1234/matlit.large");
    expect(audit.flags).toEqual([]);
    expect(Array.isArray(audit.derived)).toBe(true);
  });
});

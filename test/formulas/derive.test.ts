import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { auditMeasurements, auditAll, auditPaper, namedBaselineCycle, precisionOf, withinTolerance, type AuditMeasurement } from "../../lib/formulas/derive";
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
    note: null,
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
  // A first cycle of 700 mAh g⁻¹ with a 60 % initial coulombic efficiency: 500 from cycle 2 on, 400 at cycle 100.
  const cycling = (statedRetention?: Partial<AuditMeasurement>) => [
    m({ propertyKey: "specific_capacity", value: 700, cycle: 1, currentDensity: 1 }),
    m({ propertyKey: "specific_capacity", value: 500, cycle: 2, currentDensity: 1 }),
    m({ propertyKey: "specific_capacity", value: 400, cycle: 100, currentDensity: 1 }),
    ...(statedRetention ? [m({ propertyKey: "capacity_retention", value: 80, cycle: 100, currentDensity: 1, ...statedRetention })] : []),
  ];
  const retention = (derived: { formula: string; label: string; value: number }[]) => derived.find((d) => d.formula === "capacity_retention")!;

  it("takes cycling retention and decay against the first reversible cycle, not the first cycle's irreversible loss, and says so", () => {
    const { derived, flags } = auditMeasurements(cycling({}));
    expect(retention(derived).value).toBeCloseTo(80, 10);
    expect(retention(derived).label).toBe("capacity retention at cycle 100 against cycle 2, the first reversible cycle (1 A g⁻¹)");
    const decay = derived.find((d) => d.formula === "decay_per_cycle")!;
    expect(decay.value).toBeCloseTo(20 / 98, 10);
    expect(decay.label).toBe("capacity decay per cycle from cycle 2 to cycle 100, the first reversible cycle (1 A g⁻¹)");
    expect(flags).toEqual([]); // the stated 80 % agrees
  });

  it("takes the baseline the paper names", () => {
    const { derived, flags } = auditMeasurements(cycling({ value: 57.1, quote: "57.1% capacity retention relative to the first cycle after 100 cycles" }));
    expect(retention(derived).value).toBeCloseTo((400 / 700) * 100, 10);
    expect(retention(derived).label).toBe("capacity retention at cycle 100 against cycle 1, the paper's baseline (1 A g⁻¹)");
    expect(flags).toEqual([]);
    expect(namedBaselineCycle(["retention of 90% (vs. the 2nd cycle)"])).toBe(2);
    expect(namedBaselineCycle(["compared with that of the fifth cycle"])).toBe(5);
    expect(namedBaselineCycle(["90% of the initial capacity after 100 cycles"])).toBeNull();
  });

  it("makes no cycling retention of a first-cycle capacity alone", () => {
    const [first, , late] = cycling();
    expect(auditMeasurements([first!, late!]).derived.filter((d) => d.formula === "capacity_retention")).toEqual([]);
  });

  it("flags a stated retention its own capacities contradict, with both numbers and the formula", () => {
    const { flags } = auditMeasurements(cycling({ value: 85, quote: "85% after 100 cycles" }));
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

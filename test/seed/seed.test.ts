/**
 * The seed is the product's content: every number traceable to the sentence that states it.
 * Quote checks run whenever the papers' texts (SEED_TEXTS_DIR) are present, as they are in CI.
 */
import { describe, it, expect, afterAll } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join, basename } from "node:path";
import { seedFiles, loadSeed } from "../../seed/load";
import { SEED_SOURCES, SEED_TEXTS_DIR } from "../../seed/sources";
import { validateRecordFile } from "../../lib/records";
import { quoteOccursIn, quoteFinder, quoteStatesValue, foldText } from "../../lib/records/provenance";
import { toCanonical } from "../../lib/units";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const files = seedFiles();

describe("provenance helpers", () => {
  it("fold markup, Unicode forms, dashes and spaces the same way on both sides", () => {
    expect(foldText("255.2 mAh g^{−1} at −35 °C")).toBe(foldText("255.2 mAh g<sup>-1</sup> at -35 °C"));
    expect(quoteOccursIn("the FeS₂ QD/MXene   anode", "FeS2 QD/MXene anode")).toBe(true);
    expect(quoteOccursIn("the FeS₂ QD/MXene anode", "CoS2 QD/MXene anode")).toBe(false);
  });
  it("find a value in its quote, scientific notation included", () => {
    expect(quoteStatesValue("1.2 × 10^{−11} cm² s⁻¹", 1.2e-11)).toBe(true);
    expect(quoteStatesValue("capacity of 1,200 mAh g-1", 1200)).toBe(true);
    expect(quoteStatesValue("capacity of 255.2 mAh g-1", 252.2)).toBe(false);
  });
});

describe("seed record files", () => {
  it("cover the five seed papers, one file each", () => {
    const dois = files.map((f) => validateRecordFile(JSON.parse(readFileSync(f, "utf8"))).papers.map((p) => p.doi)).flat();
    expect(dois.sort()).toEqual(Object.keys(SEED_SOURCES).sort());
  });

  for (const file of files) {
    describe(basename(file), () => {
      const records = validateRecordFile(JSON.parse(readFileSync(file, "utf8")));
      const paper = records.papers[0]!;
      const source = join(SEED_TEXTS_DIR, SEED_SOURCES[paper.doi] ?? "missing");
      const text = existsSync(source) ? readFileSync(source, "utf8") : undefined;
      const inPaper = text ? quoteFinder(text) : () => false;
      const measurements = paper.materials.flatMap((m) => m.measurements.map((x, i) => ({ material: m.key, index: i, ...x })));

      it("has materials and measurements", () => {
        expect(paper.materials.length).toBeGreaterThan(0);
        expect(measurements.length).toBeGreaterThan(30);
      });

      it.runIf(text)("quotes every measurement verbatim from the paper", () => {
        const missing = measurements.filter((m) => !inPaper(m.quote)).map((m) => `${m.material}[${m.index}]: ${m.quote}`);
        expect(missing).toEqual([]);
      });

      it.runIf(text)("quotes every synthesis step verbatim from the paper", () => {
        const missing = paper.materials.flatMap((m) => m.synthesis.filter((s) => s.quote && !inPaper(s.quote)).map((s) => `${m.key}: ${s.quote}`));
        expect(missing).toEqual([]);
      });

      it("states every stated value in its quote", () => {
        const missing = measurements
          .filter((m) => m.source === "stated")
          .flatMap((m) =>
            [m.value, m.min, m.max]
              .filter((v): v is number => v !== undefined && !quoteStatesValue(m.quote, v))
              .map((v) => `${m.material}[${m.index}] ${v}: ${m.quote}`),
          );
        expect(missing).toEqual([]);
      });

      it("explains every derived value in a note", () => {
        expect(measurements.filter((m) => m.source === "derived" && !m.note).map((m) => `${m.material}[${m.index}]`)).toEqual([]);
      });

      it("gives every value a unit that parses and fits its property", () => {
        for (const m of measurements) expect(Number.isFinite(toCanonical(m.property, m.value, m.unit)), `${m.material}[${m.index}]`).toBe(true);
      });

      it("names only materials that exist as components", () => {
        const keys = new Set(paper.materials.map((m) => m.key));
        for (const m of paper.materials) for (const c of m.components ?? []) expect(keys, `${m.key} → ${c}`).toContain(c);
      });
    });
  }
});

describe("seed loader", () => {
  let t: TestDatabase;
  afterAll(async () => t?.cleanup());

  it("loads every paper into an empty database, and a second run changes nothing", async () => {
    t = await createTestDatabase();
    const first = await loadSeed(t.prisma);
    expect(first.sort()).toEqual(Object.keys(SEED_SOURCES).sort());
    const counts = { papers: await t.prisma.paper.count(), measurements: await t.prisma.measurement.count(), revisions: await t.prisma.revision.count() };
    expect(await loadSeed(t.prisma)).toEqual([]);
    expect({ papers: await t.prisma.paper.count(), measurements: await t.prisma.measurement.count(), revisions: await t.prisma.revision.count() }).toEqual(
      counts,
    );
  });

  it("stores the FeS₂ QD/MXene −35 °C capacity with its conditions and quote", async () => {
    const m = await t.prisma.measurement.findFirst({
      where: { propertyKey: "specific_capacity", canonicalValue: 255.2, temperature: -35, material: { key: "fes2-qd-mxene" } },
    });
    expect(m).not.toBeNull();
    expect(m!.currentDensity).toBeCloseTo(0.1, 9);
    expect(m!.quote).toMatch(/255\.2/);
  });
});

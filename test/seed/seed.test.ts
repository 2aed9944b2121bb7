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
import { paperKey } from "../../lib/records/identifiers";
import { toCanonical } from "../../lib/units";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const files = seedFiles();

/**
 * Words that say a number comes from a calculation on a model (DFT, MD, orbital energies, Bader
 * charges, calculated adsorption/binding energies) or from a synthesis precursor/reactant. Read in a
 * measurement's quote, subject and note (the quotes alone often leave the method to the sentence
 * before, e.g. "FeS₂ QD exhibited a lower band gap value (0.02 eV)", which the subject calls "(DFT)").
 * Precursor words only where the number is of/in the precursor: a synthesis method named in a table
 * row ("precursor infiltration") or a material that is itself an intermediate ("the same precursor
 * is sulfidized to …") is the material's own number.
 */
const NOT_OWN_NUMBER =
  /\bDFT\b|first[- ]principles|density[- ]functional|molecular dynamics|\bMD\b|\bRDF\b|radial distribution|mean square displacement|\bsimulat(ed|ions?)\b|\bBader\b|\b(HOMO|LUMO)\b|\bcalculated (adsorption|binding) energ|\bcalculat(ed|ions?)\b.*\bmodels?\b|\bmodels?\b.*\bcalculat|\bprecursor (mixture|phase|powder)s?\b|\b(in|of) the (precursor|reactant)s?\b/i;
let notOwnHits = 0;

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
  it("find a value only where it stands whole: 105 is not in 150, 150 not in 1150 or 150.5; trailing zeros may follow", () => {
    expect(quoteStatesValue("retains 150 mAh g−1", 105)).toBe(false);
    expect(quoteStatesValue("retains 1150 mAh g−1", 150)).toBe(false);
    expect(quoteStatesValue("retains 150.5 mAh g−1", 150)).toBe(false);
    expect(quoteStatesValue("a plateau at 3.0 V", 3)).toBe(true);
    expect(quoteStatesValue("7.7 mA h cm ^{−2} 90% retention", 90)).toBe(true);
  });
});

describe("seed record files", () => {
  afterAll(() => {
    // Guards the scope test below against a regex that silently matches nothing.
    expect(notOwnHits, "measurements the calculated-model/precursor words find across the seed").toBeGreaterThan(10);
  });

  it("cover the five seed papers, one file each", () => {
    const dois = files.map((f) => validateRecordFile(JSON.parse(readFileSync(f, "utf8"))).papers.map((p) => p.doi)).flat();
    expect(dois.sort()).toEqual(Object.keys(SEED_SOURCES).sort());
  });

  for (const file of files) {
    describe(basename(file), () => {
      const records = validateRecordFile(JSON.parse(readFileSync(file, "utf8")));
      const paper = records.papers[0]!;
      const source = join(SEED_TEXTS_DIR, SEED_SOURCES[paperKey(paper)] ?? "missing");
      const text = existsSync(source) ? readFileSync(source, "utf8") : undefined;
      const inPaper = text ? quoteFinder(text) : () => false;
      const measurements = paper.materials.flatMap((m) => m.measurements.map((x, i) => ({ material: m.key, index: i, ...x })));
      const raw = JSON.parse(readFileSync(file, "utf8")) as { papers: { materials: { key: string; measurements: Record<string, unknown>[] }[] }[] };

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

      it("gives every range the text the paper prints, found in its quote", () => {
        const problems = measurements.flatMap((m) =>
          m.min === undefined && m.reported === undefined
            ? []
            : m.reported === undefined
              ? [`${m.material}[${m.index}]: a range without "reported"`]
              : foldText(m.quote).includes(foldText(m.reported))
                ? []
                : [`${m.material}[${m.index}] "${m.reported}" not in: ${m.quote}`],
        );
        expect(problems).toEqual([]);
      });

      it("states every input of a derivation in its own quote (or the measurement's), each quote the paper's", () => {
        const problems = measurements.flatMap((m) =>
          Object.entries(m.derivation?.inputs ?? {}).flatMap(([name, input]) => {
            const quote = input.quote ?? m.quote;
            return [
              ...[input.value, input.min, input.max]
                .filter((v): v is number => v !== undefined && !quoteStatesValue(quote, v))
                .map((v) => `${m.material}[${m.index}].${name} ${v} not in: ${quote}`),
              ...(input.reported !== undefined && !foldText(quote).includes(foldText(input.reported))
                ? [`${m.material}[${m.index}].${name} "${input.reported}" not in: ${quote}`]
                : []),
              ...(text && input.quote && !inPaper(input.quote) ? [`${m.material}[${m.index}].${name} quote not in the paper: ${input.quote}`] : []),
            ];
          }),
        );
        expect(problems).toEqual([]);
      });

      it("states every measurement's scope explicitly", () => {
        // The schema defaults a missing scope to "material"; the seed says it, so each record was looked at.
        const missing = raw.papers.flatMap((p) => p.materials.flatMap((m) => m.measurements.flatMap((x, i) => ("scope" in x ? [] : [`${m.key}[${i}]`]))));
        expect(missing).toEqual([]);
      });

      it("files no number of a calculated model or a precursor as the material's own", () => {
        const hits = measurements.filter((m) => NOT_OWN_NUMBER.test([m.quote, m.subject ?? "", m.note ?? ""].join(" | ")));
        notOwnHits += hits.length;
        expect(hits.filter((m) => m.scope === "material").map((m) => `${m.material}[${m.index}] ${m.property}: ${m.subject ?? m.quote}`)).toEqual([]);
      });

      it("explains every derived value in a note", () => {
        expect(measurements.filter((m) => m.source === "derived" && !m.note).map((m) => `${m.material}[${m.index}]`)).toEqual([]);
      });

      it("gives every value (or both ends of a range) a unit that parses and fits its property", () => {
        for (const m of measurements)
          for (const v of [m.value, m.min, m.max].filter((x): x is number => x !== undefined))
            expect(Number.isFinite(toCanonical(m.property, v, m.unitReadAs ?? m.unit)), `${m.material}[${m.index}]`).toBe(true);
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
      where: { propertyKey: "specific_capacity", canonicalMin: 255.2, canonicalMax: 255.2, temperature: -35, material: { key: "fes2-qd-mxene" } },
    });
    expect(m).not.toBeNull();
    expect(m!.currentDensity).toBeCloseTo(0.1, 9);
    expect(m!.quote).toMatch(/255\.2/);
  });

  it("stores scope, ranges without a representative value, range conditions and the working electrode", async () => {
    const model = await t.prisma.measurement.findMany({ where: { propertyKey: "adsorption_energy", material: { key: "fes2-qd-mxene" } } });
    expect(model.length).toBeGreaterThan(0);
    expect(model.every((m) => m.scope === "model")).toBe(true);
    const pores = await t.prisma.measurement.findFirst({ where: { propertyKey: "pore_size", material: { key: "fes2-qd-mxene" } } });
    expect(pores).toMatchObject({ value: null, min: 2, max: 6, reported: "2–6 nm", canonicalMin: 2, canonicalMax: 6 });
    const table = await t.prisma.measurement.findFirst({ where: { propertyKey: "specific_capacity", material: { key: "cosac-cnt" } } });
    expect(table).toMatchObject({ sulfurLoading: 2, sulfurLoadingMax: 7 });
    const nucleation = await t.prisma.measurement.findMany({ where: { propertyKey: "overpotential", material: { key: { startsWith: "na-cu-" } } } });
    expect(nucleation.map((m) => [m.workingElectrode, m.counterElectrode])).toEqual(nucleation.map(() => ["Cu", "Na"]));
  });
});

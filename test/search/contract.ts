/**
 * The search contract every backend passes (README, "Search"), run on the seeded
 * knowledge base. `sync` lets a backend catch up after records are written (Meilisearch drains its
 * outbox; the embedded index is already current).
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { PrismaClient } from "../../lib/db";
import type { SearchBackend } from "../../lib/search";
import { parseSearchQuery, SearchQueryError, type SearchQuery } from "../../lib/search";
import { loadSeed } from "../../seed/load";
import { importRecords, validateRecordFile } from "../../lib/records";
import { createDatabase, type Provider, type ProviderDatabase } from "../helpers/db";
import { NANOFIBRE_PAPER, nanofibreFile, validFile } from "../helpers/records";
import { PROPERTY_KEYS } from "../../lib/units";
import { MATERIAL_CLASS_VALUES } from "../../lib/records/material-classes";

export interface ContractTarget {
  backend: SearchBackend;
  sync: () => Promise<void>;
  close?: () => Promise<void>;
}

const FES2_QD = "10.1007/s40820-025-01858-2/fes2-qd-mxene";
const HEO_CATHODE = "10.1007/s40820-023-01232-0/na095-lncfm";
const HP_SAFES = "10.1039/d5sc05720e/hp-safes";
const SBQD_C = "10.1002/smtd.202100188/sbqd-c";
/** Materials of a paper no seed resembles, so the text cases below hold on unseen names. */
const README_QUERY: SearchQuery = {
  q: "FeS2 sodium",
  facets: { battery_system: ["sodium-ion"], role: ["anode"], elements: { all: ["Fe", "S"] } },
  metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }],
  sort: { property: "specific_capacity", order: "desc" },
  page: 1,
  perPage: 20,
};

/** The contract for a backend on the records of one provider (SQLite unless given). */
export function searchContract(name: string, connect: (prisma: PrismaClient) => Promise<ContractTarget>, provider: Provider = "sqlite") {
  describe(`search contract: ${name}`, () => {
    let t: ProviderDatabase;
    let target: ContractTarget;
    const run = (q: SearchQuery) => target.backend.search(parseSearchQuery(q));
    const refs = async (q: SearchQuery) => (await run(q)).materials.map((m) => m.ref);

    beforeAll(async () => {
      t = await createDatabase(provider);
      await loadSeed(t.prisma);
      const draft = validateRecordFile(validFile("10.1234/draft.paper"));
      draft.papers[0]!.status = "draft";
      draft.papers[0]!.materials[0]!.name = "Zirconium unobtainium draft";
      await importRecords(t.prisma, draft);
      target = await connect(t.prisma);
      await target.sync();
    });
    afterAll(async () => {
      await target?.close?.();
      await t?.cleanup();
    });

    it("answers the README's query with FeS₂ QD/MXene and its −35 °C measurement as the match", async () => {
      const result = await run(README_QUERY);
      expect(result.materials[0]?.ref).toBe(FES2_QD);
      const matched = result.materials[0]!.matched;
      expect(matched.length).toBeGreaterThan(0);
      expect(matched.every((m) => m.property === "specific_capacity" && m.canonicalMax >= 250)).toBe(true);
      expect(matched.some((m) => m.value === 255.2 && /−35 °C/.test(m.conditions))).toBe(true);
      expect(matched.every((m) => /−3\d °C|−2\d °C/.test(m.conditions))).toBe(true);
    });

    it("reads bounds in any compatible unit: 0.25 Ah/g is 250 mAh/g", async () => {
      const inAh = {
        ...README_QUERY,
        metrics: [{ property: "specific_capacity", min: 0.25, unit: "Ah/g", where: { temperature: { max: 253.15, unit: "K" } } }],
      };
      expect(await refs(inAh)).toEqual(await refs(README_QUERY));
    });

    it("meets a metric clause with ONE measurement: value and conditions together", async () => {
      // FeS₂ QD/MXene has ≥ 400 mAh/g (at 25 °C) and measurements at −35 °C, but no single one with both.
      const clause = { property: "specific_capacity", min: 400, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } };
      expect(await refs({ metrics: [clause] })).not.toContain(FES2_QD);
      expect(await refs({ metrics: [{ property: "specific_capacity", min: 400, unit: "mAh/g" }], perPage: 100 })).toContain(FES2_QD);
    });

    it("counts materials, not measurements, for a metric clause: total, facets and a sorted page", async () => {
      const clause = { property: "specific_capacity", min: 300, unit: "mAh/g" };
      const counted = await t.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(DISTINCT X."materialId") AS n FROM "Measurement" X JOIN "Material" M ON M."id" = X."materialId" JOIN "Paper" P ON P."id" = M."paperId"
         WHERE P."status" = 'published' AND X."propertyKey" = 'specific_capacity' AND X."canonicalMax" >= 300 AND X."scope" = 'material' AND X."source" = 'stated'`,
      );
      const n = Number(counted[0]!.n);
      const result = await run({ metrics: [clause], sort: { property: "specific_capacity", order: "desc" }, perPage: 100 });
      expect(result.total).toBe(n);
      expect(result.materials.length).toBe(n);
      expect(result.facets.role.reduce((sum, f) => sum + f.count, 0)).toBe(n);
      const values = result.materials.map((m) => m.sortValue!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      // An upper bound: some measurement at most 100 mV.
      const upper = await t.prisma.$queryRawUnsafe<{ n: number }[]>(
        `SELECT COUNT(DISTINCT X."materialId") AS n FROM "Measurement" X JOIN "Material" M ON M."id" = X."materialId" JOIN "Paper" P ON P."id" = M."paperId"
         WHERE P."status" = 'published' AND X."propertyKey" = 'overpotential' AND X."canonicalMin" <= 100 AND X."scope" = 'material' AND X."source" = 'stated'`,
      );
      expect((await run({ metrics: [{ property: "overpotential", max: 100, unit: "mV" }] })).total).toBe(Number(upper[0]!.n));
      const anodes = await run({ metrics: [clause], facets: { role: ["anode"] } });
      expect(anodes.facets.role).toEqual(result.facets.role); // the selected facet keeps its other values
      expect(anodes.total).toBe(result.facets.role.find((f) => f.value === "anode")!.count);
    });

    it("lets two clauses be met by different measurements of the same material", async () => {
      const result = await refs({
        metrics: [
          { property: "specific_capacity", min: 400, unit: "mAh/g" },
          { property: "specific_capacity", max: 300, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } },
        ],
      });
      expect(result).toContain(FES2_QD);
    });

    it("reads a stated range by overlap unless asked for containment: 6.4×10⁻¹¹ to 2.5×10⁻⁹ cm² s⁻¹ reaches 1×10⁻⁹", async () => {
      const diffusion = (ranges?: "overlap" | "within") => ({
        metrics: [{ property: "diffusion_coefficient", min: 1e-9, unit: "cm^2/s", ...(ranges ? { ranges } : {}) }],
      });
      const overlapping = await run(diffusion());
      const hit = overlapping.materials.find((m) => m.ref === HEO_CATHODE);
      expect(hit, "the range 6.445×10⁻¹¹–2.527×10⁻⁹ overlaps ≥ 1×10⁻⁹").toBeDefined();
      expect(hit!.matched.some((m) => m.value === null && m.min === 6.445e-11 && m.max === 2.527e-9 && /6\.445.*2\.527/.test(m.display))).toBe(true);
      expect(await refs(diffusion("within"))).not.toContain(HEO_CATHODE);
      // A single value reads the same either way.
      expect(await refs(diffusion("within"))).toContain(FES2_QD);
    });

    it("reads a condition stated as a range the same way: a 1–4.1 mg cm⁻² sulfur loading meets ≥ 4", async () => {
      const loaded = (ranges?: "overlap" | "within") => ({
        metrics: [{ property: "specific_capacity", where: { sulfur_loading: { min: 4, unit: "mg/cm^2" } }, ...(ranges ? { ranges } : {}) }],
      });
      expect(await refs(loaded())).toContain(HP_SAFES);
      expect(await refs(loaded("within"))).not.toContain(HP_SAFES);
      expect(await refs({ metrics: [{ property: "specific_capacity", where: { sulfur_loading: { min: 5, unit: "mg/cm^2" } } }] })).not.toContain(HP_SAFES);
    });

    it("sorts a range by the end its reading reaches", async () => {
      const sorted = async (ranges: "overlap" | "within") =>
        (await run({ sort: { property: "diffusion_coefficient", order: "desc", ranges }, perPage: 100 })).materials.find((m) => m.ref === HEO_CATHODE)!
          .sortValue;
      expect(await sorted("overlap")).toBeCloseTo(2.527e-9, 15);
      expect(await sorted("within")).toBeCloseTo(6.445e-11, 17);
    });

    it("reads only the material's own numbers unless other scopes are asked for", async () => {
      // SbQD@C's 150 °C is a precursor's decomposition during its synthesis, not the material's.
      const decomposition = { metrics: [{ property: "decomposition_temperature", max: 200, unit: "degC" }] };
      expect(await refs(decomposition)).not.toContain(SBQD_C);
      expect(await refs({ ...decomposition, scope: ["material", "precursor"] })).toContain(SBQD_C);
      expect(await refs({ metrics: [{ property: "decomposition_temperature", min: 300, unit: "degC" }], scope: ["material", "precursor"] })).not.toContain(
        SBQD_C,
      );
      // FeS₂ QD/MXene's −3.73 eV is a DFT model's (a bare FeS₂ cluster).
      const adsorption = { metrics: [{ property: "adsorption_energy", max: -3.5, unit: "eV" }] };
      expect(await refs(adsorption)).not.toContain(FES2_QD);
      const modelled = await run({ ...adsorption, scope: ["model"] });
      const fes2 = modelled.materials.find((m) => m.ref === FES2_QD);
      expect(fes2?.matched.every((m) => m.scope === "model")).toBe(true);
    });

    it("counts a derived number only when asked", async () => {
      // The Ti–O peak shifts of FeS₂ QD/MXene (0.21 and 0.23 eV) are differences matlit computed.
      const shift = { metrics: [{ property: "peak_shift", min: 0.2, max: 0.25, unit: "eV" }] };
      expect(await refs(shift)).not.toContain(FES2_QD);
      const derived = await run({ ...shift, derived: true });
      expect(derived.materials.find((m) => m.ref === FES2_QD)?.matched.some((m) => m.source === "derived")).toBe(true);
    });

    it("keeps the property facet to what was stated about the material itself", async () => {
      const facets = (await run({ q: "SbQD" })).facets.property.map((f) => f.value);
      expect(facets).not.toContain("transformation_temperature");
      expect(facets).toContain("specific_capacity");
    });

    it("finds FeS₂ when typed FeS2, Li–S when typed Li-S, case-insensitively", async () => {
      expect(await refs({ q: "FeS2" })).toContain(FES2_QD);
      expect(await refs({ q: "fes₂" })).toContain(FES2_QD);
      const lis = await run({ q: "Li-S" });
      expect(lis.total).toBeGreaterThan(10);
      expect(lis.materials.some((m) => m.batterySystem === "Li–S")).toBe(true);
    });

    it("matches prefixes while typing", async () => {
      const result = await run({ q: "MXen" });
      expect(result.materials.map((m) => m.ref)).toContain(FES2_QD);
    });

    it("knows NVP and Na3V2(PO4)3 are the same thing", async () => {
      const a = await run({ q: "NVP", perPage: 100 });
      const b = await run({ q: "Na3V2(PO4)3", perPage: 100 });
      expect(a.total).toBeGreaterThan(0);
      expect(new Set(a.materials.map((m) => m.ref))).toEqual(new Set(b.materials.map((m) => m.ref)));
    });

    it("ranks a name match above a match in the paper's text", async () => {
      const result = await run({ q: "MXene", perPage: 5 });
      expect(result.materials[0]!.name).toMatch(/MXene/);
    });

    it("filters elements by 'contains all of' and 'contains only'", async () => {
      const all = await run({ facets: { elements: { all: ["Fe", "S"] } }, perPage: 100 });
      expect(all.total).toBeGreaterThan(0);
      expect(all.materials.every((m) => m.elements.includes("Fe") && m.elements.includes("S"))).toBe(true);
      const only = await run({ facets: { elements: { only: ["Sb", "C", "O"] } }, perPage: 100 });
      expect(only.total).toBeGreaterThan(0);
      expect(only.materials.every((m) => m.elements.length > 0 && m.elements.every((e) => ["Sb", "C", "O"].includes(e)))).toBe(true);
      expect(only.materials.map((m) => m.name)).toContain("SbQD@C");
    });

    it("counts facets, keeping the other values of a selected facet visible", async () => {
      const all = await run({ perPage: 1 });
      const systems = all.facets.battery_system;
      expect(systems.reduce((n, f) => n + f.count, 0)).toBe(all.total);
      const sodium = await run({ facets: { battery_system: ["sodium-ion"] }, perPage: 1 });
      expect(sodium.total).toBe(systems.find((f) => f.value === "sodium-ion")!.count);
      expect(sodium.facets.battery_system.find((f) => f.value === "Li–S")?.count).toBe(systems.find((f) => f.value === "Li–S")!.count);
      expect(sodium.facets.role.reduce((n, f) => n + f.count, 0)).toBe(sodium.total);
      for (const facet of ["role", "material_class", "elements", "year", "journal", "property"] as const) {
        expect(all.facets[facet].length, facet).toBeGreaterThan(0);
        const values = all.facets[facet].map((f) => f.value);
        expect(new Set(values).size, `${facet} lists each value once`).toBe(values.length);
      }
    });

    it("sorts by a metric, best first", async () => {
      const result = await run({ facets: { property: ["ionic_conductivity"] }, sort: { property: "ionic_conductivity", order: "desc" }, perPage: 50 });
      const values = result.materials.map((m) => m.sortValue);
      expect(values.length).toBeGreaterThan(1);
      expect(values.every((v) => v !== null)).toBe(true);
      expect([...values].sort((a, b) => b! - a!)).toEqual(values);
    });

    it("shows a material's best matched measurements first, lowest first where lower is better", async () => {
      const ends = (q: SearchQuery) => run({ ...q, perPage: 100 }).then((r) => r.materials.map((m) => m.matched.map((x) => x.canonicalMin)));
      const overpotentials = await ends({ metrics: [{ property: "overpotential", min: 0, unit: "mV" }] });
      expect(overpotentials.some((values) => values.length > 1)).toBe(true);
      for (const values of overpotentials) expect(values).toEqual([...values].sort((a, b) => a - b));
      const capacities = await ends({ metrics: [{ property: "specific_capacity", min: 0, unit: "mAh/g" }] });
      expect(capacities.some((values) => values.length > 1)).toBe(true);
      for (const values of capacities) expect(values).toEqual([...values].sort((a, b) => b - a));
    });

    it("pages a metric sort through the materials with a value, then on to those without, in the default order", async () => {
      const query = { q: "sodium", sort: { property: "ionic_conductivity", order: "desc" as const } };
      const all = await run({ ...query, perPage: 100 });
      const valued = all.materials.filter((m) => m.sortValue !== null);
      expect(valued.length).toBeGreaterThan(1);
      expect(valued.length).toBeLessThan(all.total);
      expect(all.materials.slice(0, valued.length)).toEqual(valued); // valued ones first
      const values = valued.map((m) => m.sortValue!);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(all.total / 3); page++) paged.push(...(await run({ ...query, page, perPage: 3 })).materials.map((m) => m.ref));
      expect(paged).toEqual(all.materials.map((m) => m.ref));
    });

    it("pages without overlap", async () => {
      const first = await run({ q: "Li-S", perPage: 5, page: 1 });
      const second = await run({ q: "Li-S", perPage: 5, page: 2 });
      expect(second.total).toBe(first.total);
      expect(second.materials).toHaveLength(5);
      expect(second.materials.filter((m) => first.materials.some((f) => f.ref === m.ref))).toEqual([]);
    });

    it("leaves drafts out", async () => {
      expect((await run({ q: "unobtainium" })).total).toBe(0);
    });

    it("finds a record saved after start-up", async () => {
      const file = validateRecordFile(validFile("10.1234/later.paper"));
      file.papers[0]!.materials[0]!.name = "Hafnium wonderite anode";
      await importRecords(t.prisma, file);
      await target.sync();
      const result = await run({ q: "wonderite" });
      expect(result.materials.map((m) => m.ref)).toEqual(["10.1234/later.paper/fes2-anode"]);
    });

    it("folds the paper's text as it folds the query: Zr2S5 finds a title that says Zr₂S₅", async () => {
      const file = validateRecordFile(validFile("10.1234/folded.paper"));
      file.papers[0]!.title = "Layered Zr₂S₅ frobnite hosts for sodium";
      for (const m of file.papers[0]!.materials) delete m.formula;
      await importRecords(t.prisma, file);
      await target.sync();
      expect((await refs({ q: "Zr2S5 frobnite" })).every((ref) => ref.startsWith("10.1234/folded.paper/"))).toBe(true);
      expect((await refs({ q: "Zr2S5 frobnite" })).length).toBe(file.papers[0]!.materials.length);
    });

    describe("finding what a chemist types", () => {
      const ref = (key: string) => `${NANOFIBRE_PAPER}/${key}`;
      beforeAll(async () => {
        await importRecords(t.prisma, validateRecordFile(nanofibreFile()));
        await target.sync();
      });

      it("finds an abbreviation or a formula part inside a compound name: LNCFM in O3-Na₀.₉₅LNCFM", async () => {
        expect(await refs({ q: "LNCFM" })).toContain(HEO_CATHODE);
        expect(await refs({ q: "LNCF" })).toContain(HEO_CATHODE); // while typing
        expect(await refs({ q: "MNCTO" })).toEqual([ref("p2-kmnct")]);
        expect(await refs({ q: "QD" })).toContain(SBQD_C); // SbQD@C
        // The whole token still matches as before.
        expect(await refs({ q: "K0.67MNCTO" })).toEqual([ref("p2-kmnct")]);
      });

      it("finds a material by the reagents of its synthesis, below one that has the word in its name", async () => {
        const found = await refs({ q: "PAN" });
        expect(found).toContain(ref("n-cnfs"));
        expect(found.indexOf(ref("pan-membrane"))).toBeLessThan(found.indexOf(ref("n-cnfs")));
        expect(await refs({ q: "polyacrylonitrile" })).toEqual([ref("n-cnfs")]);
      });

      it("reads a dopant by symbol or by name: N-doped carbon is nitrogen-doped carbon", async () => {
        const bySymbol = await run({ q: "N-doped carbon", perPage: 100 });
        const byName = await run({ q: "nitrogen-doped carbon", perPage: 100 });
        expect(bySymbol.materials.map((m) => m.ref)).toContain(ref("n-cnfs"));
        expect(bySymbol.total).toBeGreaterThan(1); // the seed's descriptions say "N-doped carbon"
        expect(new Set(byName.materials.map((m) => m.ref))).toEqual(new Set(bySymbol.materials.map((m) => m.ref)));
        expect(new Set(await refs({ q: "sulfur-doped", perPage: 100 }))).toEqual(new Set(await refs({ q: "S-doped", perPage: 100 })));
      });

      it("counts material classes from the list and measured properties in the catalogue's order", async () => {
        const { facets } = await run({ perPage: 1 });
        expect(facets.material_class.length).toBeGreaterThan(3);
        for (const f of facets.material_class) expect(MATERIAL_CLASS_VALUES).toContain(f.value);
        const properties = facets.property.map((f) => f.value);
        expect(properties).toEqual([...properties].sort((a, b) => PROPERTY_KEYS.indexOf(a) - PROPERTY_KEYS.indexOf(b)));
      });
    });

    it("refuses bad queries with a message naming the field", () => {
      expect(() => parseSearchQuery({ metrics: [{ property: "capacityy", min: 1 }] })).toThrow(SearchQueryError);
      expect(() => parseSearchQuery({ metrics: [{ property: "specific_capacity", min: 1, unit: "S/cm" }] })).toThrow(
        /metrics\[0\]\.unit: "S\/cm" is not a unit of specific capacity/,
      );
      expect(() => parseSearchQuery({ metrics: [{ property: "specific_capacity", where: { temperature: { max: 1, unit: "mAh" } } }] })).toThrow(
        /where\.temperature\.unit/,
      );
      expect(() => parseSearchQuery({ perPage: 1000 })).toThrow(/perPage/);
      expect(() => parseSearchQuery({ scope: ["hearsay"] })).toThrow(/^scope\[0\]: unknown scope "hearsay"/);
      expect(() => parseSearchQuery({ metrics: [{ property: "specific_capacity", min: 1, ranges: "partly" }] })).toThrow(/metrics\[0\]\.ranges/);
    });

    it("bounds the work of one query: a repeated word counts once, more than 16 different words are refused", async () => {
      const once = await refs({ q: "sodium" });
      expect(once.length).toBeGreaterThan(0);
      expect(await refs({ q: Array(70).fill("sodium").join(" ") })).toEqual(once);
      expect(await refs({ q: "Sodium SODIUM sodium" })).toEqual(once);
      const letters = Array.from({ length: 249 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");
      expect(() => parseSearchQuery({ q: letters })).toThrow(/^q: at most 16 different words \(this has 26\)/);
    });
  });
}

import { paperRevisions } from "../../lib/editing";
import { SCOPES } from "../../lib/records/scope";
import type { MeasurementRecord, RecordFile } from "../../lib/records/schema";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { matlit } from "../helpers/cli";
import { validateRecordFile, RecordValidationError, importRecords, exportRecords } from "../../lib/records";
import { recordJsonSchema } from "../../lib/records/json-schema";

const work = mkdtempSync(join(tmpdir(), "matlit-import-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function writeJson(name: string, data: unknown): string {
  const file = join(work, name);
  writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

function errorsOf(input: unknown) {
  try {
    validateRecordFile(input);
  } catch (e) {
    if (e instanceof RecordValidationError) return e.errors;
    throw e;
  }
  return [];
}

describe("record validation", () => {
  it("accepts a valid file", () => {
    expect(errorsOf(validFile())).toEqual([]);
  });

  it("names the path and reason of an unknown property", () => {
    const f = validFile();
    (f.papers[0]!.materials![0]!.measurements![1] as { property: string }).property = "capacityy";
    expect(errorsOf(f)).toEqual([{ path: "papers[0].materials[0].measurements[1].property", message: 'unknown property "capacityy"' }]);
  });

  it("names the path of a unit that does not fit its property", () => {
    const f = validFile();
    f.papers[0]!.materials![0]!.measurements![0]!.unit = "S cm-1";
    const errors = errorsOf(f);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe("papers[0].materials[0].measurements[0].unit");
    expect(errors[0]!.message).toMatch(/does not fit Specific capacity/);
  });

  it("names the path of a missing value", () => {
    const f = validFile();
    delete (f.papers[0]!.materials![1]!.measurements![0] as { value?: number }).value;
    expect(errorsOf(f).map((e) => e.path)).toEqual(["papers[0].materials[1].measurements[0].value"]);
  });

  it("checks condition units, component keys and formula keys", () => {
    const f = validFile();
    f.papers[0]!.formulas = ["capacity_retention", "flux_capacitor"];
    f.papers[0]!.materials![0]!.measurements![0]!.conditions!.temperature = { value: 25, unit: "mAh" };
    f.papers[0]!.materials![1]!.components = ["nope"];
    expect(
      errorsOf(f)
        .map((e) => e.path)
        .sort(),
    ).toEqual(["papers[0].formulas[1]", "papers[0].materials[0].measurements[0].conditions.temperature.unit", "papers[0].materials[1].components[0]"]);
  });

  it("lower-cases DOIs", () => {
    const f = validFile("10.1234/ABC.Def");
    expect(validateRecordFile(f).papers[0]!.doi).toBe("10.1234/abc.def");
  });

  it("publishes a JSON Schema generated from the same definition", () => {
    const schema = recordJsonSchema() as { properties: { papers: { items: { required: string[]; properties: Record<string, unknown> } } } };
    expect(schema.properties.papers.items.required).toEqual(expect.arrayContaining(["title", "authors", "kind"]));
    // A DOI, or for a paper without one another identifier: both are named, neither alone is required.
    expect(Object.keys(schema.properties.papers.items.properties)).toEqual(expect.arrayContaining(["doi", "identifier"]));
  });
});

describe.each(PROVIDERS)("matlit import (%s)", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  it("loads a valid file and reports what it created", async () => {
    const result = await matlit(["import", writeJson("ok.json", validFile()), "--json"], t.url);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).papers).toEqual([{ doi: "10.1234/matlit.test.1", action: "created", materials: 2, measurements: 4 }]);
    const m = await t.prisma.measurement.findFirstOrThrow({ where: { value: 255.2 } });
    expect([m.canonicalMin, m.canonicalMax]).toEqual([255.2, 255.2]);
    expect(m.temperature).toBe(-35);
    expect(m.currentDensity).toBe(0.1);
    const conductivity = await t.prisma.measurement.findFirstOrThrow({ where: { propertyKey: "ionic_conductivity" } });
    expect(conductivity.canonicalMin).toBeCloseTo(0.0012, 12);
  });

  it("refuses a file with bad measurements, names each bad field, and changes nothing", async () => {
    const before = (await matlit(["export"], t.url)).stdout;
    const counts = await t.prisma.measurement.count();
    const f = validFile("10.1234/matlit.test.2");
    const ms = f.papers[0]!.materials![0]!.measurements!;
    (ms[0] as { property: string }).property = "capacityy";
    ms[1]!.unit = "S cm-1";
    delete (ms[2] as { value?: number }).value;
    const result = await matlit(["import", writeJson("bad.json", f)], t.url);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("papers[0].materials[0].measurements[0].property");
    expect(result.stderr).toContain("papers[0].materials[0].measurements[1].unit");
    expect(result.stderr).toContain("papers[0].materials[0].measurements[2].value");
    expect(result.stderr).toContain("nothing was imported");
    expect(await t.prisma.measurement.count()).toBe(counts);
    expect((await matlit(["export"], t.url)).stdout).toBe(before);
  });

  it("rolls back every paper of a file when one fails while writing", async () => {
    const counts = await t.prisma.paper.count();
    const f = validFile("10.1234/matlit.test.3");
    const second = validFile("10.1234/matlit.test.4").papers[0]!;
    // Valid in shape, but a DB constraint fails inside the transaction (formula not in the catalogue table).
    const file = validateRecordFile({ papers: [f.papers[0], second] });
    file.papers[1]!.formulas = ["not_in_catalogue"];
    await expect(importRecords(t.prisma, file)).rejects.toThrow();
    expect(await t.prisma.paper.count()).toBe(counts);
  });

  it("replaces a paper imported again and keeps the previous version as a revision", async () => {
    const f = validFile();
    f.papers[0]!.title = "A corrected title";
    const result = await matlit(["import", writeJson("again.json", f), "--json"], t.url);
    expect(JSON.parse(result.stdout).papers[0].action).toBe("replaced");
    const revisions = await t.prisma.revision.findMany({ where: { entityKey: "10.1234/matlit.test.1" }, orderBy: { id: "asc" } });
    expect(revisions.map((r) => r.action)).toEqual(["create", "replace"]);
    expect(JSON.parse(revisions[1]!.beforeJson!).title).toBe("A test paper on FeS₂ anodes");
    // What it wrote is the paper as it stands (the history keeps no second copy of it).
    expect(revisions[1]!.afterJson).toBeNull();
    const history = await paperRevisions("10.1234/matlit.test.1", t.prisma);
    expect(history.map((r) => [r.action, (r.before as { title?: string } | undefined)?.title, (r.after as { title: string }).title])).toEqual([
      ["replace", "A test paper on FeS₂ anodes", "A corrected title"],
      ["create", undefined, "A test paper on FeS₂ anodes"],
    ]);
  });

  it("loads a record file saved with a UTF-8 byte-order mark", async () => {
    const file = join(work, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(validFile("10.1234/matlit.bom"), null, 2)}`);
    const result = await matlit(["import", file, "--json"], t.url);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).papers).toEqual([{ doi: "10.1234/matlit.bom", action: "created", materials: 2, measurements: 4 }]);
  });

  it("exits non-zero on a file that is not JSON", async () => {
    const file = join(work, "broken.json");
    writeFileSync(file, "{ papers: ");
    const result = await matlit(["import", file], t.url);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/broken\.json/);
  });
});

// The source is always SQLite: moving a knowledge base from SQLite to PostgreSQL is an export and an import.
describe.each(PROVIDERS)("export → import into %s → export", (provider) => {
  it("gives identical JSON for the seeded knowledge base", async () => {
    const source = await createDatabase("sqlite");
    const target = await createDatabase(provider);
    try {
      expect((await matlit(["setup"], source.url)).status).toBe(0);
      const first = join(work, "first.json");
      expect((await matlit(["export", "--format", "json", "--out", first], source.url)).status).toBe(0);
      const papers = JSON.parse(readFileSync(first, "utf8")).papers;
      expect(papers.length).toBeGreaterThanOrEqual(5);
      // …with every shape a number can take: a range, a derivation, each scope, a unit read otherwise, a range condition.
      const measurements = papers.flatMap((p: RecordFile["papers"][number]) => p.materials!.flatMap((m) => m.measurements!));
      expect(measurements.some((m: MeasurementRecord) => m.value === undefined && m.min !== undefined && m.reported)).toBe(true);
      expect(measurements.some((m: MeasurementRecord) => m.derivation)).toBe(true);
      expect(new Set(measurements.map((m: MeasurementRecord) => m.scope))).toEqual(new Set(SCOPES));
      expect(measurements.some((m: MeasurementRecord) => m.unitReadAs)).toBe(true);
      expect(measurements.some((m: MeasurementRecord) => (m.conditions?.sulfurLoading as { min?: number } | undefined)?.min !== undefined)).toBe(true);
      expect((await matlit(["import", first], target.url)).status).toBe(0);
      const second = join(work, "second.json");
      expect((await matlit(["export", "--format", "json", "--out", second], target.url)).status).toBe(0);
      expect(readFileSync(second, "utf8")).toBe(readFileSync(first, "utf8"));
      // the library functions agree with the CLI
      expect(JSON.stringify(await exportRecords(target.prisma))).toBe(JSON.stringify(JSON.parse(readFileSync(first, "utf8"))));
    } finally {
      await source.cleanup();
      await target.cleanup();
    }
  });

  it("exports CSV with one row per measurement", async () => {
    const t = await createDatabase(provider);
    try {
      await matlit(["import", writeJson("csv.json", validFile())], t.url);
      const csv = (await matlit(["export", "--format", "csv"], t.url)).stdout.trim().split("\n");
      expect(csv[0]).toMatch(/^doi,identifier,paper_title,year,material_key/);
      expect(csv).toHaveLength(1 + 4);
      expect(csv.find((l) => l.includes("255.2"))).toContain("-35");
    } finally {
      await t.cleanup();
    }
  });
});

describe.each(PROVIDERS)("matlit setup (%s)", (provider) => {
  it("loads the seed papers once, and the records read back through stats", async () => {
    const t = await createDatabase(provider);
    try {
      const first = JSON.parse((await matlit(["setup", "--json"], t.url)).stdout);
      expect(first.seeded).toHaveLength(5);
      expect(first.searchTextRewritten).toBeGreaterThan(0);
      const again = JSON.parse((await matlit(["setup", "--json"], t.url)).stdout);
      expect(again).toMatchObject({ migrations: { applied: [] }, seeded: [], searchTextRewritten: 0 });
      const stats = await matlit(["stats", "--json"], t.url);
      expect(stats.status).toBe(0);
      expect(stats.stdout).toContain("10.1007/s40820-025-01858-2");
    } finally {
      await t.cleanup();
    }
  });
});

/** The in-memory facet index must count exactly what SQL over the records counts, and follow every write. */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { loadSeed } from "../../seed/load";
import { importRecords, validateRecordFile } from "../../lib/records";
import { facetIndex, lastRefresh } from "../../lib/search/facet-index";
import { EmbeddedSearch } from "../../lib/search/embedded";
import { parseSearchQuery, type SearchQuery } from "../../lib/search/query";

describe("facet index of the embedded search", () => {
  let t: TestDatabase;
  let sqlite: Database.Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSeed(t.prisma);
    sqlite = new Database(t.file, { readonly: true });
  });
  afterAll(async () => {
    sqlite.close();
    await t.cleanup();
  });

  /** Facet counts straight from the tables, over the published materials a WHERE clause keeps. */
  const sqlCounts = (where: string) => {
    const hits = `SELECT M."id" FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE P."status" = 'published' AND ${where}`;
    const grouped = (sql: string) =>
      Object.fromEntries((sqlite.prepare(sql).all() as { facetValue: string | number; count: number }[]).map((r) => [String(r.facetValue), r.count]));
    const column = (expr: string) =>
      grouped(
        `SELECT ${expr} AS facetValue, COUNT(*) AS count FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE M."id" IN (${hits}) GROUP BY facetValue`,
      );
    return {
      battery_system: column(`M."batterySystem"`),
      role: column(`M."role"`),
      material_class: column(`M."materialClass"`),
      journal: column(`P."journal"`),
      year: column(`P."year"`),
      elements: grouped(`SELECT "symbol" AS facetValue, COUNT(*) AS count FROM "MaterialElement" WHERE "materialId" IN (${hits}) GROUP BY facetValue`),
      property: grouped(
        `SELECT "propertyKey" AS facetValue, COUNT(DISTINCT "materialId") AS count FROM "Measurement" WHERE "materialId" IN (${hits}) AND "scope" = 'material' AND "source" = 'stated' GROUP BY facetValue`,
      ),
    };
  };
  const searchCounts = async (query: SearchQuery) => {
    const result = await new EmbeddedSearch(t.prisma).search(parseSearchQuery(query));
    return {
      total: result.total,
      facets: Object.fromEntries(Object.entries(result.facets).map(([f, counts]) => [f, Object.fromEntries(counts.map((c) => [c.value, c.count]))])),
    };
  };

  it("counts every facet over the whole knowledge base as SQL does", async () => {
    const { total, facets } = await searchCounts({});
    expect(total).toBe(
      (sqlite.prepare(`SELECT COUNT(*) AS n FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE P."status" = 'published'`).get() as { n: number }).n,
    );
    expect(facets).toEqual(sqlCounts("1 = 1"));
  });

  it("counts the facets of a metric search as SQL does", async () => {
    const { facets } = await searchCounts({ metrics: [{ property: "specific_capacity", min: 200, unit: "mAh/g" }] });
    expect(facets).toEqual(
      sqlCounts(
        `M."id" IN (SELECT "materialId" FROM "Measurement" WHERE "propertyKey" = 'specific_capacity' AND "canonicalMax" >= 200 AND "scope" = 'material' AND "source" = 'stated')`,
      ),
    );
  });

  it("counts a selected facet without its own selection (disjunctive) and the others with it", async () => {
    const { total, facets } = await searchCounts({ facets: { role: ["anode"], elements: { all: ["Fe", "S"] } } });
    const fes = `(SELECT COUNT(*) FROM "MaterialElement" E WHERE E."materialId" = M."id" AND E."symbol" IN ('Fe', 'S')) = 2`;
    expect(facets.role).toEqual(sqlCounts(fes).role);
    expect(facets.elements).toEqual(sqlCounts(`M."role" = 'anode'`).elements);
    expect(facets.property).toEqual(sqlCounts(`M."role" = 'anode' AND ${fes}`).property);
    expect(total).toBe(Object.values(sqlCounts(`M."role" = 'anode' AND ${fes}`).role).reduce((a, b) => a + b, 0));
  });

  it("is rebuilt after a write and reused while nothing changes", async () => {
    const added = validFile().papers[0]!.materials!.length;
    const before = await facetIndex(t.prisma);
    expect(await facetIndex(t.prisma)).toBe(before);
    await importRecords(t.prisma, validateRecordFile(validFile("10.1234/facet.index")));
    const after = await facetIndex(t.prisma);
    expect(after).not.toBe(before);
    expect(after.size).toBe(before.size + added);
    expect((await searchCounts({ facets: { journal: ["Test Journal"] } })).total).toBe(added);
  });

  it("stays as it is while only drafts, sessions and the outbox are written", async () => {
    const before = await facetIndex(t.prisma);
    const user = await t.prisma.user.create({ data: { email: `facets-${Date.now()}@example.org`, passwordHash: "x" } });
    for (let i = 0; i < 5; i++) {
      await t.prisma.paperDraft.upsert({
        where: { id: "facet-draft" },
        create: { id: "facet-draft", userId: user.id, json: `{"i":${i}}` },
        update: { json: `{"i":${i}}` },
      });
      expect(await facetIndex(t.prisma)).toBe(before); // an autosave is a commit, but not of the records
    }
    await t.prisma.session.create({ data: { id: `facet-session-${Date.now()}`, userId: user.id, expiresAt: new Date(Date.now() + 60_000) } });
    await t.prisma.searchOutbox.deleteMany();
    expect(await facetIndex(t.prisma)).toBe(before);
  });

  it("reads only the materials a publish changed, and counts as a whole read would", async () => {
    const before = await facetIndex(t.prisma);
    const file = validateRecordFile(validFile("10.1234/facet.changes"));
    file.papers[0]!.journal = "Changes Journal";
    await importRecords(t.prisma, file);
    const after = await facetIndex(t.prisma);
    expect(lastRefresh(t.prisma)).toEqual({ kind: "changes", materials: file.papers[0]!.materials.length });
    expect(after.size).toBe(before.size + file.papers[0]!.materials.length);
    expect((await searchCounts({})).facets).toEqual(sqlCounts("1 = 1"));
    // A sort reads best values patched for the changed materials, as a fresh read gives them.
    const sorted = () => new EmbeddedSearch(t.prisma).search(parseSearchQuery({ sort: { property: "specific_capacity", order: "desc" }, perPage: 100 }));
    const patched = (await sorted()).materials.map((m) => [m.ref, m.sortValue]);
    file.papers[0]!.materials[0]!.measurements[0]!.value = 9999;
    await importRecords(t.prisma, file); // the paper again, its first capacity now the highest of all
    expect((await sorted()).materials[0]).toMatchObject({ ref: "10.1234/facet.changes/fes2-anode", sortValue: 9999 });
    expect(lastRefresh(t.prisma)?.kind).toBe("changes");
    expect(patched.length).toBeGreaterThan(10);
    await t.prisma.paper.delete({ where: { doi: "10.1234/facet.changes" } });
    expect((await facetIndex(t.prisma)).size).toBe(before.size);
    expect((await searchCounts({})).facets).toEqual(sqlCounts("1 = 1"));
  });
});

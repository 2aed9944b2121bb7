/** The metric-clause SQL must use the indexes built for it, not scan Measurement. */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { clauseMaterials } from "../../lib/search/sql";
import { readerOf } from "../../lib/db/sql";
import { BEST_VALUES_SQL, RECORDS_VERSION_SQL } from "../../lib/search/facet-index";

describe("query plans of the embedded search", () => {
  let t: TestDatabase;
  let sqlite: Database.Database;
  beforeAll(async () => {
    t = await createTestDatabase();
    sqlite = new Database(t.file);
    sqlite.exec("ANALYZE");
  });
  afterAll(async () => {
    sqlite.close();
    await t.cleanup();
  });

  const plan = (sql: string, params: unknown[]) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");

  it("finds the materials of a metric clause through the index of its bounded condition, never a scan", () => {
    const own = { scopes: ["material" as const], derived: false };
    const cases = [
      [
        { property: "specific_capacity", min: 250, where: [{ column: "temperature", upper: "temperatureMax", max: -20 }], ranges: "overlap" },
        "Measurement_propertyKey_temperature_temperatureMax_canonicalMax_canonicalMin_materialId_scope_source_idx",
      ],
      [
        { property: "specific_capacity", min: 250, where: [{ column: "currentDensity", upper: "currentDensityMax", min: 1 }], ranges: "within" },
        "Measurement_propertyKey_currentDensity_currentDensityMax_canonicalMax_canonicalMin_materialId_scope_source_idx",
      ],
      [
        { property: "ionic_conductivity", min: 1, where: [], ranges: "overlap" },
        "Measurement_propertyKey_canonicalMax_canonicalMin_materialId_scope_source_idx",
      ],
      [
        { property: "ionic_conductivity", min: 1, where: [], ranges: "within" },
        "Measurement_propertyKey_canonicalMin_canonicalMax_materialId_scope_source_idx",
      ],
      [
        { property: "ionic_conductivity", max: 1, where: [], ranges: "overlap" },
        "Measurement_propertyKey_canonicalMin_canonicalMax_materialId_scope_source_idx",
      ],
      [
        { property: "specific_capacity", min: 250, where: [{ column: "cycle", min: 100 }], ranges: "overlap" },
        "Measurement_propertyKey_canonicalMax_canonicalMin_materialId_scope_source_idx",
      ],
    ] as const;
    for (const [clause, index] of cases) {
      const c = clauseMaterials(readerOf(t.prisma).dialect, { ...own, ...clause, where: [...clause.where] });
      const detail = plan(c.sql, c.params);
      expect(detail).toContain(`SEARCH X USING ${clause.where.some((b) => b.column === "cycle") ? "" : "COVERING "}INDEX ${index}`);
      expect(detail).not.toMatch(/SCAN X\b/);
    }
  });

  it("reads the measurements of given materials through (materialId, position) once the candidates are few", () => {
    const clause = {
      property: "specific_capacity",
      min: 250,
      where: [{ column: "temperature", upper: "temperatureMax", max: -20 }],
      ranges: "overlap" as const,
      scopes: ["material" as const],
      derived: false,
    };
    const c = clauseMaterials(readerOf(t.prisma).dialect, clause, [1, 2, 3]);
    const detail = plan(c.sql, c.params);
    expect(detail).toContain("USING INDEX Measurement_materialId_position_key (materialId=?)");
    expect(detail).not.toMatch(/SCAN X\b/);
  });

  it("finds each material's best value of a sort property on a covering index", () => {
    const detail = plan(BEST_VALUES_SQL, ["specific_capacity"]);
    expect(detail).toMatch(/SEARCH Measurement USING COVERING INDEX Measurement_propertyKey_\w+ \(propertyKey=\?\)/);
    expect(detail).not.toMatch(/SCAN Measurement\b/);
  });

  it("reads the records version, which every search checks, without scanning the change feed", () => {
    expect(plan(RECORDS_VERSION_SQL, [])).not.toMatch(/SCAN RecordChange/);
  });

  it("filters elements through the symbol index", () => {
    const detail = plan(`SELECT "materialId" FROM "MaterialElement" WHERE "symbol" IN ('Fe', 'S')`, []);
    expect(detail).toMatch(/MaterialElement_symbol_idx|sqlite_autoindex_MaterialElement/);
  });
});

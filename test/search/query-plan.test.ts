/** The metric-clause SQL must use the indexes built for it, not scan Measurement. */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { clauseCondition } from "../../lib/search/sql";

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

  const plan = (sql: string, params: unknown[]) => (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join("\n");

  it("finds the measurements of a metric clause through a property index, never a scan", () => {
    const c = clauseCondition({ property: "specific_capacity", min: 250, where: [{ column: "temperature", max: -20 }] }, "X");
    const sql = `SELECT M."id" FROM "Material" M WHERE M."id" IN (SELECT X."materialId" FROM "Measurement" X WHERE ${c.sql})`;
    const detail = plan(sql, c.params);
    expect(detail).toMatch(/SEARCH X USING COVERING INDEX Measurement_propertyKey_(canonicalValue|temperature_canonicalValue)_materialId_idx/);
    expect(detail).not.toMatch(/SCAN X\b/);
  });

  it("finds the best value of a sort property without scanning", () => {
    const c = clauseCondition({ property: "specific_capacity", where: [] }, "S");
    const sql = `SELECT (SELECT MAX(S."canonicalValue") FROM "Measurement" S WHERE S."materialId" = M."id" AND ${c.sql}) FROM "Material" M`;
    expect(plan(sql, c.params)).toMatch(/Measurement_materialId_propertyKey_canonicalValue_idx/);
  });

  it("filters elements through the symbol index", () => {
    const detail = plan(`SELECT "materialId" FROM "MaterialElement" WHERE "symbol" IN ('Fe', 'S')`, []);
    expect(detail).toMatch(/MaterialElement_symbol_idx|sqlite_autoindex_MaterialElement/);
  });
});

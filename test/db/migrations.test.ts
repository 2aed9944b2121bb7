import { describe, it, expect, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { migrate } from "../../lib/db/migrate";

/** Models and their scalar fields, read from schema.prisma (relation fields point at other models). */
function schemaModels(): Map<string, { field: string; type: string; optional: boolean }[]> {
  const schema = readFileSync(join(import.meta.dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const names = new Set(blocks.map((b) => b[1]!));
  const models = new Map<string, { field: string; type: string; optional: boolean }[]>();
  for (const [, name, body] of blocks) {
    const fields = body!
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("@@") && !l.startsWith("//"))
      .map((l) => l.split(/\s+/))
      .map(([field, type]) => ({ field: field!, type: type!.replace(/[?[\]]/g, ""), optional: type!.endsWith("?") }))
      .filter((f) => !names.has(f.type));
    models.set(name!, fields);
  }
  return models;
}

const SQL_TYPES: Record<string, string> = { Int: "INTEGER", String: "TEXT", Float: "REAL", Boolean: "BOOLEAN", DateTime: "DATETIME" };

describe("migrations", () => {
  let t: TestDatabase;
  afterAll(async () => t?.cleanup());

  it("create a table with a matching column for every model and field of schema.prisma", async () => {
    t = await createTestDatabase();
    const sqlite = new Database(t.file, { readonly: true });
    const models = schemaModels();
    expect(models.size).toBeGreaterThan(10);
    for (const [model, fields] of models) {
      const columns = sqlite.prepare(`PRAGMA table_info("${model}")`).all() as { name: string; type: string; notnull: number }[];
      expect(columns.length, `table ${model}`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.name, c]));
      for (const f of fields) {
        const column = byName.get(f.field);
        expect(column, `${model}.${f.field}`).toBeDefined();
        expect(column!.type, `${model}.${f.field} type`).toBe(SQL_TYPES[f.type]);
        expect(column!.notnull === 1, `${model}.${f.field} nullability`).toBe(!f.optional);
      }
      expect(columns.map((c) => c.name).sort(), `${model} has no columns the schema lacks`).toEqual(fields.map((f) => f.field).sort());
    }
    sqlite.close();
  });

  it("create every @@index and @@unique of schema.prisma under Prisma's index name", () => {
    const schema = readFileSync(join(import.meta.dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
    const sqlite = new Database(t.file, { readonly: true });
    const indexes = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name));
    sqlite.close();
    let checked = 0;
    for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
      for (const [, kind, fields] of body!.matchAll(/@@(index|unique)\(\[([^\]]+)\]/g)) {
        const name = `${model}_${fields!
          .split(",")
          .map((f) => f.trim())
          .join("_")}_${kind === "unique" ? "key" : "idx"}`;
        expect(indexes, name).toContain(name);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("record what they applied like Prisma does, and apply nothing twice", async () => {
    const sqlite = new Database(t.file, { readonly: true });
    const rows = sqlite.prepare(`SELECT migration_name, checksum, finished_at FROM _prisma_migrations`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: string;
    }[];
    sqlite.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeTruthy();
    }
    expect(migrate(t.file).applied).toEqual([]);
  });
});

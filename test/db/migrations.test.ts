import { describe, it, expect, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { migrate, MIGRATIONS_DIR } from "../../lib/db/migrate";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import pg from "pg";
import { createPostgresDatabase, postgresServer } from "../helpers/postgres";

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
const POSTGRES_TYPES: Record<string, string> = {
  Int: "integer",
  String: "text",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
};

/**
 * Prisma's name of every @@index and @@unique of schema.prisma: model_fields_idx (or _key), on
 * PostgreSQL cut to its 63 characters before the suffix, as Prisma cuts it.
 */
function schemaIndexNames(maxLength = Infinity): string[] {
  const schema = readFileSync(join(import.meta.dirname, "..", "..", "prisma", "schema.prisma"), "utf8");
  const names: string[] = [];
  for (const [, model, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    for (const [, kind, fields] of body!.matchAll(/@@(index|unique)\(\[([^\]]+)\]/g)) {
      const base = `${model}_${fields!
        .split(",")
        .map((f) => f.trim())
        .join("_")}`;
      const suffix = kind === "unique" ? "key" : "idx";
      names.push(`${base.slice(0, maxLength - suffix.length - 1)}_${suffix}`);
    }
  }
  return names;
}

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
    const sqlite = new Database(t.file, { readonly: true });
    const indexes = new Set((sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name));
    sqlite.close();
    const expected = schemaIndexNames();
    expect(expected.length).toBeGreaterThan(10);
    for (const name of expected) expect(indexes, name).toContain(name);
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
    expect((await migrate(t.file)).applied).toEqual([]);
  });

  it("turn measurements written before ranges and scopes into what they stated", async () => {
    const RANGES = "20261201060000_measurement_ranges_scope";
    const dir = mkdtempSync(join(tmpdir(), "matlit-migrations-"));
    try {
      const before = join(dir, "before");
      for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < RANGES)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
      const file = join(dir, "old.db");
      await migrate(file, before);
      const db = new Database(file);
      db.exec(`INSERT INTO "Property" ("key", "label", "unit", "display", "group", "description") VALUES ('pore_size', 'Pore size', 'nm', 'nm', 'structure', '-');
        INSERT INTO "Paper" ("id", "doi", "title", "journal", "year", "kind", "updatedAt") VALUES (1, '10.1/x', 'T', 'J', 2020, 'research article', '2020-01-01');
        INSERT INTO "Material" ("id", "paperId", "key", "position", "name", "searchName", "role", "batterySystem", "materialClass") VALUES (1, 1, 'm', 0, 'M', 'm', 'anode', 'sodium-ion', 'c');
        INSERT INTO "Measurement" ("materialId", "position", "propertyKey", "value", "unit", "canonicalValue", "min", "max", "canonicalMin", "canonicalMax", "quote", "sulfurLoading")
        VALUES (1, 0, 'pore_size', 6, 'nm', 6, 2, 6, 2, 6, 'pores of 2–6 nm', NULL),
               (1, 1, 'pore_size', 4, 'nm', 4, NULL, NULL, NULL, NULL, 'pores of 4 nm', 3.5),
               (1, 2, 'pore_size', 5, 'nm', 5, 3, NULL, 3, NULL, 'pores from 3 nm, mostly 5 nm', NULL);`);
      db.close();
      expect((await migrate(file)).applied).toContain(RANGES);
      const rows = new Database(file, { readonly: true })
        .prepare(
          `SELECT "value", "min", "max", "canonicalMin", "canonicalMax", "scope", "sulfurLoading", "sulfurLoadingMax" FROM "Measurement" ORDER BY "position"`,
        )
        .all();
      expect(rows).toEqual([
        // A value with both bounds was a range whose value only stood for it.
        { value: null, min: 2, max: 6, canonicalMin: 2, canonicalMax: 6, scope: "material", sulfurLoading: null, sulfurLoadingMax: null },
        { value: 4, min: null, max: null, canonicalMin: 4, canonicalMax: 4, scope: "material", sulfurLoading: 3.5, sulfurLoadingMax: 3.5 },
        // One bound and a value: the range between them.
        { value: null, min: 3, max: 5, canonicalMin: 3, canonicalMax: 5, scope: "material", sulfurLoading: null, sulfurLoadingMax: null },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("move a material class written before the list into the class note, the class becoming 'other'", async () => {
    const LIST = "20261201100000_material_class_list";
    const dir = mkdtempSync(join(tmpdir(), "matlit-migrations-"));
    try {
      const before = join(dir, "before");
      for (const name of readdirSync(MIGRATIONS_DIR).filter((n) => n < LIST)) cpSync(join(MIGRATIONS_DIR, name), join(before, name), { recursive: true });
      const file = join(dir, "old.db");
      await migrate(file, before);
      const db = new Database(file);
      db.exec(`INSERT INTO "Paper" ("id", "doi", "title", "journal", "year", "kind", "updatedAt") VALUES (1, '10.1/x', 'T', 'J', 2020, 'research article', '2020-01-01');
        INSERT INTO "Material" ("id", "paperId", "key", "position", "name", "searchName", "role", "batterySystem", "materialClass")
        VALUES (1, 1, 'a', 0, 'A', 'a', 'anode', 'sodium-ion', 'alloying metal quantum dots in carbon'),
               (2, 1, 'b', 1, 'B', 'b', 'anode', 'sodium-ion', 'alloying metal'),
               (3, 1, 'c', 2, 'C', 'c', 'anode', 'sodium-ion', 'mxene / 2d');`);
      db.close();
      expect((await migrate(file)).applied).toContain(LIST);
      const rows = new Database(file, { readonly: true }).prepare(`SELECT "materialClass", "classNote" FROM "Material" ORDER BY "id"`).all();
      expect(rows).toEqual([
        { materialClass: "other", classNote: "alloying metal quantum dots in carbon" },
        { materialClass: "alloying metal", classNote: null },
        // A listed class in another case reads as the list writes it.
        { materialClass: "MXene / 2D", classNote: null },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!postgresServer())("PostgreSQL migrations", () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let client: pg.Client;
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it("create a table with a matching column for every model and field of schema.prisma", async () => {
    database = await createPostgresDatabase();
    expect((await migrate(database.url)).applied.length).toBeGreaterThan(0);
    client = new pg.Client(database.url);
    await client.connect();
    const models = schemaModels();
    for (const [model, fields] of models) {
      const { rows: columns } = await client.query<{ name: string; type: string; nullable: string }>(
        `SELECT column_name AS name, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model],
      );
      expect(columns.length, `table ${model}`).toBeGreaterThan(0);
      const byName = new Map(columns.map((c) => [c.name, c]));
      for (const f of fields) {
        const column = byName.get(f.field);
        expect(column, `${model}.${f.field}`).toBeDefined();
        expect(column!.type, `${model}.${f.field} type`).toBe(POSTGRES_TYPES[f.type]);
        expect(column!.nullable === "NO", `${model}.${f.field} nullability`).toBe(!f.optional);
      }
      expect(columns.map((c) => c.name).sort(), `${model} has no columns the schema lacks`).toEqual(fields.map((f) => f.field).sort());
    }
  });

  it("create every @@index and @@unique of schema.prisma under Prisma's index name", async () => {
    const { rows } = await client.query<{ name: string }>(`SELECT indexname AS name FROM pg_indexes WHERE schemaname = 'public'`);
    const indexes = new Set(rows.map((r) => r.name));
    for (const name of schemaIndexNames(63)) expect(indexes, name).toContain(name);
  });

  it("record what they applied like Prisma does, and apply nothing twice", async () => {
    const { rows } = await client.query<{ checksum: string; finished_at: Date | null }>(`SELECT checksum, finished_at FROM _prisma_migrations`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeTruthy();
    }
    expect((await migrate(database.url)).applied).toEqual([]);
  });
});

/**
 * Applies <dir>/<timestamp>_<name>/migration.sql in order, with Prisma's own `_prisma_migrations`
 * bookkeeping (sha256 checksum, timestamps, step count), so a machine with Prisma's schema engine
 * sees the same history with `prisma migrate deploy`. SQLite's migrations are in
 * prisma/migrations, PostgreSQL's in prisma/migrations-postgresql.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { databaseFile, databaseUrl, isPostgresUrl } from "./location";

export const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "prisma", "migrations");
export const POSTGRES_MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "prisma", "migrations-postgresql");

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

function migrationsIn(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The migrations not yet applied, given the applied ones' checksums by name; an edited one is an error. */
function pending(migrations: Migration[], done: Map<string, string>): Migration[] {
  return migrations.filter((m) => {
    const previous = done.get(m.name);
    if (previous !== undefined && previous !== m.checksum) throw new Error(`migration ${m.name} was edited after it was applied (checksum differs)`);
    return previous === undefined;
  });
}

/** Migrates the database named by a URL (postgresql://… or file:…) or a SQLite file's path. */
export async function migrate(target = databaseUrl(), dir?: string): Promise<MigrationResult> {
  return isPostgresUrl(target) ? migratePostgres(target, dir ?? POSTGRES_MIGRATIONS_DIR) : migrateSqlite(databaseFile(target), dir ?? MIGRATIONS_DIR);
}

function migrateSqlite(file: string, dir: string): MigrationResult {
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL,
      "checksum" TEXT NOT NULL,
      "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL,
      "logs" TEXT,
      "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
    )`);
    const done = new Map(
      (
        db.prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as {
          migration_name: string;
          checksum: string;
        }[]
      ).map((r) => [r.migration_name, r.checksum]),
    );
    const all = migrationsIn(dir);
    const todo = pending(all, done);
    for (const m of todo) {
      const started = new Date().toISOString();
      db.transaction(() => {
        db.exec(m.sql);
        db.prepare(`INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`).run(
          randomUUID(),
          m.checksum,
          new Date().toISOString(),
          m.name,
          started,
        );
      })();
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: all.length - todo.length };
  } finally {
    db.close();
  }
}

/** Two app servers may start at once: the migrator holds this session lock, so one migrates and the other then finds nothing to do. */
const MIGRATION_LOCK = 7120180;

async function migratePostgres(url: string, dir: string): Promise<MigrationResult> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    // Prisma's own definition of the table on PostgreSQL.
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const all = migrationsIn(dir);
    const todo = pending(all, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const m of todo) {
      const started = new Date();
      // PostgreSQL's DDL is transactional: a migration that fails leaves nothing behind.
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), m.checksum, m.name, started],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    }
    return { applied: todo.map((m) => m.name), alreadyApplied: all.length - todo.length };
  } finally {
    await client.end(); // ends the session, and with it the lock
  }
}

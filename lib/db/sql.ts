/**
 * Plain SQL for the paths where Prisma's per-query cost dominates (bulk import). One small
 * executor interface, served by a Prisma transaction (forms, API) or by a direct connection
 * holding the writers' lock (import), on SQLite or PostgreSQL, so the same writing code serves all.
 * Statements are written with `?` placeholders; the PostgreSQL executors number them ($1, $2, …).
 * What the two databases say differently is in the executor's SqlDialect.
 */
import Database from "better-sqlite3";
import type pg from "pg";
import { databaseOf, providerOf, type PrismaClient, type Tx } from "./index";
import { OUTBOX_CHANNEL, outboxWritten } from "./outbox-signal";
import { DatabaseBusyError, LOCK_WAIT_MS, POSTGRES_WRITE_LOCK, WRITE_BUDGET_MS, isBusy, postgresLockTimeout, retryWhileBusy } from "./transaction";

export type SqlValue = string | number | bigint | boolean | null;

export interface SqlDialect {
  /**
   * `IN (…)` over ONE parameter, a JSON array of ids or of texts, never an IN list of one parameter
   * per value: Prisma refuses more than 999 parameters on SQLite (P2029) and SQLite itself caps
   * them, so a paper of 1,000 materials could not be read.
   */
  inIds: string;
  inTexts: string;
  /** A text column ordered by its bytes, as SQLite does: export order must not depend on a PostgreSQL database's collation. */
  byteOrder: (column: string) => string;
  /** An inner join kept in the order written: SQLite's planner keeps a CROSS JOIN's order; PostgreSQL's needs no hint. */
  orderedJoin: string;
  /** A table's index named for the planner (SQLite cannot see how narrow a bound parameter is); PostgreSQL plans with the values. */
  indexedBy: (index: string) => string;
  /** The embedded search's text index: an FTS5 table, or a tsvector column (lib/search/full-text.ts). */
  fullText: "fts5" | "tsvector";
  /**
   * Writes the change feed (RecordChange) and the search outbox for materials deleted and written.
   * On SQLite the triggers of the search and record_changes migrations write them; PostgreSQL has
   * no triggers, so the records writer calls this in the same transaction. Either way it wakes the
   * outbox drainers (outbox-signal.ts).
   */
  materialsChanged: (exec: SqlExecutor, deleted: number[], written: number[]) => Promise<void>;
}

export interface SqlExecutor {
  dialect: SqlDialect;
  run(sql: string, params: SqlValue[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params: SqlValue[]): Promise<T[]>;
}

const SQLITE: SqlDialect = {
  inIds: `IN (SELECT "value" FROM json_each(?))`,
  inTexts: `IN (SELECT "value" FROM json_each(?))`,
  byteOrder: (column) => column,
  orderedJoin: "CROSS JOIN",
  indexedBy: (index) => `INDEXED BY "${index}"`,
  fullText: "fts5",
  materialsChanged: async () => outboxWritten(),
};

const POSTGRESQL: SqlDialect = {
  inIds: `IN (SELECT "value"::integer FROM jsonb_array_elements_text(?::jsonb))`,
  inTexts: `IN (SELECT "value" FROM jsonb_array_elements_text(?::jsonb))`,
  byteOrder: (column) => `${column} COLLATE "C"`,
  orderedJoin: "JOIN",
  indexedBy: () => "",
  fullText: "tsvector",
  materialsChanged: async (exec, deleted, written) => {
    const ids = JSON.stringify([...deleted, ...written]);
    await exec.run(`INSERT INTO "RecordChange" ("materialId") SELECT "value"::integer FROM jsonb_array_elements_text(?::jsonb)`, [ids]);
    await exec.run(
      `INSERT INTO "SearchOutbox" ("materialId", "op") SELECT "value"::integer, 'delete' FROM jsonb_array_elements_text(?::jsonb)
       UNION ALL SELECT "value"::integer, 'upsert' FROM jsonb_array_elements_text(?::jsonb)`,
      [JSON.stringify(deleted), JSON.stringify(written)],
    );
    await exec.run(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`, []);
  },
};

/** `?` placeholders numbered for PostgreSQL, outside quoted identifiers and strings. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/"[^"]*"|'[^']*'|\?/g, (token) => (token === "?" ? `$${++n}` : token));
}

export function prismaExecutor(tx: PrismaClient | Tx): SqlExecutor {
  const dialect = providerOf(tx) === "postgresql" ? POSTGRESQL : SQLITE;
  const text = dialect === POSTGRESQL ? numbered : (sql: string) => sql;
  return {
    dialect,
    run: async (sql, params) => void (await tx.$executeRawUnsafe(text(sql), ...params)),
    all: async <T>(sql: string, params: SqlValue[]) => (await tx.$queryRawUnsafe(text(sql), ...params)) as T[],
  };
}

function sqliteExecutor(connection: Database.Database): SqlExecutor {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  // better-sqlite3 binds no booleans; SQLite stores them as 1 and 0.
  const bound = (params: SqlValue[]) => params.map((p) => (typeof p === "boolean" ? Number(p) : p));
  return {
    dialect: SQLITE,
    run: async (sql, params) => void prepared(sql).run(...bound(params)),
    all: async <T>(sql: string, params: SqlValue[]) => prepared(sql).all(...bound(params)) as T[],
  };
}

function postgresExecutor(connection: pg.PoolClient): SqlExecutor {
  return {
    dialect: POSTGRESQL,
    run: async (sql, params) => void (await connection.query(numbered(sql), params)),
    all: async <T>(sql: string, params: SqlValue[]) => (await connection.query(numbered(sql), params)).rows as T[],
  };
}

/**
 * Run `work` in one transaction on its own connection to the client's database, holding the
 * writers' lock from the start (so what it reads cannot change under it), all or nothing.
 * SQLite: an IMMEDIATE transaction; while another process holds the lock, BEGIN is retried
 * asynchronously (see retryWhileBusy) for up to `budgetMs`, so waiting never blocks the event loop.
 * PostgreSQL: a connection of the client's pool, waiting on the advisory lock (it blocks no thread)
 * for up to `budgetMs`.
 */
export async function withWriteTransaction<T>(prisma: PrismaClient, work: (exec: SqlExecutor) => Promise<T>, budgetMs = WRITE_BUDGET_MS): Promise<T> {
  const database = databaseOf(prisma);
  if (database.provider === "postgresql") {
    const connection = await database.pool.connect();
    try {
      await connection.query("BEGIN");
      try {
        await connection.query(postgresLockTimeout(budgetMs));
        await connection.query(POSTGRES_WRITE_LOCK).catch((e: unknown) => {
          throw isBusy(e) ? new DatabaseBusyError(budgetMs) : e;
        });
        const result = await work(postgresExecutor(connection));
        await connection.query("COMMIT");
        return result;
      } catch (e) {
        await connection.query("ROLLBACK");
        throw e;
      }
    } finally {
      connection.release();
    }
  }
  const connection = new Database(database.file, { timeout: LOCK_WAIT_MS });
  try {
    connection.pragma("foreign_keys = ON");
    connection.pragma("cache_size = -65536");
    await retryWhileBusy(async () => void connection.exec("BEGIN IMMEDIATE"), budgetMs);
    try {
      const result = await work(sqliteExecutor(connection));
      connection.exec("COMMIT");
      return result;
    } catch (e) {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      throw e;
    }
  } finally {
    connection.close();
  }
}

/**
 * Runs `work` unless another process is running work under the same `lock`; then answers `undefined`
 * at once. PostgreSQL: a session advisory lock on a connection of its own, held for the work and
 * freed with the connection if this process dies. SQLite: the work runs (a file has one server,
 * and a SQLite write already excludes every other). `work` is told whether the lock excluded every
 * other process, so it may take over what a stopped holder left half-done.
 */
export async function exclusively<T>(prisma: PrismaClient, lock: number, work: (excludedOthers: boolean) => Promise<T>): Promise<T | undefined> {
  const database = databaseOf(prisma);
  if (database.provider === "sqlite") return work(false);
  const connection = await database.pool.connect();
  try {
    const [got] = (await connection.query<{ got: boolean }>(`SELECT pg_try_advisory_lock($1) AS got`, [lock])).rows;
    if (!got?.got) return undefined;
    try {
      return await work(true);
    } finally {
      await connection.query(`SELECT pg_advisory_unlock($1)`, [lock]);
    }
  } finally {
    connection.release();
  }
}

/** One read-only connection per SQLite file for the raw queries of search (reads never block in WAL). */
const readers = new Map<string, { connection: Database.Database; statements: Map<string, Database.Statement>; serial: number }>();
let connections = 0;

function reader(file: string) {
  let r = readers.get(file);
  if (!r) {
    r = { connection: new Database(file, { readonly: true, timeout: 30_000 }), statements: new Map(), serial: ++connections };
    readers.set(file, r);
  }
  return r;
}

function readStatement(file: string, sql: string): Database.Statement {
  const r = reader(file);
  let statement = r.statements.get(sql);
  if (!statement) {
    if (r.statements.size > 500) r.statements.clear(); // IN-lists of every length make new SQL
    statement = r.connection.prepare(sql);
    r.statements.set(sql, statement);
  }
  return statement;
}

/** `?, ?, ?` for an IN-list of `n` bound values. */
export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * Plain-SQL reads of the records (search, the facet index, the scatter), off Prisma: these queries
 * are already SQL, and Prisma's per-query cost would be most of a search's time.
 */
export interface SqlReader {
  dialect: SqlDialect;
  /** Which opening of the connection this is: a reopened SQLite file counts afresh, so what was cached from the last one is stale. */
  serial: number;
  all<T>(sql: string, params: SqlValue[]): Promise<T[]>;
  /** Rows one at a time as arrays of column values, for reading whole tables. */
  each(sql: string, params: SqlValue[], row: (values: unknown[]) => void): Promise<void>;
  /** Several reads from one consistent state of the records (a read transaction). Not nested. */
  consistently<T>(work: (reader: SqlReader) => Promise<T>): Promise<T>;
}

function sqliteReader(file: string): SqlReader {
  const connection = reader(file);
  const self: SqlReader = {
    dialect: SQLITE,
    serial: connection.serial,
    all: async <T>(sql: string, params: SqlValue[]) => readStatement(file, sql).all(...params) as T[],
    each: async (sql, params, row) => {
      const statement = readStatement(file, sql).raw(true);
      try {
        for (const values of statement.iterate(...params)) row(values as unknown[]);
      } finally {
        statement.raw(false);
      }
    },
    // The reads inside are synchronous, so the transaction is open for one turn of the event loop
    // only; a search's reads on the same connection meanwhile see the same, current, state.
    consistently: async (work) => {
      connection.connection.exec("BEGIN");
      try {
        return await work(self);
      } finally {
        connection.connection.exec("COMMIT");
      }
    },
  };
  return self;
}

function postgresReader(pool: pg.Pool, connection?: pg.PoolClient): SqlReader {
  const on = connection ?? pool;
  const all = async <T>(sql: string, params: SqlValue[]) => (await on.query(numbered(sql), params)).rows as T[];
  return {
    dialect: POSTGRESQL,
    serial: 0, // a server is never reopened under the same pool
    all,
    each: async (sql, params, row) => {
      for (const values of (await on.query({ text: numbered(sql), values: params, rowMode: "array" })).rows as unknown[][]) row(values);
    },
    consistently: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        try {
          return await work(postgresReader(pool, client));
        } finally {
          await client.query("COMMIT");
        }
      } finally {
        client.release();
      }
    },
  };
}

/** The plain-SQL reader of a client's database. */
export function readerOf(prisma: PrismaClient): SqlReader {
  const database = databaseOf(prisma);
  return database.provider === "postgresql" ? postgresReader(database.pool) : sqliteReader(database.file);
}

/** Closes the read connections (tests delete their database files). */
export function closeReaders(file?: string): void {
  for (const [f, reader] of readers) {
    if (file && f !== file) continue;
    reader.connection.close();
    readers.delete(f);
  }
}

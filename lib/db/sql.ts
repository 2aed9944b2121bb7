/**
 * Plain SQL for the paths where Prisma's per-query cost dominates (bulk import). One small
 * executor interface, served either by a Prisma transaction (forms, API) or by a direct
 * better-sqlite3 connection holding the write lock (import), so the same writing code serves both.
 */
import Database from "better-sqlite3";
import type { Tx } from "./index";
import { LOCK_WAIT_MS, WRITE_BUDGET_MS, retryWhileBusy } from "./transaction";

export type SqlValue = string | number | bigint | null;

export interface SqlExecutor {
  run(sql: string, params: SqlValue[]): Promise<void>;
  all<T = Record<string, unknown>>(sql: string, params: SqlValue[]): Promise<T[]>;
}

export function prismaExecutor(tx: Tx): SqlExecutor {
  return {
    run: async (sql, params) => void (await tx.$executeRawUnsafe(sql, ...params)),
    all: async <T>(sql: string, params: SqlValue[]) => (await tx.$queryRawUnsafe(sql, ...params)) as T[],
  };
}

function sqliteExecutor(connection: Database.Database): SqlExecutor {
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
    return statement;
  };
  return {
    run: async (sql, params) => void prepared(sql).run(...params),
    all: async <T>(sql: string, params: SqlValue[]) => prepared(sql).all(...params) as T[],
  };
}

/**
 * Run `work` in one IMMEDIATE transaction on its own connection to `file`: it holds the write lock
 * from the start (so what it reads cannot change under it), and commits all or nothing. While
 * another process holds the lock, BEGIN is retried asynchronously (see retryWhileBusy) for up to
 * `budgetMs`, so waiting never blocks the event loop.
 */
export async function withWriteTransaction<T>(file: string, work: (exec: SqlExecutor) => Promise<T>, budgetMs = WRITE_BUDGET_MS): Promise<T> {
  const connection = new Database(file, { timeout: LOCK_WAIT_MS });
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

/** One read-only connection per database file for the raw queries of search (reads never block in WAL). */
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

export function readQuery<T>(file: string, sql: string, params: SqlValue[]): T[] {
  return readStatement(file, sql).all(...params) as T[];
}

/** Rows one at a time as arrays of column values, for reading whole tables without holding them. */
export function forEachRow(file: string, sql: string, params: SqlValue[], each: (row: unknown[]) => void): void {
  const statement = readStatement(file, sql).raw(true);
  try {
    for (const row of statement.iterate(...params)) each(row as unknown[]);
  } finally {
    statement.raw(false);
  }
}

/** Which opening of the file's read connection this is: a reopened file counts afresh, so what was cached from the last one is stale. */
export function readerSerial(file: string): number {
  return reader(file).serial;
}

/** Several reads from one consistent state of the file (a read transaction). */
export function readConsistently<T>(file: string, work: () => T): T {
  return reader(file).connection.transaction(work)();
}

/** Closes the read connections (tests delete their database files). */
export function closeReaders(file?: string): void {
  for (const [f, reader] of readers) {
    if (file && f !== file) continue;
    reader.connection.close();
    readers.delete(f);
  }
}

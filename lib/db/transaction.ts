/**
 * Writes that wait for SQLite's write lock without blocking the server, and give up with a clear
 * "busy" error (HTTP 503) instead of failing.
 *
 * Why: another process (a CLI import) may hold the write lock for seconds. better-sqlite3's busy
 * timeout waits synchronously, freezing the whole Node event loop, and a DEFERRED transaction that
 * reads before it writes cannot wait at all (SQLITE_BUSY_SNAPSHOT). So connections wait only
 * briefly, every write transaction takes the write lock with its first statement, and a busy
 * database is retried asynchronously with backoff until a time budget runs out.
 *
 * Every write of the app goes through writeTransaction, single statements included: Prisma's SQLite
 * adapter serialises only its interactive transactions on its one connection, so a plain statement
 * sent while another request's transaction is open would run inside it, and vanish if it rolls back.
 */
import { AppError } from "../errors";
import { providerOf, type PrismaClient, type Tx } from "./index";

/** How long one statement may wait for a lock inside SQLite (blocking) before we retry asynchronously. */
export const LOCK_WAIT_MS = 20;
/** How long a request keeps retrying a busy database before answering 503. */
export const WRITE_BUDGET_MS = 15_000;

/** Nothing was written; sending the same write again in a couple of seconds is safe. */
export class DatabaseBusyError extends AppError {
  constructor(readonly waitedMs: number) {
    super("busy", `the database is busy with another write (waited ${Math.round(waitedMs / 1000)} s); try again in a moment`, { retryAfterMs: 2000 });
  }
}

/**
 * SQLite's "locked" answers, and PostgreSQL's lock_not_available (55P03: a lock not had within
 * lock_timeout), whether from the driver directly or wrapped by Prisma's adapter.
 */
export function isBusy(e: unknown): boolean {
  for (let cause: unknown = e, depth = 0; cause && typeof cause === "object" && depth < 6; depth++) {
    const c = cause as { code?: unknown; originalCode?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    for (const code of [c.code, c.originalCode]) if (typeof code === "string" && /^(SQLITE_(BUSY|LOCKED)|55P03$)/.test(code)) return true;
    cause = c.meta?.driverAdapterError?.cause ?? c.cause;
  }
  return false;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run `attempt` until it does not fail with a busy database, with jittered exponential backoff,
 * for at most `budgetMs`; then throw DatabaseBusyError. Other errors pass through at once.
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, budgetMs = WRITE_BUDGET_MS): Promise<T> {
  const start = Date.now();
  for (let delay = 10; ; delay = Math.min(delay * 2, 500)) {
    try {
      return await attempt();
    } catch (e) {
      if (!isBusy(e)) throw e;
      const waited = Date.now() - start;
      if (waited >= budgetMs) throw new DatabaseBusyError(waited);
      await sleep(Math.min(delay * (0.5 + Math.random()), budgetMs - waited));
    }
  }
}

/**
 * A no-op write as the first statement: it takes the write lock at the start of Prisma's DEFERRED
 * transaction, before anything is read, so the transaction either waits for the lock or retries
 * whole — it never reads a snapshot it then cannot write from.
 */
const TAKE_WRITE_LOCK = `DELETE FROM "_prisma_migrations" WHERE 0`;

/**
 * PostgreSQL's equivalent, for the whole transaction: writers run one at a time, as on SQLite, so
 * what a writer reads (the papers it replaces) cannot change under it. Readers never wait for it.
 */
export const POSTGRES_WRITE_LOCK = `SELECT pg_advisory_xact_lock(7120181)`;

/** PostgreSQL waits for a lock at most the write's budget; past it the lock fails as busy (55P03), as SQLite's would. */
export const postgresLockTimeout = (budgetMs: number) => `SET LOCAL lock_timeout = ${Math.max(1, Math.round(budgetMs))}`;

/** One Prisma write transaction that holds the write lock from its start, retried while the database is busy. */
export function writeTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>, options: { budgetMs?: number; timeoutMs?: number } = {}): Promise<T> {
  const budgetMs = options.budgetMs ?? WRITE_BUDGET_MS;
  return retryWhileBusy(
    () =>
      prisma.$transaction(
        async (tx) => {
          if (providerOf(prisma) === "postgresql") {
            await tx.$executeRawUnsafe(postgresLockTimeout(budgetMs));
            await tx.$executeRawUnsafe(POSTGRES_WRITE_LOCK);
          } else await tx.$executeRawUnsafe(TAKE_WRITE_LOCK);
          return work(tx);
        },
        { timeout: options.timeoutMs ?? 120_000, maxWait: 30_000 },
      ),
    budgetMs,
  );
}

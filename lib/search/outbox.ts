/**
 * The search outbox (docs/ARCHITECTURE.md): a row per changed material is added in the same
 * transaction as the record (SQLite's triggers, PostgreSQL's records writer); the drainer pushes those materials' current state to Meilisearch
 * and removes the rows once Meilisearch has applied them. A failed push keeps the rows and retries
 * them with exponential backoff, so Meilisearch being down loses nothing.
 */
import { db, type PrismaClient } from "../db";
import { writeTransaction } from "../db/transaction";
import { exclusively } from "../db/sql";
import { onOutboxWritten } from "../db/outbox-signal";
import { MeilisearchSearch } from "./meilisearch";

/** Where drained materials go: their documents are rebuilt from the records, so the row's op does not matter. */
export interface OutboxTarget {
  syncMaterials(materialIds: number[]): Promise<void>;
}

export interface DrainOptions {
  batchSize?: number;
  /** Also take rows still waiting for their retry time (an operator retrying by hand). */
  ignoreBackoff?: boolean;
  /** The clock that decides which rows are due and when failed ones retry (tests move it instead of waiting). */
  now?: () => number;
}

export interface DrainResult {
  /** Outbox rows applied and removed. */
  drained: number;
  /** Rows kept for a later retry, and why. */
  failed: number;
  error?: string;
  /** Another server was draining, so this drained nothing. */
  busy?: boolean;
}

/**
 * How long a claimed batch is kept from other drainers; if this one dies, its rows become due again.
 * On PostgreSQL the drainers' lock ends a stopped drainer's claims at once (see claim).
 */
const LEASE_MS = 5 * 60_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 10 * 60_000;

/** Delay before the next try of a row tried `attempts` times: 1 s, 2 s, 4 s … up to 10 min. */
export const retryDelay = (attempts: number) => Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), MAX_RETRY_MS);

interface Claimed {
  id: number;
  materialId: number;
  attempts: number;
}

/**
 * Takes due rows and counts the attempt up front: a row with attempts > 0 no longer absorbs later
 * measurement changes (the triggers only skip a new row while an untried one exists), so a change
 * made while this batch is in flight gets a row of its own. `orphansDue`: the caller holds the
 * drainers' lock, so rows still marked claimed were a stopped drainer's and are taken now.
 */
async function claim(prisma: PrismaClient, batchSize: number, ignoreBackoff: boolean, orphansDue: boolean, clock: () => number): Promise<Claimed[]> {
  const now = new Date(clock());
  return writeTransaction(prisma, async (tx) => {
    const rows = await tx.searchOutbox.findMany({
      where: ignoreBackoff ? {} : { OR: [{ nextAttemptAt: { lte: now } }, ...(orphansDue ? [{ claimedAt: { not: null } }] : [])] },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, materialId: true, attempts: true },
    });
    if (!rows.length) return [];
    await tx.searchOutbox.updateMany({
      where: { id: { in: rows.map((r) => r.id) } },
      data: { attempts: { increment: 1 }, claimedAt: now, nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    return rows.map((r) => ({ ...r, attempts: r.attempts + 1 }));
  });
}

async function release(prisma: PrismaClient, rows: Claimed[], error: string, clock: () => number): Promise<void> {
  const now = clock();
  for (const attempts of new Set(rows.map((r) => r.attempts))) {
    await writeTransaction(prisma, (tx) =>
      tx.searchOutbox.updateMany({
        where: { id: { in: rows.filter((r) => r.attempts === attempts).map((r) => r.id) } },
        data: { lastError: error.slice(0, 2000), claimedAt: null, nextAttemptAt: new Date(now + retryDelay(attempts)) },
      }),
    );
  }
}

/**
 * One drainer at a time across servers: each row is claimed by one drainer anyway (under the
 * writers' lock), but two drainers could push one material's documents out of order, the older
 * state last.
 */
const DRAINER_LOCK = 7120182;

/**
 * Drains due rows batch by batch until none is left or a batch fails. While another server drains,
 * drains nothing (that one takes the rows).
 */
export async function drainOutbox(prisma: PrismaClient, target: OutboxTarget, options: DrainOptions = {}): Promise<DrainResult> {
  // Where the lock excludes no other process (SQLite), a claim lasts its lease.
  return (
    (await exclusively(prisma, DRAINER_LOCK, (excludedOthers) => drainBatches(prisma, target, options, excludedOthers))) ?? {
      drained: 0,
      failed: 0,
      busy: true,
    }
  );
}

async function drainBatches(prisma: PrismaClient, target: OutboxTarget, options: DrainOptions, orphansDue: boolean): Promise<DrainResult> {
  const result: DrainResult = { drained: 0, failed: 0 };
  const clock = options.now ?? Date.now;
  for (;;) {
    const rows = await claim(prisma, options.batchSize ?? 200, options.ignoreBackoff ?? false, orphansDue, clock);
    if (!rows.length) return result;
    try {
      await target.syncMaterials([...new Set(rows.map((r) => r.materialId))]);
    } catch (e) {
      result.error = e instanceof Error ? e.message : String(e);
      result.failed += rows.length;
      await release(prisma, rows, result.error, clock);
      return result;
    }
    await writeTransaction(prisma, (tx) => tx.searchOutbox.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } }));
    result.drained += rows.length;
  }
}

/** After a write's signal finds another server draining, try again this soon (that one may have just finished). */
const BUSY_RETRY_MS = 250;
const BUSY_RETRIES = 8;

/**
 * Drains the outbox at once whenever records are written (outbox-signal.ts) and every `intervalMs`
 * besides (writes of other processes on SQLite, retries); returns a function that stops it.
 */
export function startOutboxDrainer(options: { prisma?: PrismaClient; target?: OutboxTarget; intervalMs?: number } = {}): () => void {
  const prisma = options.prisma ?? db();
  const target = options.target ?? new MeilisearchSearch(prisma);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running = false;
  /** A write was signalled while a drain ran: drain again once it ends. */
  let again = false;
  let busyRetries = 0;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref(); // never keeps the process alive on its own
  };
  const tick = async () => {
    if (running) return void (again = true);
    running = true;
    again = false;
    let next = options.intervalMs ?? 2_000;
    try {
      const result = await drainOutbox(prisma, target);
      if (result.error) console.warn(`search outbox: ${result.failed} change(s) kept for retry: ${result.error}`);
      // Another server holds the drainer's lock: it may have taken its last batch before this write.
      if (result.busy && busyRetries > 0) {
        busyRetries--;
        next = BUSY_RETRY_MS;
      }
    } catch (e) {
      console.error("search outbox:", e);
    }
    running = false;
    schedule(again ? 0 : next);
  };
  const written = () => {
    busyRetries = BUSY_RETRIES;
    schedule(0);
  };
  const listening = onOutboxWritten(prisma, written).catch((e: unknown) => {
    console.warn(`search outbox: drains every ${options.intervalMs ?? 2_000} ms only: ${e instanceof Error ? e.message : String(e)}`);
    return async () => {};
  });
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    void listening.then((stop) => stop());
  };
}

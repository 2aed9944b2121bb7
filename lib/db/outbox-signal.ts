/**
 * "Search outbox rows were written": lets a drainer send a publish to Meilisearch at once instead of
 * at its next poll. PostgreSQL: NOTIFY, which the database delivers at commit to every server
 * listening. SQLite: an event in this process (a SQLite file has one server; writes from another
 * process, a CLI import, wait for the poll). A signal sent before the commit is harmless: the
 * drainer's claim waits for the writers' lock, so it reads the rows once they are committed.
 */
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseOf, type PrismaClient } from "./index";

export const OUTBOX_CHANNEL = "matlit_search_outbox";

// On globalThis: Next.js bundles each route with its own copy of this module.
const shared = globalThis as unknown as { matlitOutboxSignal?: EventEmitter };
const local = (shared.matlitOutboxSignal ??= new EventEmitter());

/** Tells this process's drainer that outbox rows were written (SQLite's records writer). */
export function outboxWritten(): void {
  local.emit("written");
}

/** Calls `listener` whenever outbox rows are written to the client's database; returns a function that stops listening. */
export async function onOutboxWritten(prisma: PrismaClient, listener: () => void): Promise<() => Promise<void>> {
  const database = databaseOf(prisma);
  if (database.provider === "sqlite") {
    local.on("written", listener);
    return async () => void local.off("written", listener);
  }
  // A connection of its own: a pooled one would be handed to other work between notifications.
  const connection = new pg.Client(database.pool.options);
  connection.on("notification", listener);
  // A lost connection only costs promptness: the drainer's poll still runs.
  connection.on("error", (e) => console.warn(`search outbox: stopped listening for writes: ${e.message}`));
  await connection.connect();
  await connection.query(`LISTEN ${OUTBOX_CHANNEL}`);
  return () => connection.end();
}

/**
 * The Prisma client on the SQLite file named by DATABASE_URL, engine-free through the
 * better-sqlite3 adapter. One client per process (Next.js dev reloads reuse it). Its connection
 * waits only briefly for locks: writes go through writeTransaction, which retries without blocking.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseFile } from "./location";
import { LOCK_WAIT_MS } from "./transaction";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// On globalThis: Next.js bundles each route with its own copy of this module, sharing one client.
const shared = globalThis as unknown as { matlitDb?: PrismaClient; matlitDbFiles?: WeakMap<PrismaClient, string> };
const files = (shared.matlitDbFiles ??= new WeakMap<PrismaClient, string>());

export function createClient(file = databaseFile()): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: LOCK_WAIT_MS }) });
  files.set(client, file);
  return client;
}

/** The SQLite file a client was opened on (bulk writes open their own connection to it). */
export function databaseFileOf(client: PrismaClient): string {
  const file = files.get(client);
  if (!file) throw new Error("this Prisma client was not created by createClient()");
  return file;
}

export function db(): PrismaClient {
  shared.matlitDb ??= createClient();
  return shared.matlitDb;
}

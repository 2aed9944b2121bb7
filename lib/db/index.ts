/**
 * The Prisma client on the SQLite file named by DATABASE_URL, engine-free through the
 * better-sqlite3 adapter. One client per process (Next.js dev reloads reuse it).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseFile } from "./location";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export function createClient(file = databaseFile()): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
}

const globalForDb = globalThis as unknown as { matlitDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.matlitDb ??= createClient();
  return globalForDb.matlitDb;
}

/**
 * The Prisma client on the database named by DATABASE_URL: a SQLite file (`file:`, the default)
 * through the better-sqlite3 adapter, or PostgreSQL (`postgresql://`) through the pg adapter. One
 * client per process (Next.js dev reloads reuse it). A SQLite connection waits only briefly for
 * locks: writes go through writeTransaction, which retries without blocking.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgresql/client";
import { databaseFile, databaseUrl, isPostgresUrl } from "./location";
import { LOCK_WAIT_MS } from "./transaction";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Where a client's rows live: plain-SQL paths (bulk writes, search reads) open their own connections to it. */
export type Database = { provider: "sqlite"; file: string } | { provider: "postgresql"; pool: pg.Pool };

// On globalThis: Next.js bundles each route with its own copy of this module, sharing one client.
const shared = globalThis as unknown as { matlitDb?: PrismaClient; matlitDatabases?: WeakMap<PrismaClient, Database> };
const databases = (shared.matlitDatabases ??= new WeakMap<PrismaClient, Database>());

/** A client on a database URL (postgresql://… or file:…) or a SQLite file's path. */
export function createClient(target = databaseUrl()): PrismaClient {
  if (isPostgresUrl(target)) {
    // One pool for Prisma and the plain-SQL writes, so both count against one connection limit.
    const pool = new pg.Pool({ connectionString: target });
    // The two generated clients have the same models and methods; only the provider inside differs.
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool) }) as unknown as PrismaClient;
    databases.set(client, { provider: "postgresql", pool });
    return client;
  }
  const file = databaseFile(target);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}`, timeout: LOCK_WAIT_MS }) });
  databases.set(client, { provider: "sqlite", file });
  return client;
}

/** The provider of a client or of one of its transactions (Prisma keeps it on both, and a proxy of either passes it on). */
export function providerOf(prisma: PrismaClient | Tx): "sqlite" | "postgresql" {
  const provider = (prisma as unknown as { _activeProvider?: string })._activeProvider;
  if (provider !== "sqlite" && provider !== "postgresql") throw new Error(`unknown Prisma provider ${String(provider)}`);
  return provider;
}

export function databaseOf(client: PrismaClient): Database {
  const database = databases.get(client);
  if (!database) throw new Error("this Prisma client was not created by createClient()");
  return database;
}

/** Closes a client and, on PostgreSQL, its pool. */
export async function closeClient(client: PrismaClient): Promise<void> {
  await client.$disconnect();
  const database = databases.get(client);
  if (database?.provider === "postgresql") await database.pool.end();
}

export function db(): PrismaClient {
  shared.matlitDb ??= createClient();
  return shared.matlitDb;
}

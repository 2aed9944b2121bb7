/** A real database per test suite (a SQLite file, or a database on the run's PostgreSQL), migrated and with the catalogues loaded. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeClient, createClient, type PrismaClient } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { syncCatalogue } from "../../lib/db/catalogue";
import { closeReaders } from "../../lib/db/sql";
import { isBusy } from "../../lib/db/transaction";
import { createPostgresDatabase, postgresServer } from "./postgres";

export type Provider = "sqlite" | "postgresql";

/** The providers this run tests the provider-neutral suites on: SQLite, and PostgreSQL when the run has a server. */
export const PROVIDERS: Provider[] = ["sqlite", ...(postgresServer() ? (["postgresql"] as const) : [])];

export interface ProviderDatabase {
  provider: Provider;
  url: string;
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
}

/** A migrated database with the catalogues loaded, on either provider. */
export async function createDatabase(provider: Provider): Promise<ProviderDatabase> {
  if (provider === "sqlite") return { provider, ...(await createTestDatabase()) };
  const database = await createPostgresDatabase();
  await migrate(database.url);
  const prisma = createClient(database.url);
  await syncCatalogue(prisma);
  return {
    provider,
    url: database.url,
    prisma,
    cleanup: async () => {
      await closeClient(prisma);
      await database.drop();
    },
  };
}

/** A SQLite file, for the suites that test SQLite itself. */
export interface TestDatabase {
  file: string;
  url: string;
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "matlit-test-"));
  const file = join(dir, "matlit.db");
  await migrate(file);
  const prisma = createClient(file);
  await syncCatalogue(prisma);
  return {
    file,
    url: `file:${file}`,
    prisma,
    cleanup: async () => {
      await prisma.$disconnect();
      closeReaders(file);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `prisma` itself, counting the transactions SQLite refuses because another connection holds the
 * write lock: a test waits on the count to know a write is really waiting for the lock.
 */
export function countingBusyRefusals(prisma: PrismaClient): { prisma: PrismaClient; refused: () => number } {
  let refused = 0;
  const transaction = (...args: unknown[]) =>
    (prisma.$transaction as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => {
      if (isBusy(e)) refused++;
      throw e;
    });
  const counting = new Proxy(prisma, {
    get(target, key) {
      if (key === "$transaction") return transaction;
      const value: unknown = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { prisma: counting, refused: () => refused };
}

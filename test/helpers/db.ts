/** A real SQLite file per test suite, migrated and with the catalogues loaded. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient, type PrismaClient } from "../../lib/db";
import { migrate } from "../../lib/db/migrate";
import { syncCatalogue } from "../../lib/db/catalogue";
import { closeReaders } from "../../lib/db/sql";

export interface TestDatabase {
  file: string;
  url: string;
  prisma: PrismaClient;
  cleanup: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "matlit-test-"));
  const file = join(dir, "matlit.db");
  migrate(file);
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

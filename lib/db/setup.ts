/** Brings the database to the current schema and catalogues. */
import { db, type PrismaClient } from "./index";
import { migrate } from "./migrate";
import { syncCatalogue } from "./catalogue";
import { databaseUrl } from "./location";
import { writeTransaction } from "./transaction";

/**
 * Migrate, sync the catalogues, then `load` records (`matlit setup` passes the missing seed papers;
 * lib/db knows nothing of them) before the search outbox is settled. Returns what `load` loaded.
 */
export async function prepareDatabase(options: { prisma?: PrismaClient; url?: string; load?: (prisma: PrismaClient) => Promise<string[]> } = {}) {
  const migrations = await migrate(options.url ?? databaseUrl());
  const prisma = options.prisma ?? db();
  await syncCatalogue(prisma);
  const loaded = options.load ? await options.load(prisma) : [];
  // Only Meilisearch drains the search outbox; without it the rows would pile up. Switching to
  // Meilisearch later starts with `matlit reindex`, which needs none of them.
  if (!process.env.MEILISEARCH_HOST) await writeTransaction(prisma, (tx) => tx.searchOutbox.deleteMany());
  return { migrations, loaded };
}

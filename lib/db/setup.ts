/** Brings the database to the current schema and catalogue, and seeds it where papers are missing. */
import { db, type PrismaClient } from "./index";
import { migrate } from "./migrate";
import { syncCatalogue } from "./catalogue";
import { databaseFile } from "./location";
import { writeTransaction } from "./transaction";
import { loadSeed } from "../../seed/load";

export async function prepareDatabase(options: { seed?: boolean; prisma?: PrismaClient; file?: string } = {}) {
  const migrations = migrate(options.file ?? databaseFile());
  const prisma = options.prisma ?? db();
  await syncCatalogue(prisma);
  const seeded = options.seed === false ? [] : await loadSeed(prisma);
  // Only Meilisearch drains the search outbox; without it the rows would pile up. Switching to
  // Meilisearch later starts with `matlit reindex`, which needs none of them.
  if (!process.env.MEILISEARCH_HOST) await writeTransaction(prisma, (tx) => tx.searchOutbox.deleteMany());
  return { migrations, seeded };
}

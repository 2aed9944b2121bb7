/** Brings the database to the current schema and catalogue, and seeds it where papers are missing. */
import { db, type PrismaClient } from "./index";
import { migrate } from "./migrate";
import { syncCatalogue } from "./catalogue";
import { databaseFile } from "./location";
import { loadSeed } from "../../seed/load";

export async function prepareDatabase(options: { seed?: boolean; prisma?: PrismaClient; file?: string } = {}) {
  const migrations = migrate(options.file ?? databaseFile());
  const prisma = options.prisma ?? db();
  await syncCatalogue(prisma);
  const seeded = options.seed === false ? [] : await loadSeed(prisma);
  return { migrations, seeded };
}

/**
 * The seed: the reviewed record files of this folder. `matlit setup` (and so `npm start`) imports
 * the papers among them that are missing; tests and the benchmark load them from here.
 */
import type { PrismaClient } from "../lib/db";
import { importMissingPapers, numberedRecordFiles } from "../lib/records/files";

export const SEED_DIR = import.meta.dirname;

export function seedFiles(dir = SEED_DIR): string[] {
  return numberedRecordFiles(dir);
}

export function loadSeed(prisma: PrismaClient, dir = SEED_DIR): Promise<string[]> {
  return importMissingPapers(prisma, seedFiles(dir));
}

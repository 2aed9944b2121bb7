/**
 * The seed loader: imports every seed/*.json paper whose DOI is not yet in the database.
 * Idempotent, and never overwrites a paper an editor may have changed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../lib/db";
import { validateRecordFile } from "../lib/records/validate";
import { importRecords } from "../lib/records/store";

export const SEED_DIR = import.meta.dirname;

export function seedFiles(dir = SEED_DIR): string[] {
  return readdirSync(dir).filter((f) => /^\d{3}-.*\.json$/.test(f)).sort().map((f) => join(dir, f));
}

export async function loadSeed(prisma: PrismaClient, dir = SEED_DIR): Promise<string[]> {
  const present = new Set((await prisma.paper.findMany({ select: { doi: true } })).map((p) => p.doi));
  const loaded: string[] = [];
  for (const file of seedFiles(dir)) {
    const records = validateRecordFile(JSON.parse(readFileSync(file, "utf8")));
    const missing = records.papers.filter((p) => !present.has(p.doi));
    if (!missing.length) continue;
    await importRecords(prisma, { papers: missing });
    loaded.push(...missing.map((p) => p.doi));
  }
  return loaded;
}

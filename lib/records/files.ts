/**
 * Record files on disk, loaded as a whole: the numbered files of a directory (`NNN-….json`, as
 * seed/ ships them), and importing the papers among them that the database does not hold yet.
 */
import { paperKey } from "./identifiers";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "../db";
import { parseRecordJson, validateRecordFile } from "./validate";
import { importRecords } from "./store";

/** The `NNN-name.json` record files of a directory, in their numbered order. */
export function numberedRecordFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.json$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/**
 * Imports the papers of `files` whose DOI is not in the database yet, file by file; returns their
 * DOIs. Idempotent, and never overwrites a paper that is there (an editor may have changed it).
 */
export async function importMissingPapers(prisma: PrismaClient, files: string[]): Promise<string[]> {
  const present = new Set((await prisma.paper.findMany({ select: { doi: true } })).map((p) => p.doi));
  const loaded: string[] = [];
  for (const file of files) {
    const records = validateRecordFile(parseRecordJson(readFileSync(file, "utf8")));
    const missing = records.papers.filter((p) => !present.has(paperKey(p)));
    if (!missing.length) continue;
    await importRecords(prisma, { papers: missing });
    loaded.push(...missing.map(paperKey));
  }
  return loaded;
}

/**
 * Search entry point: one contract, two backends. The embedded SQLite index is the default;
 * Meilisearch is used when MEILISEARCH_HOST is set.
 */
import { db, type PrismaClient } from "../db";
import { EmbeddedSearch } from "./embedded";
import { MeilisearchSearch } from "./meilisearch";
import { parseSearchQuery } from "./query";
import type { SearchBackend, SearchResult } from "./types";

export * from "./query";
export type * from "./types";

export function searchBackend(prisma: PrismaClient = db()): SearchBackend {
  return process.env.MEILISEARCH_HOST ? new MeilisearchSearch(prisma) : new EmbeddedSearch(prisma);
}

export async function search(input: unknown, backend: SearchBackend = searchBackend()): Promise<SearchResult> {
  return backend.search(parseSearchQuery(input));
}

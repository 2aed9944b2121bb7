/**
 * Search entry point: one contract, two backends. The embedded SQLite index is the default;
 * Meilisearch is used when MEILISEARCH_HOST is set.
 */
import { db, type PrismaClient } from "../db";
import { EmbeddedSearch } from "./embedded";
import { parseSearchQuery } from "./query";
import type { SearchBackend, SearchResult } from "./types";

export * from "./query";
export type * from "./types";

let meiliFactory: ((prisma: PrismaClient) => SearchBackend) | undefined;
/** The Meilisearch module registers itself here (keeps its client out of embedded-only code paths). */
export function registerMeilisearch(factory: (prisma: PrismaClient) => SearchBackend): void {
  meiliFactory = factory;
}

export function searchBackend(prisma: PrismaClient = db()): SearchBackend {
  if (process.env.MEILISEARCH_HOST && meiliFactory) return meiliFactory(prisma);
  return new EmbeddedSearch(prisma);
}

export async function search(input: unknown, backend: SearchBackend = searchBackend()): Promise<SearchResult> {
  return backend.search(parseSearchQuery(input));
}

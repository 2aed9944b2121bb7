/**
 * Search entry point: one contract, two backends. The embedded SQLite index is the default;
 * Meilisearch is used when MEILISEARCH_HOST is set.
 */
import { databaseFileOf, db, type PrismaClient } from "../db";
import { EmbeddedSearch } from "./embedded";
import { MeilisearchSearch } from "./meilisearch";
import { parseSearchQuery } from "./query";
import { facetIndex } from "./facet-index";
import type { SearchBackend, SearchResult } from "./types";

export * from "./query";
export type * from "./types";

export function searchBackend(prisma: PrismaClient = db()): SearchBackend {
  return process.env.MEILISEARCH_HOST ? new MeilisearchSearch(prisma) : new EmbeddedSearch(prisma);
}

export async function search(input: unknown, backend: SearchBackend = searchBackend()): Promise<SearchResult> {
  return backend.search(parseSearchQuery(input));
}

/** Ids of the published materials with measurements of every one of the properties (from the facet index, whatever the backend). */
export function publishedMaterialsWith(prisma: PrismaClient, propertyKeys: string[]): number[] {
  return facetIndex(databaseFileOf(prisma)).materialsWith(propertyKeys);
}

/** How many published materials have measurements of each property; properties without any are absent. */
export function materialCountsByProperty(prisma: PrismaClient): ReadonlyMap<string, number> {
  return facetIndex(databaseFileOf(prisma)).materialCounts;
}

/**
 * Search entry point: one contract, two backends. The embedded index (the database's own full-text
 * search: SQLite's FTS5 or PostgreSQL's tsvector) is the default; Meilisearch is used when
 * MEILISEARCH_HOST is set, and with MATLIT_SEARCH_FALLBACK=embedded the embedded index answers
 * while Meilisearch is unavailable.
 */
import { db, type PrismaClient } from "../db";
import { EmbeddedSearch } from "./embedded";
import { MeilisearchSearch } from "./meilisearch";
import { parseSearchQuery, type ParsedSearchQuery } from "./query";
import { AppError } from "../errors";
import { facetIndex } from "./facet-index";
import type { SearchBackend, SearchResult } from "./types";

export * from "./query";
export type * from "./types";

/** The search configuration cannot serve this database (checked at the server's start, so it fails there). */
export class SearchConfigurationError extends AppError {
  constructor(message: string) {
    super("unavailable", message);
  }
}

export function searchBackend(prisma: PrismaClient = db()): SearchBackend {
  const fallback = process.env.MATLIT_SEARCH_FALLBACK;
  if (fallback && fallback !== "embedded")
    throw new SearchConfigurationError(`MATLIT_SEARCH_FALLBACK is "${fallback}": the one fallback is "embedded" (or leave it unset)`);
  if (!process.env.MEILISEARCH_HOST) return new EmbeddedSearch(prisma);
  const meilisearch = new MeilisearchSearch(prisma);
  return fallback === "embedded" ? new FallbackSearch(meilisearch, new EmbeddedSearch(prisma)) : meilisearch;
}

/** A backend that hands a search to another while it is unavailable; the answer's `backend` says which answered. */
export class FallbackSearch implements SearchBackend {
  constructor(
    readonly primary: SearchBackend,
    readonly fallback: SearchBackend,
  ) {}

  get name() {
    return this.primary.name;
  }

  async search(query: ParsedSearchQuery): Promise<SearchResult> {
    try {
      return await this.primary.search(query);
    } catch (e) {
      if (e instanceof AppError && e.code === "unavailable") return this.fallback.search(query);
      throw e;
    }
  }
}

export async function search(input: unknown, backend: SearchBackend = searchBackend()): Promise<SearchResult> {
  return backend.search(parseSearchQuery(input));
}

/** Ids of the published materials with measurements of every one of the properties (from the facet index, whatever the backend). */
export async function publishedMaterialsWith(prisma: PrismaClient, propertyKeys: string[]): Promise<number[]> {
  return (await facetIndex(prisma)).materialsWith(propertyKeys);
}

/** A key that changes whenever the records do (drafts, sessions and the outbox leave it): for caches of what is read from them. */
export async function recordsVersion(prisma: PrismaClient): Promise<string> {
  return (await facetIndex(prisma)).version;
}

/** How many published materials have measurements of each property; properties without any are absent. */
export async function materialCountsByProperty(prisma: PrismaClient): Promise<ReadonlyMap<string, number>> {
  return (await facetIndex(prisma)).materialCounts;
}

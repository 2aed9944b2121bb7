/**
 * One search plan, built once from a parsed query and translated by each backend: the words of the
 * text, the metric clauses in canonical units, the facet selections normalised (empty selections
 * gone), which facets need counts of their own (those with a selection: disjunctive faceting), and
 * how the page is ordered. The backends differ only in how they run it.
 */
import { canonicalClauses, FACETS, sortClause, type CanonicalClause, type FacetName, type ParsedSearchQuery } from "./query";
import { queryWords } from "./text";

/** A facet's selection: values of a list facet (any of them), or elements (all of / only these). */
export type FacetSelection = { facet: Exclude<FacetName, "elements">; values: (string | number)[] } | { facet: "elements"; all: string[]; only: string[] };

export interface SearchPlan {
  /** The query's words, each once; empty when it has no text. */
  words: string[];
  clauses: CanonicalClause[];
  /** Selected facets only, in FACETS order. */
  selections: FacetSelection[];
  /** Facets counted without their own selection (each has one). */
  ownCounts: FacetName[];
  /** The metric the page is ordered by, as a clause (the query's clause on the sort property, or one without bounds); null: relevance, then the default order. */
  sortBy: CanonicalClause | null;
  /** The sort as asked (for reading the best three measurements when no clause names the property). */
  sort: CanonicalClause | null;
  direction: "asc" | "desc";
  page: number;
  perPage: number;
  offset: number;
}

export function searchPlan(query: ParsedSearchQuery): SearchPlan {
  const clauses = canonicalClauses(query);
  const f = query.facets ?? {};
  const selections: FacetSelection[] = [];
  for (const facet of FACETS) {
    if (facet === "elements") {
      const all = f.elements?.all ?? [];
      const only = f.elements?.only ?? [];
      if (all.length || only.length) selections.push({ facet, all, only });
    } else {
      const values: (string | number)[] = f[facet] ?? [];
      if (values.length) selections.push({ facet, values });
    }
  }
  const sort = sortClause(query);
  return {
    words: query.q ? queryWords(query.q) : [],
    clauses,
    selections,
    ownCounts: selections.map((s) => s.facet),
    sortBy: sort && (clauses.find((c) => c.property === sort.property) ?? sort),
    sort,
    direction: query.sort?.order ?? "desc",
    page: query.page,
    perPage: query.perPage,
    offset: (query.page - 1) * query.perPage,
  };
}

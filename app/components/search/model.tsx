/**
 * The search page's state and how it maps to the search contract (lib/search/query.ts) and the URL.
 * Client-safe: only type imports from lib/search, so zod and mathjs stay out of the browser bundle.
 */
import type { RangeMatch, SearchQuery } from "@/lib/search/query";
import { OWN_SCOPE, SCOPES, type Scope } from "@/lib/records/scope";
import type { SearchResult } from "@/lib/search/types";
import { shortFormQuery } from "@/lib/search/url";
import type { SearchCatalogue } from "@/lib/search/catalogue";

export type { ConditionOption, PropertyOption, UnitOption } from "@/lib/search/catalogue";
/** Everything static the client needs, computed on the server from the catalogues (lib/search/catalogue.ts). */
export type Catalogue = SearchCatalogue;

export const FACET_KEYS = ["battery_system", "role", "material_class", "year", "journal", "property"] as const;
export type ListFacet = (typeof FACET_KEYS)[number];

export interface BoundDraft {
  key: string;
  min: string;
  max: string;
  unit: string;
}

export interface ClauseDraft {
  /** Local identity for React keys and input ids; not part of the query. */
  id: number;
  property: string;
  min: string;
  max: string;
  unit: string;
  where: BoundDraft[];
  /** How its bounds meet a number or condition stated as a range. */
  ranges: RangeMatch;
}

export interface SearchState {
  q: string;
  facets: Record<ListFacet, string[]>;
  elementsMode: "all" | "only";
  elements: string[];
  clauses: ClauseDraft[];
  sort: { property: string; order: "asc" | "desc"; ranges?: RangeMatch } | null;
  /** Whose numbers metric filters and sorting read: the material's own unless more are ticked. */
  scopes: Scope[];
  /** Numbers matlit derived count as stated ones. */
  derived: boolean;
  page: number;
  perPage: number;
}

export interface SearchError {
  message: string;
  field?: string;
}

export type { SearchResult };

export const DEFAULT_PER_PAGE = 20;

let nextClauseId = 1;
export function newClauseId(): number {
  return nextClauseId++;
}

export function emptyFacets(): Record<ListFacet, string[]> {
  return { battery_system: [], role: [], material_class: [], year: [], journal: [], property: [] };
}

export function emptyState(): SearchState {
  return {
    q: "",
    facets: emptyFacets(),
    elementsMode: "all",
    elements: [],
    clauses: [],
    sort: null,
    scopes: [OWN_SCOPE],
    derived: false,
    page: 1,
    perPage: DEFAULT_PER_PAGE,
  };
}

const num = (s: string): number | undefined => {
  const t = s.trim().replace(/[−–]/g, "-");
  if (!t) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
};

/** The contract object for a state. `full` keeps page and perPage even at their defaults. */
export function toQuery(state: SearchState, full = false): SearchQuery {
  const query: SearchQuery = {};
  const q = state.q.trim();
  if (q) query.q = q;
  const facets: NonNullable<SearchQuery["facets"]> = {};
  for (const key of FACET_KEYS) {
    const values = state.facets[key];
    if (!values.length) continue;
    if (key === "year") facets.year = values.map(Number).filter(Number.isInteger);
    else facets[key] = [...values];
  }
  if (state.elements.length) facets.elements = { [state.elementsMode]: [...state.elements] };
  if (Object.keys(facets).length) query.facets = facets;
  const metrics = state.clauses.map((c) => {
    const clause: NonNullable<SearchQuery["metrics"]>[number] = { property: c.property };
    const min = num(c.min);
    const max = num(c.max);
    if (min !== undefined) clause.min = min;
    if (max !== undefined) clause.max = max;
    if (c.unit && (min !== undefined || max !== undefined)) clause.unit = c.unit;
    const where: Record<string, { min?: number; max?: number; unit?: string }> = {};
    for (const b of c.where) {
      const bmin = num(b.min);
      const bmax = num(b.max);
      if (bmin === undefined && bmax === undefined) continue;
      where[b.key] = { ...(bmin !== undefined ? { min: bmin } : {}), ...(bmax !== undefined ? { max: bmax } : {}), ...(b.unit ? { unit: b.unit } : {}) };
    }
    if (Object.keys(where).length) clause.where = where;
    if (c.ranges !== "overlap") clause.ranges = c.ranges;
    return clause;
  });
  if (metrics.length) query.metrics = metrics;
  if (state.sort)
    query.sort = {
      property: state.sort.property,
      order: state.sort.order,
      ...(state.sort.ranges && state.sort.ranges !== "overlap" ? { ranges: state.sort.ranges } : {}),
    };
  if (state.scopes.length !== 1 || state.scopes[0] !== OWN_SCOPE) query.scope = [...state.scopes];
  if (state.derived) query.derived = true;
  if (full || state.page !== 1) query.page = state.page;
  if (full || state.perPage !== DEFAULT_PER_PAGE) query.perPage = state.perPage;
  return query;
}

/**
 * A state from a contract object (from the server's parse or, unvalidated, from the URL), with units
 * filled in from the catalogue. Values of the wrong type are dropped: the API names the problem.
 */
export function fromQuery(query: SearchQuery, catalogue: Catalogue): SearchState {
  const state = emptyState();
  const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === "string" || isNum(x)).map(String) : []);
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  if (typeof query.q === "string") state.q = query.q;
  const f = obj(query.facets);
  for (const key of FACET_KEYS) state.facets[key] = strings(f[key]);
  const elements = obj(f.elements);
  if (strings(elements.only).length) {
    state.elementsMode = "only";
    state.elements = strings(elements.only);
  } else state.elements = strings(elements.all);
  state.clauses = (Array.isArray(query.metrics) ? query.metrics : []).map((raw) => {
    const m = obj(raw);
    const key = String(m.property ?? "");
    const def = catalogue.properties.find((p) => p.key === key);
    return {
      id: newClauseId(),
      property: key,
      min: isNum(m.min) ? String(m.min) : "",
      max: isNum(m.max) ? String(m.max) : "",
      unit: typeof m.unit === "string" ? m.unit : (def?.units[0]?.value ?? ""),
      where: Object.entries(obj(m.where)).map(([k, rawBound]) => {
        const b = obj(rawBound);
        return {
          key: k,
          min: isNum(b.min) ? String(b.min) : "",
          max: isNum(b.max) ? String(b.max) : "",
          unit: typeof b.unit === "string" ? b.unit : (catalogue.conditions.find((c) => c.key === k)?.units[0]?.value ?? ""),
        };
      }),
      ranges: m.ranges === "within" ? "within" : "overlap",
    };
  });
  const sort = obj(query.sort);
  if (typeof sort.property === "string")
    state.sort = { property: sort.property, order: sort.order === "asc" ? "asc" : "desc", ...(sort.ranges === "within" ? { ranges: "within" as const } : {}) };
  const scopes = strings(query.scope).filter((s): s is Scope => (SCOPES as readonly string[]).includes(s));
  if (scopes.length) state.scopes = scopes;
  state.derived = query.derived === true;
  if (isNum(query.page) && query.page >= 1) state.page = Math.floor(query.page);
  if (isNum(query.perPage) && query.perPage >= 1) state.perPage = Math.floor(query.perPage);
  return state;
}

/** The `query` URL parameter for a state, or null when the state is the empty search. */
export function queryParam(state: SearchState): string | null {
  const query = toQuery(state);
  return Object.keys(query).length ? JSON.stringify(query) : null;
}

export function urlFor(state: SearchState): string {
  const param = queryParam(state);
  return param ? `/?query=${encodeURIComponent(param)}` : "/";
}

/** Does the state filter anything (beyond paging)? */
export function isFiltered(state: SearchState): boolean {
  const query = toQuery(state);
  return Boolean(query.q || query.facets || query.metrics);
}

export const FACET_LABELS: Record<ListFacet, string> = {
  battery_system: "Battery system",
  role: "Role",
  material_class: "Material class",
  year: "Year",
  journal: "Journal",
  property: "Measured property",
};

/**
 * The contract object from a URL's parameters, read loosely (the API validates): the `query` JSON,
 * or the short form `q=…&role=…&elements=Fe,S&elements_mode=only&page=2`. Null when unreadable.
 */
export function queryFromParams(params: URLSearchParams): SearchQuery | null {
  const json = params.get("query");
  if (json) {
    try {
      const parsed: unknown = JSON.parse(json);
      return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as SearchQuery) : null;
    } catch {
      return null;
    }
  }
  return shortFormQuery(params);
}

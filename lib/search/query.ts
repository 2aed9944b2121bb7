/**
 * The search contract (README, "Search"): one zod schema for the CLI, GET and POST, and
 * its normalisation into canonical units so backends compare like with like.
 */
import { z } from "zod";
import { convert, property, PROPERTY_KEYS, UnitError } from "../units";
import { columnsOf, CONDITIONS, type ConditionCatalogue } from "../units/conditions";
import { MAX_QUERY_WORDS, queryWords } from "./text";
import { shortFormQuery } from "./url";
import { AppError } from "../errors";
import { OWN_SCOPE, SCOPES, type Scope } from "../records/scope";

/**
 * How a bound meets a number stated as a range: "overlap" (some of the range lies within the
 * bound: the material can reach it) or "within" (all of it does). A single value is a range of one point.
 */
export const RANGE_MATCHES = ["overlap", "within"] as const;
export type RangeMatch = (typeof RANGE_MATCHES)[number];
const rangeMatch = z.enum(RANGE_MATCHES, { error: (i) => `"${String(i.input)}" is not a range match (overlap or within)` }).default("overlap");

const bound = z
  .object({ min: z.number().finite().optional(), max: z.number().finite().optional(), unit: z.string().optional() })
  .strict()
  .refine((b) => b.min !== undefined || b.max !== undefined, { message: "give min, max or both" });

/** Condition bounds a metric clause may carry (by their search key): the catalogue's searchable columns. */
export function searchableConditions(catalogue: ConditionCatalogue = CONDITIONS) {
  return columnsOf(catalogue).filter((c): c is typeof c & { search: string; unit: string } => c.search !== undefined);
}

export const FACETS = ["battery_system", "role", "material_class", "elements", "year", "journal", "property"] as const;
export type FacetName = (typeof FACETS)[number];

function metricClauseSchemaOf(catalogue: ConditionCatalogue) {
  const keys = searchableConditions(catalogue).map((c) => c.search) as [string, ...string[]];
  return z
    .object({
      property: z.enum(PROPERTY_KEYS, { error: (i) => `unknown property "${String(i.input)}"` }),
      min: z.number().finite().optional(),
      max: z.number().finite().optional(),
      unit: z.string().optional(),
      where: z.partialRecord(z.enum(keys, { error: (i) => `unknown condition "${String(i.input)}"` }), bound).optional(),
      /** How the bounds meet ranges, of the value and of its conditions alike. */
      ranges: rangeMatch,
    })
    .strict();
}

export const searchQuerySchema = z
  .object({
    q: z
      .string()
      .max(500)
      .superRefine((q, ctx) => {
        const words = queryWords(q).length;
        if (words > MAX_QUERY_WORDS)
          ctx.addIssue({ code: "custom", message: `at most ${MAX_QUERY_WORDS} different words (this has ${words}); leave out the least specific ones` });
      })
      .optional(),
    facets: z
      .object({
        battery_system: z.array(z.string()).optional(),
        role: z.array(z.string()).optional(),
        material_class: z.array(z.string()).optional(),
        journal: z.array(z.string()).optional(),
        year: z.array(z.number().int()).optional(),
        property: z.array(z.string()).optional(),
        elements: z
          .object({
            all: z.array(z.string().regex(/^[A-Z][a-z]?$/, "an element symbol")).optional(),
            only: z.array(z.string().regex(/^[A-Z][a-z]?$/, "an element symbol")).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    metrics: z.array(metricClauseSchemaOf(CONDITIONS)).max(8).optional(),
    /** Whose numbers metric clauses and sorting read: the material's own unless more scopes are named. */
    scope: z
      .array(z.enum(SCOPES, { error: (i) => `unknown scope "${String(i.input)}" (one of ${SCOPES.join(", ")})` }))
      .min(1, "name at least one scope")
      .default([OWN_SCOPE]),
    /** Numbers matlit derived from the paper's own count as stated ones only when asked. */
    derived: z.boolean().default(false),
    sort: z
      .object({
        property: z.enum(PROPERTY_KEYS, { error: (i) => `unknown property "${String(i.input)}"` }),
        order: z.enum(["asc", "desc"]).default("desc"),
        /** A range ranks by its end in the sort's direction (overlap) or by its other end (within). */
        ranges: rangeMatch,
      })
      .strict()
      .optional(),
    page: z.number().int().min(1).default(1),
    perPage: z.number().int().min(1).max(100).default(20),
  })
  .strict();

/** The search contract with metric clauses bounding the conditions of another catalogue. */
function searchQuerySchemaOf(catalogue: ConditionCatalogue) {
  return catalogue === CONDITIONS ? searchQuerySchema : searchQuerySchema.extend({ metrics: z.array(metricClauseSchemaOf(catalogue)).max(8).optional() });
}

export type SearchQuery = z.input<typeof searchQuerySchema>;
export type ParsedSearchQuery = z.output<typeof searchQuerySchema>;

export interface CanonicalBound {
  /** The column of the condition's lower end (its only one for a single value)… */
  column: string;
  /** …and of its upper end, for a condition that may be a range. */
  upper?: string;
  min?: number;
  max?: number;
}

export interface CanonicalClause {
  property: string;
  min?: number;
  max?: number;
  where: CanonicalBound[];
  ranges: RangeMatch;
  /** Whose numbers count, and whether derived ones do (the query's `scope` and `derived`). */
  scopes: Scope[];
  derived: boolean;
}

/** Whether a query reads only what the defaults read: the material's own stated numbers. */
export function readsOwnStatedOnly(query: Pick<ParsedSearchQuery, "scope" | "derived">): boolean {
  return !query.derived && query.scope.length === 1 && query.scope[0] === OWN_SCOPE;
}

/** A clause with no bounds on a property: the measurements a sort on it reads. */
export function sortClause(query: ParsedSearchQuery): CanonicalClause | null {
  if (!query.sort) return null;
  return { property: query.sort.property, where: [], ranges: query.sort.ranges, scopes: query.scope, derived: query.derived };
}

export class SearchQueryError extends AppError {
  constructor(message: string, field?: string) {
    super("invalid", message, { field });
  }
}

function toUnit(value: number | undefined, unit: string | undefined, target: string, field: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  try {
    return convert(value, unit ?? target, target);
  } catch (e) {
    throw new SearchQueryError(
      `${field}: ${e instanceof UnitError && /cannot read/.test(e.message) ? e.message : `"${unit}" is not a unit of ${what}`}`,
      field,
    );
  }
}

/** Metric clauses with every bound in the canonical unit of its column. */
export function canonicalClauses(query: ParsedSearchQuery, catalogue: ConditionCatalogue = CONDITIONS): CanonicalClause[] {
  const conditions = new Map(searchableConditions(catalogue).map((c) => [c.search, c]));
  return (query.metrics ?? []).map((clause, i) => {
    const def = property(clause.property)!;
    const path = `metrics[${i}]`;
    return {
      property: clause.property,
      min: toUnit(clause.min, clause.unit, def.unit, `${path}.unit`, def.label.toLowerCase()),
      max: toUnit(clause.max, clause.unit, def.unit, `${path}.unit`, def.label.toLowerCase()),
      where: Object.entries(clause.where ?? {}).map(([key, b]) => {
        const field = conditions.get(key)!;
        const bounds = b as z.infer<typeof bound>;
        return {
          column: field.column,
          upper: field.upper,
          min: toUnit(bounds.min, bounds.unit, field.unit, `${path}.where.${key}.unit`, field.label.toLowerCase()),
          max: toUnit(bounds.max, bounds.unit, field.unit, `${path}.where.${key}.unit`, field.label.toLowerCase()),
        };
      }),
      ranges: clause.ranges,
      scopes: query.scope,
      derived: query.derived,
    };
  });
}

export function parseSearchQuery(input: unknown, catalogue: ConditionCatalogue = CONDITIONS): ParsedSearchQuery {
  const parsed = searchQuerySchemaOf(catalogue).safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "");
    throw new SearchQueryError(`${path || "query"}: ${issue.message}`, path || undefined);
  }
  canonicalClauses(parsed.data, catalogue); // unit errors surface here, before any backend runs
  return parsed.data;
}

/**
 * The query in a URL: the JSON contract in a `query` parameter, or the short form
 * `q=…&battery_system=…&role=…&elements=Fe,S&page=2` for hand-written links.
 */
export function searchQueryFromParams(params: URLSearchParams): ParsedSearchQuery {
  const json = params.get("query");
  if (json) {
    try {
      return parseSearchQuery(JSON.parse(json));
    } catch (e) {
      if (e instanceof SearchQueryError) throw e;
      throw new SearchQueryError(`query: not valid JSON (${e instanceof Error ? e.message : String(e)})`, "query");
    }
  }
  return parseSearchQuery(shortFormQuery(params));
}

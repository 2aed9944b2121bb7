/**
 * The Meilisearch backend (docs/ARCHITECTURE.md): two indexes. The materials index holds one
 * document per material and answers every query's page, total and facet counts; the measurements
 * index holds one document per measurement, so a metric clause is met by ONE measurement (the
 * materials meeting it then filter the materials index) and a metric sort ranks by the best one.
 * Documents are rebuilt from SQLite and pushed by the outbox drainer or `reindex`; the page of hits
 * is read back from SQLite, so both backends answer in the same shape.
 */
import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  type EnqueuedTaskPromise,
  type MultiSearchParams,
  type SearchParams,
  type Settings,
} from "meilisearch";
import type { PrismaClient } from "../db";
import { writeTransaction } from "../db/transaction";
import { isElement } from "../records/elements";
import { FACETS, type CanonicalClause, type FacetName, type ParsedSearchQuery } from "./query";
import { searchPlan, type SearchPlan } from "./plan";
import { boundColumns } from "./sql";
import { synonymTable } from "./synonyms";
import { DEFAULT_DEADLINES, meilisearchRequester } from "./meilisearch-http";
import { AppError } from "../errors";
import type { FacetCount, SearchBackend, SearchResult } from "./types";
import { materialHits, rateOnlyCounts, type PageEntry } from "./results";
import { orderFacetCounts } from "./facet-order";
import { CONDITION_COLUMNS, searchDocuments, type MaterialDocument, type MaterialFields, type SearchDocument } from "./meilisearch-documents";

export interface MeilisearchOptions {
  host?: string;
  apiKey?: string;
  /** Prefix of the index name, so several knowledge bases (or test runs) can share one server. */
  indexPrefix?: string;
  /** Milliseconds a search request may take (MATLIT_MEILISEARCH_TIMEOUT_MS, default 2000). */
  searchTimeoutMs?: number;
}

/** The most materials one query considers: clause resolution and metric sorting read whole result sets. */
const MAX_HITS = 100_000;

const FACET_ATTRIBUTE: Record<FacetName, keyof MaterialFields> = {
  battery_system: "batterySystem",
  role: "role",
  material_class: "materialClass",
  elements: "elements",
  year: "year",
  journal: "journal",
  property: "properties",
};

/** After relevance: the same tie-breaks as the embedded backend. */
const DEFAULT_ORDER = ["control:asc", "year:desc", "paperId:asc", "position:asc"];

const MEASUREMENT_SETTINGS: Settings = {
  searchableAttributes: ["name", "formula", "details", "paper"],
  filterableAttributes: [
    "materialId",
    "status",
    ...Object.values(FACET_ATTRIBUTE),
    "property",
    "canonicalMin",
    "canonicalMax",
    "scope",
    "source",
    ...CONDITION_COLUMNS,
  ],
  sortableAttributes: ["canonicalMin", "canonicalMax", "control", "year", "paperId", "position"],
  distinctAttribute: "materialId",
  // "sort" first: this index answers metric sorts, which rank by the metric before relevance (a
  // query without a sort is not ranked by it: clause resolution only counts materials here).
  rankingRules: ["sort", "words", "typo", "proximity", "attribute", "exactness"],
  synonyms: synonymTable(),
  typoTolerance: { enabled: true },
  // Word proximity within an attribute rather than by exact distance, and no facet-value search
  // (the UI lists facet values, it does not search them): both cut indexing time by about a third.
  proximityPrecision: "byAttribute",
  facetSearch: false,
  // Clause resolution reads the matching materials as facet values of materialId.
  faceting: { maxValuesPerFacet: MAX_HITS },
  pagination: { maxTotalHits: MAX_HITS },
};

/** The same text and facets, one document per material: no distinct needed, so counting is cheap. */
const MATERIAL_SETTINGS: Settings = {
  ...MEASUREMENT_SETTINGS,
  filterableAttributes: ["materialId", "status", ...Object.values(FACET_ATTRIBUTE)],
  sortableAttributes: ["control", "year", "paperId", "position"],
  // "sort" last: text relevance decides first, the default order only breaks ties.
  rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "sort"],
  distinctAttribute: null,
  faceting: { maxValuesPerFacet: 1000 },
};

const PUBLISHED = 'status = "published"';

/** What answer() reads of a search: its total and facet counts. */
type Counted = { totalHits?: number; facetDistribution?: Record<string, Record<string, number>> };
/** Every element symbol: "contains only X" is "contains none of the others". */
const ELEMENTS = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i))
  .flatMap((first) => [first, ...Array.from({ length: 26 }, (_, j) => first + String.fromCharCode(97 + j))])
  .filter(isElement);

const quote = (value: string | number) => (typeof value === "number" ? String(value) : `"${value.replace(/[\\"]/g, "\\$&")}"`);
const list = (values: (string | number)[]) => `[${values.map(quote).join(", ")}]`;

/** Filter terms (AND-ed) that one measurement document meets a clause: the same reading as the embedded backend's SQL. */
function clauseFilter(clause: CanonicalClause): string[] {
  const terms = [`property = ${quote(clause.property)}`, `scope IN ${list(clause.scopes)}`];
  if (!clause.derived) terms.push(`source = "stated"`);
  const value = boundColumns(clause.ranges, "canonicalMin", "canonicalMax");
  if (clause.min !== undefined) terms.push(`${value.atLeast} >= ${clause.min}`);
  if (clause.max !== undefined) terms.push(`${value.atMost} <= ${clause.max}`);
  for (const b of clause.where) {
    const condition = boundColumns(clause.ranges, b.column, b.upper ?? b.column);
    if (b.min !== undefined) terms.push(`${condition.atLeast} >= ${b.min}`);
    if (b.max !== undefined) terms.push(`${condition.atMost} <= ${b.max}`);
  }
  return terms;
}

/** Facet filters of a plan, except the facet being counted (disjunctive faceting). */
function facetFilter(plan: SearchPlan, except?: FacetName): string[] {
  const terms: string[] = [];
  for (const selection of plan.selections) {
    if (selection.facet === except) continue;
    if ("values" in selection) terms.push(`${FACET_ATTRIBUTE[selection.facet]} IN ${list(selection.values)}`);
    else {
      for (const symbol of selection.all) terms.push(`elements = ${quote(symbol)}`);
      const only = selection.only;
      if (only.length) terms.push("elements IS NOT EMPTY", `elements NOT IN ${list(ELEMENTS.filter((e) => !only.includes(e)))}`);
    }
  }
  return terms;
}

const emptyFacets = () => Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Record<FacetName, FacetCount[]>;

function facetCounts(facet: FacetName, distribution: Record<string, number> | undefined): FacetCount[] {
  return orderFacetCounts(
    facet,
    Object.entries(distribution ?? {}).map(([value, count]) => ({ value, count })),
  );
}

/** Waits for a task and fails loudly unless it succeeded (or failed with a tolerated code). */
async function settle(task: EnqueuedTaskPromise, tolerate: string[] = [], wait?: { timeout: number; interval: number }): Promise<void> {
  const done = await task.waitTask(wait);
  if (done.status === "succeeded" || (done.error && tolerate.includes(done.error.code))) return;
  throw new Error(`Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? "no error given"}`);
}

/** A search of an index that was never built says what to do about it. */
async function explainMissingIndex<T>(uid: string, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (e) {
    // Errors of the request function arrive wrapped in a MeilisearchRequestError.
    const api = e instanceof MeilisearchApiError ? e : e instanceof Error && e.cause instanceof MeilisearchApiError ? e.cause : undefined;
    if (api?.cause?.code === "index_not_found")
      throw new AppError("unavailable", `the Meilisearch index "${uid}" does not exist yet: run \`matlit reindex\``, { cause: e });
    throw e;
  }
}

export class MeilisearchSearch implements SearchBackend {
  readonly name = "meilisearch" as const;
  /** The measurements index. */
  readonly indexUid: string;
  readonly materialsIndexUid: string;
  private readonly client: Meilisearch;
  private readonly host: string;
  private ready?: Promise<void>;

  constructor(
    private readonly prisma: PrismaClient,
    options: MeilisearchOptions = {},
  ) {
    const host = options.host ?? process.env.MEILISEARCH_HOST;
    if (!host) throw new Error("Meilisearch search needs MEILISEARCH_HOST");
    this.client = new Meilisearch({
      host,
      apiKey: options.apiKey ?? process.env.MEILISEARCH_API_KEY,
      // Indexing a large batch can take longer than the client's 5 s default.
      defaultWaitOptions: { timeout: 120_000, interval: 100 },
      httpClient: meilisearchRequester({
        ...DEFAULT_DEADLINES,
        searchMs: options.searchTimeoutMs ?? (Number(process.env.MATLIT_MEILISEARCH_TIMEOUT_MS) || DEFAULT_DEADLINES.searchMs),
      }),
    });
    this.host = host;
    this.indexUid = `${options.indexPrefix ?? "matlit"}-measurements`;
    this.materialsIndexUid = `${options.indexPrefix ?? "matlit"}-materials`;
  }

  private get index() {
    return this.client.index<SearchDocument>(this.indexUid);
  }

  private get materialsIndex() {
    return this.client.index<MaterialDocument>(this.materialsIndexUid);
  }

  /** Creates the indexes if needed and applies their settings (idempotent; once per instance unless it fails). */
  prepare(): Promise<void> {
    this.ready ??= Promise.all([this.configure(this.indexUid, MEASUREMENT_SETTINGS), this.configure(this.materialsIndexUid, MATERIAL_SETTINGS)])
      .then(() => undefined)
      .catch((e: unknown) => {
        this.ready = undefined;
        throw e;
      });
    return this.ready;
  }

  private async configure(uid: string, settings: Settings): Promise<void> {
    await settle(this.client.createIndex(uid, { primaryKey: "id" }), ["index_already_exists"]);
    await settle(this.client.index(uid).updateSettings(settings));
  }

  /** Replaces the documents of these materials with their current state in SQLite (removing those of deleted ones). */
  async syncMaterials(materialIds: number[]): Promise<void> {
    if (!materialIds.length) return;
    await this.prepare();
    const { materials, measurements } = await searchDocuments(this.prisma, materialIds);
    // Deletion first (a material's document ids change with its measurements). Meilisearch runs an
    // index's tasks in the order they were enqueued, so the additions are only sent once the deletions are queued.
    const filter = `materialId IN ${list(materialIds)}`;
    const deletions = [this.index.deleteDocuments({ filter }), this.materialsIndex.deleteDocuments({ filter })];
    await Promise.all(deletions);
    await Promise.all([
      ...deletions.map((d) => settle(d)),
      measurements.length ? settle(this.index.addDocuments(measurements)) : undefined,
      materials.length ? settle(this.materialsIndex.addDocuments(materials)) : undefined,
    ]);
  }

  /**
   * Rebuilds every document into a new index, then swaps it with the live one and drops the old, so
   * searches keep answering from a complete index throughout. The outbox rows that were waiting when
   * it started are dropped at the end (the rebuild read their changes); later ones stay for the drainer.
   */
  async reindex(onProgress?: (materials: number, total: number) => void, chunkSize = 500): Promise<{ materials: number; documents: number }> {
    const next = `${this.indexUid}-next`;
    const nextMaterials = `${this.materialsIndexUid}-next`;
    // Outbox rows waiting now are changes the rebuild reads anyway; they are cleared once it is live.
    const covered = (await this.prisma.searchOutbox.aggregate({ _max: { id: true } }))._max.id ?? 0;
    for (const uid of [next, nextMaterials]) await settle(this.client.deleteIndex(uid), ["index_not_found"]);
    await this.configure(next, MEASUREMENT_SETTINGS);
    await this.configure(nextMaterials, MATERIAL_SETTINGS);
    const ids = (await this.prisma.material.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);
    let documents = 0;
    onProgress?.(0, ids.length);
    // A few batches stay enqueued while the next is read from SQLite: Meilisearch indexes queued
    // additions together, which is much faster than one batch at a time. Only the oldest is polled,
    // and slowly: rapid polling of a busy server holds up the end of its indexing.
    const pending: { task: EnqueuedTaskPromise; materials: number }[] = [];
    const enqueue = (task: EnqueuedTaskPromise, materials: number) => {
      task.catch(() => {}); // settled in order below; this only keeps an early failure from counting as unhandled
      pending.push({ task, materials });
    };
    for (let i = 0; i < ids.length; i += chunkSize) {
      const chunk = await searchDocuments(this.prisma, ids.slice(i, i + chunkSize));
      const upTo = Math.min(i + chunkSize, ids.length);
      if (chunk.materials.length) enqueue(this.client.index<MaterialDocument>(nextMaterials).addDocuments(chunk.materials), upTo);
      if (chunk.measurements.length) enqueue(this.client.index<SearchDocument>(next).addDocuments(chunk.measurements), upTo);
      documents += chunk.measurements.length;
      while (pending.length > 16 || (i + chunkSize >= ids.length && pending.length)) {
        const done = pending.shift()!;
        await settle(done.task, [], { timeout: 60 * 60_000, interval: 1000 });
        onProgress?.(done.materials, ids.length);
      }
    }
    onProgress?.(ids.length, ids.length);
    await this.prepare(); // a swap needs both indexes to exist
    await settle(
      this.client.swapIndexes([
        { indexes: [this.indexUid, next], rename: false },
        { indexes: [this.materialsIndexUid, nextMaterials], rename: false },
      ]),
    );
    for (const uid of [next, nextMaterials]) await settle(this.client.deleteIndex(uid));
    await writeTransaction(this.prisma, (tx) => tx.searchOutbox.deleteMany({ where: { id: { lte: covered } } }));
    return { materials: ids.length, documents };
  }

  /** One search of the measurements index with every parameter, the text included, in `params`. */
  private find(params: SearchParams) {
    return explainMissingIndex(this.indexUid, this.index.search(params.q, params));
  }

  private multiSearch<T extends MaterialFields>(indexUid: string, queries: SearchParams[]) {
    return explainMissingIndex(indexUid, this.client.multiSearch<MultiSearchParams, T>({ queries: queries.map((q) => ({ indexUid, ...q })) }));
  }

  /** Number of documents in the live index. */
  async documentCount(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  /** A search; Meilisearch down, hung or failing answers AppError "unavailable" (503), never a hang or a 500. */
  async search(query: ParsedSearchQuery): Promise<SearchResult> {
    try {
      return await this.searchOnce(query);
    } catch (e) {
      if (e instanceof AppError) throw e;
      const server =
        e instanceof MeilisearchApiError
          ? e.response.status >= 500
            ? `answered ${e.response.status}`
            : null
          : e instanceof MeilisearchRequestError
            ? "did not answer"
            : null;
      if (!server) throw e;
      let root: unknown = e; // the client wraps the transport's error; its innermost cause says what happened
      while (root instanceof Error && root.cause instanceof Error) root = root.cause;
      const reason = root !== e && root instanceof Error ? `: ${root.message}` : "";
      throw new AppError("unavailable", `search is unavailable: Meilisearch at ${this.host} ${server}${reason}; try again shortly`, {
        retryAfterMs: 5_000,
        cause: e,
      });
    }
  }

  private async searchOnce(query: ParsedSearchQuery): Promise<SearchResult> {
    const plan = searchPlan(query);
    const [only] = plan.clauses;
    if (only && plan.clauses.length === 1 && !plan.words.length && (!plan.sortBy || plan.sortBy === only)) return this.searchByOneClause(plan, only);
    const materialIds = await this.materialsMeetingClauses(plan);
    if (materialIds?.length === 0)
      return {
        total: 0,
        page: plan.page,
        perPage: plan.perPage,
        materials: [],
        facets: emptyFacets(),
        rateOnly: await rateOnlyCounts(this.prisma, plan.clauses),
        backend: this.name,
      };

    const text: SearchParams = { q: plan.words.length ? plan.words.join(" ") : null, matchingStrategy: "all" };
    const filter = (except?: FacetName): string[] => [PUBLISHED, ...facetFilter(plan, except), ...(materialIds ? [`materialId IN ${list(materialIds)}`] : [])];
    // One round trip: the page with its total and facet counts, plus, per selected facet, its counts without its own filter.
    const [main, ...own] = (
      await this.multiSearch<MaterialDocument>(this.materialsIndexUid, [
        {
          ...text,
          filter: filter(),
          facets: FACETS.map((f) => FACET_ATTRIBUTE[f]),
          sort: DEFAULT_ORDER,
          // A metric sort reads its page separately; this query then only counts.
          page: plan.sortBy ? 1 : plan.page,
          hitsPerPage: plan.sortBy ? 0 : plan.perPage,
          attributesToRetrieve: ["materialId"],
        },
        ...plan.ownCounts.map((f) => ({ ...text, filter: filter(f), facets: [FACET_ATTRIBUTE[f]], page: 1, hitsPerPage: 0 })),
      ])
    ).results;

    const page: PageEntry[] = plan.sortBy
      ? await this.pageByMetric(plan, text, filter(), plan.sortBy)
      : main!.hits.map((h) => ({ id: h.materialId, sortValue: null }));
    return this.answer(plan, page, main!, own);
  }

  /** The answer of a plan from its page and the multi-search that counted it (`own`: the selected facets' own counts, in plan order). */
  private async answer(plan: SearchPlan, page: PageEntry[], main: Counted, own: Counted[]): Promise<SearchResult> {
    const distribution = (f: FacetName) => (plan.ownCounts.includes(f) ? own[plan.ownCounts.indexOf(f)] : main)?.facetDistribution?.[FACET_ATTRIBUTE[f]];
    return {
      total: main.totalHits ?? 0,
      page: plan.page,
      perPage: plan.perPage,
      materials: await materialHits(this.prisma, page, plan.clauses, plan.sort),
      rateOnly: await rateOnlyCounts(this.prisma, plan.clauses),
      facets: Object.fromEntries(FACETS.map((f) => [f, facetCounts(f, distribution(f))])) as Record<FacetName, FacetCount[]>,
      backend: this.name,
    };
  }

  /**
   * One clause and no text: the measurements index answers alone, in one round trip whose cost does
   * not grow with the materials meeting the clause. Its documents are distinct by material, so the
   * page, the total and the facet counts are of materials; ordered by the clause's best measurement
   * when the sort names its property, else by the default order.
   */
  private async searchByOneClause(plan: SearchPlan, clause: CanonicalClause): Promise<SearchResult> {
    const filter = (except?: FacetName): string[] => [PUBLISHED, ...facetFilter(plan, except), ...clauseFilter(clause)];
    const ends = boundColumns(clause.ranges, "canonicalMin", "canonicalMax");
    const end = plan.direction === "desc" ? ends.atLeast : ends.atMost;
    const [main, ...own] = (
      await this.multiSearch<SearchDocument>(this.indexUid, [
        {
          filter: filter(),
          facets: FACETS.map((f) => FACET_ATTRIBUTE[f]),
          sort: plan.sortBy ? [`${end}:${plan.direction}`, ...DEFAULT_ORDER] : DEFAULT_ORDER,
          page: plan.page,
          hitsPerPage: plan.perPage,
          attributesToRetrieve: ["materialId", end],
        },
        ...plan.ownCounts.map((f) => ({ filter: filter(f), facets: [FACET_ATTRIBUTE[f]], page: 1, hitsPerPage: 0 })),
      ])
    ).results;
    const page = main!.hits.map((h) => ({ id: h.materialId, sortValue: plan.sortBy ? h[end]! : null }));
    return this.answer(plan, page, main!, own);
  }

  /**
   * Clauses may be met by different measurements, so each is resolved on its own to the materials
   * with a measurement meeting it, and the sets are intersected. Undefined when there is no clause.
   */
  private async materialsMeetingClauses(plan: SearchPlan): Promise<number[] | undefined> {
    if (!plan.clauses.length) return undefined;
    // The materials as the facet values of the matching measurements: about four times faster than
    // reading them back as distinct hits. The text narrows them too (every measurement document
    // carries its material's text); facet selections do not, since a selected facet is also
    // counted without its own selection.
    const q = plan.words.length ? plan.words.join(" ") : null;
    const { results } = await this.multiSearch<SearchDocument>(
      this.indexUid,
      plan.clauses.map((c) => ({ q, matchingStrategy: "all" as const, filter: [PUBLISHED, ...clauseFilter(c)], limit: 0, facets: ["materialId"] })),
    );
    const [first, ...rest] = results.map((r) => new Set(Object.keys(r.facetDistribution?.materialId ?? {}).map(Number)));
    return [...first!].filter((id) => rest.every((s) => s.has(id)));
  }

  /**
   * A page ordered by each material's best measurement (within the clause on the sort property, if
   * any), then the materials without one. Distinct by material, the best measurement represents each.
   */
  private async pageByMetric(plan: SearchPlan, text: SearchParams, filter: string[], sortClause: CanonicalClause): Promise<PageEntry[]> {
    const order = plan.direction;
    // A range ranks by the end the clause's range match reads in the sort's direction (as the embedded backend's clauseMaterials).
    const ends = boundColumns(sortClause.ranges, "canonicalMin", "canonicalMax");
    const end = order === "desc" ? ends.atLeast : ends.atMost;
    const valuedFilter = [...filter, ...clauseFilter(sortClause)];
    const offset = plan.offset;
    // "sort" ranks first in this index and documents are distinct by material, so Meilisearch pages
    // the materials by their best measurement itself: one request, whatever the number of candidates.
    const ranked = await this.find({
      ...text,
      filter: valuedFilter,
      sort: [`${end}:${order}`, ...DEFAULT_ORDER],
      offset,
      limit: plan.perPage,
      attributesToRetrieve: ["materialId", end],
    });
    const head = ranked.hits.map((h) => ({ id: h.materialId, sortValue: h[end]! }));
    if (head.length === plan.perPage) return head;
    // The page runs past the materials with a value: the rest follow in the default order. Only
    // here are all the valued materials needed (to leave them out and to know where the rest starts).
    const { facetDistribution } = await this.find({ ...text, filter: valuedFilter, limit: 0, facets: ["materialId"] });
    const valued = Object.keys(facetDistribution?.materialId ?? {});
    const rest = await this.find({
      ...text,
      filter: [...filter, ...(valued.length ? [`materialId NOT IN [${valued.join(", ")}]`] : [])],
      sort: DEFAULT_ORDER,
      offset: Math.max(0, offset - valued.length),
      limit: plan.perPage - head.length,
      attributesToRetrieve: ["materialId"],
    });
    return [...head, ...rest.hits.map((h) => ({ id: h.materialId, sortValue: null }))];
  }
}

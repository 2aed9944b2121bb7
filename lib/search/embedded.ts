/**
 * The embedded backend: the database's own full-text index for text (SQLite's FTS5, PostgreSQL's
 * tsvector; see full-text.ts) and SQL indexes for metric clauses, in the same database as the
 * records (the text is written inside each write transaction); facet filters, facet counts and
 * ordering over the in-memory facet index.
 */
import type { PrismaClient } from "../db";
import { readerOf, type SqlDialect } from "../db/sql";
import { FACETS, readsOwnStatedOnly, type CanonicalClause, type FacetName, type ParsedSearchQuery } from "./query";
import { searchPlan, type SearchPlan } from "./plan";
import type { FacetCount, SearchBackend, SearchResult } from "./types";
import { textMatches } from "./full-text";
import { clauseMaterials, rows } from "./sql";
import { materialHits, rateOnlyCounts } from "./results";
import { orderFacetCounts } from "./facet-order";
import { facetIndex, type FacetIndex, type SlotFilter } from "./facet-index";

/** Candidate materials few enough to read their measurements one material at a time (about 20 each). */
const NARROW_ENOUGH = 5_000;

/** A material meeting a metric clause, with its highest and lowest value among the measurements that meet it. */
type ClauseBest = { id: number; max: number; min: number };

export class EmbeddedSearch implements SearchBackend {
  readonly name = "embedded" as const;
  private readonly dialect: SqlDialect;
  constructor(private readonly prisma: PrismaClient) {
    this.dialect = readerOf(prisma).dialect;
  }

  /**
   * Materials the SQL indexes select: those matching the text (with their text rank, lower is
   * better) and meeting every metric clause (with their best values per clause, which a sort on the
   * clause's property reads); `null` slots when neither narrows the search.
   */
  private async candidates(
    index: FacetIndex,
    words: string[],
    plan: SearchPlan,
    ownStatedOnly: boolean,
  ): Promise<{ slots: Int32Array | null; textRank: Map<number, number>; clauseBest: ClauseBest[][] }> {
    const clauses = plan.clauses;
    const textRank = new Map<number, number>();
    let ids: Set<number> | null = null;
    const text = textMatches(this.dialect, words);
    if (text) {
      const found = await rows<{ id: number; rank: number }>(this.prisma, text.sql, text.params);
      for (const r of found) textRank.set(r.id, r.rank);
      ids = new Set(textRank.keys());
    }
    // One measurement meets the property bound and all condition bounds of a clause; different
    // clauses may be met by different measurements.
    const clauseBest: ClauseBest[][] = [];
    for (const clause of clauses) {
      // Once the text or an earlier clause has narrowed the materials to a few thousand, reading
      // their own measurements is cheaper than walking every measurement that meets the clause.
      let met = ownStatedOnly ? await fromBestValues(index, clause, plan) : null;
      if (!met) {
        const c = ids && ids.size <= NARROW_ENOUGH ? clauseMaterials(this.dialect, clause, [...ids]) : clauseMaterials(this.dialect, clause);
        met = await rows<ClauseBest>(this.prisma, c.sql, c.params);
      }
      clauseBest.push(met);
      const previous: Set<number> | null = ids;
      ids = new Set(met.map((r) => r.id).filter((id) => !previous || previous.has(id)));
    }
    if (!ids) return { slots: null, textRank, clauseBest };
    const slots: number[] = [];
    for (const id of ids) {
      const slot = index.slotOf(id);
      if (slot !== undefined) slots.push(slot);
    }
    return { slots: Int32Array.from(slots), textRank, clauseBest };
  }

  /**
   * Sort values by slot (NaN for none): each material's best measurement of the sort property,
   * within the clause on that property if there is one. The facet index keeps the default reading
   * (own stated numbers, ranges by their reaching end); any other reading asks SQL.
   */
  private async sortValues(index: FacetIndex, plan: SearchPlan, clauseBest: ClauseBest[][], ownStatedOnly: boolean): Promise<Float64Array | null> {
    if (!plan.sortBy) return null;
    const highest = plan.direction === "desc";
    const clause = plan.clauses.indexOf(plan.sortBy);
    if (clause < 0 && ownStatedOnly && plan.sortBy.ranges === "overlap") return (await index.bestValues(plan.sortBy.property))[highest ? "max" : "min"];
    const c = clause < 0 ? clauseMaterials(this.dialect, plan.sortBy) : null;
    const best = c ? await rows<ClauseBest>(this.prisma, c.sql, c.params) : clauseBest[clause]!;
    return index.bySlot(best.map((r) => ({ id: r.id, value: highest ? r.max : r.min })));
  }

  async search(query: ParsedSearchQuery): Promise<SearchResult> {
    const plan = searchPlan(query);
    const index = await facetIndex(this.prisma);
    const { slots: candidates, textRank, clauseBest } = await this.candidates(index, plan.words, plan, readsOwnStatedOnly(query));
    const filters = index.filters(plan.selections);
    const hits = select(index, candidates, filters);

    // Order: a metric (materials without one last), then text rank, then the default order.
    const sortValues = await this.sortValues(index, plan, clauseBest, readsOwnStatedOnly(query));
    let ordered: Int32Array;
    if (!sortValues && !textRank.size) {
      ordered = inDefaultOrder(index, hits, plan.offset + plan.perPage);
    } else {
      const direction = plan.direction === "asc" ? 1 : -1;
      const rank = new Float64Array(index.size);
      for (const [id, r] of textRank) {
        const slot = index.slotOf(id);
        if (slot !== undefined) rank[slot] = r;
      }
      ordered = firstInOrder(hits, plan.offset + plan.perPage, (a, b) => {
        if (sortValues) {
          const x = sortValues[a]!,
            y = sortValues[b]!;
          if (Number.isNaN(x) !== Number.isNaN(y)) return Number.isNaN(x) ? 1 : -1;
          if (x !== y && !Number.isNaN(x)) return direction * (x - y);
        }
        return rank[a]! - rank[b]! || index.defaultRank[a]! - index.defaultRank[b]!;
      });
    }
    const sortValueOf = (slot: number) => (sortValues && !Number.isNaN(sortValues[slot]!) ? sortValues[slot]! : null);
    const page = Array.from(ordered.subarray(plan.offset, plan.offset + plan.perPage), (slot) => ({ id: index.ids[slot]!, sortValue: sortValueOf(slot) }));
    return {
      total: hits.length,
      page: plan.page,
      perPage: plan.perPage,
      materials: await materialHits(this.prisma, page, plan.clauses, plan.sort),
      facets: facetCounts(index, candidates, filters, hits),
      rateOnly: await rateOnlyCounts(this.prisma, plan.clauses),
      backend: this.name,
    };
  }
}

/**
 * A clause with one bound and no conditions, read by overlap, is met by exactly the materials whose
 * best value of the property passes it: "some measurement ≥ x" is "the highest ≥ x". The facet
 * index keeps those best values, so no measurement is read. Not when the page is sorted by this
 * clause towards its unbounded side, which needs the best value among the measurements meeting it.
 */
async function fromBestValues(index: FacetIndex, clause: CanonicalClause, plan: SearchPlan): Promise<ClauseBest[] | null> {
  if (clause.where.length || clause.ranges !== "overlap" || (clause.min === undefined) === (clause.max === undefined)) return null;
  const lowerBound = clause.min !== undefined;
  if (plan.sortBy === clause && (plan.direction === "asc") === lowerBound) return null;
  const { max, min } = await index.bestValues(clause.property);
  const met: ClauseBest[] = [];
  for (let slot = 0; slot < index.size; slot++) {
    const hi = max[slot]!;
    if (Number.isNaN(hi)) continue;
    const lo = min[slot]!;
    if (lowerBound ? hi >= clause.min! : lo <= clause.max!) met.push({ id: index.ids[slot]!, max: hi, min: lo });
  }
  return met;
}

/** The candidate slots (or all) that pass every filter, except those of facet `except`. */
function select(index: FacetIndex, candidates: Int32Array | null, filters: SlotFilter[], except?: FacetName): Int32Array {
  const active = filters.filter((f) => f.facet !== except);
  const out = new Int32Array(candidates ? candidates.length : index.size);
  let n = 0;
  const consider = (slot: number) => {
    for (const f of active) if (!f.test(slot)) return;
    out[n++] = slot;
  };
  if (candidates) candidates.forEach(consider);
  else for (let slot = 0; slot < index.size; slot++) consider(slot);
  return out.subarray(0, n);
}

/**
 * The first `limit` slots by `compare`, without sorting them all: a page of a text search that
 * matches tens of thousands of materials needs only the best few hundred in order.
 */
function firstInOrder(slots: Int32Array, limit: number, compare: (a: number, b: number) => number): Int32Array {
  if (slots.length <= limit * 4) return slots.slice().sort(compare);
  const best: number[] = [];
  for (const slot of slots) {
    if (best.length === limit && compare(slot, best[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(best[mid]!, slot) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, slot);
    if (best.length > limit) best.pop();
  }
  return Int32Array.from(best);
}

/** The first `limit` hits in the default order, without sorting them all. */
function inDefaultOrder(index: FacetIndex, hits: Int32Array, limit: number): Int32Array {
  const isHit = new Uint8Array(index.size);
  for (const slot of hits) isHit[slot] = 1;
  const out: number[] = [];
  for (let i = 0; i < index.size && out.length < limit; i++) if (isHit[index.defaultOrder[i]!]) out.push(index.defaultOrder[i]!);
  return Int32Array.from(out);
}

/**
 * Facet counts: a facet without a selection counts over the hits; a facet with a selection counts
 * over every filter but its own (disjunctive faceting), so its other values stay choosable.
 */
function facetCounts(index: FacetIndex, candidates: Int32Array | null, filters: SlotFilter[], hits: Int32Array): Record<FacetName, FacetCount[]> {
  const selected = new Set(filters.map((f) => f.facet));
  return Object.fromEntries(
    FACETS.map((facet) => [facet, orderFacetCounts(facet, index.count(facet, selected.has(facet) ? select(index, candidates, filters, facet) : hits))]),
  ) as Record<FacetName, FacetCount[]>;
}

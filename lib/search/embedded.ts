/**
 * The embedded backend: FTS5 for text and SQL for facets and metric clauses, in the same SQLite
 * file as the records (the index is kept by triggers inside each write transaction).
 */
import type { PrismaClient } from "../db";
import { canonicalClauses, FACETS, type CanonicalClause, type FacetName, type ParsedSearchQuery } from "./query";
import type { FacetCount, SearchBackend, SearchResult } from "./types";
import { ftsQuery } from "./text";
import { clauseCondition, placeholders, rows, type Fragment, type Param } from "./sql";
import { materialHits, orderFacetCounts } from "./results";

const FACET_COLUMN: Record<Exclude<FacetName, "elements" | "property">, string> = {
  battery_system: 'M."batterySystem"',
  role: 'M."role"',
  material_class: 'M."materialClass"',
  journal: 'P."journal"',
  year: 'P."year"',
};

export class EmbeddedSearch implements SearchBackend {
  readonly name = "embedded" as const;
  constructor(private readonly prisma: PrismaClient) {}

  /** Every filter of the query, except the facet being counted (disjunctive faceting). */
  private filters(query: ParsedSearchQuery, clauses: CanonicalClause[], match: string | null, except?: FacetName): Fragment {
    const sql: string[] = [`P."status" = 'published'`];
    const params: Param[] = [];
    if (match) sql.push(`M."id" IN (SELECT rowid FROM "MaterialText" WHERE "MaterialText" MATCH ?)`), params.push(match);
    const f = query.facets ?? {};
    for (const [facet, column] of Object.entries(FACET_COLUMN) as [keyof typeof FACET_COLUMN, string][]) {
      const values = f[facet] as (string | number)[] | undefined;
      if (facet !== except && values?.length) sql.push(`${column} IN (${placeholders(values.length)})`), params.push(...values);
    }
    if (except !== "property" && f.property?.length) {
      sql.push(`EXISTS (SELECT 1 FROM "Measurement" X WHERE X."materialId" = M."id" AND X."propertyKey" IN (${placeholders(f.property.length)}))`);
      params.push(...f.property);
    }
    if (except !== "elements" && f.elements?.all?.length) {
      sql.push(`(SELECT COUNT(*) FROM "MaterialElement" E WHERE E."materialId" = M."id" AND E."symbol" IN (${placeholders(f.elements.all.length)})) = ?`);
      params.push(...f.elements.all, new Set(f.elements.all).size);
    }
    if (except !== "elements" && f.elements?.only?.length) {
      sql.push(`EXISTS (SELECT 1 FROM "MaterialElement" E WHERE E."materialId" = M."id")`);
      sql.push(`NOT EXISTS (SELECT 1 FROM "MaterialElement" E WHERE E."materialId" = M."id" AND E."symbol" NOT IN (${placeholders(f.elements.only.length)}))`);
      params.push(...f.elements.only);
    }
    for (const clause of clauses) {
      const c = clauseCondition(clause, "X");
      // As an IN-list SQLite may build the set from the most selective index (a rare temperature,
      // a high value) instead of probing every candidate material.
      sql.push(`M."id" IN (SELECT X."materialId" FROM "Measurement" X WHERE ${c.sql})`);
      params.push(...c.params);
    }
    return { sql: sql.join(" AND "), params };
  }

  private rows<T>(sql: string, params: Param[]): Promise<T[]> {
    return rows<T>(this.prisma, sql, params);
  }

  async search(query: ParsedSearchQuery): Promise<SearchResult> {
    const clauses = canonicalClauses(query);
    const match = query.q ? ftsQuery(query.q) : null;
    const where = this.filters(query, clauses, match);
    const from = `FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId"`;

    // Sort: a metric (best measurement, within the clause on that property if there is one), else text rank.
    const order: string[] = [];
    const orderParams: Param[] = [];
    let sortSelect = "NULL AS sortValue";
    if (query.sort) {
      const sortClause = clauses.find((c) => c.property === query.sort!.property) ?? { property: query.sort.property, where: [] };
      const c = clauseCondition(sortClause, "S");
      const fn = query.sort.order === "asc" ? "MIN" : "MAX";
      sortSelect = `(SELECT ${fn}(S."canonicalValue") FROM "Measurement" S WHERE S."materialId" = M."id" AND ${c.sql}) AS sortValue`;
      orderParams.push(...c.params);
      order.push(`sortValue IS NULL`, `sortValue ${query.sort.order === "asc" ? "ASC" : "DESC"}`);
    }
    let rankJoin = "";
    const rankParams: Param[] = [];
    if (match) {
      rankJoin = `JOIN (SELECT rowid AS rid, bm25("MaterialText", 10.0, 8.0, 3.0, 1.0) AS rank FROM "MaterialText" WHERE "MaterialText" MATCH ?) T ON T.rid = M."id"`;
      rankParams.push(match);
      order.push("T.rank");
    }
    order.push(`M."isControl" ASC`, `P."year" DESC`, `P."id" ASC`, `M."position" ASC`);

    const [count] = await this.rows<{ total: number }>(`SELECT COUNT(*) AS total ${from} WHERE ${where.sql}`, where.params);
    const total = count?.total ?? 0;
    const offset = (query.page - 1) * query.perPage;
    const page = await this.rows<{ id: number; sortValue: number | null }>(
      `SELECT M."id", ${sortSelect} ${from} ${rankJoin} WHERE ${where.sql} ORDER BY ${order.join(", ")} LIMIT ? OFFSET ?`,
      [...orderParams, ...rankParams, ...where.params, query.perPage, offset],
    );
    const materials = await materialHits(this.prisma, page, clauses, query.sort?.property);

    return { total, page: query.page, perPage: query.perPage, materials, facets: await this.facets(query, clauses, match), backend: this.name };
  }

  /**
   * Facet counts. Facets without a selection all count over the full filter set, so they share one
   * statement over the matching materials computed once; a facet with a selection counts over every
   * filter but its own (disjunctive faceting) in a statement of its own.
   */
  private async facets(query: ParsedSearchQuery, clauses: CanonicalClause[], match: string | null): Promise<Record<FacetName, FacetCount[]>> {
    const selected = (f: FacetName) => (f === "elements" ? Boolean(query.facets?.elements?.all?.length || query.facets?.elements?.only?.length) : Boolean((query.facets?.[f] as unknown[] | undefined)?.length));
    const counts = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<FacetName, FacetCount[]>;
    const groups: { facets: FacetName[]; except?: FacetName }[] = [{ facets: FACETS.filter((f) => !selected(f)) }, ...FACETS.filter(selected).map((f) => ({ facets: [f], except: f }))];
    for (const group of groups) {
      if (!group.facets.length) continue;
      const where = this.filters(query, clauses, match, group.except);
      const parts = group.facets.map((facet) =>
        facet === "elements"
          ? `SELECT 'elements' AS facet, E."symbol" AS value, COUNT(*) AS count FROM hits CROSS JOIN "MaterialElement" E ON E."materialId" = hits.id GROUP BY E."symbol"`
          : facet === "property"
            ? `SELECT 'property' AS facet, X."propertyKey" AS value, COUNT(DISTINCT X."materialId") AS count FROM hits CROSS JOIN "Measurement" X ON X."materialId" = hits.id GROUP BY X."propertyKey"`
            : `SELECT '${facet}' AS facet, hits."${facet}" AS value, COUNT(*) AS count FROM hits GROUP BY hits."${facet}"`,
      );
      // CROSS JOIN keeps the matching materials as the outer loop: left to itself SQLite scans all
      // of Measurement in property order and probes the hits, which is slow for a narrow search.
      const columns = Object.entries(FACET_COLUMN).map(([facet, column]) => `${column} AS "${facet}"`).join(", ");
      const sql = `WITH hits AS MATERIALIZED (SELECT M."id" AS id, ${columns} FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE ${where.sql}) ${parts.join(" UNION ALL ")}`;
      for (const r of await this.rows<{ facet: FacetName; value: string | number; count: number }>(sql, where.params)) counts[r.facet].push({ value: String(r.value), count: r.count });
    }
    for (const f of FACETS) orderFacetCounts(counts[f]);
    return counts;
  }
}

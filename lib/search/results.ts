/**
 * Turning a page of material ids into the answer both backends give: the material, its paper and
 * elements, and the measurements that met each metric clause, read from the records (portable SQL:
 * PostgreSQL counts in bigint, which its driver reads as text, hence the casts).
 */
import type { PrismaClient } from "../db";
import { inCanonicalUnit, property } from "../units";
import { describeConditions, formatValue, materialRef, type MeasurementValueRow } from "../materials";
import type { Scope } from "../records/scope";
import type { Conditions } from "../records/schema";
import type { CanonicalClause } from "./query";
import type { MatchedMeasurement, MaterialHit, RateOnlyCount } from "./types";
import { CURRENT_COLUMNS, RATE_AS_CURRENT } from "../units/conditions";
import { clauseCondition, placeholders, rows, type Fragment } from "./sql";

export interface PageEntry {
  id: number;
  sortValue: number | null;
}

/** The hits of a page, in the page's order (ids no longer in the records are left out). */
export async function materialHits(prisma: PrismaClient, page: PageEntry[], clauses: CanonicalClause[], sort: CanonicalClause | null): Promise<MaterialHit[]> {
  const ids = page.map((p) => p.id);
  if (!ids.length) return [];
  // Raw SQL on the read connection: a page is read on every keystroke, and Prisma's per-query cost
  // would be a good part of it.
  const materials = await rows<{
    id: number;
    key: string;
    name: string;
    formula: string | null;
    role: string;
    batterySystem: string;
    materialClass: string;
    isControl: number;
    doi: string;
    title: string;
    journal: string;
    year: number;
  }>(
    prisma,
    `SELECT M."id", M."key", M."name", M."formula", M."role", M."batterySystem", M."materialClass", M."isControl", P."doi", P."title", P."journal", P."year"
     FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE M."id" IN (${placeholders(ids.length)})`,
    ids,
  );
  const elements = new Map<number, string[]>();
  for (const e of await rows<{ materialId: number; symbol: string }>(
    prisma,
    `SELECT "materialId", "symbol" FROM "MaterialElement" WHERE "materialId" IN (${placeholders(ids.length)}) ORDER BY "symbol"`,
    ids,
  )) {
    elements.set(e.materialId, [...(elements.get(e.materialId) ?? []), e.symbol]);
  }
  const byId = new Map(materials.map((m) => [m.id, m]));
  const matched = await matchedMeasurements(prisma, ids, clauses, sort);
  return page.flatMap(({ id, sortValue }) => {
    const m = byId.get(id);
    if (!m) return [];
    return [
      {
        id: m.id,
        ref: materialRef(m.doi, m.key),
        key: m.key,
        name: m.name,
        formula: m.formula,
        role: m.role,
        batterySystem: m.batterySystem,
        materialClass: m.materialClass,
        isControl: Boolean(m.isControl),
        elements: elements.get(m.id) ?? [],
        paper: { doi: m.doi, title: m.title, journal: m.journal, year: m.year },
        matched: matched.get(id) ?? [],
        sortValue,
      },
    ];
  });
}

/** The order that puts a property's best measurements first: lowest first where lower is better (overpotential, resistance). */
function bestFirst(propertyKey: string): string {
  return property(propertyKey)?.better === "lower" ? `X."canonicalMin" ASC, X."id"` : `X."canonicalMax" DESC, X."id"`;
}

/** Per material, the best three measurements meeting each clause (or of the sort property when there is no clause). */
async function matchedMeasurements(
  prisma: PrismaClient,
  ids: number[],
  clauses: CanonicalClause[],
  sort: CanonicalClause | null,
): Promise<Map<number, MatchedMeasurement[]>> {
  const result = new Map<number, MatchedMeasurement[]>();
  const wanted: { clause: number; propertyKey: string; condition: Fragment }[] = clauses.map((c, i) => ({
    clause: i,
    propertyKey: c.property,
    condition: clauseCondition(c, "X"),
  }));
  if (!clauses.length && sort) wanted.push({ clause: -1, propertyKey: sort.property, condition: clauseCondition(sort, "X") });
  for (const { clause, propertyKey, condition } of wanted) {
    const found = await rows<
      MeasurementValueRow & {
        id: number;
        materialId: number;
        canonicalMin: number;
        canonicalMax: number;
        canonicalUnit: string | null;
        conditionsJson: string | null;
        quote: string;
        location: string | null;
      }
    >(
      prisma,
      `SELECT X."id", X."materialId", X."propertyKey", X."value", X."min", X."max", X."reported", X."unit", X."unitReadAs", X."qualifier", X."scope", X."source",
              X."canonicalMin", X."canonicalMax", X."canonicalUnit", X."conditionsJson", X."quote", X."location"
       FROM "Measurement" X WHERE X."materialId" IN (${placeholders(ids.length)}) AND ${condition.sql} ORDER BY ${bestFirst(propertyKey)}`,
      [...ids, ...condition.params],
    );
    for (const r of found) {
      const list = result.get(r.materialId) ?? [];
      if (list.filter((m) => m.clause === clause).length >= 3) continue; // the best three per clause
      list.push({
        clause,
        id: r.id,
        property: r.propertyKey,
        value: r.value,
        min: r.min,
        max: r.max,
        unit: r.unit,
        display: formatValue(r),
        canonicalMin: inCanonicalUnit(r.propertyKey, r.canonicalMin, r.canonicalUnit),
        canonicalMax: inCanonicalUnit(r.propertyKey, r.canonicalMax, r.canonicalUnit),
        canonicalUnit: property(r.propertyKey)!.display,
        scope: r.scope as Scope,
        source: r.source as MatchedMeasurement["source"],
        conditions: describeConditions(r.conditionsJson ? (JSON.parse(r.conditionsJson) as Conditions) : undefined),
        quote: r.quote,
        location: r.location,
      });
      result.set(r.materialId, list);
    }
  }
  return result;
}

/**
 * What a current-density bound could not judge: per clause that bounds a current density, the
 * published measurements meeting the rest of it that state only a C-rate (no 1C to convert it).
 */
export async function rateOnlyCounts(prisma: PrismaClient, clauses: CanonicalClause[]): Promise<RateOnlyCount[]> {
  const counts: RateOnlyCount[] = [];
  for (const [i, clause] of clauses.entries()) {
    if (!clause.where.some((b) => CURRENT_COLUMNS.includes(b.column))) continue;
    const rest = clauseCondition({ ...clause, where: clause.where.filter((b) => !CURRENT_COLUMNS.includes(b.column)) }, "X");
    const [row] = await rows<{ measurements: number; materials: number }>(
      prisma,
      `SELECT CAST(COUNT(*) AS INTEGER) AS measurements, CAST(COUNT(DISTINCT X."materialId") AS INTEGER) AS materials
       FROM "Measurement" X JOIN "Material" M ON M."id" = X."materialId" JOIN "Paper" P ON P."id" = M."paperId"
       WHERE ${rest.sql} AND X."${RATE_AS_CURRENT.rate}" IS NOT NULL AND ${CURRENT_COLUMNS.map((c) => `X."${c}" IS NULL`).join(" AND ")} AND P."status" = 'published'`,
      rest.params,
    );
    if (row && row.measurements > 0) counts.push({ clause: i, measurements: row.measurements, materials: row.materials });
  }
  return counts;
}

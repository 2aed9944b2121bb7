/** SQL helpers shared by the embedded backend and the result assembly of both backends. */
import type { PrismaClient } from "../db";
import { placeholders, readerOf, type SqlDialect } from "../db/sql";
import type { CanonicalClause, RangeMatch } from "./query";

export type Param = string | number;
export interface Fragment {
  sql: string;
  params: Param[];
}

export { placeholders };

/**
 * The columns a bound reads for "at least" and "at most": under overlap a range meets "≥ x" when its
 * upper end does and "≤ x" when its lower end does; within, the other way round. A single value has
 * both ends equal, so both readings agree for it.
 */
export function boundColumns<C extends string>(ranges: RangeMatch, lower: C, upper: C): { atLeast: C; atMost: C } {
  return ranges === "overlap" ? { atLeast: upper, atMost: lower } : { atLeast: lower, atMost: upper };
}

/** SQL that one measurement `alias` meets a clause: property, whose number it is, value bounds and every condition bound. */
export function clauseCondition(clause: CanonicalClause, alias: string): Fragment {
  const sql = [`${alias}."propertyKey" = ?`, `${alias}."scope" IN (${placeholders(clause.scopes.length)})`];
  const params: Param[] = [clause.property, ...clause.scopes];
  if (!clause.derived) sql.push(`${alias}."source" = 'stated'`);
  const value = boundColumns(clause.ranges, "canonicalMin", "canonicalMax");
  if (clause.min !== undefined) (sql.push(`${alias}."${value.atLeast}" >= ?`), params.push(clause.min));
  if (clause.max !== undefined) (sql.push(`${alias}."${value.atMost}" <= ?`), params.push(clause.max));
  for (const b of clause.where) {
    const condition = boundColumns(clause.ranges, b.column, b.upper ?? b.column);
    if (b.min !== undefined) (sql.push(`${alias}."${condition.atLeast}" >= ?`), params.push(b.min));
    if (b.max !== undefined) (sql.push(`${alias}."${condition.atMost}" <= ?`), params.push(b.max));
  }
  return { sql: sql.join(" AND "), params };
}

/** Indexes that lead with a condition after the property (see the migrations). */
const CONDITION_INDEXES: Record<string, string> = {
  temperature: "Measurement_propertyKey_temperature_temperatureMax_canonicalMax_canonicalMin_materialId_scope_source_idx",
  currentDensity: "Measurement_propertyKey_currentDensity_currentDensityMax_canonicalMax_canonicalMin_materialId_scope_source_idx",
};

/**
 * The materials with a measurement meeting a clause (among `among` only, when given), each with its highest and lowest such value
 * (by the ends the clause's range match reads: a sort ranks by them). The index is named: with
 * bound parameters SQLite cannot see how narrow a bound is and may walk every high capacity to find
 * the few at −35 °C; a bounded condition with its own index narrows most (PostgreSQL takes no hint).
 */
export function clauseMaterials(dialect: SqlDialect, clause: CanonicalClause, among?: number[]): Fragment {
  const value = boundColumns(clause.ranges, "canonicalMin", "canonicalMax");
  if (among) {
    // Within given materials: their own measurements, through (materialId, position).
    const c = clauseCondition(clause, "X");
    return {
      sql: `SELECT X."materialId" AS id, MAX(X."${value.atLeast}") AS max, MIN(X."${value.atMost}") AS min FROM "Measurement" X ${dialect.indexedBy("Measurement_materialId_position_key")}
            WHERE X."materialId" ${dialect.inIds} AND ${c.sql} GROUP BY X."materialId"`,
      params: [JSON.stringify(among), ...c.params],
    };
  }
  const bounded = clause.where.find((b) => CONDITION_INDEXES[b.column] && (b.min !== undefined || b.max !== undefined));
  const index = bounded
    ? CONDITION_INDEXES[bounded.column]!
    : clause.max !== undefined && clause.min === undefined
      ? `Measurement_propertyKey_${value.atMost}_${value.atLeast}_materialId_scope_source_idx`
      : `Measurement_propertyKey_${value.atLeast}_${value.atMost}_materialId_scope_source_idx`;
  const c = clauseCondition(clause, "X");
  return {
    sql: `SELECT X."materialId" AS id, MAX(X."${value.atLeast}") AS max, MIN(X."${value.atMost}") AS min FROM "Measurement" X ${dialect.indexedBy(index)} WHERE ${c.sql} GROUP BY X."materialId"`,
    params: c.params,
  };
}

/** Raw rows for search, through the client's plain-SQL reader (a read-only connection on SQLite). */
export async function rows<T>(prisma: PrismaClient, sql: string, params: Param[]): Promise<T[]> {
  return readerOf(prisma).all<T>(sql, params);
}

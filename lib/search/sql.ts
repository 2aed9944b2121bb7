/** SQL helpers shared by the embedded backend and the result assembly of both backends. */
import { databaseFileOf, type PrismaClient } from "../db";
import { placeholders, readQuery } from "../db/sql";
import type { CanonicalClause } from "./query";

export type Param = string | number;
export interface Fragment {
  sql: string;
  params: Param[];
}

export { placeholders };

/** SQL that one measurement `alias` meets a clause: property, value bounds and every condition bound. */
export function clauseCondition(clause: CanonicalClause, alias: string): Fragment {
  const sql = [`${alias}."propertyKey" = ?`];
  const params: Param[] = [clause.property];
  if (clause.min !== undefined) (sql.push(`${alias}."canonicalValue" >= ?`), params.push(clause.min));
  if (clause.max !== undefined) (sql.push(`${alias}."canonicalValue" <= ?`), params.push(clause.max));
  for (const b of clause.where) {
    if (b.min !== undefined) (sql.push(`${alias}."${b.column}" >= ?`), params.push(b.min));
    if (b.max !== undefined) (sql.push(`${alias}."${b.column}" <= ?`), params.push(b.max));
  }
  return { sql: sql.join(" AND "), params };
}

/** Indexes that lead with a condition after the property (see the search migration). */
const CONDITION_INDEXES: Record<string, string> = {
  temperature: "Measurement_propertyKey_temperature_canonicalValue_materialId_idx",
  currentDensity: "Measurement_propertyKey_currentDensity_canonicalValue_materialId_idx",
};

/**
 * The materials with a measurement meeting a clause, each with its highest and lowest such value.
 * The index is named: with bound parameters SQLite cannot see how narrow a bound is and may walk
 * every high capacity to find the few at −35 °C; a bounded condition with its own index narrows most.
 */
export function clauseMaterials(clause: CanonicalClause): Fragment {
  const bounded = clause.where.find((b) => CONDITION_INDEXES[b.column]);
  const index = bounded ? CONDITION_INDEXES[bounded.column]! : "Measurement_propertyKey_canonicalValue_materialId_idx";
  const c = clauseCondition(clause, "X");
  return {
    sql: `SELECT X."materialId" AS id, MAX(X."canonicalValue") AS max, MIN(X."canonicalValue") AS min FROM "Measurement" X INDEXED BY "${index}" WHERE ${c.sql} GROUP BY X."materialId"`,
    params: c.params,
  };
}

/**
 * Raw rows for search, read on a direct read-only connection to the client's database file: these
 * queries are already SQL, and Prisma's per-query cost would be most of a search's time.
 */
export async function rows<T>(prisma: PrismaClient, sql: string, params: Param[]): Promise<T[]> {
  return readQuery<T>(databaseFileOf(prisma), sql, params);
}

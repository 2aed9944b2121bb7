/** SQL helpers shared by the embedded backend and the result assembly of both backends. */
import type { PrismaClient } from "../db";
import type { CanonicalClause } from "./query";

export type Param = string | number;
export interface Fragment {
  sql: string;
  params: Param[];
}

export const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/** SQL that one measurement `alias` meets a clause: property, value bounds and every condition bound. */
export function clauseCondition(clause: CanonicalClause, alias: string): Fragment {
  const sql = [`${alias}."propertyKey" = ?`];
  const params: Param[] = [clause.property];
  if (clause.min !== undefined) sql.push(`${alias}."canonicalValue" >= ?`), params.push(clause.min);
  if (clause.max !== undefined) sql.push(`${alias}."canonicalValue" <= ?`), params.push(clause.max);
  for (const b of clause.where) {
    if (b.min !== undefined) sql.push(`${alias}."${b.column}" >= ?`), params.push(b.min);
    if (b.max !== undefined) sql.push(`${alias}."${b.column}" <= ?`), params.push(b.max);
  }
  return { sql: sql.join(" AND "), params };
}

/** Raw rows with SQLite's bigints as numbers. */
export async function rows<T>(prisma: PrismaClient, sql: string, params: Param[]): Promise<T[]> {
  const result = (await prisma.$queryRawUnsafe(sql, ...params)) as Record<string, unknown>[];
  return result.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))) as T[];
}

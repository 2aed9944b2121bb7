/**
 * The embedded search's text index on either database, from the same tokens (text.ts) on both
 * sides: SQLite's FTS5 table, or on PostgreSQL a `tsvector` column of the same table with a GIN
 * index. PostgreSQL's own parser is bypassed (it reads "FeS2/Ti3C2Tx" as a file path and letters
 * by the server's locale): lexemes and positions are written and queried literally, so a query
 * matches on PostgreSQL exactly what it matches on SQLite.
 */
import type { SqlDialect } from "../db/sql";
import type { Fragment } from "./sql";
import { ftsQuery, matchTerms, tokens, type SearchableText, type TermPhrase } from "./text";

/**
 * Field weights, name > formula > details > paper text: FTS5's bm25 column weights, and the same
 * proportions as PostgreSQL's ts_rank weights (listed D, C, B, A).
 */
const BM25_WEIGHTS = "10.0, 8.0, 3.0, 1.0";
const TS_RANK_WEIGHTS = "{0.1, 0.3, 0.8, 1.0}";
const FIELD_WEIGHTS: [keyof SearchableText, string][] = [
  ["name", "A"],
  ["formula", "B"],
  ["details", "C"],
  ["paper", "D"],
];

const lexeme = (token: string) => `'${token.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** A tsvector literal of the text: each field's tokens at their positions, weighted by field; a gap between fields keeps phrases inside one. */
export function tsvectorOf(text: SearchableText): string {
  const entries: string[] = [];
  let position = 0;
  for (const [field, weight] of FIELD_WEIGHTS) {
    for (const token of tokens(text[field])) entries.push(`${lexeme(token)}:${Math.min(++position, 16383)}${weight}`);
    position++;
  }
  return entries.join(" ");
}

/** A tsquery literal asking what ftsQuery asks of FTS5, or null when the words hold no token. */
export function tsqueryOf(words: string[]): string | null {
  const phrase = ({ tokens: t, prefix }: TermPhrase) => t.map((token, i) => `${lexeme(token)}${prefix && i === t.length - 1 ? ":*" : ""}`).join(" <-> ");
  const parts = matchTerms(words).map((alternatives) => `(${alternatives.map(phrase).join(" | ")})`);
  return parts.length ? parts.join(" & ") : null;
}

/** The row of the text table for a material, as the database's text index takes it. */
export function searchTextRow(dialect: SqlDialect, materialId: number, text: SearchableText): Record<string, string | number> {
  return dialect.fullText === "tsvector" ? { rowid: materialId, ...text, words: tsvectorOf(text) } : { rowid: materialId, ...text };
}

/** The materials matching a query's words, with a rank (lower is better); null when the words hold no token. */
export function textMatches(dialect: SqlDialect, words: string[]): Fragment | null {
  if (dialect.fullText === "tsvector") {
    const query = tsqueryOf(words);
    return query
      ? {
          sql: `SELECT T."rowid" AS id, -ts_rank('${TS_RANK_WEIGHTS}', T."words", Q."query") AS rank FROM "MaterialText" T, (SELECT ?::tsquery AS "query") Q WHERE T."words" @@ Q."query"`,
          params: [query],
        }
      : null;
  }
  const match = ftsQuery(words);
  return match
    ? { sql: `SELECT rowid AS id, bm25("MaterialText", ${BM25_WEIGHTS}) AS rank FROM "MaterialText" WHERE "MaterialText" MATCH ?`, params: [match] }
    : null;
}

/**
 * The varied query mix of the benchmark: eight kinds of search a researcher sends, each drawn afresh
 * per request (terms, bounds, facet values and pages at random from what the knowledge base holds),
 * so no cache sees the same query twice in a row.
 */
import Database from "better-sqlite3";
import pg from "pg";
import seedrandom from "seedrandom";
import { isPostgresUrl } from "../lib/db/location";

export interface Vocabulary {
  /** Frequent terms of the text index (the 200 in most materials). */
  terms: string[];
  batterySystems: string[];
  roles: string[];
  elements: string[];
  /** Properties measured on many materials, for sorting. */
  properties: string[];
}

/** The vocabulary of a benchmark database: a SQLite file's path or a PostgreSQL URL. */
export async function vocabularyOf(target: string): Promise<Vocabulary> {
  return isPostgresUrl(target) ? postgresVocabulary(target) : sqliteVocabulary(target);
}

const FACET_VALUES = {
  batterySystems: `SELECT DISTINCT "batterySystem" FROM "Material"`,
  roles: `SELECT DISTINCT "role" FROM "Material"`,
  elements: `SELECT "symbol" FROM "MaterialElement" GROUP BY "symbol" ORDER BY COUNT(*) DESC LIMIT 30`,
  properties: `SELECT "propertyKey" FROM "Measurement" GROUP BY "propertyKey" ORDER BY COUNT(*) DESC LIMIT 8`,
};

function sqliteVocabulary(file: string): Vocabulary {
  const db = new Database(file, { readonly: true });
  try {
    db.exec(`CREATE VIRTUAL TABLE temp."vocabulary" USING fts5vocab(main, "MaterialText", row)`);
    const column = (sql: string) => db.prepare(sql).pluck().all() as string[];
    return {
      terms: column(`SELECT "term" FROM temp."vocabulary" WHERE length("term") > 3 ORDER BY "doc" DESC LIMIT 200`),
      batterySystems: column(FACET_VALUES.batterySystems),
      roles: column(FACET_VALUES.roles),
      elements: column(FACET_VALUES.elements),
      properties: column(FACET_VALUES.properties),
    };
  } finally {
    db.close();
  }
}

/** The same lists from PostgreSQL; the terms from its word statistics of the same search text. */
async function postgresVocabulary(url: string): Promise<Vocabulary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const column = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows.map((r) => String(Object.values(r)[0]));
    return {
      terms: await column(
        `SELECT "word" FROM ts_stat($$SELECT to_tsvector('simple', "name" || ' ' || "formula" || ' ' || "details" || ' ' || "paper") FROM "MaterialText"$$)
         WHERE length("word") > 3 ORDER BY "ndoc" DESC, "word" LIMIT 200`,
      ),
      batterySystems: await column(FACET_VALUES.batterySystems),
      roles: await column(FACET_VALUES.roles),
      elements: await column(FACET_VALUES.elements),
      properties: await column(FACET_VALUES.properties),
    };
  } finally {
    await client.end();
  }
}

export type QueryKind = { name: string; draw: () => unknown };

/** The eight kinds, drawing from `vocabulary` with a seeded generator (runs are comparable). */
export function queryKinds(vocabulary: Vocabulary, seed = "matlit"): QueryKind[] {
  const random = seedrandom(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
  const words = (n: number) => Array.from({ length: n }, () => pick(vocabulary.terms)).join(" ");
  return [
    { name: "text", draw: () => ({ q: words(between(1, 2)) }) },
    { name: "facets", draw: () => ({ facets: { battery_system: [pick(vocabulary.batterySystems)], role: [pick(vocabulary.roles)] } }) },
    {
      name: "clause with conditions",
      draw: () => ({
        metrics: [{ property: "specific_capacity", min: between(100, 500), unit: "mAh/g", where: { temperature: { max: between(-40, 25), unit: "degC" } } }],
      }),
    },
    {
      name: "sorted by a metric",
      draw: () => ({ facets: { role: [pick(vocabulary.roles)] }, sort: { property: pick(vocabulary.properties), order: "desc" } }),
    },
    { name: "elements only", draw: () => ({ facets: { elements: { all: [pick(vocabulary.elements), pick(vocabulary.elements)] } } }) },
    { name: "a later page", draw: () => ({ q: words(1), page: between(2, 10) }) },
    {
      name: "text + facets + two clauses",
      draw: () => ({
        q: words(1),
        facets: { battery_system: [pick(vocabulary.batterySystems)] },
        metrics: [
          { property: "specific_capacity", min: between(100, 400), unit: "mAh/g" },
          { property: "coulombic_efficiency", min: between(90, 99), unit: "%" },
        ],
      }),
    },
    { name: "text with no hits", draw: () => ({ q: `zq${Math.floor(random() * 1e9).toString(36)}x` }) },
  ];
}

/** All eight kinds in turn: what a busy server sees. */
export function cycled(kinds: QueryKind[]): QueryKind {
  let i = 0;
  return { name: "all kinds in turn", draw: () => kinds[i++ % kinds.length]!.draw() };
}

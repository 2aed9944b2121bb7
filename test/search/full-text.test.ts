/**
 * The embedded search's text index matches the same materials on PostgreSQL (tsvector) as on
 * SQLite (FTS5): both are written and queried from the same tokens, whatever PostgreSQL's parser
 * or locale would make of slashes, primes, Greek letters or quotes.
 */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { postgresServer } from "../helpers/postgres";
import { validFile } from "../helpers/records";
import { importRecords, validateRecordFile } from "../../lib/records";
import { readerOf } from "../../lib/db/sql";
import { textMatches, tsqueryOf, tsvectorOf } from "../../lib/search/full-text";
import { queryWords } from "../../lib/search/text";

const NAMES = [
  "FeS2/Ti3C2Tx heterostructure",
  "N-doped carbon nanofibers",
  "Nitrogen-doped hard carbon",
  "O'Brien's α-MnO2",
  "Li–S cathode host",
  "O3-Na0.95LNCFM",
  "back\\slash electrolyte",
  "Sb QDs@C",
];
const QUERIES = ["fes2", "ti3c2", "FeS2/Ti3C2Tx", "N-doped carbon", "nitrogen doped", "α-MnO2", "O'Brien", "LNCFM", "Li-S", "slash", "carb", "sb qd", "hetero"];

describe("the text index's literals", () => {
  it("writes each field's tokens at their positions with the field's weight, quoting what needs it", () => {
    expect(tsvectorOf({ name: "O'Brien α-MnO2", formula: "MnO2", details: "", paper: "a\\b" })).toBe(
      "'o':1A 'brien':2A 'α':3A 'mno2':4A 'mno2':6B 'a':9D 'b':10D",
    );
  });

  it("asks every word, a folded phrase adjacent, the last word as a prefix and synonyms whole", () => {
    expect(tsqueryOf(queryWords("N-doped carb"))).toMatch(/^\('n' <-> 'doped' \| .*'nitrogen' <-> 'doped'.*\) & \('carb':\*\)$/);
    expect(tsqueryOf(queryWords("—"))).toBeNull();
  });
});

describe.runIf(postgresServer())("the same matches on SQLite and PostgreSQL", () => {
  const databases: ProviderDatabase[] = [];
  beforeAll(async () => {
    for (const provider of PROVIDERS) {
      const t = await createDatabase(provider);
      const file = validateRecordFile(validFile("10.1234/full.text"));
      const template = file.papers[0]!.materials[0]!;
      file.papers[0]!.materials = NAMES.map((name, i) => ({ ...template, key: `m${i}`, name, formula: undefined }));
      await importRecords(t.prisma, file);
      databases.push(t);
    }
  });
  afterAll(async () => Promise.all(databases.map((t) => t.cleanup())));

  it("for names with slashes, hyphens, primes, Greek letters, backslashes and synonyms", async () => {
    for (const q of QUERIES) {
      const matched = await Promise.all(
        databases.map(async (t) => {
          const match = textMatches(readerOf(t.prisma).dialect, queryWords(q))!;
          const ids = (await readerOf(t.prisma).all<{ id: number }>(match.sql, match.params)).map((r) => Number(r.id));
          const names = await t.prisma.material.findMany({ where: { id: { in: ids } }, select: { name: true } });
          return names.map((n) => n.name).sort();
        }),
      );
      expect(matched[0]!.length, `"${q}" matches something`).toBeGreaterThan(0);
      expect(matched[1], `"${q}" on PostgreSQL as on SQLite`).toEqual(matched[0]);
    }
  });
});

/** The embedded text index is written with the one text builder, and `matlit setup` rewrites it when the builder changes. */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { loadSeed } from "../../seed/load";
import { refreshSearchText } from "../../lib/records/store";
import { EmbeddedSearch } from "../../lib/search/embedded";
import { parseSearchQuery } from "../../lib/search";
import { SEARCH_TEXT_VERSION } from "../../lib/search/text";
import { matlit } from "../helpers/cli";

describe.each(PROVIDERS)("the embedded text index on %s", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
    await loadSeed(t.prisma);
  });
  afterAll(async () => t.cleanup());

  const materialCount = () => t.prisma.material.count();
  const found = async (q: string) => (await new EmbeddedSearch(t.prisma).search(parseSearchQuery({ q, perPage: 100 }))).total;

  it("is rewritten by the current builder when it was written by another, once", async () => {
    // As a database written before: on SQLite the paper text as stored, unfolded; on PostgreSQL
    // without the words column filled (it came with a later migration); and no builder version.
    if (provider === "sqlite") await t.prisma.$executeRawUnsafe(`UPDATE "MaterialText" SET "paper" = 'Quantum‐Size FeS₂ unfolded'`);
    else await t.prisma.$executeRawUnsafe(`UPDATE "MaterialText" SET "paper" = 'Quantum‐Size FeS₂ unfolded', "words" = to_tsvector('simple', 'unfolded')`);
    await t.prisma.meta.deleteMany();
    expect(await found("unfolded")).toBeGreaterThan(0);
    expect(await refreshSearchText(t.prisma)).toBe(await materialCount());
    expect(await found("unfolded")).toBe(0);
    expect(await found("FeS2 sodium")).toBeGreaterThan(0);
    expect(await t.prisma.meta.findUnique({ where: { key: "searchTextVersion" } })).toEqual({ key: "searchTextVersion", value: String(SEARCH_TEXT_VERSION) });
    expect(await refreshSearchText(t.prisma)).toBe(0);
  });

  it("is brought up to date by `matlit setup`", async () => {
    await t.prisma.meta.deleteMany();
    const run = await matlit(["setup"], t.url);
    expect(run.status, run.stderr).toBe(0);
    expect(await t.prisma.meta.count()).toBe(1);
    expect(await found("FeS2 sodium")).toBeGreaterThan(0);
  });
});

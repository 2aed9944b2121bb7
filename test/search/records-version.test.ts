/**
 * The caches read from the records (the facet index, the scatter's sampled background) follow the
 * records version each server reads from the database, so a write made through another server (here
 * another client of the same database) is seen by the next read, on either provider.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { loadSeed } from "../../seed/load";
import { closeClient, createClient, type PrismaClient } from "../../lib/db";
import { importRecords, validateRecordFile } from "../../lib/records";
import { facetIndex, lastRefresh } from "../../lib/search/facet-index";
import { recordsVersion } from "../../lib/search";
import { scatterData } from "../../lib/compare/scatter";

const SB = "10.1002/smtd.202100188/sbqd-c";

describe.each(PROVIDERS)("records caches on %s", (provider) => {
  let t: ProviderDatabase;
  let other: PrismaClient;
  beforeAll(async () => {
    t = await createDatabase(provider);
    await loadSeed(t.prisma);
    other = createClient(t.url);
  });
  afterAll(async () => {
    await closeClient(other);
    await t?.cleanup();
  });

  it("plots the scatter from the records", async () => {
    const s = await scatterData(t.prisma);
    expect(s.points.some((p) => p.ref === SB && p.x === 5 && p.y === 278)).toBe(true);
    expect(s.axes.some((a) => a.key === "specific_capacity")).toBe(true);
  });

  it("see a paper published through another server at the next read", async () => {
    const index = await facetIndex(t.prisma);
    const version = await recordsVersion(t.prisma);
    const before = await scatterData(t.prisma);
    const file = validateRecordFile(validFile("10.1234/other.server"));
    await importRecords(other, file);

    const after = await facetIndex(t.prisma);
    expect(after.size).toBe(index.size + file.papers[0]!.materials.length);
    expect(lastRefresh(t.prisma)).toEqual({ kind: "changes", materials: file.papers[0]!.materials.length });
    expect(await recordsVersion(t.prisma)).not.toBe(version);
    const scatter = await scatterData(t.prisma);
    expect(scatter.points.length).toBe(before.points.length + 1); // the anode's capacity at 0.1 A/g
    expect(scatter.points.some((p) => p.ref === "10.1234/other.server/fes2-anode" && p.x === 0.1)).toBe(true);
  });

  it("stay as they are while nothing of the records changes", async () => {
    const index = await facetIndex(t.prisma);
    await other.session.deleteMany();
    expect(await facetIndex(t.prisma)).toBe(index);
  });
});

/**
 * What a records write leaves beside the records, the same on both providers (SQLite's triggers,
 * PostgreSQL's records writer): one change per material written or deleted, the search outbox's
 * work for each, and the search text of each material written.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { importRecords, validateRecordFile } from "../../lib/records";
import { prismaExecutor } from "../../lib/db/sql";

describe.each(PROVIDERS)("a records write on %s", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t?.cleanup());

  const materialIds = async () => (await t.prisma.material.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((m) => m.id);
  const outbox = async () => (await t.prisma.searchOutbox.findMany({ orderBy: { id: "asc" } })).map((o) => `${o.op} ${o.materialId}`);
  const changes = async () => (await t.prisma.recordChange.findMany({ orderBy: { id: "asc" } })).map((c) => c.materialId);
  const searchText = async () =>
    (await prismaExecutor(t.prisma).all<{ id: number | bigint; name: string }>(`SELECT "rowid" AS "id", "name" FROM "MaterialText" ORDER BY "rowid"`, [])).map(
      (r) => [Number(r.id), r.name],
    );

  it("names each material written in the change feed and the outbox, and writes its search text", async () => {
    await importRecords(t.prisma, validateRecordFile(validFile()));
    const written = await materialIds();
    expect(written.length).toBeGreaterThan(1);
    expect((await changes()).sort((a, b) => a - b)).toEqual(written);
    expect((await outbox()).sort()).toEqual(written.map((id) => `upsert ${id}`).sort());
    expect((await searchText()).map(([id]) => id)).toEqual(written);
    expect((await searchText())[0]![1]).toMatch(/FeS/);
  });

  it("names the materials of a replaced paper as deleted, and drops their search text", async () => {
    const before = await materialIds();
    const [changesBefore, outboxBefore] = [(await changes()).length, (await outbox()).length];
    await importRecords(t.prisma, validateRecordFile(validFile()));
    const after = await materialIds();
    expect((await changes()).slice(changesBefore).sort((a, b) => a - b)).toEqual([...before, ...after].sort((a, b) => a - b));
    expect((await outbox()).slice(outboxBefore).sort()).toEqual([...before.map((id) => `delete ${id}`), ...after.map((id) => `upsert ${id}`)].sort());
    expect((await searchText()).map(([id]) => id)).toEqual(after);
  });
});

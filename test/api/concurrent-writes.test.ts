/**
 * Editors keep working while another process writes: during a CLI import of 50,000 measurements,
 * every publish and autosave sent to the running app succeeds (or answers 503 and succeeds when
 * sent again) — none fails with a 500, and every one of them is in the database afterwards.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, type RunningApp } from "../helpers/app";
import { createClient, type PrismaClient } from "../../lib/db";
import { databaseFile } from "../../lib/db/location";
import { createUser } from "../../lib/auth";
import { validFile } from "../helpers/records";
import { syntheticPapers } from "../../bench/generate";

const BIN = join(import.meta.dirname, "..", "..", "bin", "matlit.js");

describe("writes from the app during a CLI import", () => {
  let app: RunningApp;
  let prisma: PrismaClient;
  let dir: string;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    app = await startApp();
    prisma = createClient(databaseFile(app.databaseUrl));
    dir = mkdtempSync(join(tmpdir(), "matlit-import-"));
    await createUser("editor@example.org", "editor password 1", { prisma });
    const login = await fetch(app.url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: "editor@example.org", password: "editor password 1" }),
    });
    const pairs = login.headers.getSetCookie().map((c) => c.split(";")[0]!);
    session = { cookie: pairs.join("; "), csrf: decodeURIComponent(pairs.find((p) => p.startsWith("matlit_csrf="))!.split("=")[1]!) };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Sends a write until it is not 503 (at most 20 times); returns every status seen. */
  async function write(method: string, path: string, body: unknown): Promise<number[]> {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await fetch(app.url + path, {
        method,
        headers: { "content-type": "application/json", origin: app.url, cookie: session.cookie, "x-csrf-token": session.csrf },
        body: JSON.stringify(body),
      });
      await response.text();
      statuses.push(response.status);
      if (response.status !== 503) break;
    }
    return statuses;
  }

  it("publishes and autosaves succeed while 50,000 measurements are imported", async () => {
    const papers = [...syntheticPapers({ papers: 500, materialsPerPaper: 5, measurementsPerMaterial: 20 }, 500, "concurrent-writes")][0]!;
    const file = join(dir, "import.json");
    writeFileSync(file, JSON.stringify({ papers }));

    const importer = spawn(process.execPath, [BIN, "import", file], {
      env: { ...process.env, DATABASE_URL: app.databaseUrl, MEILISEARCH_HOST: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    importer.stdout.on("data", (d) => (output += d));
    importer.stderr.on("data", (d) => (output += d));
    const finished = new Promise<number | null>((resolve) => importer.once("exit", resolve));
    let importing = true;
    void finished.then(() => (importing = false));

    const statuses: number[][] = [];
    let roundsDuringImport = 0;
    const published: string[] = [];
    const drafts: string[] = [];
    // Keep writing until the import is over (and at least a few rounds, whatever the timing).
    for (let round = 0; importing || round < 5; round++) {
      if (importing) roundsDuringImport++;
      const doi = `10.1234/during.import.${round}`;
      const draftId = randomUUID();
      const [publish, autosave] = await Promise.all([
        write("POST", "/api/papers", validFile(doi).papers[0]),
        write("PUT", `/api/drafts/${draftId}`, { doi: null, state: { paper: { title: `typing ${round}` } } }),
      ]);
      statuses.push(publish, autosave);
      published.push(doi);
      drafts.push(draftId);
    }
    expect(await finished, output).toBe(0);
    expect(roundsDuringImport).toBeGreaterThan(1);

    const all = statuses.flat();
    expect(all.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    expect(statuses.every((seen) => seen.at(-1)! < 300)).toBe(true);
    expect(await prisma.paper.count({ where: { doi: { in: published } } })).toBe(published.length);
    expect(await prisma.paperDraft.count({ where: { id: { in: drafts } } })).toBe(drafts.length);
    expect(await prisma.measurement.count()).toBeGreaterThanOrEqual(50_000);
  }, 300_000);
});

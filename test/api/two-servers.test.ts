/**
 * Two app servers on one PostgreSQL, as behind a load balancer, searching with Meilisearch or with
 * PostgreSQL's own full-text index: a paper an editor publishes on server A is found by a metric
 * search on server B within 3 s (with Meilisearch, A's or B's drainer, whichever holds the drainers'
 * lock, sends it), a session made on A is valid on B, and a server stopped in the middle of a
 * drain leaves no outbox work behind.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import pg from "pg";
import { startApp, type RunningApp } from "../helpers/app";
import { createDatabase, type ProviderDatabase } from "../helpers/db";
import { postgresServer } from "../helpers/postgres";
import { validFile } from "../helpers/records";
import { createUser } from "../../lib/auth";
import { startMeilisearch, type MeilisearchServer } from "../../support/meilisearch";
import { MeilisearchSearch } from "../../lib/search/meilisearch";

/** The database URL a server connects with, its connections named so a test can tell whose they are. */
function named(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
}

describe.runIf(postgresServer()).each(["meilisearch", "embedded"] as const)("two app servers on one PostgreSQL, searching with %s", (backend) => {
  let database: ProviderDatabase;
  let meilisearch: MeilisearchServer | undefined;
  let servers: Record<"a" | "b", RunningApp>;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    [database, meilisearch] = await Promise.all([createDatabase("postgresql"), backend === "meilisearch" ? startMeilisearch() : undefined]);
    await createUser("editor@example.org", "editor password 1", { prisma: database.prisma });
    // As a deployment starts: `matlit reindex` makes the indexes, the servers' drainers keep them current.
    if (meilisearch) await new MeilisearchSearch(database.prisma, { host: meilisearch.host, apiKey: meilisearch.apiKey }).reindex();
    const search: Record<string, string> = meilisearch
      ? { MEILISEARCH_HOST: meilisearch.host, MEILISEARCH_API_KEY: meilisearch.apiKey }
      : { MEILISEARCH_HOST: "" };
    const env = (name: string) => ({ DATABASE_URL: named(database.url, name), ...search });
    const [a, b] = await Promise.all([startApp(env("matlit-a")), startApp(env("matlit-b"))]);
    servers = { a, b };
    const login = await fetch(a.url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url },
      body: JSON.stringify({ email: "editor@example.org", password: "editor password 1" }),
    });
    expect(login.status).toBe(200);
    const pairs = login.headers.getSetCookie().map((c) => c.split(";")[0]!);
    session = { cookie: pairs.join("; "), csrf: decodeURIComponent(pairs.find((p) => p.startsWith("matlit_csrf="))!.split("=")[1]!) };
  });
  afterAll(async () => {
    await Promise.all([servers?.a.stop(), servers?.b.stop()]);
    await meilisearch?.close();
    await database?.cleanup();
  });

  /** Publishes on A a paper whose first material (an anode) is named `name`, with `copies` more materials like it. */
  async function publish(doi: string, name: string, copies = 0): Promise<void> {
    const paper = validFile(doi).papers[0]!;
    const anode = paper.materials![0]!;
    anode.name = name;
    for (let i = 0; i < copies; i++) paper.materials!.push({ ...anode, key: `copy-${i}`, name: `${name} ${i}` });
    const published = await fetch(servers.a.url + "/api/papers", {
      method: "POST",
      headers: { "content-type": "application/json", origin: servers.a.url, cookie: session.cookie, "x-csrf-token": session.csrf },
      body: JSON.stringify(paper),
    });
    expect(published.status).toBe(201);
  }

  /** How many materials a metric search on `server` finds for the word, with the anode's capacity at −35 °C. */
  async function found(server: RunningApp, word: string): Promise<number> {
    const query = { q: word, metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }] };
    const response = await fetch(server.url + "/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(query) });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { backend: string; total: number };
    expect(result.backend).toBe(backend);
    return result.total;
  }

  /** Ms until `server` finds `count` materials for the word, or null past `withinMs`. */
  async function untilFound(server: RunningApp, word: string, count: number, withinMs: number): Promise<number | null> {
    const start = Date.now();
    while (Date.now() - start < withinMs) {
      if ((await found(server, word)) >= count) return Date.now() - start;
      await new Promise((r) => setTimeout(r, 50));
    }
    return null;
  }

  it("finds on B, within 3 s, a paper published on A", async () => {
    for (const [i, name] of ["Hafnium firstite anode", "Hafnium secondite anode"].entries()) {
      await publish(`10.1234/two.servers.${i + 1}`, name);
      const ms = await untilFound(servers.b, name.split(" ")[1]!, 1, 3_000);
      console.log(`publish ${i + 1} on A: found on B after ${ms} ms`);
      expect(ms).not.toBeNull();
    }
  });

  it("takes a session made on A as valid on B", async () => {
    const drafts = await fetch(servers.b.url + "/api/drafts", { headers: { cookie: session.cookie } });
    expect(drafts.status).toBe(200);
    expect(await fetch(servers.b.url + "/api/drafts").then((r) => r.status)).toBe(401);
  });

  it("refuses to start with a search configuration it cannot serve, saying what to set", async () => {
    await expect(startApp({ DATABASE_URL: database.url, MATLIT_SEARCH_FALLBACK: "meilisearch" })).rejects.toThrow(
      /matlit cannot start: MATLIT_SEARCH_FALLBACK is "meilisearch": the one fallback is "embedded"/,
    );
  });

  // The outbox is Meilisearch's: PostgreSQL's own index is written in the record's transaction.
  if (backend === "meilisearch")
    it("loses no outbox work when the server draining it is stopped mid-drain", async () => {
      const watcher = new pg.Client({ connectionString: database.url });
      await watcher.connect();
      try {
        await publish("10.1234/two.servers.stopped", "Hafnium stoppedite anode", 799);
        // Wait until a drainer has claimed rows and is sending them, then stop that server at once,
        // as a crash would: its claims stay in the outbox, marked claimed.
        let drainer: "a" | "b" | undefined;
        for (const deadline = Date.now() + 30_000; !drainer && Date.now() < deadline;) {
          const { rows } = await watcher.query<{ claimed: string; holder: string | null }>(
            `SELECT (SELECT count(*) FROM "SearchOutbox" WHERE "claimedAt" IS NOT NULL) AS claimed,
                  (SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.locktype = 'advisory' AND l.objid = 7120182 AND l.granted) AS holder`,
          );
          if (Number(rows[0]!.claimed) > 0 && rows[0]!.holder) drainer = rows[0]!.holder === "matlit-a" ? "a" : "b";
        }
        expect(drainer, "no drainer was seen in the middle of a drain").toBeDefined();
        await servers[drainer!].stop("SIGKILL");
        const survivor = servers[drainer === "a" ? "b" : "a"];
        // The survivor's drainer takes the stopped one's claims (its lock ended with its connections)
        // at its next poll, instead of after the claims' 5-minute lease.
        expect(await untilFound(survivor, "stoppedite", 800, 60_000)).not.toBeNull();
        // …and removes them once sent (the last batch's rows just after its documents are searchable).
        const waiting = async () => Number((await watcher.query<{ n: string }>(`SELECT count(*) AS n FROM "SearchOutbox"`)).rows[0]!.n);
        await expect.poll(waiting, { timeout: 10_000 }).toBe(0);
      } finally {
        await watcher.end();
      }
    });
});

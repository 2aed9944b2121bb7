/**
 * Two app servers on one PostgreSQL and one Meilisearch, as behind a load balancer: a paper an
 * editor publishes on server A is found by a metric search on server B within 3 s (A's or B's
 * drainer, whichever holds the drainer's lock, sends it), and a session made on A is valid on B.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startApp, type RunningApp } from "../helpers/app";
import { createDatabase, type ProviderDatabase } from "../helpers/db";
import { postgresServer } from "../helpers/postgres";
import { validFile } from "../helpers/records";
import { createUser } from "../../lib/auth";
import { startMeilisearch, type MeilisearchServer } from "../../support/meilisearch";
import { MeilisearchSearch } from "../../lib/search/meilisearch";

describe.runIf(postgresServer())("two app servers on one PostgreSQL and one Meilisearch", () => {
  let database: ProviderDatabase;
  let meilisearch: MeilisearchServer;
  let a: RunningApp;
  let b: RunningApp;
  let session: { cookie: string; csrf: string };

  beforeAll(async () => {
    [database, meilisearch] = await Promise.all([createDatabase("postgresql"), startMeilisearch()]);
    await createUser("editor@example.org", "editor password 1", { prisma: database.prisma });
    // As a deployment starts: `matlit reindex` makes the indexes, the servers' drainers keep them current.
    await new MeilisearchSearch(database.prisma, { host: meilisearch.host, apiKey: meilisearch.apiKey }).reindex();
    const env = { DATABASE_URL: database.url, MEILISEARCH_HOST: meilisearch.host, MEILISEARCH_API_KEY: meilisearch.apiKey };
    [a, b] = await Promise.all([startApp(env), startApp(env)]);
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
    await Promise.all([a?.stop(), b?.stop()]);
    await meilisearch?.close();
    await database?.cleanup();
  });

  /** Publishes on A a paper whose anode is named `name`; returns the ms until a metric search on B finds it (or null past `withinMs`). */
  async function publishAndFind(doi: string, name: string, withinMs: number): Promise<number | null> {
    const paper = validFile(doi).papers[0]!;
    paper.materials![0]!.name = name;
    const published = await fetch(a.url + "/api/papers", {
      method: "POST",
      headers: { "content-type": "application/json", origin: a.url, cookie: session.cookie, "x-csrf-token": session.csrf },
      body: JSON.stringify(paper),
    });
    expect(published.status).toBe(201);
    const start = Date.now();
    const query = {
      q: name.split(" ")[1],
      metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }],
    };
    while (Date.now() - start < withinMs) {
      const response = await fetch(b.url + "/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(query) });
      expect(response.status).toBe(200);
      const result = (await response.json()) as { backend: string; materials: { ref: string }[] };
      expect(result.backend).toBe("meilisearch");
      if (result.materials.some((m) => m.ref === `${doi}/fes2-anode`)) return Date.now() - start;
      await new Promise((r) => setTimeout(r, 100));
    }
    return null;
  }

  it("finds on B, within 3 s, a paper published on A", async () => {
    // The first publish also warms both servers (their pages' code, the drainers' first settings check of the indexes).
    expect(await publishAndFind("10.1234/two.servers.1", "Hafnium warmupite anode", 30_000)).not.toBeNull();
    expect(await publishAndFind("10.1234/two.servers.2", "Hafnium twoservite anode", 3_000)).not.toBeNull();
  });

  it("takes a session made on A as valid on B", async () => {
    const drafts = await fetch(b.url + "/api/drafts", { headers: { cookie: session.cookie } });
    expect(drafts.status).toBe(200);
    expect(await fetch(b.url + "/api/drafts").then((r) => r.status)).toBe(401);
  });
});

/**
 * Every write of the running app (production build, on a real SQLite file and, when the run has a
 * server, on PostgreSQL with Meilisearch) against anonymous, cross-site, malformed and hostile
 * requests: refused with a clear 4xx, and nothing written.
 */
import { paperRevisions } from "../../lib/editing";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomUUID } from "node:crypto";
import { startApp, type RunningApp } from "../helpers/app";
import { createDatabase, PROVIDERS, type Provider } from "../helpers/db";
import { closeClient, createClient, type PrismaClient } from "../../lib/db";
import { createUser } from "../../lib/auth";
import { validFile } from "../helpers/records";
import { loadSeed } from "../../seed/load";
import { MeilisearchSearch } from "../../lib/search/meilisearch";
import { startMeilisearch } from "../../support/meilisearch";

/**
 * The app on a seeded database of the provider, and a client of that database for the test. A
 * SQLite app starts from a copy of the run's seeded file; a PostgreSQL app needs Meilisearch, whose
 * indexes are made from the seeded database as `matlit reindex` makes them for a deployment.
 */
async function seededApp(provider: Provider): Promise<{ app: RunningApp; prisma: PrismaClient; stop: () => Promise<void> }> {
  if (provider === "sqlite") {
    const app = await startApp();
    const prisma = createClient(app.databaseUrl);
    const stop = async () => {
      await closeClient(prisma);
      await app.stop();
    };
    return { app, prisma, stop };
  }
  const [database, meilisearch] = await Promise.all([createDatabase("postgresql"), startMeilisearch()]);
  await loadSeed(database.prisma);
  await new MeilisearchSearch(database.prisma, { host: meilisearch.host, apiKey: meilisearch.apiKey }).reindex();
  const app = await startApp({ DATABASE_URL: database.url, MEILISEARCH_HOST: meilisearch.host, MEILISEARCH_API_KEY: meilisearch.apiKey });
  return {
    app,
    prisma: database.prisma,
    stop: async () => {
      await app.stop();
      await meilisearch.close();
      await database.cleanup();
    },
  };
}

interface Session {
  cookie: string;
  csrf: string;
}

describe.each(PROVIDERS)("writes through the HTTP API (%s)", (provider) => {
  let app: RunningApp;
  let prisma: PrismaClient;
  let stop: (() => Promise<void>) | undefined;
  let alice: Session;
  let bob: Session;

  const headers = (s: Session | null, extra: Record<string, string> = {}) => ({
    "content-type": "application/json",
    origin: app.url,
    ...(s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {}),
    ...extra,
  });
  const call = async (method: string, path: string, body: unknown, s: Session | null, extra: Record<string, string> = {}) => {
    const response = await fetch(app.url + path, {
      method,
      headers: headers(s, extra),
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      redirect: "manual",
    });
    const text = await response.text();
    let json: { error?: { message: string; field?: string; details?: { path: string; message: string }[] } } & Record<string, unknown> = {};
    try {
      json = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, json, text };
  };

  async function signIn(email: string, password: string): Promise<Session> {
    const response = await fetch(app.url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    expect(cookies.find((c) => c.startsWith("matlit_session="))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith("matlit_session="))).toMatch(/SameSite=Lax/);
    const pairs = cookies.map((c) => c.split(";")[0]!);
    return { cookie: pairs.join("; "), csrf: decodeURIComponent(pairs.find((p) => p.startsWith("matlit_csrf="))!.split("=")[1]!) };
  }

  /** Row counts of everything a write could touch. */
  const snapshot = async () => ({
    papers: await prisma.paper.count(),
    materials: await prisma.material.count(),
    measurements: await prisma.measurement.count(),
    revisions: await prisma.revision.count(),
    drafts: await prisma.paperDraft.count(),
    sessions: await prisma.session.count(),
  });

  /**
   * The search page for a query, once it links `path`: at once on SQLite, whose embedded index is
   * written with the records; on PostgreSQL once the drainer has sent the change to Meilisearch,
   * which it starts on the write's notification (3 s is ample, as two-servers.test.ts measures).
   */
  async function searchPageLinking(query: unknown, path: string): Promise<string> {
    const deadline = Date.now() + (provider === "sqlite" ? 0 : 3_000);
    for (;;) {
      const html = await (await fetch(`${app.url}/?query=${encodeURIComponent(JSON.stringify(query))}`)).text();
      if (html.includes(path) || Date.now() >= deadline) return html;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const paper = (doi: string) => validFile(doi).papers[0]!;
  const SEED_DOI = "10.1007/s40820-025-01858-2";

  beforeAll(async () => {
    ({ app, prisma, stop } = await seededApp(provider));
    await createUser("alice@example.org", "alice password 1", { prisma });
    await createUser("bob@example.org", "bob password 12", { prisma });
    alice = await signIn("alice@example.org", "alice password 1");
    bob = await signIn("bob@example.org", "bob password 12");
  });
  afterAll(async () => {
    await stop?.();
  });

  const draftId = randomUUID();
  const writes = (): [string, string, unknown][] => [
    ["POST", "/api/papers", paper("10.1234/anon.1")],
    ["PUT", `/api/papers/${SEED_DOI}`, paper(SEED_DOI)],
    ["PUT", `/api/drafts/${draftId}`, { doi: null, state: { paper: { title: "x" } } }],
    ["DELETE", `/api/drafts/${draftId}`, undefined],
    ["POST", "/api/import", validFile("10.1234/anon.2")],
    ["POST", "/api/auth/logout", {}],
  ];

  it("answers anonymous writes with 401 and writes nothing", async () => {
    const before = await snapshot();
    for (const [method, path, body] of writes()) {
      const r = await call(method, path, body, null);
      expect(r.status, `${method} ${path}`).toBe(401);
      expect(r.json.error?.message, `${method} ${path}`).toMatch(/sign in/);
    }
    expect((await call("GET", "/api/drafts", undefined, null)).status).toBe(401);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses cross-origin writes and writes without the CSRF token with 403", async () => {
    const before = await snapshot();
    for (const [method, path, body] of writes()) {
      const crossSite = await call(method, path, body, alice, { origin: "https://evil.example" });
      expect(crossSite.status, `${method} ${path} cross-origin`).toBe(403);
      expect(crossSite.json.error?.message).toMatch(/cross-origin/);
      const noToken = await call(method, path, body, { ...alice, csrf: "" });
      expect(noToken.status, `${method} ${path} without token`).toBe(403);
      expect(noToken.json.error?.message).toMatch(/CSRF token/);
      const otherToken = await call(method, path, body, { ...alice, csrf: bob.csrf });
      expect(otherToken.status, `${method} ${path} with another session's token`).toBe(403);
      const fetchMetadata = await call(method, path, body, alice, { origin: "", "sec-fetch-site": "cross-site" });
      expect([403]).toContain(fetchMetadata.status);
    }
    const login = await fetch(app.url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ email: "alice@example.org", password: "alice password 1" }),
    });
    expect(login.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("answers malformed, oversized and wrongly typed bodies with 4xx and clear messages", async () => {
    const before = await snapshot();
    const malformed = await call("POST", "/api/papers", '{"doi": "10.1234/x", "title": ', alice);
    expect(malformed.status).toBe(400);
    expect(malformed.json.error?.message).toMatch(/not valid JSON/);
    expect((await call("POST", "/api/papers", "", alice)).json.error?.message).toMatch(/empty/);
    expect((await call("PUT", `/api/drafts/${randomUUID()}`, "[1,", alice)).status).toBe(400);

    const huge = JSON.stringify({ ...paper("10.1234/huge"), abstract: "x".repeat(3 * 1024 * 1024) });
    const oversized = await call("POST", "/api/papers", huge, alice);
    expect(oversized.status).toBe(413);
    expect(oversized.json.error?.message).toMatch(/larger than/);
    const hugeImport = await call(
      "POST",
      "/api/import",
      JSON.stringify({ papers: [{ ...paper("10.1234/huge"), abstract: "x".repeat(6 * 1024 * 1024) }] }),
      alice,
    );
    expect(hugeImport.status).toBe(413);
    const hugeDraft = await call("PUT", `/api/drafts/${randomUUID()}`, JSON.stringify({ doi: null, state: { blob: "x".repeat(3 * 1024 * 1024) } }), alice);
    expect(hugeDraft.status).toBe(413);

    const wrongTypes = await call("POST", "/api/papers", { ...paper("10.1234/types"), year: "2025", authors: "Ada" }, alice);
    expect(wrongTypes.status).toBe(400);
    expect(wrongTypes.json.error?.message).toMatch(/invalid field/);
    expect(wrongTypes.json.error?.details?.map((d) => d.path)).toEqual(expect.arrayContaining(["year", "authors"]));

    const badUnit = paper("10.1234/unit");
    badUnit.materials![0]!.measurements![0]!.unit = "mS cm-1";
    const unit = await call("POST", "/api/papers", badUnit, alice);
    expect(unit.status).toBe(400);
    expect(unit.json.error?.field).toBe("materials[0].measurements[0].unit");
    expect(unit.json.error?.details?.[0]?.message).toMatch(/does not fit Specific capacity/);

    for (const body of [[paper("10.1234/array")], 42, "null", { papers: [paper("10.1234/file-shaped")] }]) {
      const r = await call("POST", "/api/papers", typeof body === "string" ? body : body, alice);
      expect(r.status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
    const badImport = await call("POST", "/api/import", { papers: [paper("10.1234/imp.ok"), { ...paper("10.1234/imp.bad"), year: 1500 }] }, alice);
    expect(badImport.status).toBe(400);
    expect(badImport.json.error?.details?.map((d) => d.path)).toEqual(["papers[1].year"]);
    expect((await call("PUT", "/api/drafts/not-a-uuid", { state: {} }, alice)).status).toBe(400);
    expect((await call("PUT", `/api/drafts/${randomUUID()}`, { state: "text" }, alice)).status).toBe(400);
    expect((await call("PUT", `/api/drafts/${randomUUID()}`, { state: {}, owner: 2 }, alice)).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses prototype-pollution keys and leaves the server unharmed", async () => {
    const before = await snapshot();
    const polluted = `{"__proto__": {"isAdmin": true, "polluted": "yes"}, ${JSON.stringify(paper("10.1234/proto")).slice(1)}`;
    const r1 = await call("POST", "/api/papers", polluted, alice);
    expect(r1.status).toBe(400);
    expect(r1.json.error?.message).toMatch(/__proto__/);
    expect(r1.json.error?.field).toBe("__proto__");
    const nested = paper("10.1234/proto.2") as Record<string, unknown>;
    const text = JSON.stringify(nested).replace('"key":"fes2-anode"', '"key":"fes2-anode","constructor":{"prototype":{"polluted":"yes"}}');
    const r2 = await call("POST", "/api/papers", text, alice);
    expect(r2.status).toBe(400);
    const r3 = await call("POST", "/api/import", `{"papers": [], "__proto__": {"polluted": "yes"}}`, alice);
    expect(r3.status).toBe(400);
    expect(await snapshot()).toEqual(before);
    // The server still answers normally and nothing grew a "polluted" property.
    const read = await call("GET", `/api/papers/${SEED_DOI}`, undefined, null);
    expect(read.status).toBe(200);
    expect(read.text).not.toContain("polluted");
  });

  it("publishes a valid paper, searchable at once, with a revision naming the editor", async () => {
    const created = await call("POST", "/api/papers", paper("10.1234/Published.1"), alice);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      paper: { doi: "10.1234/published.1", action: "created", materials: 2, measurements: 4 },
      path: "/papers/10.1234/published.1",
    });
    const query = { q: "FeS2", metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }] };
    expect(await searchPageLinking(query, "/materials/10.1234/published.1/fes2-anode")).toContain("/materials/10.1234/published.1/fes2-anode");
    const revision = await prisma.revision.findFirstOrThrow({ where: { entityKey: "10.1234/published.1" }, include: { user: true } });
    expect(revision).toMatchObject({ action: "create", beforeJson: null, user: { email: "alice@example.org" } });

    const again = await call("POST", "/api/papers", paper("10.1234/published.1"), bob);
    expect(again.status).toBe(409);
    expect(again.json.error?.field).toBe("doi");

    const edited = { ...paper("10.1234/published.1"), title: "An edited title" };
    const put = await call("PUT", "/api/papers/10.1234/published.1", edited, bob);
    expect(put.status).toBe(200);
    const revisions = await prisma.revision.findMany({ where: { entityKey: "10.1234/published.1" }, orderBy: { id: "asc" }, include: { user: true } });
    expect(revisions.map((r) => [r.action, r.user?.email])).toEqual([
      ["create", "alice@example.org"],
      ["replace", "bob@example.org"],
    ]);
    expect(JSON.parse(revisions[1]!.beforeJson!).title).toBe("A test paper on FeS₂ anodes");
    expect(((await paperRevisions("10.1234/published.1", prisma))[0]!.after as { title: string }).title).toBe("An edited title");

    const renamed = await call("PUT", "/api/papers/10.1234/published.1", paper("10.1234/other"), bob);
    expect(renamed.status).toBe(400);
    expect(renamed.json.error?.field).toBe("doi");
    expect((await call("PUT", "/api/papers/10.1234/missing", paper("10.1234/missing"), bob)).status).toBe(404);
    const got = await call("GET", "/api/papers/10.1234/published.1", undefined, null);
    expect(got.json.paper).toMatchObject({ title: "An edited title" });
  });

  it("stores script tags as text and renders them escaped", async () => {
    const hostile = paper("10.1234/xss.1");
    hostile.title = `<script>alert("title")</script> & co`;
    hostile.materials![0]!.name = `<img src=x onerror=alert(1)>`;
    hostile.authors = [`"><svg onload=alert(2)>`];
    const r = await call("POST", "/api/papers", hostile, alice);
    expect(r.status).toBe(201);
    expect((await prisma.paper.findUniqueOrThrow({ where: { doi: "10.1234/xss.1" } })).title).toBe(hostile.title);
    // The search page below renders the hostile names only once it finds the paper.
    expect(await searchPageLinking({ q: "xss" }, "/materials/10.1234/xss.1/fes2-anode")).toContain("/materials/10.1234/xss.1/fes2-anode");
    for (const path of ["/papers/10.1234/xss.1", "/materials/10.1234/xss.1/fes2-anode", "/?query=" + encodeURIComponent(JSON.stringify({ q: "xss" }))]) {
      const html = await (await fetch(app.url + path, { headers: { cookie: alice.cookie } })).text();
      expect(html, path).not.toContain("<script>alert(");
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).not.toContain("<svg onload");
    }
    const html = await (await fetch(app.url + "/papers/10.1234/xss.1")).text();
    expect(html).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co");
  });

  it("keeps drafts to their owner: another editor's draft is 403", async () => {
    const id = randomUUID();
    const saved = await call("PUT", `/api/drafts/${id}`, { doi: null, state: { version: 1, paper: { title: "Alice's work" }, materials: [] } }, alice);
    expect(saved.status).toBe(200);
    const before = await snapshot();
    for (const [method, body] of [
      ["GET", undefined],
      ["PUT", { doi: null, state: { paper: { title: "Bob was here" } } }],
      ["DELETE", undefined],
    ] as const) {
      const r = await call(method, `/api/drafts/${id}`, body, bob);
      expect(r.status, method).toBe(403);
      expect(r.json.error?.message).toMatch(/another editor/);
    }
    const publishing = await call("POST", `/api/papers?draft=${id}`, paper("10.1234/via-bobs-publish"), bob);
    expect(publishing.status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect(JSON.parse((await prisma.paperDraft.findUniqueOrThrow({ where: { id } })).json).paper.title).toBe("Alice's work");
    expect(((await call("GET", "/api/drafts", undefined, bob)).json.drafts as unknown[]).length).toBe(0);
    expect((await call("GET", "/api/drafts", undefined, alice)).json.drafts).toEqual([expect.objectContaining({ id, title: "Alice's work" })]);
    // Publishing from the draft removes it in the same transaction.
    const published = await call("POST", `/api/papers?draft=${id}`, paper("10.1234/from-draft"), alice);
    expect(published.status).toBe(201);
    expect(await prisma.paperDraft.findUnique({ where: { id } })).toBeNull();
  });

  it("imports a valid record file all at once, with revisions naming the editor", async () => {
    const file = validFile("10.1234/imported.1");
    file.papers.push({ ...validFile("10.1234/imported.2").papers[0]! });
    const r = await call("POST", "/api/import", file, bob);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      papers: [
        expect.objectContaining({ doi: "10.1234/imported.1", action: "created" }),
        expect.objectContaining({ doi: "10.1234/imported.2", action: "created" }),
      ],
      warnings: [],
    });
    const revisions = await prisma.revision.findMany({ where: { entityKey: { in: ["10.1234/imported.1", "10.1234/imported.2"] } }, include: { user: true } });
    expect(revisions.map((x) => x.user?.email)).toEqual(["bob@example.org", "bob@example.org"]);
  });

  it("repairs a publisher's private-use glyphs on import and warns about the ones it cannot read", async () => {
    const file = validFile("10.1234/imported.glyphs");
    file.papers[0]!.title = "Sb\uF8FFO\uF8FFC bonding in \uE123 anodes";
    const r = await call("POST", "/api/import", file, bob);
    expect(r.status).toBe(200);
    expect(r.json.warnings).toEqual([{ path: "papers[0].title", message: expect.stringContaining("U+E123") }]);
    const stored = await prisma.paper.findUnique({ where: { doi: "10.1234/imported.glyphs" } });
    expect(stored?.title).toBe("Sb–O–C bonding in \uFFFD anodes");
  });

  it("rate-limits sign-in: the sixth failure within 15 minutes is 429", async () => {
    await createUser("carol@example.org", "carol password 1", { prisma });
    const attempt = (password: string) =>
      fetch(app.url + "/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.url, "x-forwarded-for": "203.0.113.9" },
        body: JSON.stringify({ email: "carol@example.org", password }),
      });
    for (let i = 0; i < 5; i++) expect((await attempt("wrong password")).status).toBe(401);
    const blocked = await attempt("carol password 1");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(((await blocked.json()) as { error: { message: string } }).error.message).toMatch(/too many failed sign-in attempts/);
  });

  it("signs out: the session is gone from the database", async () => {
    const s = await signIn("bob@example.org", "bob password 12");
    const before = await prisma.session.count();
    const r = await call("POST", "/api/auth/logout", {}, s);
    expect(r.status).toBe(200);
    expect(await prisma.session.count()).toBe(before - 1);
    expect((await call("PUT", `/api/drafts/${randomUUID()}`, { state: {} }, s)).status).toBe(401);
  });
});

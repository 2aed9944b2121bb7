/**
 * Hostile input over every route of the running app (production build, real SQLite file): a
 * seeded, bounded stream of malformed paths, queries and bodies, anonymous and signed in, plus the
 * shapes a security probe once broke the server with. No answer may be a 5xx, the server must stay
 * up, and the knowledge base must export exactly as before.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { randomUUID } from "node:crypto";
import seedrandom from "seedrandom";
import { startApp, type RunningApp } from "../helpers/app";
import { createClient, type PrismaClient } from "../../lib/db";
import { databaseFile } from "../../lib/db/location";
import { createUser } from "../../lib/auth";
import { exportRecords } from "../../lib/records";
import { FORMULAS } from "../../lib/formulas/catalogue";
import { validFile } from "../helpers/records";

const REQUESTS = 2500;
const SEED_DOI = "10.1007/s40820-025-01858-2";

/** Strings that have broken parsers, routers, query builders and renderers somewhere. */
const HOSTILE = [
  "",
  " ",
  "%",
  "%25",
  "%E0%A4%A",
  "%00",
  "\u0000",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '"',
  "\\",
  "𝕏𝕏",
  "a".repeat(5000),
  "1e308",
  "-1",
  "NaN",
  "Infinity",
  "99999999999999999999999",
  "__proto__",
  "constructor",
  "FeS2",
  SEED_DOI,
  `${SEED_DOI}/fes2-qd-mxene`,
  "*",
  '"*"',
  "NEAR(a b)",
  "a OR b",
  "^",
  "mAh g-1",
  "1000 mAh g-1",
  "furlong/fortnight",
  "1/0",
  "#",
  "?x=1",
  "10.1234/a%b#c?d",
  '=HYPERLINK("http://evil")',
  "\uFEFF",
  "\r\n",
  "0",
  "1",
  "2147483648",
];

const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE,
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e308,
  2 ** 53,
  0.1,
  [],
  {},
  [1, 2],
  { __proto__: null },
  { a: { b: { c: [] } } },
];

describe("hostile input over every route", () => {
  let app: RunningApp;
  let prisma: PrismaClient;
  let session: { cookie: string; csrf: string };
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let sent = 0;

  beforeAll(async () => {
    app = await startApp();
    prisma = createClient(databaseFile(app.databaseUrl));
    await createUser("fuzz@example.org", "fuzz password 1", { prisma });
    const login = await fetch(app.url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.url },
      body: JSON.stringify({ email: "fuzz@example.org", password: "fuzz password 1" }),
    });
    expect(login.status).toBe(200);
    const pairs = login.headers.getSetCookie().map((c) => c.split(";")[0]!);
    session = { cookie: pairs.join("; "), csrf: decodeURIComponent(pairs.find((p) => p.startsWith("matlit_csrf="))!.split("=")[1]!) };
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await app?.stop();
  });

  /** Sends one request; any 5xx or network failure is recorded with what was sent. */
  async function send(method: string, path: string, options: { body?: BodyInit; signedIn?: boolean; headers?: Record<string, string> } = {}): Promise<number> {
    sent++;
    const headers: Record<string, string> = { "content-type": "application/json", origin: app.url, ...options.headers };
    if (options.signedIn) Object.assign(headers, { cookie: session.cookie, "x-csrf-token": session.csrf });
    try {
      const response = await fetch(app.url + path, {
        method,
        headers,
        body: options.body,
        redirect: "manual",
        ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500)
        failures.push(
          `${response.status} ${method} ${path.slice(0, 200)} ${typeof options.body === "string" ? options.body.slice(0, 200) : ""} → ${text.slice(0, 300)}`,
        );
      return response.status;
    } catch (e) {
      failures.push(`network error ${method} ${path.slice(0, 200)}: ${e instanceof Error ? e.message : String(e)}`);
      return 0;
    }
  }

  it("answers the shapes that once broke the server with 4xx", async () => {
    const exportBefore = JSON.stringify(await exportRecords(prisma));
    const oneLetterWords = Array.from({ length: 249 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");
    expect(await send("GET", `/api/search?q=${encodeURIComponent(oneLetterWords)}`)).toBe(400);
    expect(await send("POST", "/api/search", { body: JSON.stringify({ q: Array(70).fill("s").join(" ") }) })).toBe(200);

    // A chunked body with no declared length, far past the limit: refused while reading.
    let chunks = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (chunks++ > 400) return controller.close(); // 25 MB at most
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    expect(await send("POST", "/api/search", { body: endless })).toBe(413);

    for (const path of [
      "/papers/10.1234%2525x",
      "/papers/%E0%A4%A",
      "/materials/%E0%A4%A/x/y",
      "/api/papers/%ZZ",
      "/papers/edit/%E0%A4%A",
      "/api/papers/10.1234/a%25b",
      "/api/compare?ids=99999999999999999999999,1",
      "/api/compare/scatter?highlight=99999999999999999999",
      `/materials/${SEED_DOI}/%25`,
    ]) {
      const status = await send("GET", path);
      expect(status, path).toBeGreaterThanOrEqual(300);
      expect(status, path).toBeLessThan(500);
    }

    const deep = '{"doi":null,"state":' + '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    expect(await send("PUT", `/api/drafts/${randomUUID()}`, { body: deep, signedIn: true })).toBe(400);
    expect(await send("PUT", `/api/drafts/${randomUUID()}`, { body: '{"doi":null,"state":{"__proto__":{"x":1}}}', signedIn: true })).toBe(400);

    const paper = validFile("10.1234/fuzz.shapes").papers[0]!;
    const material = paper.materials![0]!;
    const variants: unknown[] = [
      { ...paper, doi: `10.1234/${"x".repeat(100_000)}` },
      { ...paper, materials: [{ ...material, measurements: [{ property: "specific_capacity", value: 1e308, unit: "Ah g-1", quote: "1e308" }] }] },
      { ...paper, materials: [{ ...material, measurements: [{ property: "specific_capacity", value: 0.5, unit: "1000 mAh g-1", quote: "0.5" }] }] },
      {
        ...paper,
        materials: [{ ...material, synthesis: [{ action: "mix", reagents: [{ name: "S", amount: { value: 1, unit: "furlong per fortnight" } }] }] }],
      },
    ];
    for (const body of variants) expect(await send("POST", "/api/papers", { body: JSON.stringify(body), signedIn: true })).toBe(400);
    expect(await send("POST", "/api/import", { body: "\uFEFF" + JSON.stringify({ papers: [{ ...paper, doi: "not a doi" }] }), signedIn: true })).toBe(400);

    expect(JSON.stringify(await exportRecords(prisma))).toBe(exportBefore);
    expect(failures).toEqual([]);
  });

  it(`survives ${REQUESTS} seeded random requests over every route with no 5xx and nothing written`, async () => {
    const exportBefore = JSON.stringify(await exportRecords(prisma));
    const random = seedrandom("matlit fuzz 1");
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const hostile = () => pick(HOSTILE);
    const segment = () => (random() < 0.7 ? encodeURIComponent(hostile()) : pick(["%E0%A4%A", "%", "%2", "..", "%2F", "%00"]));
    /** A random JSON value: hostile leaves, objects and arrays a few levels deep. */
    const value = (depth = 0): unknown => {
      const r = random();
      if (depth > 3 || r < 0.5) return pick(HOSTILE_VALUES);
      if (r < 0.75) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [hostile().slice(0, 40), value(depth + 1)]));
    };
    /** A valid body with one to three fields replaced by hostile values, at any depth. */
    const mutate = (valid: unknown): unknown => {
      const copy = structuredClone(valid) as Record<string, unknown>;
      for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
        let node: unknown = copy;
        for (let depth = 0; depth < 6 && node && typeof node === "object"; depth++) {
          const keys = Object.keys(node);
          if (!keys.length) break;
          const key = pick(keys);
          const child = (node as Record<string, unknown>)[key];
          if (!child || typeof child !== "object" || random() < 0.3) {
            (node as Record<string, unknown>)[key] = pick(HOSTILE_VALUES);
            break;
          }
          node = child;
        }
      }
      return copy;
    };
    const body = (valid: unknown) => {
      const r = random();
      return r < 0.6 ? JSON.stringify(mutate(valid)) : r < 0.85 ? JSON.stringify(value()) : hostile();
    };
    /** A record that can never be valid, whatever else is mutated: its property is not in the catalogue. */
    const invalidPaper = () => {
      const paper = mutate(validFile(`10.1234/fuzz.${Math.floor(random() * 1e6)}`).papers[0]!) as { materials?: { measurements?: { property?: string }[] }[] };
      const first = paper.materials?.[0]?.measurements?.[0];
      if (first && typeof first === "object") first.property = "not_a_property";
      else (paper as Record<string, unknown>).materials = "not a list";
      return JSON.stringify(paper);
    };
    const searchQuery = {
      q: "FeS2 sodium",
      facets: { battery_system: ["sodium-ion"], elements: { all: ["Fe", "S"] } },
      metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }],
      sort: { property: "specific_capacity", order: "desc" },
      page: 1,
      perPage: 20,
    };
    const formula = () => pick(FORMULAS).key;

    const routes: (() => Promise<number>)[] = [
      () => send("GET", `/api/search?q=${segment()}&page=${segment()}&perPage=${segment()}&elements=${segment()}&battery_system=${segment()}`),
      () => send("GET", `/api/search?query=${encodeURIComponent(body(searchQuery))}`),
      () => send("POST", "/api/search", { body: body(searchQuery) }),
      () => send("GET", `/?query=${encodeURIComponent(body(searchQuery))}`),
      () => send("GET", `/materials/${segment()}/${segment()}/${segment()}`),
      () => send("GET", `/materials/${SEED_DOI}/${segment()}`),
      () => send("GET", `/papers/${segment()}/${segment()}`),
      () => send("GET", `/papers/edit/${segment()}/${segment()}`, { signedIn: random() < 0.5 }),
      () => send("GET", `/papers/new?draft=${segment()}`, { signedIn: true }),
      () => send("GET", `/compare?ids=${segment()}&ids=${segment()}`),
      () => send("GET", `/api/compare?ids=${segment()},${segment()}&format=${pick(["json", "csv", segment()])}`),
      () => send("GET", `/api/compare/scatter?x=${segment()}&y=${segment()}&highlight=${segment()}`),
      () => send("GET", "/api/formulas"),
      () =>
        send("POST", `/api/formulas/${random() < 0.8 ? formula() : segment()}/evaluate`, {
          body: body({ inputs: { n: 3, M: { value: 121.76, unit: "g/mol" }, C_n: 1, C_0: 2 }, unit: "mAh/g" }),
        }),
      () => send("GET", `/api/papers/${segment()}/${segment()}`),
      () =>
        send("PUT", `/api/papers/${SEED_DOI}`, {
          body: invalidPaper(),
          signedIn: random() < 0.8,
          headers: random() < 0.3 ? { "if-match": hostile().slice(0, 50) } : {},
        }),
      () => send("POST", "/api/papers", { body: random() < 0.7 ? invalidPaper() : body({}), signedIn: random() < 0.8 }),
      () => send("POST", "/api/import", { body: random() < 0.7 ? `{"papers":[${invalidPaper()}]}` : body({ papers: [] }), signedIn: random() < 0.8 }),
      () =>
        send("PUT", `/api/drafts/${random() < 0.5 ? randomUUID() : segment()}`, {
          body: body({ doi: null, state: { paper: { title: "x" } } }),
          signedIn: random() < 0.8,
        }),
      () => send(pick(["GET", "DELETE"]), `/api/drafts/${random() < 0.5 ? randomUUID() : segment()}`, { signedIn: random() < 0.8 }),
      () => send("GET", "/api/drafts", { signedIn: random() < 0.5 }),
      () => send("GET", `/login?next=${segment()}&error=${segment()}&email=${segment()}`),
      () => send("GET", `/formulas#${segment()}`),
      () => send("POST", "/api/auth/logout", { body: body({}) }),
      () => send("GET", `/${segment()}`),
    ];
    // Sign-in is slow by design (argon2) and rate-limited: a few dozen attempts.
    for (let i = 0; i < 30; i++) {
      await send("POST", "/api/auth/login", {
        body: body({ email: "fuzz@example.org", password: "wrong password" }),
        headers: random() < 0.5 ? { "content-type": "application/x-www-form-urlencoded" } : {},
      });
    }
    const inFlight = new Set<Promise<number>>();
    for (let i = 0; i < REQUESTS; i++) {
      const request = pick(routes)();
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
      if (inFlight.size >= 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);

    expect(sent).toBeGreaterThan(REQUESTS);
    expect(failures).toEqual([]);
    // The stream reached past the doors: many requests were answered, many refused as invalid, and
    // signed-in writes got as far as validation (400), not only 401/403.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(REQUESTS / 20);
    expect((await fetch(app.url + "/")).status).toBe(200);
    expect(JSON.stringify(await exportRecords(prisma))).toBe(exportBefore);
  }, 600_000);
});

/**
 * `npm run bench`: a synthetic knowledge base of the target size, loaded through the import path,
 * served by the production build, measured with autocannon, for the embedded backend and for
 * Meilisearch. Prints a table and writes bench/results.md.
 *
 *   npm run bench -- --scale 0.1        a tenth of the size (quick look)
 *   npm run bench -- --backend embedded
 *   npm run bench -- --db /tmp/bench.db   keep the database (reused, without importing, when it exists)
 *   npm run bench -- --out FILE           write the report elsewhere than bench/results.md
 *   npm run bench -- --database postgresql://…   PostgreSQL too, on that database (filled like the
 *                                         SQLite one; reused when an earlier run filled it), searched by
 *                                         its own full-text index and by Meilisearch
 *   npm run bench -- --backend postgresql,postgresql-meilisearch --database postgresql://…
 *
 * An earlier report's rows that a run does not measure again are kept (same knowledge-base size),
 * so a PostgreSQL-only run adds its columns beside the SQLite rows of an earlier one.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir, release } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import cliProgress from "cli-progress";
import { closeClient, createClient } from "../lib/db";
import { isPostgresUrl } from "../lib/db/location";
import { migrate } from "../lib/db/migrate";
import { syncCatalogue } from "../lib/db/catalogue";
import { importRecords } from "../lib/records/store";
import { validateRecordFile } from "../lib/records/validate";
import { FULL_SHAPE, syntheticPapers } from "./generate";
import { freePort } from "../support/net";
import { cycled, queryKinds, vocabularyOf, type QueryKind, type Vocabulary } from "./mix";
import { queryWords } from "../lib/search/text";
import { textMatches } from "../lib/search/full-text";
import { readerOf } from "../lib/db/sql";
import { refreshSearchText } from "../lib/records/store";
import { startMeilisearch } from "../support/meilisearch";

const ROOT = join(import.meta.dirname, "..");
const SERVER_HEAP_MB = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { config: { serverHeapMb: number } }).config.serverHeapMb;
const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    /** Smaller scales to draw the cost curve at too, e.g. "0.1,0.3". */
    curve: { type: "string" },
    backend: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "2" },
    db: { type: "string" },
    database: { type: "string" },
    out: { type: "string", default: join(ROOT, "bench", "results.md") },
  },
});
const scale = Number(args.scale);
const shape = { ...FULL_SHAPE, papers: Math.max(10, Math.round(FULL_SHAPE.papers * scale)) };
const totalMeasurements = shape.papers * shape.materialsPerPaper * shape.measurementsPerMaterial;

const TARGETS = {
  mixAt2P95: 30,
  mixAt10P95: 100,
  engineRatio: 2,
  whileEditingRatio: 1.5,
  firstAfterPublishMs: 100,
  compareMs: 150,
  importPerSecond: 20_000,
  memoryMb: 500,
  underHostileLoadMs: 200,
};

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * The most expensive text queries an anonymous client can send: 249 one-letter words (refused: over
 * the word limit) and the 16 words found in the most materials (accepted: every word's postings walked).
 */
function hostileQueries(vocabulary: Vocabulary): unknown[] {
  const oneLetterWords = Array.from({ length: 249 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");
  return [{ q: oneLetterWords }, { q: vocabulary.terms.slice(0, 16).join(" ") }];
}

/** Runs `work` while autocannon sends the given bodies to `url` in a loop on `connections` connections. */
async function whileLooping<T>(url: string, bodies: unknown[], connections: number, work: () => Promise<T>): Promise<T> {
  const load = autocannon(
    {
      url,
      connections,
      duration: Number(args.duration) + 2,
      requests: bodies.map((body) => ({ method: "POST" as const, body: JSON.stringify(body), headers: { "content-type": "application/json" } })),
    },
    () => undefined,
  );
  try {
    return await work();
  } finally {
    load.stop();
  }
}

/**
 * Latencies of one request shape under load, after a second of warm-up (so caches of compiled code
 * and SQLite pages are as in a running server); autocannon reports no p95, so we collect each time.
 */
async function measure(url: string, init: RequestShape = {}): Promise<Latency> {
  await requests(url, init, 1);
  return requests(url, init, Number(args.duration));
}

interface RequestShape {
  method?: string;
  body?: string;
  /** A new body for every request (a query kind's draw). */
  draw?: () => unknown;
  connections?: number;
  headers?: Record<string, string>;
}

async function requests(url: string, init: RequestShape, duration: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: (init.method ?? (init.draw ? "POST" : "GET")) as "GET" | "POST",
        body: init.body,
        headers: { ...(init.body || init.draw ? { "content-type": "application/json" } : {}), ...init.headers },
        ...(init.draw ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(init.draw!()) }) }] } : {}),
        connections: init.connections ?? Number(args.connections),
        duration,
      },
      (error) => (error ? reject(error) : resolve()),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status >= 400) errors++;
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), requests: times.length, errors };
}

/** Resident memory of a process and all its descendants, in MB (from `ps`). */
function treeRssMb(pid: number): number {
  const rss = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-eo", "pid=,ppid=,rss="]).toString().trim().split("\n")) {
    const [p, parent, kb] = line.trim().split(/\s+/).map(Number) as [number, number, number];
    rss.set(p, kb);
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  let total = 0;
  for (const stack = [pid]; stack.length;) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total / 1024;
}

async function startServer(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; peakMb: () => number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "bin", "server.js"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    // The heap limit `npm start` gives the server (package.json config.serverHeapMb).
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_OPTIONS: `--max-old-space-size=${SERVER_HEAP_MB}`, ...env },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url + "/api/formulas")).ok) break;
    } catch {
      // starting
    }
    if (i > 300) throw new Error("server did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRssMb(child.pid!))), 250);
  return {
    url,
    child,
    peakMb: () => peak,
    stop: async () => {
      clearInterval(timer);
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}

type Shape = typeof shape;
const measurementsOf = (s: Shape) => s.papers * s.materialsPerPaper * s.measurementsPerMaterial;

/**
 * Loads a synthetic knowledge base of `kb`'s shape through the import path into a SQLite file or a
 * PostgreSQL database (`target`); returns measurements per second.
 */
async function importKnowledgeBase(target: string, kb: Shape = shape): Promise<number> {
  const totalMeasurements = measurementsOf(kb);
  await migrate(target);
  const prisma = createClient(target);
  await syncCatalogue(prisma);
  const bar = new cliProgress.SingleBar(
    { format: "import [{bar}] {percentage}% | {value}/{total} measurements | {rate}/s", etaBuffer: 20, noTTYOutput: true, notTTYSchedule: 10_000 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(totalMeasurements, 0, { rate: 0 });
  // Timed like `matlit import FILE` after reading the file: parse, validate, write. Making up the
  // synthetic papers is not part of it.
  let importMs = 0;
  let loaded = 0;
  for (const papers of syntheticPapers(kb, 100)) {
    const fileText = JSON.stringify({ papers });
    const started = performance.now();
    await importRecords(prisma, validateRecordFile(JSON.parse(fileText)));
    importMs += performance.now() - started;
    loaded += papers.reduce((n, p) => n + p.materials.reduce((k, m) => k + m.measurements.length, 0), 0);
    bar.update(loaded, { rate: Math.round(loaded / (importMs / 1000)) });
  }
  bar.stop();
  const rate = totalMeasurements / (importMs / 1000);
  await prisma.$executeRawUnsafe("ANALYZE");
  await closeClient(prisma);
  return rate;
}

/** The kinds whose engine-only equivalent is one query: the overhead rows compare them. */
const DIRECT_KINDS = ["text", "facets"];

/** A query kind's body as the one Meilisearch search of the materials index that answers it. */
function meiliBody(query: unknown): unknown {
  const q = query as { q?: string; facets?: { battery_system?: string[]; role?: string[] } };
  const filter = ['status = "published"'];
  if (q.facets?.battery_system) filter.push(`batterySystem IN [${q.facets.battery_system.map((v) => JSON.stringify(v)).join(", ")}]`);
  if (q.facets?.role) filter.push(`role IN [${q.facets.role.map((v) => JSON.stringify(v)).join(", ")}]`);
  return { q: q.q ?? null, filter, facets: ["batterySystem", "role", "materialClass", "elements", "year", "journal", "properties"], hitsPerPage: 20, page: 1 };
}

/**
 * The same kind of query straight to the database's own indexes (SQLite's FTS5 or PostgreSQL's
 * tsvector, and the facet columns), in this process on one connection: its page of ids and its count.
 */
async function directDatabase(target: string, kind: QueryKind): Promise<Latency> {
  const prisma = createClient(target);
  const reader = readerOf(prisma);
  try {
    const facets = `SELECT M."id", COUNT(*) OVER () AS total FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId"
       WHERE P."status" = 'published' AND M."batterySystem" = ? AND M."role" = ? ORDER BY M."isControl", P."year" DESC, P."id", M."position" LIMIT 20`;
    const run = async (query: unknown) => {
      const q = query as { q?: string; facets?: { battery_system?: string[]; role?: string[] } };
      if (q.q) {
        const text = textMatches(reader.dialect, queryWords(q.q));
        if (text) await reader.all(`${text.sql} ORDER BY rank LIMIT 20`, text.params);
      } else await reader.all(facets, [q.facets!.battery_system![0]!, q.facets!.role![0]!]);
    };
    for (let i = 0; i < 50; i++) await run(kind.draw()); // warm-up
    const times: number[] = [];
    const until = performance.now() + Number(args.duration) * 1000;
    while (performance.now() < until) {
      const query = kind.draw();
      const t = performance.now();
      await run(query);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), requests: times.length, errors: 0 };
  } finally {
    await closeClient(prisma);
  }
}

/**
 * Runs `work` while an editor autosaves a draft every 700 ms and another publishes a paper every
 * 10 s (written to the database as the app writes them), timing the first search after each publish.
 */
async function whileEditing(target: string, searchUrl: string, work: () => Promise<Latency>): Promise<{ latency: Latency; firstAfterPublish: number[] }> {
  const prisma = createClient(target);
  const user = await prisma.user.upsert({
    where: { email: "bench-editor@example.org" },
    create: { email: "bench-editor@example.org", passwordHash: "-" },
    update: {},
  });
  const firstAfterPublish: number[] = [];
  let running = true;
  let saves = 0;
  const autosave = (async () => {
    while (running) {
      await prisma.paperDraft.upsert({
        where: { id: "bench-draft" },
        create: { id: "bench-draft", userId: user.id, json: JSON.stringify({ saves }) },
        update: { json: JSON.stringify({ saves: ++saves }) },
      });
      await new Promise((r) => setTimeout(r, 700));
    }
  })();
  const publish = (async () => {
    let n = 0;
    for (let wait = 3_000; running; wait = 10_000) {
      await new Promise((r) => setTimeout(r, wait));
      if (!running) break;
      const [paper] = [...syntheticPapers({ ...shape, papers: 1 }, 1)][0]!;
      await importRecords(prisma, validateRecordFile({ papers: [{ ...paper!, doi: `10.9999/bench.publish.${Date.now()}.${n++}` }] }));
      const t = performance.now();
      await fetch(searchUrl, { method: "POST", body: JSON.stringify({ q: "porous" }), headers: { "content-type": "application/json" } });
      firstAfterPublish.push(performance.now() - t);
    }
  })();
  try {
    const latency = await work();
    return { latency, firstAfterPublish };
  } finally {
    running = false;
    await Promise.all([autosave, publish]);
    await closeClient(prisma);
  }
}

/** Meilisearch's environment for the server and the CLI, with the index rebuilt; the rebuild's seconds. */
async function meilisearchFor(
  databaseUrl: string,
  meili: Awaited<ReturnType<typeof startMeilisearch>>,
): Promise<{ env: Record<string, string>; seconds: number }> {
  const env = { DATABASE_URL: databaseUrl, MEILISEARCH_HOST: meili.host, MEILISEARCH_API_KEY: meili.apiKey };
  const t0 = performance.now();
  // Asynchronously: this process must keep reading the Meilisearch server's output meanwhile.
  const reindex = spawn(process.execPath, [join(ROOT, "bin", "matlit.js"), "reindex"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const code = await new Promise<number | null>((resolve) => reindex.once("exit", resolve));
  if (code !== 0) throw new Error(`matlit reindex exited with ${code}`);
  return { env, seconds: (performance.now() - t0) / 1000 };
}

/** The cost curve: at each smaller scale, import and the varied mix (all kinds in turn, 2 connections) on both backends. */
async function costCurve(scales: number[]): Promise<string[][]> {
  const rows: string[][] = [];
  for (const s of scales) {
    const kb = { ...FULL_SHAPE, papers: Math.max(10, Math.round(FULL_SHAPE.papers * s)) };
    const dir = mkdtempSync(join(tmpdir(), "matlit-curve-"));
    const file = join(dir, "bench.db");
    const databaseUrl = `file:${file}`;
    try {
      console.log(`cost curve: ${measurementsOf(kb)} measurements`);
      const rate = await importKnowledgeBase(file, kb);
      const all = cycled(queryKinds(await vocabularyOf(file)));
      for (const backend of ["embedded", "meilisearch"]) {
        const meili = backend === "meilisearch" ? await startMeilisearch() : undefined;
        try {
          const env = meili ? (await meilisearchFor(databaseUrl, meili)).env : { DATABASE_URL: databaseUrl, MEILISEARCH_HOST: "" };
          const server = await startServer(env);
          try {
            const r = await measure(`${server.url}/api/search`, { draw: all.draw });
            rows.push([String(measurementsOf(kb)), backend, r.p50.toFixed(1), r.p95.toFixed(1), r.errors ? `${r.errors} errors` : "", rate.toFixed(0)]);
            console.log(rows.at(-1)!.join(" | "));
          } finally {
            await server.stop();
          }
        } finally {
          await meili?.close();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

/** SQLite searched by its own index or by Meilisearch; PostgreSQL the same two ways. */
type Backend = "embedded" | "meilisearch" | "postgresql" | "postgresql-meilisearch";
const SEARCHES_WITH_MEILISEARCH: Backend[] = ["meilisearch", "postgresql-meilisearch"];
const ON_POSTGRESQL: Backend[] = ["postgresql", "postgresql-meilisearch"];

/** A benchmark database, filled once and searched by the backends on it. */
interface Store {
  /** A SQLite file's path or a PostgreSQL URL. */
  target: string;
  databaseUrl: string;
  /** Measurements per second of its import; NaN when an earlier run's database was reused. */
  importRate: number;
  kinds: QueryKind[];
  hostile: unknown[];
  sampleRefs: { id: number; ref: string }[];
}

async function prepareStore(target: string): Promise<Store> {
  const postgres = isPostgresUrl(target);
  let reused = !postgres && existsSync(target);
  if (postgres) {
    await migrate(target);
    const prisma = createClient(target);
    reused = (await prisma.paper.count()) > 0;
    // As `matlit setup` does for a database an older version wrote.
    if (reused) await refreshSearchText(prisma);
    await closeClient(prisma);
  }
  console.log(
    `synthetic knowledge base: ${shape.papers} papers, ${shape.papers * shape.materialsPerPaper} materials, ${totalMeasurements} measurements → ${postgres ? "PostgreSQL" : target}${reused ? " (reused)" : ""}`,
  );
  const importRate = reused ? NaN : await importKnowledgeBase(target);
  const vocabulary = await vocabularyOf(target);
  const prisma = createClient(target);
  const sampleRefs = (
    await prisma.material.findMany({ take: 8, select: { id: true, key: true, paper: { select: { doi: true } } }, orderBy: { id: "asc" } })
  ).map((m) => ({ id: m.id, ref: `${m.paper.doi}/${m.key}` }));
  await closeClient(prisma);
  return {
    target,
    databaseUrl: postgres ? target : `file:${target}`,
    importRate,
    kinds: queryKinds(vocabulary),
    hostile: hostileQueries(vocabulary),
    sampleRefs,
  };
}

/** Measures one backend on its store, adding its rows and notes. */
async function measureBackend(backend: Backend, store: Store, rows: string[][], notes: string[]): Promise<void> {
  const { kinds, hostile, sampleRefs } = store;
  let env: Record<string, string> = { DATABASE_URL: store.databaseUrl, MEILISEARCH_HOST: "" };
  let meili: Awaited<ReturnType<typeof startMeilisearch>> | undefined;
  if (SEARCHES_WITH_MEILISEARCH.includes(backend)) {
    meili = await startMeilisearch();
    const rebuilt = await meilisearchFor(store.databaseUrl, meili);
    env = rebuilt.env;
    notes.push(`${backend}: Meilisearch reindex of ${totalMeasurements} measurements: ${rebuilt.seconds.toFixed(1)} s.`);
  }
  const server = await startServer(env);
  const record = (measure: string, r: Latency, target: number) => {
    rows.push([
      backend,
      measure,
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
      String(r.requests),
      String(r.errors),
      `p95 ≤ ${target} ms`,
      r.p95 <= target && r.errors === 0 ? "met" : "missed",
    ]);
    console.log(rows.at(-1)!.join(" | "));
  };
  const value = (measure: string, shown: string, target: string, result: string) => {
    rows.push([backend, measure, shown, "", "", "", "", target, result]);
    console.log(rows.at(-1)!.join(" | "));
  };
  const searchUrl = `${server.url}/api/search`;
  try {
    // The first search after a start reads the facet index into memory.
    const first = performance.now();
    await fetch(searchUrl, { method: "POST", body: JSON.stringify(kinds[0]!.draw()), headers: { "content-type": "application/json" } });
    notes.push(`${backend}: the first search after the server started took ${(performance.now() - first).toFixed(0)} ms.`);

    // The varied mix: each kind with fresh terms, bounds and pages per request, at 2 and 10 connections.
    for (const kind of kinds) record(`mix: ${kind.name} (2 connections)`, await measure(searchUrl, { draw: kind.draw }), TARGETS.mixAt2P95);
    for (const kind of kinds) record(`mix: ${kind.name} (10 connections)`, await measure(searchUrl, { draw: kind.draw, connections: 10 }), TARGETS.mixAt10P95);

    // matlit's overhead: the same kinds of query straight to the engine, 1 connection each, in this run.
    for (const kind of kinds.filter((k) => DIRECT_KINDS.includes(k.name))) {
      const viaMatlit = await measure(searchUrl, { draw: kind.draw, connections: 1 });
      const direct = meili
        ? await measure(`${meili.host}/indexes/matlit-materials/search`, {
            draw: () => meiliBody(kind.draw()),
            connections: 1,
            headers: { authorization: `Bearer ${meili.apiKey}` },
          })
        : await directDatabase(store.target, kind);
      const engine = meili ? "Meilisearch" : ON_POSTGRESQL.includes(backend) ? "PostgreSQL" : "SQLite";
      const ratio = viaMatlit.p50 / direct.p50;
      value(
        `${kind.name}: matlit p50 ÷ ${engine} p50 (${viaMatlit.p50.toFixed(1)} ÷ ${direct.p50.toFixed(2)} ms)`,
        ratio.toFixed(1),
        `≤ ${TARGETS.engineRatio}×`,
        ratio <= TARGETS.engineRatio ? "met" : "missed",
      );
    }

    // Editors at work: one autosaves a draft every 700 ms, another publishes a paper every 10 s.
    const all = cycled(kinds);
    const idle = await measure(searchUrl, { draw: all.draw });
    record("mix: all kinds in turn, idle (2 connections)", idle, TARGETS.mixAt2P95);
    // Long enough for several publishes.
    const editing = await whileEditing(store.target, searchUrl, () => requests(searchUrl, { draw: all.draw }, Math.max(35, Number(args.duration))));
    record("mix: all kinds in turn while editors autosave and publish (2 connections)", editing.latency, TARGETS.mixAt2P95);
    const ratio = editing.latency.p95 / idle.p95;
    value("search p95 while editing ÷ idle", ratio.toFixed(2), `≤ ${TARGETS.whileEditingRatio}×`, ratio <= TARGETS.whileEditingRatio ? "met" : "missed");
    const worstFirst = Math.max(...editing.firstAfterPublish);
    value(
      `first search after a publish, worst of ${editing.firstAfterPublish.length} (ms)`,
      worstFirst.toFixed(0),
      `≤ ${TARGETS.firstAfterPublishMs} ms`,
      worstFirst <= TARGETS.firstAfterPublishMs ? "met" : "missed",
    );

    const plain = JSON.stringify({ q: "porous FeS2" });
    const underAttack = await whileLooping(searchUrl, hostile, 2, () => measure(searchUrl, { method: "POST", body: plain, connections: 1 }));
    record("search: text only while the costliest queries loop on 2 connections (1 connection)", underAttack, TARGETS.underHostileLoadMs);
    // The compare target is server time: one request at a time, so no request waits for another.
    const compareUrl = `${server.url}/compare?${sampleRefs.map((r) => `ids=${encodeURIComponent(r.ref)}`).join("&")}`;
    const compareBytes = (await (await fetch(compareUrl)).arrayBuffer()).byteLength;
    notes.push(`${backend}: the compare page of 8 materials is ${(compareBytes / 1024).toFixed(0)} KB of HTML.`);
    record("compare page, 8 materials (1 connection)", await measure(compareUrl, { connections: 1 }), TARGETS.compareMs);
    record(
      "compare: knowledge-base scatter it loads (1 connection)",
      await measure(`${server.url}/api/compare/scatter?highlight=${sampleRefs.map((r) => r.id).join(",")}`, { connections: 1 }),
      TARGETS.compareMs,
    );
    record(`compare page, 8 materials (${args.connections} connections)`, await measure(compareUrl), TARGETS.compareMs);
    const peak = server.peakMb();
    rows.push([backend, "peak server memory (MB)", peak.toFixed(0), "", "", "", "", `≤ ${TARGETS.memoryMb} MB`, peak <= TARGETS.memoryMb ? "met" : "missed"]);
  } finally {
    await server.stop();
    await meili?.close();
  }
}

const importRow = (backend: string, rate: number) => [
  backend,
  "import (measurements/s)",
  rate.toFixed(0),
  "",
  "",
  String(totalMeasurements),
  "",
  `≥ ${TARGETS.importPerSecond}/s`,
  rate >= TARGETS.importPerSecond ? "met" : "missed",
];

/** A row's measure without the figures some measures carry in their name, so an earlier run's row and this run's compare. */
const measureKey = (backend: string, measure: string) => `${backend} | ${measure.replace(/\s*\([\d.]+ ÷ [\d.]+ ms\)/g, "")}`;
const backendOfNote = (note: string) => note.replace(/^-\s*/, "").split(/[\s:]/)[0]!.toLowerCase();

/**
 * What an earlier report of the same knowledge base holds that this run did not measure: its rows
 * of other backends or measures (an import a run reused), their notes, its date and its cost curve.
 */
function keptFromEarlier(
  knowledgeBase: string,
  measured: Set<string>,
  backends: Set<string>,
): { rows: string[]; notes: string[]; run?: string; curve: string } {
  if (!existsSync(args.out!)) return { rows: [], notes: [], curve: "" };
  const earlier = readFileSync(args.out!, "utf8");
  if (!earlier.includes(knowledgeBase)) return { rows: [], notes: [], curve: "" };
  const [main = "", curve = ""] = earlier.split(/\n(?=## Cost curve)/);
  const lines = main.split("\n");
  const cells = (line: string) => line.split("|").map((c) => c.trim());
  return {
    rows: lines.filter(
      (l) => l.startsWith("| ") && !l.startsWith("| backend") && !l.startsWith("| ---") && !measured.has(measureKey(cells(l)[1]!, cells(l)[2]!)),
    ),
    notes: lines.filter((l) => l.startsWith("- ") && !backends.has(backendOfNote(l))),
    run: /Run (\S+) on/.exec(main)?.[1]?.replace(/\.$/, ""),
    curve,
  };
}

async function main() {
  const sqliteDefault: Backend[] = ["embedded", "meilisearch"];
  const backends: Backend[] = args.backend === "both" ? [...sqliteDefault, ...(args.database ? ON_POSTGRESQL : [])] : (args.backend!.split(",") as Backend[]);
  const unknown = backends.filter((b) => ![...sqliteDefault, ...ON_POSTGRESQL].includes(b));
  if (unknown.length) throw new Error(`unknown backend ${unknown.join(", ")}: embedded, meilisearch, postgresql, postgresql-meilisearch`);
  if (backends.some((b) => ON_POSTGRESQL.includes(b)) && !(args.database && isPostgresUrl(args.database)))
    throw new Error("the PostgreSQL backends need --database postgresql://… (an empty database, or one an earlier run filled)");
  const dir = args.db ? undefined : mkdtempSync(join(tmpdir(), "matlit-bench-"));
  const file = args.db ?? join(dir!, "bench.db");
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const [target, group, importLabel] of [
    [file, backends.filter((b) => !ON_POSTGRESQL.includes(b)), "both"],
    [args.database!, backends.filter((b) => ON_POSTGRESQL.includes(b)), "postgresql, both"],
  ] as const) {
    if (!group.length) continue;
    const store = await prepareStore(target);
    if (!Number.isNaN(store.importRate)) rows.push(importRow(group.length > 1 ? importLabel : group[0]!, store.importRate));
    execFileSync(process.execPath, [join(ROOT, "scripts", "build-if-needed.js")], { cwd: ROOT, stdio: "inherit" });
    for (const backend of group) await measureBackend(backend, store, rows, notes);
  }

  const knowledgeBase = `Knowledge base: ${shape.papers} papers, ${shape.papers * shape.materialsPerPaper} materials, ${totalMeasurements} measurements (scale ${scale})`;
  const measured = new Set(rows.map((r) => measureKey(r[0]!, r[1]!)));
  const kept = keptFromEarlier(knowledgeBase, measured, new Set(backends));
  const header = ["backend", "measure", "p50 / value", "p95", "p99", "requests", "errors", "target", "result"];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
  const curveRows = args.curve ? await costCurve(args.curve.split(",").map(Number)) : [];
  const curveHeader = ["measurements", "backend", "mix p50", "mix p95", "", "import (measurements/s)"];
  const full = rows
    .filter((r) => r[1] === "mix: all kinds in turn, idle (2 connections)")
    .map((r) => [String(totalMeasurements), r[0]!, r[2]!, r[3]!, "", rows.find((i) => i[1] === "import (measurements/s)")?.[2] ?? ""]);
  const curve = curveRows.length
    ? `## Cost curve\n\nThe varied mix (all kinds in turn, 2 connections) at smaller sizes of the same synthetic knowledge base.\n\n${[curveHeader, curveHeader.map(() => "---"), ...curveRows, ...full].map((r) => `| ${r.join(" | ")} |`).join("\n")}\n`
    : kept.curve && !kept.curve.includes("Measured in the run of")
      ? kept.curve.replace("\n\nThe varied mix", `\n\nMeasured in the run of ${kept.run ?? "an earlier date"}. The varied mix`)
      : kept.curve;
  const keptLine = kept.rows.length
    ? ` The rows of ${[...new Set(kept.rows.map((r) => r.split("|")[1]!.trim()))].join(", ")} are from the run of ${kept.run ?? "an earlier date"}.`
    : "";
  const report = `# matlit benchmark\n\nRun ${new Date().toISOString()} on ${machine}.${keptLine}\n\n${knowledgeBase}; ${args.connections} concurrent connections, ${args.duration} s per query; latencies in ms.\n\n${[...table, ...kept.rows].join("\n")}\n\n${[...kept.notes, ...notes.map((n) => `- ${n}`)].join("\n")}\n${curve ? `\n${curve}` : ""}`;
  writeFileSync(args.out!, report);
  console.log(`\n${table.join("\n")}\n\nwritten to ${args.out}`);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

await main();

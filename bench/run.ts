/**
 * `npm run bench`: a synthetic knowledge base of the target size, loaded through the import path,
 * served by the production build, measured with autocannon, for the embedded backend and for
 * Meilisearch. Prints a table and writes bench/results.md.
 *
 *   npm run bench -- --scale 0.1        a tenth of the size (quick look)
 *   npm run bench -- --backend embedded
 *   npm run bench -- --db /tmp/bench.db   keep the database (reused, without importing, when it exists)
 *   npm run bench -- --out FILE           write the report elsewhere than bench/results.md
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem, tmpdir, release } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import cliProgress from "cli-progress";
import { createClient } from "../lib/db";
import { migrate } from "../lib/db/migrate";
import { syncCatalogue } from "../lib/db/catalogue";
import { importRecords } from "../lib/records/store";
import { validateRecordFile } from "../lib/records/validate";
import { FULL_SHAPE, syntheticPapers } from "./generate";
import { freePort } from "../support/net";
import { startMeilisearch } from "../support/meilisearch";

const ROOT = join(import.meta.dirname, "..");
const SERVER_HEAP_MB = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { config: { serverHeapMb: number } }).config.serverHeapMb;
const { values: args } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    backend: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "2" },
    db: { type: "string" },
    out: { type: "string", default: join(ROOT, "bench", "results.md") },
  },
});
const scale = Number(args.scale);
const shape = { ...FULL_SHAPE, papers: Math.max(10, Math.round(FULL_SHAPE.papers * scale)) };
const totalMeasurements = shape.papers * shape.materialsPerPaper * shape.measurementsPerMaterial;

const TARGETS = { embeddedP95: 50, meiliP95: 30, compareMs: 150, importPerSecond: 20_000, memoryMb: 500, underHostileLoadMs: 200 };

const QUERY_MIX: { name: string; body: unknown }[] = [
  { name: "text only", body: { q: "porous FeS2" } },
  { name: "facets", body: { facets: { battery_system: ["sodium-ion"], role: ["anode"], elements: { all: ["Fe", "S"] } } } },
  {
    name: "metric clause with conditions",
    body: { metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }] },
  },
  { name: "sorted by a metric", body: { facets: { role: ["anode"] }, sort: { property: "specific_capacity", order: "desc" } } },
];

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
function hostileQueries(file: string): unknown[] {
  const connection = new Database(file, { readonly: true });
  try {
    connection.exec(`CREATE VIRTUAL TABLE temp."vocabulary" USING fts5vocab(main, "MaterialText", row)`);
    const common = connection.prepare(`SELECT "term" FROM temp."vocabulary" ORDER BY "doc" DESC LIMIT 16`).pluck().all() as string[];
    const oneLetterWords = Array.from({ length: 249 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(" ");
    return [{ q: oneLetterWords }, { q: common.join(" ") }];
  } finally {
    connection.close();
  }
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
async function measure(url: string, init: { method?: string; body?: string; connections?: number } = {}): Promise<Latency> {
  await requests(url, init, 1);
  return requests(url, init, Number(args.duration));
}

async function requests(url: string, init: { method?: string; body?: string; connections?: number }, duration: number): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: (init.method ?? "GET") as "GET" | "POST",
        body: init.body,
        headers: init.body ? { "content-type": "application/json" } : {},
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

/** Loads the synthetic knowledge base through the import path; returns measurements per second. */
async function importKnowledgeBase(file: string): Promise<number> {
  migrate(file);
  const prisma = createClient(file);
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
  for (const papers of syntheticPapers(shape, 100)) {
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
  await prisma.$disconnect();
  return rate;
}

async function main() {
  const dir = args.db ? undefined : mkdtempSync(join(tmpdir(), "matlit-bench-"));
  const file = args.db ?? join(dir!, "bench.db");
  const databaseUrl = `file:${file}`;
  const reused = Boolean(args.db && existsSync(file));
  console.log(
    `synthetic knowledge base: ${shape.papers} papers, ${shape.papers * shape.materialsPerPaper} materials, ${totalMeasurements} measurements → ${file}${reused ? " (reused)" : ""}`,
  );
  const importRate = reused ? NaN : await importKnowledgeBase(file);
  const prisma = createClient(file);
  const hostile = hostileQueries(file);
  const sampleRefs = (
    await prisma.material.findMany({ take: 8, select: { id: true, key: true, paper: { select: { doi: true } } }, orderBy: { id: "asc" } })
  ).map((m) => ({ id: m.id, ref: `${m.paper.doi}/${m.key}` }));
  await prisma.$disconnect();

  execFileSync(process.execPath, [join(ROOT, "scripts", "build-if-needed.js")], { cwd: ROOT, stdio: "inherit" });

  const rows: string[][] = [];
  const notes: string[] = [];
  const backends = args.backend === "both" ? ["embedded", "meilisearch"] : [args.backend!];
  for (const backend of backends) {
    let env: Record<string, string> = { DATABASE_URL: databaseUrl, MEILISEARCH_HOST: "" };
    let meili: Awaited<ReturnType<typeof startMeilisearch>> | undefined;
    if (backend === "meilisearch") {
      meili = await startMeilisearch();
      env = { DATABASE_URL: databaseUrl, MEILISEARCH_HOST: meili.host, MEILISEARCH_API_KEY: meili.apiKey };
      const t0 = performance.now();
      // Asynchronously: this process must keep reading the Meilisearch server's output meanwhile.
      const reindex = spawn(process.execPath, [join(ROOT, "bin", "matlit.js"), "reindex"], {
        cwd: ROOT,
        env: { ...process.env, ...env },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const code = await new Promise<number | null>((resolve) => reindex.once("exit", resolve));
      if (code !== 0) throw new Error(`matlit reindex exited with ${code}`);
      notes.push(`Meilisearch reindex of ${totalMeasurements} measurements: ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
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
    try {
      // The first search after a start (or a write) reads the facet index into memory.
      const first = performance.now();
      await fetch(`${server.url}/api/search`, { method: "POST", body: JSON.stringify(QUERY_MIX[0]!.body), headers: { "content-type": "application/json" } });
      notes.push(
        `${backend}: the first search after the server started took ${(performance.now() - first).toFixed(0)} ms${backend === "embedded" ? " (it reads the facet index into memory; so does the first search after each write)" : ""}.`,
      );
      for (const q of QUERY_MIX) {
        record(
          `search: ${q.name}`,
          await measure(`${server.url}/api/search`, { method: "POST", body: JSON.stringify(q.body) }),
          backend === "embedded" ? TARGETS.embeddedP95 : TARGETS.meiliP95,
        );
      }
      const plain = JSON.stringify(QUERY_MIX[0]!.body);
      const underAttack = await whileLooping(`${server.url}/api/search`, hostile, 2, () =>
        measure(`${server.url}/api/search`, { method: "POST", body: plain, connections: 1 }),
      );
      record("search: text only while the costliest queries loop on 2 connections (1 connection)", underAttack, TARGETS.underHostileLoadMs);
      // The compare target is server time: one request at a time, so no request waits for another.
      const compareUrl = `${server.url}/compare?${sampleRefs.map((r) => `ids=${encodeURIComponent(r.ref)}`).join("&")}`;
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
  if (!reused)
    rows.unshift([
      "both",
      "import (measurements/s)",
      importRate.toFixed(0),
      "",
      "",
      String(totalMeasurements),
      "",
      `≥ ${TARGETS.importPerSecond}/s`,
      importRate >= TARGETS.importPerSecond ? "met" : "missed",
    ]);

  const header = ["backend", "measure", "p50 / value", "p95", "p99", "requests", "errors", "target", "result"];
  const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
  const report = `# matlit benchmark\n\nRun ${new Date().toISOString()} on ${machine}.\n\nKnowledge base: ${shape.papers} papers, ${shape.papers * shape.materialsPerPaper} materials, ${totalMeasurements} measurements (scale ${scale}); ${args.connections} concurrent connections, ${args.duration} s per query; latencies in ms.\n\n${table}\n\n${notes.map((n) => `- ${n}`).join("\n")}\n`;
  writeFileSync(args.out!, report);
  console.log(`\n${table}\n\nwritten to ${args.out}`);
  if (dir) rmSync(dir, { recursive: true, force: true });
}

await main();

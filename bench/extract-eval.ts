/**
 * `npm run extract:eval`: how well lib/extract's candidates recover the reviewed seed records. Each
 * seed text of ../shared/seeds/ (NNN_*.txt) is read, turned into candidates and scored against the
 * stated measurements of seed/NNN-*.json (all materials, any scope; derived numbers excluded):
 *
 *   recall               matched record measurements / record measurements
 *   precision            matched candidates / candidates
 *   material right       matched candidates filed under the record's material / matched
 *   conditions complete  matched candidates holding every condition key of the record (but `other`,
 *                        a free-text note) / matched
 *   value recall         record numbers found at all (value and unit dimension, any property)
 *
 * A candidate matches a record measurement when the property is the same and the values (or both
 * ends of a range) agree within 0.5 % once both are in the property's canonical unit; each record
 * measurement is matched once, pairs sharing most of the quote first. Prints the table and writes
 * bench/extract-results.md. Exits 0 whatever the scores (it is a measurement); 1 when the seed
 * texts are missing.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { measurementCandidates, type MeasurementCandidate } from "../lib/extract/candidates";
import { repairText } from "../lib/extract/repair";
import { convert, toCanonical } from "../lib/units/convert";

const ROOT = join(import.meta.dirname, "..");
const SEEDS = join(ROOT, "..", "shared", "seeds");
const RECORDS = join(ROOT, "seed");
const OUT = join(ROOT, "bench", "extract-results.md");
const DOCUMENTS = join(ROOT, "lib", "extract", "documents", "index.ts");

const TOLERANCE = 0.005;
/** `npm run extract:eval -- --details`: print every matched pair (material, missing condition keys) and every false positive. */
const DETAILS = process.argv.includes("--details");
const TARGETS = { recall: 0.8, precision: 0.85, material: 0.75, conditions: 0.8, ms: 1000 };

interface RecordMeasurement {
  property: string;
  value?: number;
  min?: number;
  max?: number;
  unit: string;
  unitReadAs?: string;
  source?: string;
  conditions?: Record<string, unknown>;
  quote: string;
}
interface RecordMaterial {
  key: string;
  name: string;
  description?: string;
  measurements?: RecordMeasurement[];
}
interface Stated extends RecordMeasurement {
  material: RecordMaterial;
}

type ReadDocument = (bytes: Uint8Array, options?: { format?: string }) => { text: string } | Promise<{ text: string }>;

/** lib/extract/documents, when it exists (another part of the extractor, written separately). */
async function documentReader(): Promise<ReadDocument | null> {
  if (!existsSync(DOCUMENTS)) return null;
  try {
    const module = (await import(pathToFileURL(DOCUMENTS).href)) as { readDocument?: ReadDocument };
    return module.readDocument ?? null;
  } catch (e) {
    console.warn(`lib/extract/documents could not be loaded (${(e as Error).message}); reading texts with repairText`);
    return null;
  }
}

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));

/** Value or range of `q` in `unit`, or null when it cannot be converted. */
function amountIn(q: { value?: number; min?: number; max?: number }, from: string, to: (v: number, u: string) => number): number[] | null {
  try {
    return q.value !== undefined ? [to(q.value, from)] : [to(q.min!, from), to(q.max!, from)];
  } catch {
    return null;
  }
}
const sameAmount = (a: number[] | null, b: number[] | null) => !!a && !!b && a.length === b.length && a.every((x, i) => close(x, b[i]!));

const unitOf = (m: RecordMeasurement) => m.unitReadAs ?? m.unit;

/** Words two quotes share, as a share of the record's quote. */
function overlap(a: string, b: string): number {
  const words = (s: string) =>
    new Set(
      s
        .normalize("NFKC")
        .toLowerCase()
        .match(/[\p{L}\p{N}.]+/gu) ?? [],
    );
  const ra = words(a);
  const rb = words(b);
  let shared = 0;
  for (const w of ra) if (rb.has(w)) shared++;
  return ra.size ? shared / ra.size : 0;
}

/** One-to-one pairs, best quote overlap first. */
function greedy(records: Stated[], candidates: MeasurementCandidate[], matches: (r: Stated, c: MeasurementCandidate) => boolean): Map<number, number> {
  const pairs: { r: number; c: number; score: number }[] = [];
  records.forEach((r, ri) => candidates.forEach((c, ci) => matches(r, c) && pairs.push({ r: ri, c: ci, score: overlap(r.quote, c.quote) })));
  pairs.sort((a, b) => b.score - a.score || a.c - b.c);
  const byRecord = new Map<number, number>();
  const usedCandidates = new Set<number>();
  for (const p of pairs) {
    if (byRecord.has(p.r) || usedCandidates.has(p.c)) continue;
    byRecord.set(p.r, p.c);
    usedCandidates.add(p.c);
  }
  return byRecord;
}

const propertyMatch = (r: Stated, c: MeasurementCandidate) =>
  r.property === c.property &&
  sameAmount(
    amountIn(r, unitOf(r), (v, u) => toCanonical(r.property, v, u)),
    amountIn(c, c.unit, (v, u) => toCanonical(r.property, v, u)),
  );

/** The same number in a unit of the same dimension, whatever property it was given. */
const valueMatch = (r: Stated, c: MeasurementCandidate) =>
  sameAmount(
    amountIn(r, unitOf(r), (v) => v),
    amountIn(c, c.unit, (v, u) => convert(v, u, unitOf(r))),
  );

/** A name as compared: subscripts as digits, no case, spaces or hyphens. */
const normalName = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\-‐‑–—_]/g, "");

/** A name without the device word after it ("X full cell", "Y battery" → X, Y). */
const withoutDevice = (name: string) => name.replace(/\s*\b(?:(?:full|half|coin|pouch|symmetric|button)\s+)?(?:cells?|batter(?:y|ies))$/i, "");

function namesOf(material: RecordMaterial): Set<string> {
  const names = [material.name, material.key, material.name.replace(/\s*\([^()]*\)\s*$/, "")];
  for (const text of [material.name, material.description ?? ""])
    for (const m of text.normalize("NFKC").matchAll(/\(([^()\s,;]{2,24})\)/g)) if (/[A-Z]/.test(m[1]!) && !/^\d/.test(m[1]!)) names.push(m[1]!);
  // A device record ("X PSE battery", "Y full cell") is named in the text by what it is made of, without the device word.
  const devices = names.map(withoutDevice);
  // A cell written as its stack ("NVP||X||Na full cell") is named in prose by a component and its kind ("the X full cell").
  const cells: string[] = [];
  const stack = /^(.+?\|\|.+?)\s+((?:full|half|symmetric|pouch|coin)\s+cell)\b/i.exec(material.name.normalize("NFKC"));
  if (stack)
    for (const component of stack[1]!.split("||").map((c) => c.trim()))
      if (!/^[A-Z][a-z]?$/.test(component)) cells.push(`${component} ${stack[2]!.toLowerCase()}`);
  return new Set([...names, ...devices, ...cells].filter(Boolean).map(normalName));
}

function conditionAgrees(recordValue: unknown, candidateValue: unknown): boolean {
  if (typeof recordValue === "number" || typeof recordValue === "string") return recordValue === candidateValue;
  const r = recordValue as { value?: number; min?: number; max?: number; unit: string };
  const c = candidateValue as { value?: number; min?: number; max?: number; unit: string } | undefined;
  if (!c || typeof c !== "object") return false;
  return sameAmount(
    amountIn(r, r.unit, (v) => v),
    amountIn(c, c.unit, (v, u) => convert(v, u, r.unit)),
  );
}

interface PaperScore {
  paper: string;
  note?: string;
  records: number;
  candidates: number;
  matched: number;
  valueMatched: number;
  materialRight: number;
  conditionsComplete: number;
  conditionKeys: number;
  conditionValuesAgree: number;
  ms: number;
  unmatched: Stated[];
  unmatchedFound: Stated[];
  falsePositives: MeasurementCandidate[];
  missingConditionKeys: string[];
}

function score(paper: string, text: string, materials: RecordMaterial[]): PaperScore {
  const started = performance.now();
  const candidates = measurementCandidates(text);
  const ms = performance.now() - started;
  const stated: Stated[] = materials.flatMap((material) =>
    (material.measurements ?? []).filter((m) => m.source !== "derived").map((m) => ({ ...m, material })),
  );
  const matches = greedy(stated, candidates, propertyMatch);
  const values = greedy(stated, candidates, valueMatch);
  const matchedCandidates = new Set(matches.values());
  let materialRight = 0;
  let conditionsComplete = 0;
  let conditionKeys = 0;
  let conditionValuesAgree = 0;
  const missingConditionKeys: string[] = [];
  for (const [ri, ci] of matches) {
    const r = stated[ri]!;
    const c = candidates[ci]!;
    const right =
      c.material === null
        ? materials.length === 1
        : namesOf(r.material).has(normalName(c.material)) ||
          // "A//B full cell" is the cell "A//B": the stack already says it is a cell.
          (/\/\/|\|\|/.test(c.material) && namesOf(r.material).has(normalName(withoutDevice(c.material))));
    if (right) materialRight++;
    // `other` is a free-text note the reviewer writes, not a condition a number can be read with.
    const keys = Object.keys(r.conditions ?? {}).filter((k) => k !== "other");
    const held = c.conditions as Record<string, unknown>;
    const missing = keys.filter((k) => !(k in held));
    missingConditionKeys.push(...missing);
    if (!missing.length) conditionsComplete++;
    if (DETAILS)
      console.log(
        `${right ? "ok " : "BAD"} ${paper.slice(0, 3)} ${r.property} ${r.value ?? `${r.min}–${r.max}`} | record: ${r.material.name} | got: ${c.material} | missing: ${missing.join(",") || "-"} | ${c.quote.slice(0, 110)}`,
      );
    for (const k of keys)
      if (k in held) {
        conditionKeys++;
        if (conditionAgrees(r.conditions![k], held[k])) conditionValuesAgree++;
      }
  }
  if (DETAILS)
    stated.forEach((r, i) => {
      if (!matches.has(i)) console.log(`MISS ${paper.slice(0, 3)} ${r.property} ${r.value ?? `${r.min}–${r.max}`} ${unitOf(r)} | ${r.quote.slice(0, 140)}`);
    });
  if (DETAILS)
    candidates.forEach((c, i) => {
      if (!matchedCandidates.has(i))
        console.log(`FP  ${paper.slice(0, 3)} ${c.property} ${c.value ?? `${c.min}–${c.max}`} ${c.unit} (${c.confidence}) | ${c.quote.slice(0, 120)}`);
    });
  return {
    paper,
    records: stated.length,
    candidates: candidates.length,
    matched: matches.size,
    valueMatched: values.size,
    materialRight,
    conditionsComplete,
    conditionKeys,
    conditionValuesAgree,
    ms,
    unmatched: stated.filter((_, i) => !matches.has(i)),
    unmatchedFound: stated.filter((_, i) => !matches.has(i) && values.has(i)),
    falsePositives: candidates.filter((_, i) => !matchedCandidates.has(i)),
    missingConditionKeys,
  };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : "–");
const ratio = (a: number, b: number) => (b ? a / b : 0);

function top<T>(items: T[], key: (t: T) => string, n = 8): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return (
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([k, v]) => `${k} (${v})`)
      .join(", ") || "none"
  );
}

function gitCommit(): string {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--", "lib/extract"], { cwd: ROOT, encoding: "utf8" }).trim();
    return dirty ? `${commit} (lib/extract modified)` : commit;
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  if (!existsSync(SEEDS)) {
    console.error(`The seed texts are missing: expected ${SEEDS} holding NNN_*.txt (the text of each seed paper). Nothing was measured.`);
    process.exit(1);
  }
  const readDocument = await documentReader();
  const recordFiles = readdirSync(RECORDS).filter((f) => /^\d{3}-.*\.json$/.test(f));
  const scores: PaperScore[] = [];
  const skipped: { paper: string; note: string }[] = [];
  for (const file of readdirSync(SEEDS)
    .filter((f) => /^\d{3}_/.test(f))
    .sort()) {
    const prefix = file.slice(0, 3);
    const recordFile = recordFiles.find((f) => f.startsWith(`${prefix}-`));
    if (!recordFile) {
      skipped.push({ paper: file, note: "no record file seed/" + prefix + "-*.json" });
      continue;
    }
    const paper = recordFile.replace(/\.json$/, "");
    const bytes = readFileSync(join(SEEDS, file));
    const isXml = /^\s*<(?:\?xml|component|article)\b/.test(bytes.subarray(0, 200).toString("utf8"));
    let text: string;
    if (isXml && !readDocument) {
      skipped.push({ paper, note: "XML: skipped until lib/extract/documents (readDocument) exists" });
      continue;
    }
    try {
      text = readDocument ? (await readDocument(new Uint8Array(bytes), { format: isXml ? "xml" : "text" })).text : repairText(bytes.toString("utf8"));
    } catch (e) {
      skipped.push({ paper, note: `could not be read: ${(e as Error).message}` });
      continue;
    }
    const records = JSON.parse(readFileSync(join(RECORDS, recordFile), "utf8")) as { papers: { materials?: RecordMaterial[] }[] };
    const materials = records.papers.flatMap((p) => p.materials ?? []);
    scores.push(score(paper, text, materials));
  }

  const sum = (f: (s: PaperScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const total = {
    records: sum((s) => s.records),
    candidates: sum((s) => s.candidates),
    matched: sum((s) => s.matched),
    valueMatched: sum((s) => s.valueMatched),
    materialRight: sum((s) => s.materialRight),
    conditionsComplete: sum((s) => s.conditionsComplete),
    conditionKeys: sum((s) => s.conditionKeys),
    conditionValuesAgree: sum((s) => s.conditionValuesAgree),
    ms: sum((s) => s.ms),
  };
  const header =
    "| paper | records | candidates | matched | recall | precision | material right | conditions complete | condition values agree | value recall (any property) | ms |\n" +
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const row = (name: string, s: Omit<PaperScore, "paper" | "unmatched" | "unmatchedFound" | "falsePositives" | "missingConditionKeys">) =>
    `| ${name} | ${s.records} | ${s.candidates} | ${s.matched} | ${pct(s.matched, s.records)} | ${pct(s.matched, s.candidates)} | ${pct(s.materialRight, s.matched)} | ${pct(
      s.conditionsComplete,
      s.matched,
    )} | ${pct(s.conditionValuesAgree, s.conditionKeys)} | ${pct(s.valueMatched, s.records)} | ${s.ms.toFixed(0)} |`;
  const rows = [
    ...scores.map((s) => row(s.paper, s)),
    ...skipped.map((s) => `| ${s.paper} | – | – | – | – | – | – | – | – | – | – (${s.note}) |`),
    row(`**total** (${scores.length} papers)`, total),
  ];
  const table = `${header}\n${rows.join("\n")}`;

  const slowest = Math.max(0, ...scores.map((s) => s.ms));
  const targets: [string, string, boolean][] = [
    ["recall ≥ 80 %", pct(total.matched, total.records), ratio(total.matched, total.records) >= TARGETS.recall],
    ["precision ≥ 85 %", pct(total.matched, total.candidates), ratio(total.matched, total.candidates) >= TARGETS.precision],
    ["material right ≥ 75 %", pct(total.materialRight, total.matched), ratio(total.materialRight, total.matched) >= TARGETS.material],
    ["conditions complete ≥ 80 %", pct(total.conditionsComplete, total.matched), ratio(total.conditionsComplete, total.matched) >= TARGETS.conditions],
    ["< 1 s per paper", `slowest ${slowest.toFixed(0)} ms`, slowest < TARGETS.ms],
  ];
  const targetTable = `| target | measured | |\n|---|---:|---|\n${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? "met" : "**missed**"} |`).join("\n")}`;

  const unmatched = scores.flatMap((s) => s.unmatched);
  const unmatchedFound = scores.flatMap((s) => s.unmatchedFound);
  const falsePositives = scores.flatMap((s) => s.falsePositives);
  const reasons = [
    `- Record measurements not matched: ${unmatched.length}; of them ${unmatchedFound.length} have their number among the candidates under another property (wrong property), ${unmatched.length - unmatchedFound.length} were not found as a number with a unit at all.`,
    `- Top unmatched properties: ${top(unmatched, (m) => m.property)}.`,
    `- Top properties found as a number but named wrongly: ${top(unmatchedFound, (m) => m.property)}.`,
    `- Unmatched record units (number not found): ${top(
      unmatched.filter((m) => !unmatchedFound.includes(m)),
      (m) => (unitOf(m) === "" ? '"" (plain number)' : unitOf(m)),
    )}.`,
    `- Top false-positive properties: ${top(falsePositives, (c) => c.property)}.`,
    `- False positives by confidence: ${top(falsePositives, (c) => `confidence ${c.confidence}`)}.`,
    `- Condition keys matched candidates lack: ${top(
      scores.flatMap((s) => s.missingConditionKeys),
      (k) => k,
    )}.`,
  ];

  const date = new Date().toISOString().slice(0, 10);
  const report = `# Extraction benchmark

\`npm run extract:eval\` (bench/extract-eval.ts): the candidates of \`measurementCandidates\` (lib/extract) for the seed texts (../shared/seeds/), scored against the reviewed records (seed/*.json, stated measurements of all materials and scopes). A candidate matches a record measurement when the property is the same and the value (or both ends of a range) agrees within 0.5 % in the property's canonical unit; each record measurement matches at most one candidate. "Value recall" ignores the property: the number in a unit of the same dimension. "Conditions complete" asks for every condition key of the record except \`other\` (a free-text note a reviewer writes, not a condition a number can be read with); "condition values agree" counts the condition keys both hold whose values agree.

Date: ${date} · commit: ${gitCommit()} · texts read with ${readDocument ? "readDocument (lib/extract/documents)" : "repairText (lib/extract/documents not present)"}

${table}

## Targets

${targetTable}

## How names and conditions are compared

- **Material right** compares names without case, spaces, hyphens or dashes (subscripts as digits), against the record's name, key, its name without a trailing parenthesis, and the abbreviations in parentheses of its name and description. A device record is also named without its device word ("X PSE battery" → "X PSE", "A//B full cell" → "A//B"), on either side only where the name itself says it is a device; a cell written as its stack ("NVP||X||Na full cell") is also named by a component that is not a bare element and its kind ("X full cell"), as the text calls it. A candidate naming the electrolyte or the electrode alone ("X") still does not match a cell record.
- **Conditions complete** asks for every condition key of the record except \`other\`: a free-text note a reviewer writes is not a condition a number can be read with.
- **ms** is wall-clock time on a shared machine; other jobs running at the same time inflate it.

## Most common miss reasons

${reasons.join("\n")}
`;
  writeFileSync(OUT, report);
  console.log(table);
  console.log();
  console.log(targetTable);
  console.log();
  console.log(reasons.join("\n"));
  console.log(`\nwritten to ${OUT}`);
}

await main();

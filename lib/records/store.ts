/**
 * Records ↔ database. `importRecords` writes a validated file in one transaction (a paper whose DOI
 * exists is replaced, its previous state kept as a revision); `exportRecords` rebuilds the same
 * records, so export → import → export is the identity.
 */
import { paperKey } from "./identifiers";
import type { PrismaClient, Tx } from "../db";
import { prismaExecutor, withWriteTransaction, type SqlExecutor, type SqlValue } from "../db/sql";
import type { Conditions, RecordFileParsed, Quantity, QuantityOrRange, Range } from "./schema";
import { OWN_SCOPE } from "./scope";
import { reagentNames, SEARCH_TEXT_VERSION, searchableText } from "../search/text";
import { searchTextRow } from "../search/full-text";
import { elementsOf, searchForm } from "./chemistry";
import { convert, toCanonical, compatible, property } from "../units";
import { CONDITIONS, currentOfRate, RATE_AS_CURRENT, type ConditionCatalogue } from "../units/conditions";

type PaperOut = RecordFileParsed["papers"][number];
type MaterialOut = PaperOut["materials"][number];
type MeasurementOut = MaterialOut["measurements"][number];
type StepOut = MaterialOut["synthesis"][number];

export interface ImportSummary {
  papers: { doi: string; action: "created" | "replaced"; materials: number; measurements: number }[];
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const canonical = (q: Quantity | undefined, unit: string): number | null => (q ? convert(q.value, q.unit, unit) : null);

/**
 * The canonical condition columns that search and comparison read, by a conditions catalogue: a
 * quantity in the unit of the first of its columns it fits, a range's bounds in theirs, anything
 * else as recorded; null where the record does not state it.
 */
export function conditionColumns(c: Conditions | undefined, catalogue: ConditionCatalogue = CONDITIONS): Record<string, number | string | null> {
  const given = (c ?? {}) as Record<string, unknown>;
  const row: Record<string, number | string | null> = {};
  for (const def of catalogue) {
    const value = given[def.key];
    for (const col of def.columns) {
      row[col.column] = null;
      if (col.upper) row[col.upper] = null;
    }
    if (value === undefined) continue;
    if (def.kind === "quantity") {
      const q = value as QuantityOrRange;
      const col = def.columns.find((x, i) => i === def.columns.length - 1 || compatible(q.unit, x.unit!))!;
      const [low, high] = endsOf(q);
      row[col.column] = convert(low, q.unit, col.unit!);
      if (col.upper) row[col.upper] = convert(high, q.unit, col.unit!);
    } else if (def.kind === "range") {
      const r = value as Range;
      for (const col of def.columns) row[col.column] = convert(r[col.bound!], r.unit, col.unit!);
    } else if (def.columns[0]) row[def.columns[0].column] = value as number | string;
  }
  // A C-rate becomes a current density only where the paper defines 1C.
  const rate = row[RATE_AS_CURRENT.rate];
  const oneC = row[RATE_AS_CURRENT.oneC];
  if (row[RATE_AS_CURRENT.column] === null && typeof rate === "number" && typeof oneC === "number") {
    const current = currentOfRate(rate, oneC);
    const upper = catalogue.flatMap((d) => d.columns).find((col) => col.column === RATE_AS_CURRENT.column)?.upper;
    row[RATE_AS_CURRENT.column] = current;
    if (upper) row[upper] = current;
  }
  return row;
}

/** The two ends of a measurement's numbers: a range's, or a single value twice. */
export function endsOf(m: { value?: number; min?: number; max?: number }): [number, number] {
  return m.value !== undefined ? [m.value, m.value] : [m.min!, m.max!];
}

function measurementRow(m: MeasurementOut, materialId: number, position: number) {
  const unit = m.unitReadAs ?? m.unit;
  const [low, high] = endsOf(m);
  return {
    materialId,
    position,
    propertyKey: m.property,
    value: orNull(m.value),
    min: orNull(m.min),
    max: orNull(m.max),
    reported: orNull(m.reported),
    unit: m.unit,
    unitReadAs: orNull(m.unitReadAs),
    canonicalMin: toCanonical(m.property, low, unit),
    canonicalMax: toCanonical(m.property, high, unit),
    canonicalUnit: property(m.property)!.unit,
    qualifier: orNull(m.qualifier),
    scope: m.scope,
    quote: m.quote,
    location: orNull(m.location),
    source: m.source,
    derivationJson: m.derivation ? JSON.stringify(m.derivation) : null,
    subject: orNull(m.subject),
    note: orNull(m.note),
    conditionsJson: m.conditions ? JSON.stringify(m.conditions) : null,
    ...conditionColumns(m.conditions),
  };
}

function stepRow(s: StepOut, materialId: number, position: number) {
  return {
    materialId,
    position,
    action: s.action,
    reagentsJson: s.reagents ? JSON.stringify(s.reagents) : null,
    temperatureValue: orNull(s.temperature?.value),
    temperatureUnit: orNull(s.temperature?.unit),
    temperatureC: canonical(s.temperature, "degC"),
    durationValue: orNull(s.duration?.value),
    durationUnit: orNull(s.duration?.unit),
    durationH: canonical(s.duration, "h"),
    rampRateValue: orNull(s.rampRate?.value),
    rampRateUnit: orNull(s.rampRate?.unit),
    rampRateCPerMin: canonical(s.rampRate, "degC/min"),
    atmosphere: orNull(s.atmosphere),
    notes: orNull(s.notes),
    quote: orNull(s.quote),
  };
}

type Row = Record<string, SqlValue>;

/** Rows the RecordChange feed keeps (see its migration). */
const RECORD_CHANGES_KEPT = 100_000;

/** Bound parameters per statement, under SQLite's limit (PostgreSQL's is 65,535). */
const MAX_PARAMS = 32_000;
const now = () => new Date().toISOString().replace("Z", "+00:00"); // Prisma's DateTime text form

/** Multi-row INSERTs, chunked under the parameter limit: one statement per few hundred rows. */
async function insertRows(exec: SqlExecutor, table: string, rows: Row[]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!);
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => "?").join(", ")})`;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params = chunk.flatMap((r) => columns.map((c) => r[c]!));
    await exec.run(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${chunk.map(() => tuple).join(", ")}`, params);
  }
}

async function idsBy<K extends string>(
  exec: SqlExecutor,
  sql: string,
  params: SqlValue[],
  key: (r: Record<K, unknown>) => string,
): Promise<Map<string, number>> {
  const rows = await exec.all<Record<K, unknown> & { id: number | bigint }>(sql, params);
  return new Map(rows.map((r) => [key(r), Number(r.id)]));
}

/** Elements of a material: explicit, from its formula, or else those of its components. */
function elementsResolver(paper: PaperOut): (m: MaterialOut) => string[] {
  const memo = new Map<string, string[]>();
  const resolve = (m: MaterialOut): string[] => {
    const known = memo.get(m.key);
    if (known) return known;
    memo.set(m.key, []); // guards against component cycles
    const own = m.elements ?? (m.formula ? elementsOf(m.formula) : []);
    const fromComponents = own.length ? [] : (m.components ?? []).flatMap((k) => resolve(paper.materials.find((x) => x.key === k)!));
    const result = [...new Set([...own, ...fromComponents])];
    memo.set(m.key, result);
    return result;
  };
  return resolve;
}

interface WriteOptions {
  userId?: number;
  /** Reads the current records of papers about to be replaced, for their revisions. */
  readBefore: (ids: number[]) => Promise<PaperOut[]>;
}

/**
 * Write papers inside a transaction, replacing any with the same DOI (their previous state kept as
 * a revision). Rows go in as batched multi-row INSERTs; the search text here, the change feed and the
 * search outbox through SQLite's triggers or SqlDialect.materialsChanged, all in the same transaction.
 */
async function writePapers(exec: SqlExecutor, papers: PaperOut[], options: WriteOptions): Promise<ImportSummary["papers"]> {
  if (!papers.length) return [];
  const userId = options.userId;
  const keys = papers.map(paperKey);
  const { inIds, inTexts } = exec.dialect;
  const dois = JSON.stringify(keys);
  const existing = await idsBy<"doi">(exec, `SELECT "id", "doi" FROM "Paper" WHERE "doi" ${inTexts}`, [dois], (r) => String(r.doi));
  const before = new Map((existing.size ? await options.readBefore([...existing.values()]) : []).map((p) => [paperKey(p), p]));
  const deleted: number[] = [];
  if (existing.size) {
    const replaced = JSON.stringify([...existing.values()]);
    for (const r of await exec.all<{ id: Id }>(`SELECT "id" FROM "Material" WHERE "paperId" ${inIds}`, [replaced])) deleted.push(Number(r.id));
    await exec.run(`DELETE FROM "Paper" WHERE "id" ${inIds}`, [replaced]);
  }

  const stamp = now();
  await insertRows(
    exec,
    "Paper",
    papers.map((p, i) => ({
      doi: keys[i]!,
      identifier: p.doi ? null : orNull(p.identifier),
      title: p.title,
      journal: p.journal,
      year: p.year,
      volume: orNull(p.volume),
      issue: orNull(p.issue),
      articleNumber: orNull(p.articleNumber),
      pages: orNull(p.pages),
      abstract: orNull(p.abstract),
      kind: p.kind,
      license: orNull(p.license),
      status: p.status,
      createdAt: stamp,
      updatedAt: stamp,
    })),
  );
  const paperIds = await idsBy<"doi">(exec, `SELECT "id", "doi" FROM "Paper" WHERE "doi" ${inTexts}`, [dois], (r) => String(r.doi));
  const paperId = (p: PaperOut) => paperIds.get(paperKey(p))!;
  await insertRows(
    exec,
    "Author",
    papers.flatMap((p) => p.authors.map((name, position) => ({ paperId: paperId(p), position, name }))),
  );
  await insertRows(
    exec,
    "PaperKeyword",
    papers.flatMap((p) => p.keywords.map((keyword, position) => ({ paperId: paperId(p), position, keyword }))),
  );
  await insertRows(
    exec,
    "PaperFormula",
    papers.flatMap((p) => [...new Set(p.formulas)].map((formulaKey) => ({ paperId: paperId(p), formulaKey }))),
  );

  // Materials after their paper's keywords and authors: the search trigger reads them.
  await insertRows(
    exec,
    "Material",
    papers.flatMap((p) =>
      p.materials.map((m, position) => ({
        paperId: paperId(p),
        key: m.key,
        position,
        name: m.name,
        searchName: searchForm(m.name),
        formula: orNull(m.formula),
        role: m.role,
        batterySystem: m.batterySystem,
        materialClass: m.materialClass,
        classNote: orNull(m.classNote),
        isControl: m.isControl,
        description: orNull(m.description),
        citedReference: orNull(m.citedReference),
        explicitElements: m.elements !== undefined,
        // The property facet: what the paper states about the material itself.
        propertyKeys: [...new Set(m.measurements.filter((x) => x.scope === OWN_SCOPE && x.source === "stated").map((x) => x.property))].sort().join(","),
      })),
    ),
  );
  const materialIds = await idsBy<"paperId" | "key">(
    exec,
    `SELECT "id", "paperId", "key" FROM "Material" WHERE "paperId" ${inIds}`,
    [JSON.stringify([...paperIds.values()])],
    (r) => `${String(r.paperId)}/${String(r.key)}`,
  );
  await exec.dialect.materialsChanged(exec, deleted, [...materialIds.values()]);
  const materialId = (p: PaperOut, key: string) => materialIds.get(`${paperId(p)}/${key}`)!;
  // The embedded text index, written with the builder the Meilisearch documents use.
  await insertRows(
    exec,
    "MaterialText",
    papers.flatMap((p) =>
      p.materials.map((m) =>
        searchTextRow(
          exec.dialect,
          materialId(p, m.key),
          searchableText({ ...m, reagents: m.synthesis.flatMap((s) => s.reagents?.map((r) => r.name) ?? []) }, p),
        ),
      ),
    ),
  );

  const elements: Row[] = [];
  const components: Row[] = [];
  const steps: Row[] = [];
  const measurements: Row[] = [];
  for (const p of papers) {
    const elementsFor = elementsResolver(p);
    for (const m of p.materials) {
      const id = materialId(p, m.key);
      for (const symbol of elementsFor(m)) elements.push({ materialId: id, symbol });
      m.components?.forEach((k, position) => components.push({ materialId: id, componentId: materialId(p, k), position }));
      m.synthesis.forEach((s, i) => steps.push(stepRow(s, id, i)));
      m.measurements.forEach((x, i) => measurements.push(measurementRow(x, id, i)));
    }
  }
  await insertRows(exec, "MaterialElement", elements);
  await insertRows(exec, "MaterialComponent", components);
  await insertRows(exec, "SynthesisStep", steps);
  await insertRows(exec, "Measurement", measurements);
  // The change feed keeps the last 100,000 changes: a cache older than that reads the records whole.
  await exec.run(`DELETE FROM "RecordChange" WHERE "id" <= (SELECT MAX("id") FROM "RecordChange") - ?`, [RECORD_CHANGES_KEPT]);
  await insertRows(
    exec,
    "Revision",
    keys.map((key) => ({
      entityType: "paper",
      entityKey: key,
      userId: orNull(userId),
      createdAt: stamp,
      action: existing.has(key) ? "replace" : "create",
      beforeJson: before.has(key) ? JSON.stringify(before.get(key)) : null,
      // What a revision wrote is the next revision's "before", or the paper as it stands: a copy
      // here would double the history's size (it was a third of a large knowledge base).
      afterJson: null,
    })),
  );
  return papers.map((p, i) => ({
    doi: keys[i]!,
    action: existing.has(keys[i]!) ? ("replaced" as const) : ("created" as const),
    materials: p.materials.length,
    measurements: p.materials.reduce((n, m) => n + m.measurements.length, 0),
  }));
}

/** Write one paper (replacing an existing one with the same DOI) inside a Prisma transaction. */
export async function writePaper(tx: Tx, paper: PaperOut, userId?: number): Promise<ImportSummary["papers"][number]> {
  return (await writePapers(prismaExecutor(tx), [paper], { userId, readBefore: (ids) => readPapers(tx, { ids }) }))[0]!;
}

/**
 * Import a validated file, all or nothing. Bulk rows bypass Prisma's per-query cost through a
 * direct connection that holds the write lock; the revisions' "before" states are read through
 * Prisma, which sees the committed state the lock keeps still.
 */
export async function importRecords(prisma: PrismaClient, file: RecordFileParsed, options: { userId?: number } = {}): Promise<ImportSummary> {
  return withWriteTransaction(prisma, async (exec) => ({
    papers: await writePapers(exec, file.papers, { userId: options.userId, readBefore: (ids) => readPapers(prisma, { ids }) }),
  }));
}

type NullToOptional<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] };
/** Drops null and undefined fields, so exported records carry only what was recorded. */
const defined = <T extends object>(o: T): NullToOptional<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as NullToOptional<T>;
const quantityOf = (value: number | null, unit: string | null): Quantity | undefined => (value === null || unit === null ? undefined : { value, unit });

type Id = number | bigint;
type Text = string | null;
type PaperRow = {
  id: Id;
  /** The paper's key: its DOI, or its other identifier's key (lib/records/identifiers.ts). */
  doi: string;
  identifier: Text;
  title: string;
  journal: string;
  year: number;
  volume: Text;
  issue: Text;
  articleNumber: Text;
  pages: Text;
  abstract: Text;
  kind: string;
  license: Text;
  status: string;
};
type MaterialRow = {
  id: Id;
  paperId: Id;
  key: string;
  name: string;
  formula: Text;
  role: string;
  batterySystem: string;
  materialClass: string;
  classNote: Text;
  isControl: number | boolean;
  description: Text;
  citedReference: Text;
  explicitElements: number | boolean;
};
type StepRow = {
  materialId: Id;
  action: string;
  reagentsJson: Text;
  temperatureValue: number | null;
  temperatureUnit: Text;
  durationValue: number | null;
  durationUnit: Text;
  rampRateValue: number | null;
  rampRateUnit: Text;
  atmosphere: Text;
  notes: Text;
  quote: Text;
};
type MeasurementRow = {
  materialId: Id;
  propertyKey: string;
  value: number | null;
  min: number | null;
  max: number | null;
  reported: Text;
  unit: string;
  unitReadAs: Text;
  qualifier: Text;
  scope: string;
  conditionsJson: Text;
  quote: string;
  location: Text;
  source: string;
  derivationJson: Text;
  subject: Text;
  note: Text;
};

const PAPER_COLUMNS = `"id", "doi", "identifier", "title", "journal", "year", "volume", "issue", "articleNumber", "pages", "abstract", "kind", "license", "status"`;
/** Papers an export holds in memory at once. */
const EXPORT_PAGE = 100;

/** Rows by the id of the row they belong to, in the order read. */
function byOwner<T>(rows: T[], owner: (row: T) => Id): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const id = Number(owner(row));
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/** The records of some papers (rows already read, in DOI order): one query per child table, joined on the papers' ids. */
async function papersOf(exec: SqlExecutor, rows: PaperRow[]): Promise<PaperOut[]> {
  if (!rows.length) return [];
  const page = [JSON.stringify(rows.map((p) => Number(p.id)))];
  const { inIds, byteOrder } = exec.dialect;
  const materialOfPage = `"materialId" IN (SELECT "id" FROM "Material" WHERE "paperId" ${inIds})`;
  const authors = byOwner(
    await exec.all<{ paperId: Id; name: string }>(`SELECT "paperId", "name" FROM "Author" WHERE "paperId" ${inIds} ORDER BY "paperId", "position"`, page),
    (r) => r.paperId,
  );
  const keywords = byOwner(
    await exec.all<{ paperId: Id; keyword: string }>(
      `SELECT "paperId", "keyword" FROM "PaperKeyword" WHERE "paperId" ${inIds} ORDER BY "paperId", "position"`,
      page,
    ),
    (r) => r.paperId,
  );
  const formulas = byOwner(
    await exec.all<{ paperId: Id; formulaKey: string }>(
      `SELECT "paperId", "formulaKey" FROM "PaperFormula" WHERE "paperId" ${inIds} ORDER BY "paperId", ${byteOrder(`"formulaKey"`)}`,
      page,
    ),
    (r) => r.paperId,
  );
  const materials = byOwner(
    await exec.all<MaterialRow>(
      `SELECT "id", "paperId", "key", "name", "formula", "role", "batterySystem", "materialClass", "classNote", "isControl", "description", "citedReference", "explicitElements"
       FROM "Material" WHERE "paperId" ${inIds} ORDER BY "paperId", "position"`,
      page,
    ),
    (r) => r.paperId,
  );
  const elements = byOwner(
    await exec.all<{ materialId: Id; symbol: string }>(
      `SELECT "materialId", "symbol" FROM "MaterialElement" WHERE "materialId" IN (SELECT "id" FROM "Material" WHERE "paperId" ${inIds} AND "explicitElements") ORDER BY "materialId", ${byteOrder(`"symbol"`)}`,
      page,
    ),
    (r) => r.materialId,
  );
  const components = byOwner(
    await exec.all<{ materialId: Id; key: string }>(
      `SELECT c."materialId", k."key" FROM "MaterialComponent" c JOIN "Material" k ON k."id" = c."componentId" WHERE c.${materialOfPage} ORDER BY c."materialId", c."position"`,
      page,
    ),
    (r) => r.materialId,
  );
  const steps = byOwner(
    await exec.all<StepRow>(
      `SELECT "materialId", "action", "reagentsJson", "temperatureValue", "temperatureUnit", "durationValue", "durationUnit", "rampRateValue", "rampRateUnit", "atmosphere", "notes", "quote"
       FROM "SynthesisStep" WHERE ${materialOfPage} ORDER BY "materialId", "position"`,
      page,
    ),
    (r) => r.materialId,
  );
  const measurements = byOwner(
    await exec.all<MeasurementRow>(
      `SELECT "materialId", "propertyKey", "value", "min", "max", "reported", "unit", "unitReadAs", "qualifier", "scope", "conditionsJson", "quote", "location", "source", "derivationJson", "subject", "note"
       FROM "Measurement" WHERE ${materialOfPage} ORDER BY "materialId", "position"`,
      page,
    ),
    (r) => r.materialId,
  );
  const of = <T>(groups: Map<number, T[]>, id: Id): T[] => groups.get(Number(id)) ?? [];

  return rows.map((p) =>
    defined({
      // A paper without a DOI is exported with the identifier it was given, which re-imports to the same key.
      doi: p.identifier === null ? p.doi : null,
      identifier: p.identifier,
      title: p.title,
      journal: p.journal,
      year: Number(p.year),
      volume: p.volume,
      issue: p.issue,
      articleNumber: p.articleNumber,
      pages: p.pages,
      authors: of(authors, p.id).map((a) => a.name),
      keywords: of(keywords, p.id).map((k) => k.keyword),
      abstract: p.abstract,
      kind: p.kind as PaperOut["kind"],
      license: p.license,
      status: p.status as PaperOut["status"],
      formulas: of(formulas, p.id).map((f) => f.formulaKey),
      materials: of(materials, p.id).map((m) =>
        defined({
          key: m.key,
          name: m.name,
          formula: m.formula,
          elements: m.explicitElements ? of(elements, m.id).map((e) => e.symbol) : undefined,
          role: m.role as MaterialOut["role"],
          batterySystem: m.batterySystem as MaterialOut["batterySystem"],
          materialClass: m.materialClass as MaterialOut["materialClass"],
          classNote: m.classNote,
          isControl: Boolean(m.isControl),
          description: m.description,
          components: of(components, m.id).length ? of(components, m.id).map((c) => c.key) : undefined,
          citedReference: m.citedReference,
          synthesis: of(steps, m.id).map((s) =>
            defined({
              action: s.action,
              reagents: s.reagentsJson ? JSON.parse(s.reagentsJson) : undefined,
              temperature: quantityOf(s.temperatureValue, s.temperatureUnit),
              duration: quantityOf(s.durationValue, s.durationUnit),
              atmosphere: s.atmosphere,
              rampRate: quantityOf(s.rampRateValue, s.rampRateUnit),
              notes: s.notes,
              quote: s.quote,
            }),
          ),
          measurements: of(measurements, m.id).map((x) =>
            defined({
              property: x.propertyKey,
              value: x.value,
              min: x.min,
              max: x.max,
              reported: x.reported,
              unit: x.unit,
              unitReadAs: x.unitReadAs,
              qualifier: x.qualifier as MeasurementOut["qualifier"],
              scope: x.scope as MeasurementOut["scope"],
              conditions: x.conditionsJson ? JSON.parse(x.conditionsJson) : undefined,
              quote: x.quote,
              location: x.location,
              source: x.source as MeasurementOut["source"],
              derivation: x.derivationJson ? JSON.parse(x.derivationJson) : undefined,
              subject: x.subject,
              note: x.note,
            }),
          ),
        }),
      ),
    }),
  );
}

/** Read papers back as records (all, or those with the given ids/DOIs), in DOI order. */
export async function readPapers(prisma: PrismaClient | Tx, where: { ids?: number[]; dois?: string[] } = {}): Promise<PaperOut[]> {
  if (!where.ids && !where.dois) {
    const all: PaperOut[] = [];
    for await (const paper of streamPapers(prisma)) all.push(paper);
    return all;
  }
  const exec = prismaExecutor(prisma);
  const { inIds, inTexts, byteOrder } = exec.dialect;
  const condition = where.ids ? `"id" ${inIds}` : `"doi" ${inTexts}`;
  return papersOf(
    exec,
    await exec.all<PaperRow>(`SELECT ${PAPER_COLUMNS} FROM "Paper" WHERE ${condition} ORDER BY ${byteOrder(`"doi"`)}`, [
      JSON.stringify(where.ids ?? where.dois),
    ]),
  );
}

/** Every paper as a record, in DOI order, read a page of papers at a time: an export holds one page in memory, not the knowledge base. */
export async function* streamPapers(prisma: PrismaClient | Tx): AsyncGenerator<PaperOut> {
  const exec = prismaExecutor(prisma);
  const doi = exec.dialect.byteOrder(`"doi"`);
  for (let after = ""; ;) {
    const rows = await exec.all<PaperRow>(`SELECT ${PAPER_COLUMNS} FROM "Paper" WHERE ${doi} > ? ORDER BY ${doi} LIMIT ?`, [after, EXPORT_PAGE]);
    if (!rows.length) return;
    yield* await papersOf(exec, rows);
    after = rows[rows.length - 1]!.doi;
  }
}

export async function exportRecords(prisma: PrismaClient): Promise<RecordFileParsed> {
  return { papers: await readPapers(prisma) };
}

/**
 * Rewrites the embedded text index of every material with the current text builder, once per
 * builder version (kept in Meta): `matlit setup` runs it, so a database written by an older
 * builder is searched the way a new one is. Returns how many materials it rewrote (0 when current).
 */
export async function refreshSearchText(prisma: PrismaClient): Promise<number> {
  const exec = prismaExecutor(prisma);
  const [stored] = await exec.all<{ value: string }>(`SELECT "value" FROM "Meta" WHERE "key" = 'searchTextVersion'`, []);
  if (stored?.value === String(SEARCH_TEXT_VERSION)) return 0;
  return withWriteTransaction(prisma, async (tx) => {
    await tx.run(`DELETE FROM "MaterialText"`, []);
    let written = 0;
    for await (const paper of papersWithIds(tx)) {
      await insertRows(
        tx,
        "MaterialText",
        paper.materials.map((m) => searchTextRow(tx.dialect, m.id, searchableText(m, paper))),
      );
      written += paper.materials.length;
    }
    await tx.run(`INSERT INTO "Meta" ("key", "value") VALUES ('searchTextVersion', ?) ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`, [
      String(SEARCH_TEXT_VERSION),
    ]);
    return written;
  });
}

/** Every paper with what the text builder reads of it and its materials (by id), a page of papers at a time. */
async function* papersWithIds(exec: SqlExecutor) {
  for (let after = 0; ;) {
    const papers = await exec.all<{ id: Id; title: string; journal: string; abstract: Text }>(
      `SELECT "id", "title", "journal", "abstract" FROM "Paper" WHERE "id" > ? ORDER BY "id" LIMIT ?`,
      [after, EXPORT_PAGE],
    );
    if (!papers.length) return;
    const page = [JSON.stringify(papers.map((p) => Number(p.id)))];
    const { inIds } = exec.dialect;
    const byPaper = <T extends { paperId: Id }>(rows: T[]) => byOwner(rows, (r) => r.paperId);
    const keywords = byPaper(
      await exec.all<{ paperId: Id; keyword: string }>(
        `SELECT "paperId", "keyword" FROM "PaperKeyword" WHERE "paperId" ${inIds} ORDER BY "paperId", "position"`,
        page,
      ),
    );
    const authors = byPaper(
      await exec.all<{ paperId: Id; name: string }>(`SELECT "paperId", "name" FROM "Author" WHERE "paperId" ${inIds} ORDER BY "paperId", "position"`, page),
    );
    const materials = byPaper(
      await exec.all<{
        paperId: Id;
        id: Id;
        name: string;
        formula: Text;
        materialClass: string;
        classNote: Text;
        role: string;
        batterySystem: string;
        description: Text;
        citedReference: Text;
      }>(
        `SELECT "paperId", "id", "name", "formula", "materialClass", "classNote", "role", "batterySystem", "description", "citedReference" FROM "Material" WHERE "paperId" ${inIds}`,
        page,
      ),
    );
    const reagents = byOwner(
      await exec.all<{ materialId: Id; reagentsJson: string }>(
        `SELECT "materialId", "reagentsJson" FROM "SynthesisStep" WHERE "reagentsJson" IS NOT NULL AND "materialId" IN (SELECT "id" FROM "Material" WHERE "paperId" ${inIds}) ORDER BY "materialId", "position"`,
        page,
      ),
      (r) => r.materialId,
    );
    for (const p of papers) {
      yield {
        ...p,
        keywords: (keywords.get(Number(p.id)) ?? []).map((k) => k.keyword),
        authors: (authors.get(Number(p.id)) ?? []).map((a) => a.name),
        materials: (materials.get(Number(p.id)) ?? []).map((m) => ({
          ...m,
          id: Number(m.id),
          reagents: reagentNames((reagents.get(Number(m.id)) ?? []).map((r) => r.reagentsJson)),
        })),
      };
    }
    after = Number(papers[papers.length - 1]!.id);
  }
}

/**
 * Electrode comparison: 2–8 materials from any papers side by side. Rows are grouped by property
 * (catalogue order) and aligned on the conditions a number was measured under (current density,
 * C-rate, temperature, cycle, scan rate). Where a material has nothing under a row's conditions, its
 * nearest measurement stands in, marked not like-for-like. Values are in the property's canonical
 * unit with the reported value and the quote kept; the best value per row follows the catalogue's
 * `better`. Each material also carries the figures matlit recomputes from its paper's own numbers
 * and the audit flags (lib/formulas/derive.ts).
 */
import type { PrismaClient } from "../db";
import { AppError, type ErrorCode } from "../errors";
import { isRowId } from "../db/ids";
import { inCanonicalUnit, PROPERTIES, property } from "../units";
import { formatQuantity, prettyNumber, unitText } from "../units/display";
import { columnsOf, columnWords, CONDITIONS, RATE_AS_CURRENT, type ConditionCatalogue, type ConditionColumn } from "../units/conditions";
import { auditPaper } from "../formulas/derive";
import { describeConditions, formatValue, materialPath, materialRef, paperPath, parseMaterialRef } from "../materials";
import { searchForm } from "../records/chemistry";
import { SPREADSHEET_SAFE } from "../records/csv";
import type { Conditions } from "../records/schema";
import type {
  AlignmentConditions,
  ChartPoint,
  ComparedMaterial,
  CompareCell,
  ComparePropertyGroup,
  CompareRow,
  Comparison,
  MaterialFigures,
} from "./types";

export type * from "./types";

export const MIN_MATERIALS = 2;
export const MAX_MATERIALS = 8;
/** Papers that do not state a test temperature ran at room temperature; aligned with 25 °C. */
export const ROOM_TEMPERATURE = 25;
/**
 * The farthest a stand-in may sit from a row (see `distance`): about a decade of current density, or
 * 30 °C; a measurement 60 °C colder, or at another rate and another cycle, does not stand in.
 */
export const MAX_STAND_IN_DISTANCE = 1.5;

/** A refused comparison; `field` names the id at fault ("ids[1]") or the list ("ids"). */
export class CompareError extends AppError {
  declare readonly field: string;
  constructor(message: string, field = "ids", code: ErrorCode = "invalid", readonly candidates?: { ref: string; name: string; paper: string }[]) {
    super(code, message, { field, details: candidates ? { candidates } : undefined });
  }
}

/** `?ids=A&ids=B` and `?ids=A,B` alike. A DOI never contains a comma; a name might not either. */
export function idsFromParams(params: URLSearchParams): string[] {
  return params.getAll("ids").flatMap((v) => v.split(",")).map((v) => v.trim()).filter(Boolean);
}

const fold = (s: string) => searchForm(s).toLowerCase();

interface MaterialRow {
  id: number;
  key: string;
  name: string;
  searchName: string;
  formula: string | null;
  role: string;
  batterySystem: string;
  materialClass: string;
  isControl: boolean;
  paper: { doi: string; title: string; journal: string; year: number; authors: { name: string }[] };
}

const MATERIAL_SELECT = {
  id: true,
  key: true,
  name: true,
  searchName: true,
  formula: true,
  role: true,
  batterySystem: true,
  materialClass: true,
  isControl: true,
  paper: { select: { doi: true, title: true, journal: true, year: true, authors: { orderBy: { position: "asc" as const }, take: 1, select: { name: true } } } },
} as const;

/** Resolve one material by numeric id, "DOI/key", name (case- and script-folded) or, failing those, key. */
async function resolveOne(prisma: PrismaClient, raw: string, index: number): Promise<MaterialRow> {
  const text = raw.trim();
  const field = `ids[${index}]`;
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    const byId = isRowId(id) ? await prisma.material.findUnique({ where: { id }, select: MATERIAL_SELECT }) : null;
    if (byId) return byId;
    throw new CompareError(`no material has id ${text}`, field, "not_found");
  }
  const ref = parseMaterialRef(text);
  if (ref && /^10\./.test(ref.doi)) {
    const byRef = await prisma.material.findFirst({ where: { key: ref.key, paper: { doi: ref.doi } }, select: MATERIAL_SELECT });
    if (byRef) return byRef;
  }
  const wanted = fold(text);
  const all = await prisma.material.findMany({ select: MATERIAL_SELECT, orderBy: { id: "asc" } });
  let matches = all.filter((m) => fold(m.searchName) === wanted || fold(m.name) === wanted);
  if (!matches.length) matches = all.filter((m) => m.key.toLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const candidates = matches.map((m) => ({ ref: materialRef(m.paper.doi, m.key), name: m.name, paper: `${m.paper.authors[0]?.name ?? ""} ${m.paper.journal} ${m.paper.year}`.trim() }));
    throw new CompareError(
      `"${text}" names ${matches.length} materials; give one of their ids: ${candidates.map((c) => `${c.ref} (${c.name}, ${c.paper})`).join("; ")}`,
      field,
      "invalid",
      candidates,
    );
  }
  throw new CompareError(`no material matches "${text}" (give "DOI/key", a numeric id or the material's name)`, field, "not_found");
}

/** Resolve 2–8 ids or names to materials, in the order given. */
export async function resolveMaterials(prisma: PrismaClient, refsOrNames: string[], limits = { min: MIN_MATERIALS, max: MAX_MATERIALS }): Promise<ComparedMaterial[]> {
  const ids = refsOrNames.map((s) => s.trim()).filter(Boolean);
  if (ids.length < limits.min) throw new CompareError(`compare needs at least ${limits.min} materials (got ${ids.length})`);
  if (ids.length > limits.max) throw new CompareError(`compare takes at most ${limits.max} materials (got ${ids.length})`);
  const rows: MaterialRow[] = [];
  for (const [i, id] of ids.entries()) {
    const m = await resolveOne(prisma, id, i);
    const twice = rows.findIndex((r) => r.id === m.id);
    if (twice >= 0) throw new CompareError(`"${id}" and "${ids[twice]}" are the same material (${m.name}); list each material once`, `ids[${i}]`);
    rows.push(m);
  }
  return rows.map((m, index) => ({
    index,
    id: m.id,
    ref: materialRef(m.paper.doi, m.key),
    key: m.key,
    name: m.name,
    formula: m.formula,
    role: m.role,
    batterySystem: m.batterySystem,
    materialClass: m.materialClass,
    isControl: m.isControl,
    path: materialPath(m.paper.doi, m.key),
    paper: { doi: m.paper.doi, title: m.paper.title, journal: m.paper.journal, year: m.paper.year, firstAuthor: m.paper.authors[0]?.name ?? null, path: paperPath(m.paper.doi) },
  }));
}

// ---------------------------------------------------------------------------------------------
// Alignment

interface Measured {
  materialIndex: number;
  id: number;
  position: number;
  propertyKey: string;
  value: number;
  unit: string;
  canonicalValue: number;
  min: number | null;
  max: number | null;
  canonicalMin: number | null;
  canonicalMax: number | null;
  qualifier: string | null;
  quote: string;
  location: string | null;
  source: string;
  subject: string | null;
  conditionsText: string;
  conditions: AlignmentConditions;
}

/** The conditions rows align on: the catalogue's aligned columns, in its order. */
const alignedColumns = (catalogue: ConditionCatalogue) => columnsOf(catalogue).filter((c) => c.align);
type ConditionKey = keyof AlignmentConditions;
const ALIGNED = alignedColumns(CONDITIONS) as (ConditionColumn & { column: ConditionKey })[];

/** A measurement row's alignment conditions. A C-rate whose current density is known aligns as that current density. */
export function alignmentConditions(row: Record<string, unknown>, catalogue: ConditionCatalogue = CONDITIONS): AlignmentConditions {
  const c: Record<string, number | null> = Object.fromEntries(alignedColumns(catalogue).map((col) => [col.column, (row[col.column] as number | null | undefined) ?? null]));
  if (c[RATE_AS_CURRENT.column] !== null && RATE_AS_CURRENT.rate in c) c[RATE_AS_CURRENT.rate] = null;
  return c as unknown as AlignmentConditions;
}

/** Conditions as the alignment reads them: unstated temperature is room temperature. */
function alignmentOf(c: AlignmentConditions): AlignmentConditions {
  return { ...c, temperature: c.temperature ?? ROOM_TEMPERATURE };
}

const round = (x: number | null) => (x === null ? "-" : String(Number(x.toPrecision(9))));
const keyOf = (c: AlignmentConditions) => ALIGNED.map((col) => round(alignmentOf(c)[col.column])).join("|");

/**
 * How far a measurement's conditions sit from a row's: 0 when aligned. Rates, cycles and scan rates
 * count decades (0.1 vs 1 A g⁻¹ = 1), temperature 20 °C as 1, a condition stated on one side only 2.
 */
function distance(row: AlignmentConditions, cell: AlignmentConditions): number {
  const a = alignmentOf(row);
  const b = alignmentOf(cell);
  let d = 0;
  for (const { column: k } of ALIGNED) {
    const x = a[k];
    const y = b[k];
    if (x === null && y === null) continue;
    if (x === null || y === null) {
      d += 2;
      continue;
    }
    if (k === "temperature") d += Math.abs(x - y) / 20;
    else if (x > 0 && y > 0) d += Math.abs(Math.log10(x / y));
    else d += x === y ? 0 : 1;
  }
  return d;
}

/** A condition's name in running text: "current density", "C-rate". */
const nameOf = (col: ConditionColumn) => col.label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

/** A row's conditions in one line: "0.1 A g⁻¹ · 25 °C". */
export function describeAlignment(c: AlignmentConditions, unstatedRoomTemperature = false, catalogue: ConditionCatalogue = CONDITIONS): string {
  const values = c as Record<string, number | null | undefined>;
  const parts = alignedColumns(catalogue)
    .filter((col) => values[col.column] !== null && values[col.column] !== undefined)
    .map((col) => `${columnWords(col, values[col.column]!)}${col.column === "temperature" && unstatedRoomTemperature ? " (or unstated)" : ""}`);
  return parts.join(" · ") || "no stated test conditions";
}

function differences(row: AlignmentConditions, cell: AlignmentConditions): string[] {
  const a = alignmentOf(row);
  const b = alignmentOf(cell);
  const out: string[] = [];
  for (const col of ALIGNED) {
    const x = a[col.column];
    const y = b[col.column];
    if (x === y || (x !== null && y !== null && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) continue;
    if (y === null) out.push(`${nameOf(col)} not stated (row: ${columnWords(col, x!)})`);
    else if (x === null) out.push(`at ${columnWords(col, y)} (row: no ${nameOf(col)})`);
    else out.push(`at ${columnWords(col, y)} instead of ${columnWords(col, x)}`);
  }
  return out;
}

function cellOf(m: Measured, row: AlignmentConditions, unit: string, likeForLike: boolean): CompareCell {
  const def = property(m.propertyKey)!;
  return {
    measurementId: m.id,
    value: m.canonicalValue,
    min: m.canonicalMin,
    max: m.canonicalMax,
    qualifier: m.qualifier,
    display: formatValue({ value: m.canonicalValue, unit: unit === "" ? "" : def.display, min: m.canonicalMin, max: m.canonicalMax, qualifier: m.qualifier }),
    reported: { value: m.value, unit: m.unit, display: formatValue(m) },
    conditions: m.conditions,
    conditionsText: m.conditionsText,
    subject: m.subject,
    quote: m.quote,
    location: m.location,
    source: m.source,
    likeForLike,
    differences: likeForLike ? [] : differences(row, m.conditions),
    assumedRoomTemperature: m.conditions.temperature === null && row.temperature !== null,
    best: false,
  };
}

/** Rows for one property: measurements under the same conditions side by side. */
function alignProperty(key: string, measured: Measured[], materialCount: number): CompareRow[] {
  const def = property(key)!;
  // Group by conditions; within a group, a material's first, second… measurement make rows 1, 2…
  const slots = new Map<string, { conditions: AlignmentConditions; byMaterial: Measured[][] }>();
  for (const m of measured) {
    const k = keyOf(m.conditions);
    let slot = slots.get(k);
    if (!slot) {
      slot = { conditions: alignmentOf(m.conditions), byMaterial: Array.from({ length: materialCount }, () => []) };
      slots.set(k, slot);
    }
    slot.byMaterial[m.materialIndex]!.push(m);
  }
  // Papers say "room temperature" by not saying: a row is labelled unstated when nobody stated 25 °C.
  for (const slot of slots.values()) {
    if (slot.conditions.temperature === ROOM_TEMPERATURE && slot.byMaterial.every((ms) => ms.every((m) => m.conditions.temperature === null))) slot.conditions = { ...slot.conditions, temperature: null };
  }
  // Unstated conditions sort last, but an unstated temperature is room temperature and a value without a cycle (a rate test) comes before cycled ones.
  const unstated = (k: ConditionKey) => (k === "temperature" ? ROOM_TEMPERATURE : k === "cycle" ? -1 : Infinity);
  const order = (c: AlignmentConditions) => ALIGNED.map(({ column: k }) => c[k] ?? unstated(k));
  const sorted = [...slots.entries()].sort(([, a], [, b]) => {
    const x = order(a.conditions);
    const y = order(b.conditions);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return 0;
  });
  // Only ranked properties borrow a nearest measurement: for spectra, peaks and sizes "nearest" means nothing.
  const fillNearest = def.better !== undefined;
  const rows: CompareRow[] = [];
  for (const [slotKey, slot] of sorted) {
    const depth = Math.max(...slot.byMaterial.map((ms) => ms.length));
    for (let n = 0; n < depth; n++) {
      const cells = slot.byMaterial.map((ms, materialIndex): CompareCell | null => {
        const exact = ms[n];
        if (exact) return cellOf(exact, slot.conditions, def.unit, true);
        // The material's own numbers under these conditions are in this slot's other rows; a stand-in shows once.
        if (!fillNearest || ms.length || n > 0) return null;
        const candidates = measured.filter((m) => m.materialIndex === materialIndex);
        if (!candidates.length) return null;
        const nearest = candidates.reduce((best, m) => (distance(slot.conditions, m.conditions) < distance(slot.conditions, best.conditions) ? m : best));
        return distance(slot.conditions, nearest.conditions) <= MAX_STAND_IN_DISTANCE ? cellOf(nearest, slot.conditions, def.unit, false) : null;
      });
      const row: CompareRow = {
        id: `${key}@${slotKey}#${n}`,
        property: key,
        unit: def.unit,
        conditions: slot.conditions,
        conditionsText: describeAlignment(slot.conditions, slot.conditions.temperature === ROOM_TEMPERATURE && cells.some((c) => c?.likeForLike && c.conditions.temperature === null)),
        cells,
        likeForLike: cells.every((c) => c?.likeForLike === true),
        best: [],
        bestAmong: null,
      };
      markBest(row, def.better);
      rows.push(row);
    }
  }
  return rows;
}

function markBest(row: CompareRow, better: "higher" | "lower" | undefined): void {
  if (!better) return;
  const present = row.cells.map((c, i) => ({ c, i })).filter((x): x is { c: CompareCell; i: number } => x.c !== null);
  // Only numbers measured under the same conditions are ranked: a stand-in never wins, or loses, a row.
  const pool = present.filter((x) => x.c.likeForLike);
  if (pool.length < 2) return;
  const pick = better === "higher" ? Math.max(...pool.map((x) => x.c.value)) : Math.min(...pool.map((x) => x.c.value));
  row.best = pool.filter((x) => x.c.value === pick).map((x) => x.i);
  row.bestAmong = "like-for-like";
  for (const i of row.best) row.cells[i]!.best = true;
}

// ---------------------------------------------------------------------------------------------

async function loadMeasured(prisma: PrismaClient, materials: ComparedMaterial[]): Promise<Measured[]> {
  const indexOf = new Map(materials.map((m) => [m.id, m.index]));
  const rows = await prisma.measurement.findMany({ where: { materialId: { in: materials.map((m) => m.id) } }, orderBy: [{ materialId: "asc" }, { position: "asc" }] });
  return rows
    .filter((r) => property(r.propertyKey))
    .map((r) => {
      const conditions = r.conditionsJson ? (JSON.parse(r.conditionsJson) as Conditions) : undefined;
      return {
        materialIndex: indexOf.get(r.materialId)!,
        id: r.id,
        position: r.position,
        propertyKey: r.propertyKey,
        value: r.value,
        unit: r.unit,
        canonicalValue: inCanonicalUnit(r.propertyKey, r.canonicalValue, r.canonicalUnit),
        min: r.min,
        max: r.max,
        canonicalMin: r.canonicalMin === null ? null : inCanonicalUnit(r.propertyKey, r.canonicalMin, r.canonicalUnit),
        canonicalMax: r.canonicalMax === null ? null : inCanonicalUnit(r.propertyKey, r.canonicalMax, r.canonicalUnit),
        qualifier: r.qualifier,
        quote: r.quote,
        location: r.location,
        source: r.source,
        subject: r.subject,
        conditionsText: describeConditions(conditions),
        conditions: alignmentConditions(r),
      };
    })
    .sort((a, b) => a.materialIndex - b.materialIndex || a.position - b.position);
}

function chartPoint(m: Measured, x: number): ChartPoint {
  return { materialIndex: m.materialIndex, measurementId: m.id, x, y: m.canonicalValue, conditionsText: m.conditionsText, quote: m.quote };
}

/** Compare 2–8 materials given as "DOI/key", numeric ids or names. Throws CompareError (with a field) for the caller to show. */
export async function compareMaterials(prisma: PrismaClient, refsOrNames: string[]): Promise<Comparison> {
  const materials = await resolveMaterials(prisma, refsOrNames);
  const measured = await loadMeasured(prisma, materials);

  const properties: ComparePropertyGroup[] = [];
  for (const def of PROPERTIES) {
    const of = measured.filter((m) => m.propertyKey === def.key);
    if (!of.length) continue;
    properties.push({
      property: { key: def.key, label: def.label, unit: def.unit, display: def.display, group: def.group, better: def.better ?? null },
      rows: alignProperty(def.key, of, materials.length),
    });
  }

  // Derived figures and flags: the paper's audit (one per paper: a flag may weigh one material's
  // numbers against another's), this material's share of it.
  const audits = new Map<string, Awaited<ReturnType<typeof auditPaper>>>();
  for (const m of materials) if (!audits.has(m.paper.doi)) audits.set(m.paper.doi, await auditPaper(prisma, m.paper.doi));
  const figures: MaterialFigures[] = materials.map((m) => {
    const audit = audits.get(m.paper.doi)!;
    return {
      materialIndex: m.index,
      ref: m.ref,
      derived: audit.derived.filter((d) => d.materialId === m.id).map((d) => ({ ...d, formulaPath: `/formulas#${d.formula}` })),
      flags: audit.flags.filter((f) => f.materialId === m.id).map((f) => ({ ...f, formulaPath: `/formulas#${f.formula}` })),
    };
  });

  const capacities = measured.filter((m) => m.propertyKey === "specific_capacity" && m.source === "stated");
  const roomTemperature = (m: Measured) => m.conditions.temperature === null || m.conditions.temperature === ROOM_TEMPERATURE;
  const withCurrent = capacities.filter((m) => m.conditions.currentDensity !== null && m.conditions.currentDensity > 0 && roomTemperature(m));
  const charts: Comparison["charts"] = {
    rate: {
      xUnit: "A/g",
      yUnit: "mAh/g",
      rateTest: withCurrent.filter((m) => m.conditions.cycle === null).map((m) => chartPoint(m, m.conditions.currentDensity!)).sort((a, b) => a.materialIndex - b.materialIndex || a.x - b.x),
      cycled: withCurrent.filter((m) => m.conditions.cycle !== null).map((m) => chartPoint(m, m.conditions.currentDensity!)),
    },
    temperature: {
      xUnit: "degC",
      yUnit: "mAh/g",
      points: capacities.filter((m) => m.conditions.temperature !== null).map((m) => chartPoint(m, m.conditions.temperature!)).sort((a, b) => a.materialIndex - b.materialIndex || a.x - b.x),
    },
  };

  const notes = [
    `Rows align measurements on ${ALIGNED.map(nameOf).join(", ").replace(/, ([^,]*)$/, " and $1")}; an unstated temperature is taken as room temperature (25 °C).`,
    "A cell marked not like-for-like is the material's nearest measurement under other conditions (shown only when it is close); the best value is marked only among like-for-like cells, when a row has two or more.",
  ];
  for (const m of materials) {
    if (!figures[m.index]!.derived.length) notes.push(`${m.name}: its record holds no inputs for a derived figure (no capacity pair under matching conditions).`);
  }
  return { materials, properties, figures, charts, notes };
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_COLUMNS = [
  "property", "property_label", "row_conditions", "row_like_for_like", "material_ref", "material_name", "value", "unit",
  "reported_value", "reported_unit", "like_for_like", "best", "differences", "conditions", "subject", "source", "location", "quote",
] as const;

/** The comparison as CSV: one line per table cell, plus derived figures (property "derived:KEY"). */
export async function comparisonToCsv(c: Comparison): Promise<string> {
  const { stringify } = await import("csv-stringify/sync");
  const lines: unknown[][] = [];
  for (const group of c.properties) {
    for (const row of group.rows) {
      row.cells.forEach((cell, i) => {
        if (!cell) return;
        const m = c.materials[i]!;
        lines.push([
          group.property.key, group.property.label, row.conditionsText, row.likeForLike, m.ref, m.name, cell.value, group.property.display,
          cell.reported.value, cell.reported.unit, cell.likeForLike, cell.best, cell.differences.join("; "), cell.conditionsText, cell.subject, cell.source, cell.location, cell.quote,
        ]);
      });
    }
  }
  for (const f of c.figures) {
    const m = c.materials[f.materialIndex]!;
    for (const d of f.derived) {
      lines.push([
        `derived:${d.formula}`, d.label, "", "", m.ref, m.name, d.value, unitText(d.unit), "", "", "", "", "",
        d.inputs.map((x) => `${x.name} = ${formatQuantity(x.value, x.unit)}`).join("; "), "", "derived by matlit", "", d.inputs.map((x) => x.quote).filter(Boolean).join(" | "),
      ]);
    }
  }
  return stringify(lines, { header: true, columns: [...CSV_COLUMNS], ...SPREADSHEET_SAFE });
}

/** A plain-text rendering for the CLI. */
export function comparisonToText(c: Comparison): string {
  const out: string[] = [];
  out.push(c.materials.map((m, i) => `[${i + 1}] ${m.name}  (${m.ref})`).join("\n"));
  for (const group of c.properties) {
    out.push("", `${group.property.label} (${group.property.display})${group.property.better ? `, ${group.property.better} is better` : ""}`);
    for (const row of group.rows) {
      const cells = row.cells.map((cell, i) => (cell ? `[${i + 1}] ${prettyNumber(cell.value)}${cell.best ? "★" : ""}${cell.likeForLike ? "" : "≈"}` : `[${i + 1}] –`));
      out.push(`  ${row.conditionsText.padEnd(38)} ${cells.join("   ")}`);
    }
  }
  out.push("", "★ best in row · ≈ nearest measurement under other conditions (not like-for-like)");
  for (const f of c.figures) {
    const m = c.materials[f.materialIndex]!;
    out.push("", `Derived figures for ${m.name}: ${f.derived.length ? "" : "none"}`);
    for (const d of f.derived) out.push(`  ${d.label} = ${d.display}  [${d.formula}]`);
    for (const flag of f.flags) out.push(`  ⚑ ${flag.message}`);
  }
  return out.join("\n");
}

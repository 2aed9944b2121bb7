/**
 * Rows of a comparison: measurements of one property aligned on the conditions they were measured
 * under, with the nearest measurement standing in (marked) where a material has none under a row's
 * conditions, and the best like-for-like value marked.
 */
import { OWN_SCOPE } from "../records/scope";
import type { PrismaClient } from "../db";
import { inCanonicalUnit, property } from "../units";
import { columnsOf, columnWords, CONDITIONS, RATE_AS_CURRENT, type ConditionCatalogue, type ConditionColumn } from "../units/conditions";
import { describeConditions, formatValue } from "../materials";
import type { Conditions } from "../records/schema";
import type { AlignmentConditions, ComparedMaterial, CompareCell, CompareRow } from "./types";

/** Papers that do not state a test temperature ran at room temperature; aligned with 25 °C. */
export const ROOM_TEMPERATURE = 25;
/**
 * The farthest a stand-in may sit from a row (see `distance`): about a decade of current density, or
 * 30 °C; a measurement 60 °C colder, or at another rate and another cycle, does not stand in.
 */
export const MAX_STAND_IN_DISTANCE = 1.5;

/** One measurement of a compared material, in its property's canonical unit. */
export interface Measured {
  materialIndex: number;
  id: number;
  position: number;
  propertyKey: string;
  /** The stated number, null for a range (min, max). */
  value: number | null;
  unit: string;
  unitReadAs: string | null;
  /** In the property's canonical unit: the number, null for a range (canonicalMin, canonicalMax). */
  canonicalValue: number | null;
  min: number | null;
  max: number | null;
  canonicalMin: number;
  canonicalMax: number;
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
export const ALIGNED = alignedColumns(CONDITIONS) as (ConditionColumn & { column: ConditionKey })[];

/** A measurement row's alignment conditions. A C-rate whose current density is known aligns as that current density. */
export function alignmentConditions(row: Record<string, unknown>, catalogue: ConditionCatalogue = CONDITIONS): AlignmentConditions {
  const c: Record<string, number | null> = Object.fromEntries(
    alignedColumns(catalogue).map((col) => [col.column, (row[col.column] as number | null | undefined) ?? null]),
  );
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
export const nameOf = (col: ConditionColumn) => col.label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

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
    min: m.canonicalValue === null ? m.canonicalMin : null,
    max: m.canonicalValue === null ? m.canonicalMax : null,
    qualifier: m.qualifier,
    display: formatValue({
      value: m.canonicalValue,
      unit: unit === "" ? "" : def.display,
      min: m.canonicalMin,
      max: m.canonicalMax,
      unitReadAs: null,
      qualifier: m.qualifier,
    }),
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
export function alignProperty(key: string, measured: Measured[], materialCount: number): CompareRow[] {
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
    if (slot.conditions.temperature === ROOM_TEMPERATURE && slot.byMaterial.every((ms) => ms.every((m) => m.conditions.temperature === null)))
      slot.conditions = { ...slot.conditions, temperature: null };
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
        conditionsText: describeAlignment(
          slot.conditions,
          slot.conditions.temperature === ROOM_TEMPERATURE && cells.some((c) => c?.likeForLike && c.conditions.temperature === null),
        ),
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
  // Only stated single numbers measured under the same conditions are ranked: a stand-in, a range
  // or a derived number never wins, or loses, a row.
  const pool = present.filter((x): x is { c: CompareCell & { value: number }; i: number } => x.c.likeForLike && x.c.value !== null && x.c.source === "stated");
  if (pool.length < 2) return;
  const pick = better === "higher" ? Math.max(...pool.map((x) => x.c.value)) : Math.min(...pool.map((x) => x.c.value));
  row.best = pool.filter((x) => x.c.value === pick).map((x) => x.i);
  row.bestAmong = "like-for-like";
  for (const i of row.best) row.cells[i]!.best = true;
}

/** The compared materials' measurements of catalogued properties, by material and position. */
export async function loadMeasured(prisma: PrismaClient, materials: ComparedMaterial[]): Promise<Measured[]> {
  const indexOf = new Map(materials.map((m) => [m.id, m.index]));
  const rows = await prisma.measurement.findMany({
    // The materials' own numbers: models, precursors, references and the like stay on their pages.
    where: { materialId: { in: materials.map((m) => m.id) }, scope: OWN_SCOPE },
    orderBy: [{ materialId: "asc" }, { position: "asc" }],
  });
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
        unitReadAs: r.unitReadAs,
        canonicalValue: r.value === null ? null : inCanonicalUnit(r.propertyKey, r.canonicalMin, r.canonicalUnit),
        min: r.min,
        max: r.max,
        canonicalMin: inCanonicalUnit(r.propertyKey, r.canonicalMin, r.canonicalUnit),
        canonicalMax: inCanonicalUnit(r.propertyKey, r.canonicalMax, r.canonicalUnit),
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

/**
 * Rows of a comparison: measurements of one property aligned on the conditions they were measured
 * under, with the nearest measurement inside the stand-in window (window.ts) standing in (marked)
 * where a material has none under a row's conditions, rows under the same conditions told apart,
 * and the best like-for-like value marked.
 */
import { OWN_SCOPE } from "../records/scope";
import type { PrismaClient } from "../db";
import { inCanonicalUnit, property } from "../units";
import { columnsOf, columnWords, CONDITIONS, RATE_AS_CURRENT, type ConditionCatalogue } from "../units/conditions";
import { describeConditions, formatValue } from "../materials";
import type { Conditions } from "../records/schema";
import type { AlignmentConditions, ComparedMaterial, CompareCell, CompareRow } from "./types";
import { alignmentOf, ROOM_TEMPERATURE, standInDifferences, standInGap } from "./window";

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
  note: string | null;
  conditionsText: string;
  /** The conditions rows do not align on (electrolyte, cell type, "rate test, initial"…), in one line. */
  otherConditionsText: string;
  conditions: AlignmentConditions;
}

/** The conditions rows align on: the catalogue's aligned columns, in its order. */
const alignedColumns = (catalogue: ConditionCatalogue) => columnsOf(catalogue).filter((c) => c.align);
type ConditionKey = keyof AlignmentConditions;
export const ALIGNED = alignedColumns(CONDITIONS) as (ReturnType<typeof columnsOf>[number] & { column: ConditionKey })[];
const TEMPERATURE = ALIGNED.find((c) => c.column === "temperature")!;

/** A measurement row's alignment conditions. A C-rate whose current density is known aligns as that current density. */
export function alignmentConditions(row: Record<string, unknown>, catalogue: ConditionCatalogue = CONDITIONS): AlignmentConditions {
  const c: Record<string, number | null> = Object.fromEntries(
    alignedColumns(catalogue).map((col) => [col.column, (row[col.column] as number | null | undefined) ?? null]),
  );
  if (c[RATE_AS_CURRENT.column] !== null && RATE_AS_CURRENT.rate in c) c[RATE_AS_CURRENT.rate] = null;
  return c as unknown as AlignmentConditions;
}

const round = (x: number | null) => (x === null ? "-" : String(Number(x.toPrecision(9))));
const keyOf = (c: AlignmentConditions) => ALIGNED.map((col) => round(alignmentOf(c)[col.column])).join("|");

/** A row's conditions in one line: "0.1 A g⁻¹ · 25 °C". */
export function describeAlignment(c: AlignmentConditions, unstatedRoomTemperature = false, catalogue: ConditionCatalogue = CONDITIONS): string {
  const values = c as Record<string, number | null | undefined>;
  const parts = alignedColumns(catalogue)
    .filter((col) => values[col.column] !== null && values[col.column] !== undefined)
    .map((col) => `${columnWords(col, values[col.column]!)}${col.column === "temperature" && unstatedRoomTemperature ? " (or unstated)" : ""}`);
  return parts.join(" · ") || "no stated test conditions";
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
    differences: likeForLike ? [] : standInDifferences(row, m.conditions),
    assumedRoomTemperature: m.conditions.temperature === null && row.temperature !== null,
    best: false,
  };
}

/** The record's condition keys whose columns rows align on. */
const ALIGNED_KEYS = new Set(ALIGNED.map((c) => c.key));
const unalignedOf = (c: Conditions): Conditions => Object.fromEntries(Object.entries(c).filter(([k]) => !ALIGNED_KEYS.has(k) && k !== RATE_AS_CURRENT.oneC));

/**
 * Labels for the rows under one set of aligned conditions: what differs between a material's
 * measurements there (temperature stated or not, subject, the other conditions that differ; else
 * the measurement's own note), and where that leaves rows alike, their place: "measurement 2 of 3". A single row needs none.
 */
function rowDistinctions(byMaterial: Measured[][], depth: number): (string | null)[] {
  if (depth < 2) return [null];
  const all = byMaterial.flat();
  const partsOf = (m: Measured) => (m.otherConditionsText ? m.otherConditionsText.split(" · ") : []);
  const common = new Set(partsOf(all[0]!).filter((p) => all.every((m) => partsOf(m).includes(p))));
  const tellsApart: ((m: Measured) => string | null)[] = [
    // Unstated and 25 °C share a row's conditions.
    (m) => (m.conditions.temperature === null ? "temperature unstated" : columnWords(TEMPERATURE, m.conditions.temperature)),
    (m) => m.subject,
    (m) =>
      partsOf(m)
        .filter((p) => !common.has(p))
        .join(" · ") || null,
  ];
  const differs = (read: (m: Measured) => string | null) => byMaterial.some((ms) => new Set(ms.map(read)).size > 1);
  const kinds = tellsApart.filter(differs);
  const read = kinds.length ? kinds : [(m: Measured) => m.note].filter(differs);
  const labels = Array.from({ length: depth }, (_, n) => {
    const row = byMaterial.map((ms) => ms[n]).filter((m): m is Measured => m !== undefined);
    const parts = [...new Set(read.flatMap((r) => row.map(r)).filter((x): x is string => !!x))];
    return parts.join(" · ");
  });
  // Rows nothing recorded tells apart are told by their place among the alike.
  return labels.map((label, n) => {
    if (!label) return `measurement ${n + 1} of ${depth}`;
    const alike = labels.flatMap((l, i) => (l === label ? [i] : []));
    return alike.length > 1 ? `${label} · measurement ${alike.indexOf(n) + 1} of ${alike.length}` : label;
  });
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
    const distinctions = rowDistinctions(slot.byMaterial, depth);
    for (let n = 0; n < depth; n++) {
      const cells = slot.byMaterial.map((ms, materialIndex): CompareCell | null => {
        const exact = ms[n];
        if (exact) return cellOf(exact, slot.conditions, def.unit, true);
        // The material's own numbers under these conditions are in this slot's other rows; a stand-in shows once.
        if (!fillNearest || ms.length || n > 0) return null;
        const inWindow = measured
          .filter((m) => m.materialIndex === materialIndex)
          .map((m) => ({ m, gap: standInGap(slot.conditions, m.conditions) }))
          .filter((x): x is { m: Measured; gap: number } => x.gap !== null);
        if (!inWindow.length) return null;
        const nearest = inWindow.reduce((best, x) => (x.gap < best.gap ? x : best));
        return cellOf(nearest.m, slot.conditions, def.unit, false);
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
        distinction: distinctions[n]!,
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
        note: r.note,
        conditionsText: describeConditions(conditions),
        otherConditionsText: describeConditions(conditions && unalignedOf(conditions)),
        conditions: alignmentConditions(r),
      };
    })
    .sort((a, b) => a.materialIndex - b.materialIndex || a.position - b.position);
}

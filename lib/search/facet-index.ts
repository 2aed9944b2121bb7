/**
 * The embedded backend's facet index: every published material's facet values held in memory as
 * code arrays and bitsets, so filtering and counting facets over tens of thousands of hits takes
 * milliseconds instead of joins over a million measurements. It follows the records version (the
 * RecordChange feed): a write of drafts, sessions or the outbox leaves it as it is, and a write of
 * records re-reads only the materials named since the version it holds, then re-derives the
 * in-memory arrays. It never serves stale counts.
 */
import { databaseOf, type PrismaClient } from "../db";
import { readerOf, type SqlReader } from "../db/sql";
import type { FacetName } from "./query";
import type { FacetSelection } from "./plan";
import type { FacetCount } from "./types";

/** Facets with one value per material. */
export const SCALAR_FACETS = ["battery_system", "role", "material_class", "journal", "year"] as const;
type ScalarFacet = (typeof SCALAR_FACETS)[number];

/**
 * Each material's extreme values of one property among its own stated numbers (a range reaching
 * by its ends), read from a covering (propertyKey, …) index: what a sort reads by default.
 */
export const BEST_VALUES_SQL = `SELECT "materialId", MAX("canonicalMax") AS max, MIN("canonicalMin") AS min FROM "Measurement" WHERE "propertyKey" = ? AND "scope" = 'material' AND "source" = 'stated' GROUP BY "materialId"`;

class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) this.codes.set(value, (c = this.values.push(value) - 1));
    return c;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

/** A set of dictionary values per material, as a row of bits. */
class SetColumn {
  private words = 1;
  private bits = new Uint32Array(0);

  /** The dictionary may be shared with later versions of the index: it only grows. */
  constructor(readonly dict: Dictionary) {}

  /** Fills the column: `fill` calls `add` once per (slot, code) pair. */
  build(size: number, fill: (add: (slot: number, code: number) => void) => void): void {
    const slots: number[] = [];
    const codes: number[] = [];
    fill((slot, code) => {
      slots.push(slot);
      codes.push(code);
    });
    this.words = Math.max(1, Math.ceil(this.dict.values.length / 32));
    this.bits = new Uint32Array(size * this.words);
    for (let i = 0; i < slots.length; i++) this.bits[slots[i]! * this.words + (codes[i]! >>> 5)]! |= 1 << (codes[i]! & 31);
  }

  /** Bit mask of the given values; `null` when one of them is unknown (so nothing can hold all of them). */
  mask(values: string[]): Uint32Array | null {
    const mask = new Uint32Array(this.words);
    for (const v of values) {
      const c = this.dict.find(v);
      if (c === undefined) return null;
      mask[c >>> 5]! |= 1 << (c & 31);
    }
    return mask;
  }

  /** Like `mask`, ignoring unknown values. */
  anyMask(values: string[]): Uint32Array {
    return this.mask(values.filter((v) => this.dict.find(v) !== undefined))!;
  }

  hasAll(slot: number, mask: Uint32Array): boolean {
    for (let w = 0, o = slot * this.words; w < this.words; w++) if ((this.bits[o + w]! & mask[w]!) >>> 0 !== mask[w]) return false;
    return true;
  }

  hasAny(slot: number, mask: Uint32Array): boolean {
    for (let w = 0, o = slot * this.words; w < this.words; w++) if (this.bits[o + w]! & mask[w]!) return true;
    return false;
  }

  /** Has at least one value, and none outside the mask. */
  onlyWithin(slot: number, mask: Uint32Array): boolean {
    let any = false;
    for (let w = 0, o = slot * this.words; w < this.words; w++) {
      const word = this.bits[o + w]!;
      if (word & ~mask[w]!) return false;
      if (word) any = true;
    }
    return any;
  }

  count(slots: Iterable<number>): FacetCount[] {
    const counts = new Int32Array(this.dict.values.length);
    for (const slot of slots) {
      for (let w = 0, o = slot * this.words; w < this.words; w++) {
        for (let word = this.bits[o + w]!; word; word &= word - 1) counts[w * 32 + 31 - Math.clz32(word & -word)]!++;
      }
    }
    return countsOf(this.dict, counts);
  }
}

function countsOf(dict: Dictionary, counts: Int32Array): FacetCount[] {
  const out: FacetCount[] = [];
  counts.forEach((count, code) => count && out.push({ value: dict.values[code]!, count }));
  return out;
}

/** A filter over material slots, named by the facet it comes from (disjunctive counting leaves it out). */
export interface SlotFilter {
  facet: FacetName;
  test(slot: number): boolean;
}

/** What the index holds of one published material. */
export interface MaterialFacets {
  id: number;
  batterySystem: string;
  role: string;
  materialClass: string;
  journal: string;
  year: number;
  isControl: number;
  paperId: number;
  position: number;
  /** The property facet: comma-separated keys of the material's own stated measurements. */
  propertyKeys: string;
  elements: string[];
}

/** A material's facet values as dictionary codes, worked out once when its row is read. */
interface Coded {
  row: MaterialFacets;
  scalars: number[];
  elements: number[];
  properties: number[];
  /** Default order: research before controls, newest paper first, then paper and position. */
  orderKey: number;
}

/** The dictionaries of a file's index, kept across versions so an unchanged material keeps its codes. */
interface Dictionaries {
  scalars: Record<ScalarFacet, Dictionary>;
  elements: Dictionary;
  properties: Dictionary;
}

const newDictionaries = (): Dictionaries => ({
  scalars: Object.fromEntries(SCALAR_FACETS.map((f) => [f, new Dictionary()])) as Record<ScalarFacet, Dictionary>,
  elements: new Dictionary(),
  properties: new Dictionary(),
});

function coded(row: MaterialFacets, dicts: Dictionaries): Coded {
  return {
    row,
    scalars: SCALAR_FACETS.map((f) => dicts.scalars[f].code(String(row[SCALAR_FIELD[f]]))),
    elements: row.elements.map((e) => dicts.elements.code(e)),
    properties: row.propertyKeys ? row.propertyKeys.split(",").map((k) => dicts.properties.code(k)) : [],
    // One number orders like the comparison of the four keys (years and positions stay far below their ranges).
    orderKey: row.isControl * 1e15 + (9999 - row.year) * 1e11 + row.paperId * 1e4 + Math.min(row.position, 9999),
  };
}

const MATERIAL_COLUMNS = `M."id", M."batterySystem", M."role", M."materialClass", P."journal", P."year", M."isControl", P."id", M."position", M."propertyKeys"`;
const PUBLISHED_MATERIALS = `FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE P."status" = 'published'`;

/** Published materials (all, or those of the given ids) as rows of the index, read one at a time. */
async function readMaterials(reader: SqlReader, ids?: number[]): Promise<Map<number, MaterialFacets>> {
  const rows = new Map<number, MaterialFacets>();
  const only = ids ? ` AND M."id" ${reader.dialect.inIds}` : "";
  const params = ids ? [JSON.stringify(ids)] : [];
  await reader.each(`SELECT ${MATERIAL_COLUMNS} ${PUBLISHED_MATERIALS}${only}`, params, (r) => {
    const [id, batterySystem, role, materialClass, journal, year, isControl, paperId, position, propertyKeys] = r as [
      number,
      string,
      string,
      string,
      string,
      number,
      number | boolean,
      number,
      number,
      string,
    ];
    rows.set(id, { id, batterySystem, role, materialClass, journal, year, isControl: Number(isControl), paperId, position, propertyKeys, elements: [] });
  });
  const elementsOf = ids ? `WHERE "materialId" ${reader.dialect.inIds}` : "";
  await reader.each(`SELECT "materialId", "symbol" FROM "MaterialElement" ${elementsOf}`, params, ([materialId, symbol]) => {
    rows.get(materialId as number)?.elements.push(symbol as string);
  });
  return rows;
}

type Best = Map<number, { max: number; min: number }>;

async function readBest(reader: SqlReader, propertyKey: string, ids?: number[]): Promise<Best> {
  const best: Best = new Map();
  const sql = ids ? BEST_VALUES_SQL.replace("GROUP BY", `AND "materialId" ${reader.dialect.inIds} GROUP BY`) : BEST_VALUES_SQL;
  for (const r of await reader.all<{ materialId: number; max: number; min: number }>(sql, ids ? [propertyKey, JSON.stringify(ids)] : [propertyKey]))
    best.set(r.materialId, { max: r.max, min: r.min });
  return best;
}

export class FacetIndex {
  readonly size: number;
  /** Material id per slot. */
  readonly ids: Int32Array;
  private readonly slots = new Map<number, number>();
  /** Slots in the default result order: research materials before controls, newest paper first, then paper and position. */
  readonly defaultOrder: Int32Array;
  /** Position of each slot in `defaultOrder`. */
  readonly defaultRank: Int32Array;
  private readonly scalars = {} as Record<ScalarFacet, { dict: Dictionary; codes: Int32Array }>;
  readonly elements: SetColumn;
  readonly properties: SetColumn;
  /** Published materials per property key (for sampling charts). */
  readonly materialCounts = new Map<string, number>();
  private readonly bestBySlot = new Map<string, { max: Float64Array; min: Float64Array }>();

  /**
   * Lays out the materials' codes as arrays, in memory (no reads). `best` holds each property's
   * extreme values per material id, shared with the next version (which patches it for the changed materials).
   */
  constructor(
    private readonly reader: SqlReader,
    readonly version: string,
    materials: readonly Coded[],
    dicts: Dictionaries,
    private readonly best: Map<string, Best>,
  ) {
    this.size = materials.length;
    this.ids = Int32Array.from(materials, (m) => m.row.id);
    materials.forEach((m, slot) => this.slots.set(m.row.id, slot));
    SCALAR_FACETS.forEach((facet, f) => (this.scalars[facet] = { dict: dicts.scalars[facet], codes: Int32Array.from(materials, (m) => m.scalars[f]!) }));
    const keys = Float64Array.from(materials, (m) => m.orderKey);
    this.defaultOrder = Int32Array.from(materials, (_, slot) => slot).sort((a, b) => keys[a]! - keys[b]!);
    this.defaultRank = new Int32Array(this.size);
    this.defaultOrder.forEach((slot, rank) => (this.defaultRank[slot] = rank));
    this.elements = new SetColumn(dicts.elements);
    this.elements.build(this.size, (add) => materials.forEach((m, slot) => m.elements.forEach((code) => add(slot, code))));
    this.properties = new SetColumn(dicts.properties);
    this.properties.build(this.size, (add) => materials.forEach((m, slot) => m.properties.forEach((code) => add(slot, code))));
    for (const { value, count } of this.properties.count(this.defaultOrder)) this.materialCounts.set(value, count);
  }

  slotOf(materialId: number): number | undefined {
    return this.slots.get(materialId);
  }

  /** A plan's facet selections as slot filters. */
  filters(selections: FacetSelection[]): SlotFilter[] {
    const filters: SlotFilter[] = [];
    const valuesOf = (facet: FacetName) => {
      const selection = selections.find((s) => s.facet === facet);
      return selection && "values" in selection ? selection.values : undefined;
    };
    for (const facet of SCALAR_FACETS) {
      const values = valuesOf(facet);
      if (!values) continue;
      const { dict, codes } = this.scalars[facet];
      const allowed = new Uint8Array(dict.values.length);
      for (const v of values) {
        const c = dict.find(String(v));
        if (c !== undefined) allowed[c] = 1;
      }
      filters.push({ facet, test: (slot) => allowed[codes[slot]!] === 1 });
    }
    const properties = valuesOf("property")?.map(String);
    if (properties) {
      const mask = this.properties.anyMask(properties);
      filters.push({ facet: "property", test: (slot) => this.properties.hasAny(slot, mask) });
    }
    const elements = selections.find((s): s is Extract<FacetSelection, { facet: "elements" }> => s.facet === "elements");
    if (elements?.all.length) {
      const mask = this.elements.mask(elements.all);
      filters.push({ facet: "elements", test: (slot) => mask !== null && this.elements.hasAll(slot, mask) });
    }
    if (elements?.only.length) {
      const mask = this.elements.anyMask(elements.only);
      filters.push({ facet: "elements", test: (slot) => this.elements.onlyWithin(slot, mask) });
    }
    return filters;
  }

  /** Facet counts over the given slots. */
  count(facet: FacetName, slots: Int32Array): FacetCount[] {
    if (facet === "elements") return this.elements.count(slots);
    if (facet === "property") return this.properties.count(slots);
    const { dict, codes } = this.scalars[facet];
    const counts = new Int32Array(dict.values.length);
    for (const slot of slots) counts[codes[slot]!]!++;
    return countsOf(dict, counts);
  }

  /** Ids of the published materials with measurements of every one of the properties. */
  materialsWith(propertyKeys: string[]): number[] {
    const mask = this.properties.mask(propertyKeys);
    const ids: number[] = [];
    if (mask) for (let slot = 0; slot < this.size; slot++) if (this.properties.hasAll(slot, mask)) ids.push(this.ids[slot]!);
    return ids;
  }

  /** Each material's highest and lowest value of a property by slot, NaN where it has none (read once per property, then patched per change). */
  async bestValues(propertyKey: string): Promise<{ max: Float64Array; min: Float64Array }> {
    let bySlot = this.bestBySlot.get(propertyKey);
    if (!bySlot) {
      let best = this.best.get(propertyKey);
      if (!best) this.best.set(propertyKey, (best = await readBest(this.reader, propertyKey)));
      const values = [...best].map(([id, v]) => ({ id, ...v }));
      bySlot = { max: this.bySlot(values.map((v) => ({ id: v.id, value: v.max }))), min: this.bySlot(values.map((v) => ({ id: v.id, value: v.min }))) };
      this.bestBySlot.set(propertyKey, bySlot);
    }
    return bySlot;
  }

  /** Values per material id as an array by slot, NaN for the materials not given. */
  bySlot(values: { id: number; value: number }[]): Float64Array {
    const out = new Float64Array(this.size).fill(NaN);
    for (const v of values) {
      const slot = this.slots.get(v.id);
      if (slot !== undefined) out[slot] = v.value;
    }
    return out;
  }
}

const SCALAR_FIELD: Record<ScalarFacet, keyof MaterialFacets> = {
  battery_system: "batterySystem",
  role: "role",
  material_class: "materialClass",
  journal: "journal",
  year: "year",
};

/** How the last refresh of a database's index went: a whole read, or the materials named since its version. */
export interface Refresh {
  kind: "whole" | "changes";
  materials: number;
}

interface State {
  index: FacetIndex;
  /** Highest RecordChange id the index reflects. */
  change: number;
  serial: number;
  materials: Map<number, Coded>;
  dicts: Dictionaries;
  best: Map<string, Best>;
  refresh: Refresh;
}

/** By SQLite file or PostgreSQL pool: every client of one database shares its index. */
type DatabaseKey = string | object;
const states = new Map<DatabaseKey, State>();
/** The refresh under way per database: concurrent searches wait for one read instead of each reading. */
const refreshing = new Map<DatabaseKey, Promise<FacetIndex>>();

const keyOf = (prisma: PrismaClient): DatabaseKey => {
  const database = databaseOf(prisma);
  return database.provider === "sqlite" ? database.file : database.pool;
};

/**
 * Read on every search: two subqueries, since SQLite reads a lone MAX or MIN of the primary key in
 * one step but scans the table for both at once.
 */
export const RECORDS_VERSION_SQL = `SELECT coalesce((SELECT MAX("id") FROM "RecordChange"), 0) AS last, coalesce((SELECT MIN("id") FROM "RecordChange"), 0) AS first`;

/**
 * The records version: the highest and lowest change ids kept (0 when none). Every server reads it
 * from the database, so a write made through another server is seen as well. On PostgreSQL the ids
 * commit in order because every writer holds the writers' lock, so no change can appear below `last`.
 */
async function changeRange(reader: SqlReader): Promise<{ last: number; first: number }> {
  return (await reader.all<{ last: number; first: number }>(RECORDS_VERSION_SQL, []))[0]!;
}

/**
 * The facet index of a database as the records stand: the same object while no record has
 * been written; otherwise refreshed from the materials changed since (their rows and best values
 * re-read and re-coded, the arrays laid out again from codes in memory), or read whole when its
 * version is older than the change feed keeps (or the SQLite file was reopened).
 */
export async function facetIndex(prisma: PrismaClient): Promise<FacetIndex> {
  const key = keyOf(prisma);
  const reader = readerOf(prisma);
  const state = states.get(key);
  if (state && state.serial === reader.serial && (await changeRange(reader)).last === state.change) return state.index;
  let pending = refreshing.get(key);
  if (!pending) {
    pending = refresh(key, reader).finally(() => refreshing.delete(key));
    refreshing.set(key, pending);
  }
  return pending;
}

async function refresh(key: DatabaseKey, reader: SqlReader): Promise<FacetIndex> {
  const state = states.get(key);
  const serial = reader.serial;
  try {
    const next = await reader.consistently(async (r): Promise<State> => {
      const { last, first } = await changeRange(r);
      if (!state || state.serial !== serial || first > state.change + 1) {
        const dicts = newDictionaries();
        const materials = new Map([...(await readMaterials(r))].map(([id, row]) => [id, coded(row, dicts)]));
        return { materials, dicts, best: new Map(), change: last, serial, index: undefined!, refresh: { kind: "whole", materials: materials.size } };
      }
      // In place: the previous index keeps its own arrays; only these maps are shared.
      const changed = (await r.all<{ id: number }>(`SELECT DISTINCT "materialId" AS id FROM "RecordChange" WHERE "id" > ?`, [state.change])).map((c) => c.id);
      for (const id of changed) state.materials.delete(id);
      for (const [id, row] of await readMaterials(r, changed)) state.materials.set(id, coded(row, state.dicts));
      for (const [propertyKey, values] of state.best) {
        for (const id of changed) values.delete(id);
        for (const [id, v] of await readBest(r, propertyKey, changed)) values.set(id, v);
      }
      return { ...state, change: last, refresh: { kind: "changes", materials: changed.length } };
    });
    next.index = new FacetIndex(reader, `${serial}:${next.change}`, [...next.materials.values()], next.dicts, next.best);
    states.set(key, next);
    return next.index;
  } catch (e) {
    states.delete(key); // a refresh that failed half-way leaves nothing to build on
    throw e;
  }
}

/** How the index of a database was last refreshed (for tests and the benchmark). */
export function lastRefresh(prisma: PrismaClient): Refresh | undefined {
  return states.get(keyOf(prisma))?.refresh;
}

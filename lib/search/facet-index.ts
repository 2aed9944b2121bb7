/**
 * The embedded backend's facet index: every published material's facet values held in memory as
 * code arrays and bitsets, so filtering and counting facets over tens of thousands of hits takes
 * milliseconds instead of joins over a million measurements. It is rebuilt from one consistent read
 * whenever the database file has changed (SQLite's data_version), so it never serves stale counts.
 */
import { dataVersion, forEachRow, readConsistently, readQuery } from "../db/sql";
import type { FacetName, ParsedSearchQuery } from "./query";
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
  readonly dict = new Dictionary();
  private words = 1;
  private bits = new Uint32Array(0);

  /** Fills the column: `fill` calls `add` once per (slot, value) pair. */
  build(size: number, fill: (add: (slot: number, value: string) => void) => void): void {
    const slots: number[] = [];
    const codes: number[] = [];
    fill((slot, value) => {
      slots.push(slot);
      codes.push(this.dict.code(value));
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
  readonly elements = new SetColumn();
  readonly properties = new SetColumn();
  /** Published materials per property key (for sampling charts). */
  readonly materialCounts = new Map<string, number>();
  private readonly best = new Map<string, { max: Float64Array; min: Float64Array }>();

  /** Reads the index from the file; call inside one read transaction so the parts agree. */
  constructor(
    readonly file: string,
    readonly version: string,
  ) {
    // Rows are read one at a time into typed columns: the whole table as objects would be most of
    // the server's memory at a million measurements.
    const ids: number[] = [];
    const scalarCodes = SCALAR_FACETS.map(() => [] as number[]);
    const dicts = SCALAR_FACETS.map(() => new Dictionary());
    const sortKeys: number[][] = [[], [], [], []]; // isControl, year, paper id, position
    const propertyKeys: string[] = [];
    forEachRow(
      file,
      `SELECT M."id", M."batterySystem", M."role", M."materialClass", P."journal", P."year", M."isControl", P."id", M."position", M."propertyKeys"
       FROM "Material" M JOIN "Paper" P ON P."id" = M."paperId" WHERE P."status" = 'published'`,
      [],
      (row) => {
        this.slots.set(row[0] as number, ids.push(row[0] as number) - 1);
        SCALAR_FACETS.forEach((_, f) => scalarCodes[f]!.push(dicts[f]!.code(String(row[1 + f]))));
        sortKeys.forEach((keys, k) => keys.push(Number(row[6 + k])));
        propertyKeys.push(row[9] as string);
      },
    );
    this.size = ids.length;
    this.ids = Int32Array.from(ids);
    SCALAR_FACETS.forEach((facet, f) => (this.scalars[facet] = { dict: dicts[f]!, codes: Int32Array.from(scalarCodes[f]!) }));
    const [isControl, year, paperId, position] = sortKeys as [number[], number[], number[], number[]];
    const order = ids.map((_, slot) => slot);
    order.sort((a, b) => isControl[a]! - isControl[b]! || year[b]! - year[a]! || paperId[a]! - paperId[b]! || position[a]! - position[b]!);
    this.defaultOrder = Int32Array.from(order);
    this.defaultRank = new Int32Array(this.size);
    order.forEach((slot, rank) => (this.defaultRank[slot] = rank));
    this.elements.build(this.size, (add) =>
      forEachRow(file, `SELECT "materialId", "symbol" FROM "MaterialElement"`, [], ([materialId, symbol]) => {
        const slot = this.slots.get(materialId as number);
        if (slot !== undefined) add(slot, symbol as string);
      }),
    );
    this.properties.build(this.size, (add) => propertyKeys.forEach((keys, slot) => keys && keys.split(",").forEach((key) => add(slot, key))));
    for (const { value, count } of this.properties.count(this.defaultOrder)) this.materialCounts.set(value, count);
  }

  slotOf(materialId: number): number | undefined {
    return this.slots.get(materialId);
  }

  /** The facet selections of a query as slot filters. */
  filters(facets: ParsedSearchQuery["facets"] = {}): SlotFilter[] {
    const filters: SlotFilter[] = [];
    for (const facet of SCALAR_FACETS) {
      const values = facets[facet] as (string | number)[] | undefined;
      if (!values?.length) continue;
      const { dict, codes } = this.scalars[facet];
      const allowed = new Uint8Array(dict.values.length);
      for (const v of values) {
        const c = dict.find(String(v));
        if (c !== undefined) allowed[c] = 1;
      }
      filters.push({ facet, test: (slot) => allowed[codes[slot]!] === 1 });
    }
    if (facets.property?.length) {
      const mask = this.properties.anyMask(facets.property);
      filters.push({ facet: "property", test: (slot) => this.properties.hasAny(slot, mask) });
    }
    if (facets.elements?.all?.length) {
      const mask = this.elements.mask(facets.elements.all);
      filters.push({ facet: "elements", test: (slot) => mask !== null && this.elements.hasAll(slot, mask) });
    }
    if (facets.elements?.only?.length) {
      const mask = this.elements.anyMask(facets.elements.only);
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

  /** Each material's highest and lowest value of a property by slot, NaN where it has none (once per property and version). */
  bestValues(propertyKey: string): { max: Float64Array; min: Float64Array } {
    let best = this.best.get(propertyKey);
    if (!best) {
      const rows = readQuery<{ materialId: number; max: number; min: number }>(this.file, BEST_VALUES_SQL, [propertyKey]);
      best = {
        max: this.bySlot(rows.map((r) => ({ id: r.materialId, value: r.max }))),
        min: this.bySlot(rows.map((r) => ({ id: r.materialId, value: r.min }))),
      };
      this.best.set(propertyKey, best);
    }
    return best;
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

const indexes = new Map<string, FacetIndex>();

/** The facet index of a database file, rebuilt first if the file changed since it was built. */
export function facetIndex(file: string): FacetIndex {
  const current = indexes.get(file);
  if (current && current.version === dataVersion(file)) return current;
  const index = readConsistently(file, () => new FacetIndex(file, dataVersion(file)));
  indexes.set(file, index);
  return index;
}

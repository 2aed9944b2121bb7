/**
 * The comparison table's contract: what `compareMaterials`, GET /api/compare and
 * `matlit compare --json` answer. Plain data, safe to import from client components.
 */
import type { AuditFlag, DerivedFigure } from "../formulas/derive";
import type { AlignedColumn } from "../units/conditions";

export interface ComparedMaterial {
  /** Column index in every row's `cells`. */
  index: number;
  id: number;
  /** "DOI/key": the stable address (also accepted back as an id). */
  ref: string;
  key: string;
  name: string;
  formula: string | null;
  role: string;
  batterySystem: string;
  materialClass: string;
  isControl: boolean;
  path: string;
  paper: { doi: string; title: string; journal: string; year: number; firstAuthor: string | null; path: string };
}

/** The conditions rows are aligned on (the catalogue's aligned columns), in their canonical units. */
export type AlignmentConditions = Record<AlignedColumn, number | null>;

export interface CompareCell {
  measurementId: number;
  /** Value in the property's canonical unit (`row.unit`); null for a range, whose ends are min and max. */
  value: number | null;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  /** Canonical value as it reads: "255.2 mAh g⁻¹". */
  display: string;
  /** The number exactly as the paper reported it. */
  reported: { value: number | null; unit: string; display: string };
  conditions: AlignmentConditions;
  /** Every stated condition in one line (electrolyte, window, cell type…). */
  conditionsText: string;
  subject: string | null;
  quote: string;
  location: string | null;
  /** "stated" by the paper or "derived" by the record's author. */
  source: string;
  /** Measured under the row's conditions (false: the material's nearest measurement stands in). */
  likeForLike: boolean;
  /** Where the cell differs from the row's conditions, in words ("−35 °C instead of 25 °C"). */
  differences: string[];
  /** Unstated temperature taken as room temperature (25 °C) to align the cell. */
  assumedRoomTemperature: boolean;
  best: boolean;
}

export interface CompareRow {
  /** Stable within one comparison: property key + conditions + occurrence. */
  id: string;
  property: string;
  unit: string;
  conditions: AlignmentConditions;
  conditionsText: string;
  /** What tells this row apart from others under the same conditions ("Fe–S path (EXAFS fit)", "measurement 2 of 3"); null when it is the only one. */
  distinction: string | null;
  /** One entry per material, in `materials` order; null where the material has nothing to show. */
  cells: (CompareCell | null)[];
  /** Every material has a cell measured under the row's conditions. */
  likeForLike: boolean;
  /** Material indexes holding the best value (by the property's `better`); empty when not ranked. */
  best: number[];
  /** Best is chosen among like-for-like cells only (two or more); null when the row is not ranked. */
  bestAmong: "like-for-like" | null;
}

export interface ComparePropertyGroup {
  property: { key: string; label: string; unit: string; display: string; group: string; better: "higher" | "lower" | null };
  rows: CompareRow[];
}

export interface MaterialFigures {
  materialIndex: number;
  ref: string;
  derived: (DerivedFigure & { formulaPath: string })[];
  flags: (AuditFlag & { formulaPath: string })[];
}

export interface ChartPoint {
  materialIndex: number;
  measurementId: number;
  x: number;
  y: number;
  /** The cycle the capacity was read at: 1 is the first cycle (with its irreversible loss), null a rate test or an unstated cycle. */
  cycle: number | null;
  conditionsText: string;
  /** How the point was placed where the record is silent ("temperature unstated: room temperature, 25 °C"). */
  note: string | null;
  quote: string;
}

export interface Comparison {
  materials: ComparedMaterial[];
  properties: ComparePropertyGroup[];
  figures: MaterialFigures[];
  charts: {
    /** Specific capacity (mAh g⁻¹) vs current density (A g⁻¹) at room temperature (25 °C or unstated). */
    rate: { xUnit: "A/g"; yUnit: "mAh/g"; rateTest: ChartPoint[]; cycled: ChartPoint[] };
    /** Specific capacity (mAh g⁻¹) vs test temperature (°C); an unstated temperature at room temperature, as the table aligns it. */
    temperature: { xUnit: "degC"; yUnit: "mAh/g"; points: ChartPoint[] };
  };
  notes: string[];
}

export interface ScatterAxis {
  /** A property key, or "condition:currentDensity" / "condition:temperature" / "condition:cycle"… */
  key: string;
  label: string;
  unit: string;
  display: string;
  log: boolean;
}

/** The knowledge-base scatter a comparison opens with. */
export const DEFAULT_SCATTER = { x: "condition:currentDensity", y: "specific_capacity" } as const;

export interface ScatterPoint {
  materialId: number;
  ref: string;
  name: string;
  x: number;
  y: number;
  /** How x and y were paired: one measurement and its condition, two measurements under the same conditions, or each material's best. */
  pairing: "condition" | "same-conditions" | "material-best";
  conditionsText: string;
}

export interface ScatterData {
  x: ScatterAxis;
  y: ScatterAxis;
  points: ScatterPoint[];
  /** Of the other materials with data for both axes, one in this many is drawn (1 = all). */
  sampleEvery: number;
  /** Choices for the axis pickers: the conditions, then the properties with data. */
  axes: { key: string; label: string; display: string }[];
}

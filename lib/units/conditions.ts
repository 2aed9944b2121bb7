/**
 * The conditions catalogue, beside the property catalogue: everything a number may be measured
 * under. One entry per field of a record's `conditions`, in record order (records and exports
 * write them in this order), each naming the Measurement columns that hold it in canonical units
 * and whether search, comparison and charts use them. The record schema, its validation, the
 * record → row mapping, search bounds, Meilisearch documents, comparison alignment, chart axes,
 * condition text and the editor's fields all read this table; a new condition is a new entry here,
 * its columns in prisma/schema.prisma and a migration. Pure data: client components read it too.
 */
import { formatAmount, formatQuantity, prettyNumber, unitText } from "./display";
import type { Conditions } from "../records/schema";

/**
 * How a record writes the condition: a quantity (value + unit), a plain number (> 0), a count
 * (whole number ≥ 0), a range with one unit, one of fixed options, or free text.
 */
export type ConditionKind = "quantity" | "number" | "count" | "range" | "choice" | "text";

/** A Measurement column holding a condition, in its canonical unit. */
export interface ConditionColumn {
  column: string;
  /** Canonical unit in mathjs syntax; "" a plain number; absent for choice and text conditions. */
  unit?: string;
  label: string;
  /** How the unit reads where the table of unit texts has none: a C-rate in "C", a cycle in "cycles". */
  unitText?: string;
  /** How a value reads in running text, "{}" standing for the number: "{}C", "cycle {}". */
  words?: string;
  /** A range's bound this column holds. */
  bound?: "min" | "max";
  /**
   * Of a condition that may be a range: the column holding its upper end, this one holding the
   * lower end (both hold a single value), so a bound can ask for overlap or containment.
   */
  upper?: string;
  /** Key of a metric clause's `where` bound (search); absent: not searchable. */
  search?: string;
  /** Comparison rows align on it. */
  align?: boolean;
  /** Offered as a chart axis. */
  axis?: boolean;
  /** Its column in the CSV export. */
  csv?: string;
}

export interface ConditionDefinition {
  /** Field of a record's `conditions`. */
  key: string;
  kind: ConditionKind;
  /** As the editor labels the field. */
  label: string;
  /** What its unit must measure, as a message names it: "a scan rate". */
  what?: string;
  /** The unit papers mostly write, the editor's hint. */
  placeholder?: string;
  options?: readonly string[];
  /** A quantity that may also be stated as a range ("1–4.1 mg cm⁻²"); its columns name their `upper` column. */
  ranges?: true;
  /** How it reads among the other conditions, "{}" standing for its value: "scan {}". */
  describe?: string;
  /** Where it is stored; a quantity goes to the first column whose unit it fits. */
  columns: readonly ConditionColumn[];
}

export type ConditionCatalogue = readonly ConditionDefinition[];

const CELL_TYPES = ["half", "full", "symmetric", "pouch", "solid-state", "coin", "three-electrode", "computed"] as const;

export const CONDITIONS = [
  {
    key: "currentDensity",
    kind: "quantity",
    ranges: true,
    label: "Current density",
    what: "a current density",
    placeholder: "A g-1",
    // Gravimetric or areal: the unit decides which column holds it.
    columns: [
      {
        column: "currentDensity",
        upper: "currentDensityMax",
        unit: "A/g",
        label: "Current density",
        search: "current_density",
        align: true,
        axis: true,
        csv: "current_density_A_per_g",
      },
      {
        column: "arealCurrentDensity",
        upper: "arealCurrentDensityMax",
        unit: "mA/cm^2",
        label: "Areal current density",
        search: "areal_current_density",
        align: true,
        axis: true,
        csv: "areal_current_density_mA_per_cm2",
      },
    ],
  },
  {
    key: "cRate",
    kind: "number",
    label: "C-rate (number of C)",
    placeholder: "0.5",
    describe: "{}C",
    columns: [{ column: "cRate", unit: "", label: "C-rate", unitText: "C", words: "{}C", search: "c_rate", align: true, axis: true, csv: "c_rate" }],
  },
  {
    key: "oneC",
    kind: "quantity",
    label: "1C defined as",
    what: "a 1C current",
    placeholder: "mA g-1",
    columns: [{ column: "oneC", unit: "mA/g", label: "1C" }],
  },
  {
    key: "temperature",
    kind: "quantity",
    ranges: true,
    label: "Temperature",
    what: "a temperature",
    placeholder: "°C",
    columns: [
      {
        column: "temperature",
        upper: "temperatureMax",
        unit: "degC",
        label: "Temperature",
        search: "temperature",
        align: true,
        axis: true,
        csv: "temperature_degC",
      },
    ],
  },
  {
    key: "cycle",
    kind: "count",
    label: "Cycle number",
    describe: "cycle {}",
    columns: [
      { column: "cycle", unit: "", label: "Cycle number", unitText: "cycles", words: "cycle {}", search: "cycle", align: true, axis: true, csv: "cycle" },
    ],
  },
  {
    key: "scanRate",
    kind: "quantity",
    ranges: true,
    label: "Scan rate",
    what: "a scan rate",
    placeholder: "mV s-1",
    describe: "scan {}",
    columns: [
      { column: "scanRate", upper: "scanRateMax", unit: "mV/s", label: "Scan rate", search: "scan_rate", align: true, axis: true, csv: "scan_rate_mV_per_s" },
    ],
  },
  {
    key: "voltageWindow",
    kind: "range",
    label: "Voltage window",
    what: "a voltage window",
    placeholder: "V",
    columns: [
      { column: "voltageMin", unit: "V", label: "Lower cut-off voltage", bound: "min" },
      { column: "voltageMax", unit: "V", label: "Upper cut-off voltage", bound: "max" },
    ],
  },
  {
    key: "cellType",
    kind: "choice",
    label: "Cell type",
    options: CELL_TYPES,
    describe: "{} cell",
    columns: [{ column: "cellType", label: "Cell type", csv: "cell_type" }],
  },
  {
    key: "workingElectrode",
    kind: "text",
    label: "Working electrode",
    describe: "on {}",
    columns: [{ column: "workingElectrode", label: "Working electrode" }],
  },
  {
    key: "counterElectrode",
    kind: "text",
    label: "Counter electrode",
    describe: "vs {}",
    columns: [{ column: "counterElectrode", label: "Counter electrode" }],
  },
  { key: "electrolyte", kind: "text", label: "Electrolyte", columns: [{ column: "electrolyte", label: "Electrolyte" }] },
  {
    key: "massLoading",
    kind: "quantity",
    ranges: true,
    label: "Mass loading",
    what: "a mass loading",
    placeholder: "mg cm-2",
    describe: "loading {}",
    columns: [{ column: "massLoading", upper: "massLoadingMax", unit: "mg/cm^2", label: "Mass loading", search: "mass_loading" }],
  },
  {
    key: "sulfurLoading",
    kind: "quantity",
    ranges: true,
    label: "Sulfur loading",
    what: "a sulfur loading",
    placeholder: "mg cm-2",
    describe: "S {}",
    columns: [{ column: "sulfurLoading", upper: "sulfurLoadingMax", unit: "mg/cm^2", label: "Sulfur loading", search: "sulfur_loading" }],
  },
  {
    key: "esRatio",
    kind: "quantity",
    ranges: true,
    label: "E/S ratio",
    what: "an E/S ratio",
    placeholder: "µL mg-1",
    describe: "E/S {}",
    columns: [{ column: "esRatio", upper: "esRatioMax", unit: "uL/mg", label: "E/S ratio", search: "es_ratio" }],
  },
  /** Anything else that qualifies the number: "after 5 cycles of activation", "DFT, Li2S6". */
  { key: "other", kind: "text", label: "Other conditions", columns: [] },
] as const satisfies ConditionCatalogue;

/**
 * Where a paper defines 1C, its C-rate is a gravimetric current density too: the current-density
 * column holds C-rate × 1C when the paper states no current density, and comparison aligns such a
 * C-rate as that current density. The one rule that ties conditions together.
 */
export const RATE_AS_CURRENT = { rate: "cRate", oneC: "oneC", column: "currentDensity" } as const;

/** The columns of the condition a C-rate becomes with 1C (gravimetric and areal current density): a C-rate without 1C fills none. */
export const CURRENT_COLUMNS: readonly string[] = CONDITIONS.find((c) => c.columns.some((col) => col.column === RATE_AS_CURRENT.column))!.columns.map(
  (col) => col.column,
);

/** The current density (A g⁻¹) of a C-rate whose 1C is given in mA g⁻¹. */
export function currentOfRate(cRate: number, oneCmAPerGram: number): number {
  return (cRate * oneCmAPerGram) / 1000;
}

type Entry = (typeof CONDITIONS)[number];
type ColumnOf<E> = E extends { columns: readonly (infer C)[] } ? C : never;
type Column = ColumnOf<Entry>;

/** Columns comparison rows align on. */
export type AlignedColumn = Extract<Column, { align: true }>["column"];
/** Columns a metric clause may bound. */
export type SearchableColumn = Extract<Column, { search: string }>["column"];

/** A condition's columns, each with the record field it comes from, in catalogue order. */
export function columnsOf(catalogue: ConditionCatalogue = CONDITIONS): (ConditionColumn & { key: string; kind: ConditionKind })[] {
  return catalogue.flatMap((c) => c.columns.map((col) => ({ ...col, key: c.key, kind: c.kind })));
}

/** How a column's unit reads: "A g⁻¹", "C", "cycles". */
export function columnUnitText(col: ConditionColumn): string {
  return col.unitText ?? unitText(col.unit ?? "");
}

/** A canonical value of a column in running text: "0.1 A g⁻¹", "0.5C", "cycle 100". */
export function columnWords(col: ConditionColumn, value: number): string {
  return col.words ? col.words.replace("{}", prettyNumber(value)) : formatQuantity(value, col.unit ?? "");
}

/** A record's condition value as it reads, in the paper's own unit ("0.1 A g-1" → "0.1 A g⁻¹"). */
export function conditionValueText(kind: ConditionKind, value: unknown): string {
  switch (kind) {
    case "quantity":
    case "range": {
      const q = value as { value?: number; min?: number; max?: number; unit: string };
      return formatAmount(q, q.unit);
    }
    case "number":
    case "count":
      return prettyNumber(value as number);
    default:
      return String(value);
  }
}

/** One line that says under what a number was measured, in the paper's units: "0.1 A g⁻¹ · −35 °C · cycle 100". */
export function describeConditions(c: Conditions | undefined, catalogue: ConditionCatalogue = CONDITIONS): string {
  if (!c) return "";
  const given = c as Record<string, unknown>;
  const qualifiers = (c.qualifiers ?? {}) as Record<string, string>;
  const text = (key: string) => {
    const def = catalogue.find((d) => d.key === key)!;
    return (def.describe ?? "{}").replace("{}", `${qualifiers[key] ?? ""}${conditionValueText(def.kind, given[key])}`);
  };
  return catalogue
    .filter((def) => given[def.key] !== undefined && def.key !== RATE_AS_CURRENT.oneC)
    .map((def) =>
      def.key === RATE_AS_CURRENT.rate && given[RATE_AS_CURRENT.oneC] !== undefined ? `${text(def.key)} (1C = ${text(RATE_AS_CURRENT.oneC)})` : text(def.key),
    )
    .join(" · ");
}

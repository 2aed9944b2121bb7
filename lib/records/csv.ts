/** CSV export: one row per measurement, reported and canonical values side by side. */
import { stringify, type Options } from "csv-stringify/sync";
import type { RecordFileParsed } from "./schema";
import { conditionColumns, endsOf } from "./store";
import { property, toCanonical } from "../units";
import { columnsOf } from "../units/conditions";

type PaperOut = RecordFileParsed["papers"][number];

/** Text a spreadsheet would run as a formula (OWASP "CSV injection"): =, +, -, @, tab or carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * csv-stringify options that keep quotes and names copied from papers from running as formulas in
 * a spreadsheet: such text gets a leading single quote. Only text cells are touched, so a negative
 * number stays a number.
 */
export const SPREADSHEET_SAFE: Options = { cast: { string: (cell) => (FORMULA_START.test(cell) ? `'${cell}` : cell) } };

/** The condition columns the CSV carries, in catalogue order; a range-capable one with its upper end beside it. */
const CSV_CONDITIONS = columnsOf()
  .filter((c) => c.csv)
  .flatMap((c) => (c.upper ? [c, { column: c.upper, csv: `${c.csv}_max` }] : [c]));

export const CSV_COLUMNS = [
  "doi",
  "identifier",
  "paper_title",
  "year",
  "material_key",
  "material_name",
  "role",
  "battery_system",
  "property",
  "value",
  "unit",
  "min",
  "max",
  "reported",
  "unit_read_as",
  "qualifier",
  "scope",
  "canonical_min",
  "canonical_max",
  "canonical_unit",
  ...CSV_CONDITIONS.map((c) => c.csv!),
  "condition_qualifiers",
  "subject",
  "source",
  "location",
  "quote",
  "note",
];

/** "cycle >; temperature ~": the conditions the paper bounds rather than states, each with its qualifier. */
const conditionQualifiers = (qualifiers: Record<string, string | undefined> | undefined) =>
  Object.entries(qualifiers ?? {})
    .map(([key, qualifier]) => `${key} ${qualifier}`)
    .join("; ");

function paperRows(paper: PaperOut): unknown[][] {
  return paper.materials.flatMap((material) =>
    material.measurements.map((m) => {
      const c = conditionColumns(m.conditions);
      const unit = m.unitReadAs ?? m.unit;
      const [low, high] = endsOf(m);
      return [
        paper.doi,
        paper.identifier,
        paper.title,
        paper.year,
        material.key,
        material.name,
        material.role,
        material.batterySystem,
        m.property,
        m.value,
        m.unit,
        m.min,
        m.max,
        m.reported,
        m.unitReadAs,
        m.qualifier,
        m.scope,
        toCanonical(m.property, low, unit),
        toCanonical(m.property, high, unit),
        property(m.property)!.display,
        ...CSV_CONDITIONS.map((x) => c[x.column]),
        conditionQualifiers(m.conditions?.qualifiers),
        m.subject,
        m.source,
        m.location,
        m.quote,
        m.note,
      ];
    }),
  );
}

/** The CSV export as text chunks, the header then one chunk per paper, so an export never holds the whole table. */
export async function* recordsCsv(papers: AsyncIterable<PaperOut> | Iterable<PaperOut>): AsyncGenerator<string> {
  yield stringify([], { header: true, columns: [...CSV_COLUMNS] });
  for await (const paper of papers) yield stringify(paperRows(paper), SPREADSHEET_SAFE);
}

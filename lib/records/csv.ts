/** CSV export: one row per measurement, reported and canonical values side by side. */
import { stringify } from "csv-stringify/sync";
import type { RecordFileParsed } from "./schema";
import { conditionColumns } from "./store";
import { property, toCanonical } from "../units";

export const CSV_COLUMNS = [
  "doi", "paper_title", "year", "material_key", "material_name", "role", "battery_system", "property", "value", "unit",
  "min", "max", "qualifier", "canonical_value", "canonical_unit", "current_density_A_per_g", "areal_current_density_mA_per_cm2",
  "c_rate", "temperature_degC", "cycle", "scan_rate_mV_per_s", "cell_type", "subject", "source", "location", "quote", "note",
] as const;

export function recordsToCsv(file: RecordFileParsed): string {
  const rows: unknown[][] = [];
  for (const paper of file.papers) {
    for (const material of paper.materials) {
      for (const m of material.measurements) {
        const c = conditionColumns(m.conditions);
        rows.push([
          paper.doi, paper.title, paper.year, material.key, material.name, material.role, material.batterySystem, m.property, m.value, m.unit,
          m.min, m.max, m.qualifier, toCanonical(m.property, m.value, m.unit), property(m.property)!.display, c.currentDensity, c.arealCurrentDensity,
          c.cRate, c.temperature, c.cycle, c.scanRate, c.cellType, m.subject, m.source, m.location, m.quote, m.note,
        ]);
      }
    }
  }
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}

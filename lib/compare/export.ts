/** A comparison as text: CSV for downloads and the API, plain text for the CLI. */
import { formatQuantity, formatRange, prettyNumber, unitText } from "../units/display";
import { SPREADSHEET_SAFE } from "../records/csv";
import type { Comparison } from "./types";
import { STAND_IN_WINDOW_TEXT } from "./window";

const CSV_COLUMNS = [
  "property",
  "property_label",
  "row_conditions",
  "row_distinction",
  "row_like_for_like",
  "material_ref",
  "material_name",
  "value",
  "unit",
  "reported_value",
  "reported_unit",
  "like_for_like",
  "best",
  "differences",
  "conditions",
  "subject",
  "source",
  "location",
  "quote",
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
          group.property.key,
          group.property.label,
          row.conditionsText,
          row.distinction,
          row.likeForLike,
          m.ref,
          m.name,
          cell.value,
          group.property.display,
          cell.reported.value,
          cell.reported.unit,
          cell.likeForLike,
          cell.best,
          cell.differences.join("; "),
          cell.conditionsText,
          cell.subject,
          cell.source,
          cell.location,
          cell.quote,
        ]);
      });
    }
  }
  for (const f of c.figures) {
    const m = c.materials[f.materialIndex]!;
    for (const d of f.derived) {
      lines.push([
        `derived:${d.formula}`,
        d.label,
        "",
        "",
        "",
        m.ref,
        m.name,
        d.value,
        unitText(d.unit),
        "",
        "",
        "",
        "",
        "",
        d.inputs.map((x) => `${x.name} = ${formatQuantity(x.value, x.unit)}`).join("; "),
        "",
        "derived by matlit",
        "",
        d.inputs
          .map((x) => x.quote)
          .filter(Boolean)
          .join(" | "),
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
      const cells = row.cells.map((cell, i) =>
        cell
          ? `[${i + 1}] ${cell.value === null ? formatRange(cell.min!, cell.max!) : prettyNumber(cell.value)}${cell.best ? "★" : ""}${cell.likeForLike ? "" : "†"}`
          : `[${i + 1}] –`,
      );
      const label = row.distinction ? `${row.conditionsText} [${row.distinction}]` : row.conditionsText;
      out.push(`  ${label.padEnd(38)} ${cells.join("   ")}`);
    }
  }
  out.push("", `★ best in row · † stand-in: the nearest measurement under other conditions, only within ${STAND_IN_WINDOW_TEXT}`);
  for (const f of c.figures) {
    const m = c.materials[f.materialIndex]!;
    out.push("", `Derived figures for ${m.name}: ${f.derived.length ? "" : "none"}`);
    for (const d of f.derived) out.push(`  ${d.label} = ${d.display}  [${d.formula}]`);
    for (const flag of f.flags) out.push(`  ⚑ ${flag.message}`);
  }
  return out.join("\n");
}

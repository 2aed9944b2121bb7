/**
 * The stand-in window: how far a material's measurement may sit from a comparison row's conditions
 * and still be shown in that row (marked as a stand-in). One table read by the alignment, the
 * compare page's legend, the README and the tests. Plain data and arithmetic, safe in the browser.
 */
import { columnsOf, columnWords, type AlignedColumn, type ConditionColumn } from "../units/conditions";
import type { AlignmentConditions } from "./types";

/** Papers that do not state a test temperature ran at room temperature; aligned with 25 °C. */
export const ROOM_TEMPERATURE = 25;

/** What a value placed at room temperature says when the paper gave no temperature. */
export const UNSTATED_TEMPERATURE_NOTE = `temperature unstated: room temperature, ${ROOM_TEMPERATURE} °C`;

/** Within a factor of the row's value (either way), or within so many units of it. */
export type Tolerance = { factor: number } | { plusMinus: number };

/**
 * Every aligned condition must be inside its tolerance; a condition stated on one side only never is
 * (except temperature: unstated is room temperature).
 */
export const STAND_IN_WINDOW: Record<AlignedColumn, Tolerance> = {
  // Roughly the same decade of rate: capacity moves a little within ×3 and a lot across a decade.
  currentDensity: { factor: 3 },
  arealCurrentDensity: { factor: 3 },
  cRate: { factor: 3 },
  scanRate: { factor: 3 },
  // A few degrees change a capacity by a few percent; tens of degrees change it by tens.
  temperature: { plusMinus: 5 },
  // Nearly the same point of a cycling test: 100 for 120, never cycle 1 (its irreversible loss) for cycle 2.
  cycle: { factor: 1.25 },
};

type Aligned = ConditionColumn & { column: AlignedColumn };
const ALIGNED = columnsOf().filter((c) => c.align) as Aligned[];

/** Conditions as the alignment reads them: unstated temperature is room temperature. */
export function alignmentOf(c: AlignmentConditions): AlignmentConditions {
  return { ...c, temperature: c.temperature ?? ROOM_TEMPERATURE };
}

const toleranceText = (col: Aligned, t: Tolerance) => ("factor" in t ? `×${t.factor}` : `${columnWords(col, t.plusMinus)}`);
/** A condition's name in running text: "current density", "C-rate". */
export const nameOf = (col: ConditionColumn) => col.label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase());

/** The window in words, as the page's legend, the notes and the README state it. */
export const STAND_IN_WINDOW_TEXT = (() => {
  const groups = new Map<string, string[]>();
  for (const col of ALIGNED) {
    const text = toleranceText(col, STAND_IN_WINDOW[col.column]);
    groups.set(text, [...(groups.get(text) ?? []), nameOf(col)]);
  }
  const and = (xs: string[]) => xs.join(", ").replace(/, ([^,]*)$/, " and $1");
  const parts = [...groups].map(([text, cols], i) => `${and(cols)} within ${text}${i === 0 ? " of the row's" : ""}`);
  return `${and(parts)}; never across a condition stated on one side only (an unstated temperature is room temperature, ${ROOM_TEMPERATURE} °C)`;
})();

/** How far `value` sits from `row` in units of the tolerance (≤ 1: inside), or Infinity. */
function gap(t: Tolerance, row: number, value: number): number {
  if (row === value) return 0;
  if ("plusMinus" in t) return Math.abs(row - value) / t.plusMinus;
  if (row <= 0 || value <= 0) return Infinity;
  return Math.abs(Math.log(value / row)) / Math.log(t.factor);
}

/**
 * How far a measurement's conditions sit from a row's, summed over the aligned conditions in units
 * of their tolerances (for picking the nearest stand-in), or null when any condition is outside
 * the window.
 */
export function standInGap(row: AlignmentConditions, cell: AlignmentConditions): number | null {
  const a = alignmentOf(row);
  const b = alignmentOf(cell);
  let sum = 0;
  for (const { column } of ALIGNED) {
    const x = a[column];
    const y = b[column];
    if (x === null && y === null) continue;
    if (x === null || y === null) return null;
    const g = gap(STAND_IN_WINDOW[column], x, y);
    // A hair over 1 is rounding of a converted unit, not a wider window.
    if (g > 1 + 1e-9) return null;
    sum += g;
  }
  return sum;
}

/** Where a stand-in differs from its row, each with the window it is inside: "measured at 0.1 A g⁻¹, within ×3 of the row's 0.2 A g⁻¹". */
export function standInDifferences(row: AlignmentConditions, cell: AlignmentConditions): string[] {
  const a = alignmentOf(row);
  const b = alignmentOf(cell);
  const out: string[] = [];
  for (const col of ALIGNED) {
    const x = a[col.column];
    const y = b[col.column];
    if (x === null || y === null || gap(STAND_IN_WINDOW[col.column], x, y) < 1e-9) continue;
    const unstated = col.column === "temperature" && cell.temperature === null ? " (unstated: room temperature)" : "";
    out.push(`measured at ${columnWords(col, y)}${unstated}, within ${toleranceText(col, STAND_IN_WINDOW[col.column])} of the row's ${columnWords(col, x)}`);
  }
  return out;
}

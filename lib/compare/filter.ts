/** Narrowing the comparison table on the page. Plain data, safe in the browser. */
import type { ComparePropertyGroup } from "./types";

/** The URL parameter of "only rows with two or more materials" (`/compare?ids=…&shared=1`), so a narrowed table can be shared. */
export const SHARED_ROWS_PARAM = "shared";

/** Rows with a value (a stand-in counts) for two or more materials; a property left with no row drops out. */
export function sharedRows(groups: ComparePropertyGroup[]): ComparePropertyGroup[] {
  return groups.map((g) => ({ ...g, rows: g.rows.filter((r) => r.cells.filter((c) => c !== null).length >= 2) })).filter((g) => g.rows.length > 0);
}

/**
 * Materials side by side (see compare.ts for what a comparison holds). The modules, by concern:
 * resolve.ts turns ids, "DOI/key" references and names into materials; align.ts lines their
 * measurements up into rows, with stand-ins only inside window.ts's window; compare.ts assembles rows, derived figures, charts and notes;
 * export.ts writes a comparison as CSV or text. Callers import from here.
 */
export type * from "./types";
export { MIN_MATERIALS, MAX_MATERIALS, CompareError, idsFromParams, resolveMaterials } from "./resolve";
export { alignmentConditions, describeAlignment } from "./align";
export { ROOM_TEMPERATURE, STAND_IN_WINDOW, STAND_IN_WINDOW_TEXT, standInGap } from "./window";
export { compareMaterials } from "./compare";
export { comparisonToCsv, comparisonToText } from "./export";

/**
 * Materials side by side (see compare.ts for what a comparison holds). The modules, by concern:
 * resolve.ts turns ids, "DOI/key" references and names into materials; align.ts lines their
 * measurements up into rows; compare.ts assembles rows, derived figures, charts and notes;
 * export.ts writes a comparison as CSV or text. Callers import from here.
 */
export type * from "./types";
export { MIN_MATERIALS, MAX_MATERIALS, CompareError, idsFromParams, resolveMaterials } from "./resolve";
export { ROOM_TEMPERATURE, MAX_STAND_IN_DISTANCE, alignmentConditions, describeAlignment } from "./align";
export { compareMaterials } from "./compare";
export { comparisonToCsv, comparisonToText } from "./export";

/**
 * Units entry point: parse a paper's unit, check it fits a property, convert to canonical units.
 * No unit library: the same code runs in the browser (lib/units/convert.ts).
 */
import { readUnit } from "./convert";

export { PROPERTIES, PROPERTY_KEYS, property, type PropertyDefinition } from "./properties";
export { toMathjsSyntax, UnitError, UnitNotationError } from "./notation";
export { compatible, convert, inCanonicalUnit, isShare, toCanonical } from "./convert";

/** Check that a paper's unit can be read (and carries no number); throws UnitNotationError naming it. */
export const parseUnit = readUnit;

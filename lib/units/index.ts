/**
 * Units entry point: parse a paper's unit, check it fits a property, convert to canonical units.
 */
import { math, parseUnit, quantity, toMathjsSyntax, UnitError, UnitNotationError } from "./parse";
import { property, PROPERTIES, PROPERTY_KEYS, type PropertyDefinition } from "./properties";
import { applyAffine, type Affine } from "./affine";

export { PROPERTIES, PROPERTY_KEYS, property, toMathjsSyntax, parseUnit, UnitError, UnitNotationError };
export type { PropertyDefinition };

/** 1 eV per particle expressed per mole: F × 1 V. */
const J_PER_MOL_PER_EV = 96485.33212;

/**
 * Convert `value` in `unit` (paper notation) into `targetUnit` (paper or mathjs notation; "" is a
 * plain number). Molar energies convert to per-particle energies (kJ mol⁻¹ ↔ eV), the one
 * cross-dimension rule chemists use without thinking. Throws UnitError when dimensions differ.
 */
export function convert(value: number, unit: string, targetUnit: string): number {
  return applyAffine(conversion(unit, targetUnit), value);
}

/**
 * Every conversion between units is affine (°C ↔ K has an offset), so mathjs is asked once per
 * pair of unit spellings and the pair is remembered: imports convert millions of values.
 */
const conversions = new Map<string, Affine | UnitError>();
export function conversion(unit: string, targetUnit: string): Affine {
  const key = `${unit}\u0000${targetUnit}`;
  let known = conversions.get(key);
  if (!known) {
    try {
      const offset = convertExact(0, unit, targetUnit);
      known = { scale: convertExact(1, unit, targetUnit) - offset, offset };
    } catch (e) {
      if (!(e instanceof UnitError)) throw e;
      known = e;
    }
    if (conversions.size > 10_000) conversions.clear();
    conversions.set(key, known);
  }
  if (known instanceof UnitError) throw known;
  return known;
}

function convertExact(value: number, unit: string, targetUnit: string): number {
  const from = quantity(value, unit);
  const target = parseUnit(targetUnit);
  const targetSyntax = toMathjsSyntax(targetUnit);
  if (from.equalBase(target)) return from.toNumber(targetSyntax);
  const molar = math.unit(1, "J/mol");
  const energy = math.unit(1, "J");
  if (from.equalBase(molar) && target.equalBase(energy)) {
    return math.unit(from.toNumber("J/mol") / J_PER_MOL_PER_EV, "eV").toNumber(targetSyntax);
  }
  if (from.equalBase(energy) && target.equalBase(molar)) {
    return math.unit(from.toNumber("eV") * J_PER_MOL_PER_EV, "J/mol").toNumber(targetSyntax);
  }
  throw new UnitError(`"${unit}" cannot be converted to ${targetUnit || "a plain number"}`);
}

/** Does `unit` measure the same kind of thing as `targetUnit`? */
export function compatible(unit: string, targetUnit: string): boolean {
  try {
    convert(1, unit, targetUnit);
    return true;
  } catch {
    return false;
  }
}

/** Convert a value of property `key` into its canonical unit, or throw a message naming the problem. */
export function toCanonical(propertyKey: string, value: number, unit: string): number {
  const def = property(propertyKey);
  if (!def) throw new UnitError(`unknown property "${propertyKey}"`);
  try {
    return convert(value, unit, def.unit);
  } catch (e) {
    if (e instanceof UnitNotationError) throw e;
    throw new UnitError(`unit "${unit}" does not fit ${def.label} (expects ${def.display} or a compatible unit)`);
  }
}

/**
 * A stored canonical value in its property's canonical unit as the catalogue has it now. Rows keep
 * the unit they were converted to (Measurement.canonicalUnit), so a property whose canonical unit
 * changes has its stored numbers converted, not relabelled.
 */
export function inCanonicalUnit(propertyKey: string, value: number, storedUnit: string | null): number {
  const def = property(propertyKey);
  return !def || storedUnit === null || storedUnit === def.unit ? value : convert(value, storedUnit, def.unit);
}

/**
 * Is `unit` a share of a whole (%, wt%, at%, vol%, ppm)? Plain numbers, cycles and electrons are
 * dimensionless too, but they are counts, not shares of a mixture.
 */
export function isShare(unit: string): boolean {
  return /^(percent|wtpercent|atpercent|volpercent|ppm)$/.test(toMathjsSyntax(unit));
}

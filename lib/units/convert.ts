/**
 * Unit arithmetic without a unit library, so the browser converts exactly as the server does: units
 * are read the way mathjs reads them, from mathjs's own tables (lib/units/unit-table.ts, generated
 * from the instance in lib/units/parse.ts), and converted with the same floating-point steps
 * (test/units/convert.test.ts holds it to mathjs).
 */
import { applyAffine, type Affine } from "./affine";
import { checkedSyntax, toMathjsSyntax, UnitError, UnitNotationError, withLostMinus } from "./notation";
import { property } from "./properties";
import { PREFIXES, UNITS } from "./unit-table";
import { prettyUnit } from "./display";

/** One unit of a product: "mAh" in "mAh g^-1" is the unit Ah with the prefix m, to the power 1. */
interface Factor {
  /** The unit's value in SI units and the prefix's factor. */
  value: number;
  prefix: number;
  power: number;
  /** The unit's offset from zero (°C, °F), as mathjs keeps it. */
  offset: number;
}

/** A unit as mathjs reads it: its factors and its dimensions (mass, length, time, current, …). */
export interface ReadUnit {
  factors: Factor[];
  dimensions: number[];
}

const DIMENSIONS = Object.values(UNITS)[0]![0].length;

/** A unit name with its prefix, as mathjs finds it: the name itself first, else the first unit it ends with under a prefix that unit takes. */
function findUnit(name: string): { value: number; offset: number; dimensions: number[]; prefix: number } | null {
  const exact = Object.hasOwn(UNITS, name) ? UNITS[name]! : undefined;
  if (exact) return { value: exact[1], offset: exact[2], dimensions: exact[0], prefix: PREFIXES[exact[3]]![""]! };
  for (const [unit, [dimensions, value, offset, group]] of Object.entries(UNITS)) {
    if (!name.endsWith(unit)) continue;
    const prefixes = PREFIXES[group]!;
    const prefix = name.slice(0, name.length - unit.length);
    if (Object.hasOwn(prefixes, prefix)) return { value, offset, dimensions, prefix: prefixes[prefix]! };
  }
  return null;
}

/**
 * mathjs's unit grammar (Unit.parse): units separated by spaces, "*" or "/", each with an optional
 * "^number", parentheses grouping a denominator. A leading number never reaches here: notation
 * refuses units that carry one.
 */
function parseSyntax(text: string): ReadUnit | null {
  let index = -1;
  let c = "";
  const next = () => (c = text.charAt(++index));
  const skipWhitespace = () => {
    while (c === " " || c === "\t") next();
  };
  const isDigit = (x: string) => x >= "0" && x <= "9";
  const isAlpha = (x: string) => /^[a-zA-Z]$/.test(x);
  const parseNumber = (): string | null => {
    const start = index;
    let number = "";
    if (c === "+") next();
    else if (c === "-") {
      number += c;
      next();
    }
    if (!isDigit(c) && c !== ".") {
      index = start - 1;
      next();
      return null;
    }
    if (c === ".") {
      number += c;
      next();
      if (!isDigit(c)) {
        index = start - 1;
        next();
        return null;
      }
    } else {
      while (isDigit(c)) ((number += c), next());
      if (c === ".") ((number += c), next());
    }
    while (isDigit(c)) ((number += c), next());
    if (c === "e" || c === "E") {
      const at = index;
      let exponent = c;
      next();
      if ((c as string) === "+" || (c as string) === "-") ((exponent += c), next());
      if (!isDigit(c)) {
        index = at - 1;
        next();
        return number;
      }
      number += exponent;
      while (isDigit(c)) ((number += c), next());
    }
    return number;
  };

  const read: ReadUnit = { factors: [], dimensions: new Array<number>(DIMENSIONS).fill(0) };
  let multiplier = 1;
  let expectingUnit = false;
  const stack: number[] = [];
  let stackProduct = 1;
  next();
  skipWhitespace();
  if (parseNumber() !== null) return null;
  for (;;) {
    skipWhitespace();
    while (c === "(") {
      stack.push(multiplier);
      stackProduct *= multiplier;
      multiplier = 1;
      next();
      skipWhitespace();
    }
    if (!c) break;
    let name = "";
    while (isDigit(c) || isAlpha(c)) ((name += c), next());
    if (!isAlpha(name.charAt(0))) return null;
    const unit = findUnit(name);
    if (!unit) return null;
    let power = multiplier * stackProduct;
    skipWhitespace();
    if (c === "^") {
      next();
      skipWhitespace();
      const p = parseNumber();
      if (p === null) return null;
      power *= Number(p);
    }
    read.factors.push({ value: unit.value, prefix: unit.prefix, power, offset: unit.offset });
    for (let i = 0; i < DIMENSIONS; i++) read.dimensions[i]! += (unit.dimensions[i] ?? 0) * power;
    skipWhitespace();
    while (c === ")") {
      if (!stack.length) return null;
      stackProduct /= stack.pop()!;
      next();
      skipWhitespace();
    }
    expectingUnit = c === "*" || c === "/";
    multiplier = c === "/" ? -1 : 1;
    if (expectingUnit) next();
  }
  if (expectingUnit || stack.length || !read.factors.length) return null;
  return read;
}

const readUnits = new Map<string, ReadUnit | UnitNotationError>();

const didYouMean = (unit: string) => ` — did you mean ${prettyUnit(unit)} ("${unit}")? A superscript minus is often lost in copying`;

/** " — did you mean mAh g⁻¹ ("mAh g-1")? …" when the unit reads once the minus signs copying loses are put back; else "". */
function suggestion(raw: string): string {
  const repaired = withLostMinus(raw);
  if (repaired === raw.trim()) return "";
  try {
    return parseSyntax(checkedSyntax(repaired)) ? didYouMean(repaired) : "";
  } catch {
    return "";
  }
}

/** Read a paper's unit (each spelling once: imports read the same few units millions of times). Throws UnitNotationError when it cannot be read or carries a number. */
export function readUnit(raw: string): ReadUnit {
  let known = readUnits.get(raw);
  if (!known) {
    try {
      known = parseSyntax(checkedSyntax(raw)) ?? new UnitNotationError(`cannot read the unit "${raw}"${suggestion(raw)}`);
    } catch (e) {
      if (!(e instanceof UnitNotationError)) throw e;
      // "mAh g 1" is a unit whose minus sign copying lost far more often than a unit carrying a magnitude.
      const hint = suggestion(raw);
      known = hint ? new UnitNotationError(`cannot read the unit "${raw}"${hint}`) : e;
    }
    if (readUnits.size > 10_000) readUnits.clear();
    readUnits.set(raw, known);
  }
  if (known instanceof UnitNotationError) throw known;
  return known;
}

const sameDimensions = (a: ReadUnit, b: ReadUnit) => a.dimensions.every((d, i) => Math.abs(d - b.dimensions[i]!) <= 1e-12);
/** Derived units (more than one factor, or a power other than 1) carry no offset: °C min⁻¹ is a rate. */
const isDerived = (u: ReadUnit) => u.factors.length > 1 || Math.abs(u.factors[0]!.power - 1) > 1e-15;
const normalize = (value: number, u: ReadUnit) => u.factors.reduce((v, f) => v * (f.value * f.prefix) ** f.power, value);
const denormalize = (value: number, u: ReadUnit) => u.factors.reduce((v, f) => v / (f.value * f.prefix) ** f.power, value);

/** `value` of `from` in `to` (same dimensions), as mathjs's Unit.to and toNumber compute it. */
function convertRead(value: number, from: ReadUnit, to: ReadUnit): number {
  let si = normalize(value, from);
  const a = from.factors[0]!;
  const b = to.factors[0]!;
  if (!isDerived(from) && a.offset !== b.offset) si += a.value * a.offset - b.value * b.offset;
  return denormalize(si, to);
}

/** 1 eV per particle expressed per mole: F × 1 V. */
const J_PER_MOL_PER_EV = 96485.33212;
const MOLAR_ENERGY = readUnit("J/mol");
const ENERGY = readUnit("J");
const EV = readUnit("eV");

function convertExact(value: number, unit: string, targetUnit: string): number {
  const from = readUnit(unit);
  const target = readUnit(targetUnit);
  if (sameDimensions(from, target)) return convertRead(value, from, target);
  if (sameDimensions(from, MOLAR_ENERGY) && sameDimensions(target, ENERGY)) {
    return convertRead(convertRead(value, from, MOLAR_ENERGY) / J_PER_MOL_PER_EV, EV, target);
  }
  if (sameDimensions(from, ENERGY) && sameDimensions(target, MOLAR_ENERGY)) {
    return convertRead(convertRead(value, from, EV) * J_PER_MOL_PER_EV, MOLAR_ENERGY, target);
  }
  throw new UnitError(`"${unit}" cannot be converted to ${targetUnit || "a plain number"}`);
}

/**
 * Every conversion between units is affine (°C ↔ K has an offset), so each pair of unit spellings
 * is worked out once and remembered: imports convert millions of values.
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

/**
 * Convert `value` in `unit` (paper notation) into `targetUnit` (paper or mathjs notation; "" is a
 * plain number). Molar energies convert to per-particle energies (kJ mol⁻¹ ↔ eV), the one
 * cross-dimension rule chemists use without thinking. Throws UnitError when dimensions differ.
 */
export function convert(value: number, unit: string, targetUnit: string): number {
  return applyAffine(conversion(unit, targetUnit), value);
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
    // "mA h g1" reads (as mAh·g), but it is mAh g⁻¹ with its minus lost.
    const repaired = withLostMinus(unit);
    const hint = repaired !== unit.trim() && compatible(repaired, def.unit) ? didYouMean(repaired) : "";
    throw new UnitError(`unit "${unit}" does not fit ${def.label} (expects ${def.display} or a compatible unit)${hint}`);
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

/**
 * A derived number is checked against its own derivation: the formula is evaluated with mathjs on
 * the inputs the paper states (at every combination of a range input's ends, so a range of inputs
 * gives the range the formula spans), and the stored number or range must agree with it.
 */
import type { MathType, Unit } from "mathjs";
import { math, toMathjsSyntax } from "../units/parse";
import type { FieldError } from "../errors";
import type { Derivation, ValueOrRange } from "./schema";

/** Stored derived numbers are rounded; beyond this relative difference they disagree with their formula. */
export const DERIVATION_TOLERANCE = 0.005;
/** 2^n corners are evaluated; a derivation with more range inputs than this is refused. */
const MAX_RANGE_INPUTS = 6;

type Input = Derivation["inputs"][string];

function ends(q: Input): number[] {
  return q.value !== undefined ? [q.value] : [q.min!, q.max!];
}

function asValue(value: number, unit: string): MathType {
  return unit.trim() === "" ? value : math.unit(value, toMathjsSyntax(unit));
}

function inUnit(result: MathType, unit: string): number {
  if (typeof result === "number") return result;
  if (math.isUnit(result)) {
    const u = result as Unit;
    return unit.trim() === "" ? u.toNumber("unity") : u.toNumber(toMathjsSyntax(unit));
  }
  throw new Error("the formula does not give a number or a quantity");
}

/** The values (or the span of values) a derivation gives, in `unit`. */
export function evaluateDerivation(d: Derivation, unit: string): { min: number; max: number } {
  const names = Object.keys(d.inputs);
  const ranged = names.filter((n) => d.inputs[n]!.value === undefined);
  if (ranged.length > MAX_RANGE_INPUTS) throw new Error(`at most ${MAX_RANGE_INPUTS} inputs may be ranges`);
  const compiled = math.compile(d.formula);
  const results: number[] = [];
  for (let corner = 0; corner < 1 << ranged.length; corner++) {
    const scope: Record<string, MathType> = {};
    for (const name of names) {
      const input = d.inputs[name]!;
      const i = ranged.indexOf(name);
      scope[name] = asValue(i < 0 ? input.value! : ends(input)[(corner >> i) & 1]!, input.unit);
    }
    results.push(inUnit(compiled.evaluate(scope) as MathType, unit));
  }
  return { min: Math.min(...results), max: Math.max(...results) };
}

const agrees = (stored: number, computed: number) => Math.abs(stored - computed) <= DERIVATION_TOLERANCE * Math.max(Math.abs(stored), Math.abs(computed));

/** Problems of a derived measurement's derivation (at `path`.derivation…): unreadable, or not what is stored. */
export function derivationErrors(m: ValueOrRange & { unit: string; unitReadAs?: string; derivation?: Derivation }, path: string): FieldError[] {
  if (!m.derivation) return [];
  const unit = m.unitReadAs ?? m.unit;
  let span: { min: number; max: number };
  try {
    span = evaluateDerivation(m.derivation, unit);
  } catch (e) {
    return [{ path: `${path}.derivation.formula`, message: `cannot evaluate "${m.derivation.formula}": ${e instanceof Error ? e.message : String(e)}` }];
  }
  const [low, high] = m.value !== undefined ? [m.value, m.value] : [m.min!, m.max!];
  if (agrees(low, span.min) && agrees(high, span.max)) return [];
  const computed = span.min === span.max ? `${span.min}` : `${span.min} to ${span.max}`;
  const stored = low === high ? `${low}` : `${low} to ${high}`;
  return [{ path: `${path}.derivation`, message: `the derivation gives ${computed} ${unit}, but ${stored} is stored` }];
}

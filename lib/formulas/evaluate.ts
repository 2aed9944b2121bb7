/**
 * Evaluates catalogue formulas with units. Inputs arrive in any compatible unit and are converted
 * to the unit the expression expects; closed forms are evaluated by mathjs (never `eval`), fits by
 * least squares. Every result carries its unit, the inputs as used and, for fits, R².
 */
import type { Unit } from "mathjs";
import { math, toMathjsSyntax } from "../units/parse";
import { convert, compatible, UnitError } from "../units";
import { FORMULAS, formulaDefinition, type FormulaDefinition, type FormulaVariable } from "./catalogue";
import { CONSTANTS } from "./constants";
import { AppError } from "../errors";

export class FormulaError extends AppError {
  constructor(message: string, field?: string) {
    super("invalid", message, { field });
  }
}

export interface Quantity {
  value: number;
  unit: string;
}
export type ScalarInput = number | Quantity;
export type ArrayInput = number[] | Quantity[] | { values: number[]; unit: string } | number[][];
export type FormulaInputs = Record<string, ScalarInput | ArrayInput>;

export interface FormulaRequest {
  inputs: FormulaInputs;
  /** Unit wanted for the result; the formula's own output unit when omitted. */
  unit?: string;
}

export interface FormulaResult {
  key: string;
  name: string;
  value: number;
  unit: string;
  /** The inputs as converted and used, in the units the expression expects. */
  inputs: Record<string, Quantity | { values: number[]; unit: string } | { sites: number[][]; unit: string }>;
  /** Fits: fitted parameters; other formulas: alternative expressions of the result. */
  parameters?: Record<string, Quantity>;
  r2?: number;
  /** Fits that give one figure per input point (capacitive fraction per scan rate). */
  series?: { x: number; xUnit: string; value: number; unit: string }[];
}

const displayUnit = (u: string) => (u === "" ? "1" : u);

function scalar(formula: FormulaDefinition, variable: FormulaVariable, raw: unknown, starUnit: { unit?: string }): Quantity {
  const field = `inputs.${variable.name}`;
  if (raw === undefined || raw === null) throw new FormulaError(`missing input "${variable.name}" (${variable.label})`, field);
  const q: Quantity | undefined =
    typeof raw === "number"
      ? { value: raw, unit: variable.unit === "*" ? "" : variable.unit }
      : typeof raw === "object" && raw && "value" in raw && typeof (raw as Quantity).value === "number"
        ? { value: (raw as Quantity).value, unit: String((raw as Quantity).unit ?? "") }
        : undefined;
  if (!q || !Number.isFinite(q.value)) throw new FormulaError(`input "${variable.name}" must be a finite number or {"value", "unit"}`, field);
  if (variable.unit === "*") {
    // Ratios: every "*" input is converted to the unit of the first one given with a unit; bare
    // numbers are taken to be in that unit.
    if (typeof raw === "number") return { value: raw, unit: starUnit.unit ?? "" };
    if (starUnit.unit === undefined) {
      starUnit.unit = q.unit;
      return q;
    }
    try {
      return { value: convert(q.value, q.unit, starUnit.unit), unit: starUnit.unit };
    } catch {
      throw new FormulaError(
        `input "${variable.name}" in "${q.unit}" cannot be compared with "${starUnit.unit}" (${formula.name} needs inputs of the same kind)`,
        `${field}.unit`,
      );
    }
  }
  try {
    return { value: convert(q.value, q.unit, variable.unit), unit: variable.unit };
  } catch (e) {
    const why =
      e instanceof UnitError && /cannot read/.test(e.message)
        ? e.message
        : `"${q.unit || "a plain number"}" does not fit ${variable.label} (expects ${displayUnit(variable.unit)} or a compatible unit)`;
    throw new FormulaError(`input "${variable.name}": ${why}`, `${field}.unit`);
  }
}

function array(variable: FormulaVariable, raw: unknown): number[] {
  const field = `inputs.${variable.name}`;
  let values: number[];
  let unit = variable.unit;
  if (Array.isArray(raw)) {
    if (raw.every((x) => typeof x === "number")) values = raw as number[];
    else if (raw.every((x) => x && typeof x === "object" && typeof (x as Quantity).value === "number")) {
      values = (raw as Quantity[]).map((x) => convertOr(x.value, x.unit ?? "", variable, field));
      unit = "";
      return check(values, variable, field);
    } else throw new FormulaError(`input "${variable.name}" must be a list of numbers`, field);
  } else if (raw && typeof raw === "object" && Array.isArray((raw as { values?: unknown }).values)) {
    const r = raw as { values: unknown[]; unit?: string };
    if (!r.values.every((x) => typeof x === "number")) throw new FormulaError(`input "${variable.name}".values must be numbers`, `${field}.values`);
    values = (r.values as number[]).map((x) => convertOr(x, r.unit ?? variable.unit, variable, `${field}.unit`));
    return check(values, variable, field);
  } else if (raw === undefined) throw new FormulaError(`missing input "${variable.name}" (${variable.label})`, field);
  else throw new FormulaError(`input "${variable.name}" must be a list of numbers`, field);
  void unit;
  return check(values, variable, field);
}

function convertOr(value: number, unit: string, variable: FormulaVariable, field: string): number {
  try {
    return convert(value, unit, variable.unit);
  } catch {
    throw new FormulaError(
      `input "${variable.name}": "${unit || "a plain number"}" does not fit ${variable.label} (expects ${displayUnit(variable.unit)})`,
      field,
    );
  }
}

function check(values: number[], variable: FormulaVariable, field: string): number[] {
  if (values.length === 0) throw new FormulaError(`input "${variable.name}" is empty`, field);
  if (!values.every(Number.isFinite)) throw new FormulaError(`input "${variable.name}" holds a value that is not a finite number`, field);
  return values;
}

function finite(value: number, formula: FormulaDefinition, why: string): number {
  if (!Number.isFinite(value)) throw new FormulaError(`${formula.name} is undefined for these inputs (${why})`);
  return value;
}

/** Least squares y = slope·x + intercept with R². */
export function linearFit(x: number[], y: number[]): { slope: number; intercept: number; r2: number } {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (x[i]! - mx) ** 2;
    sxy += (x[i]! - mx) * (y[i]! - my);
    syy += (y[i]! - my) ** 2;
  }
  if (sxx === 0) throw new FormulaError("all x values are equal: nothing to fit");
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
  return { slope, intercept, r2 };
}

function pairs(formula: FormulaDefinition, inputs: FormulaInputs): [number[], number[]] {
  const [vx, vy] = formula.variables as [FormulaVariable, FormulaVariable];
  const x = array(vx, inputs[vx.name]);
  const y = array(vy, inputs[vy.name]);
  if (x.length !== y.length)
    throw new FormulaError(`inputs "${vx.name}" and "${vy.name}" must have the same length (${x.length} vs ${y.length})`, `inputs.${vy.name}`);
  if (x.length < 2) throw new FormulaError(`a fit needs at least two points (got ${x.length})`, `inputs.${vx.name}`);
  return [x, y];
}

function positive(values: number[], name: string): void {
  if (values.some((v) => v <= 0)) throw new FormulaError(`input "${name}" must be positive to take its logarithm`, `inputs.${name}`);
}

type Computed = Omit<FormulaResult, "key" | "name" | "unit"> & { unit?: string };

const FITS: Record<string, (f: FormulaDefinition, inputs: FormulaInputs) => Computed> = {
  b_value_fit(f, inputs) {
    const [v, i] = pairs(f, inputs);
    positive(v, "v");
    positive(i, "i");
    const fit = linearFit(v.map(Math.log10), i.map(Math.log10));
    return {
      value: fit.slope,
      inputs: { v: { values: v, unit: "mV/s" }, i: { values: i, unit: "A" } },
      parameters: { b: { value: fit.slope, unit: "" }, a: { value: 10 ** fit.intercept, unit: "A" } },
      r2: fit.r2,
    };
  },
  capacitive_contribution_fit(f, inputs) {
    const [v, i] = pairs(f, inputs);
    positive(v, "v");
    // i/v^½ = k1·v^½ + k2
    const fit = linearFit(
      v.map(Math.sqrt),
      v.map((vv, n) => i[n]! / Math.sqrt(vv)),
    );
    const series = v.map((vv, n) => ({
      x: vv,
      xUnit: "mV/s",
      value: finite(((fit.slope * vv) / i[n]!) * 100, f, `current at ${vv} mV/s is zero`),
      unit: "percent",
    }));
    return {
      value: series.at(-1)!.value,
      unit: "percent",
      inputs: { v: { values: v, unit: "mV/s" }, i: { values: i, unit: "A" } },
      parameters: { k1: { value: fit.slope, unit: "A/(mV/s)" }, k2: { value: fit.intercept, unit: "A/(mV/s)^0.5" } },
      r2: fit.r2,
      series,
    };
  },
  arrhenius_fit(f, inputs) {
    const [vT, vs] = f.variables as [FormulaVariable, FormulaVariable];
    // Temperatures may come in °C: convert each through mathjs (offset units).
    const rawT = inputs[vT.name];
    const T = array(vT, rawT);
    const sigma = array(vs, inputs[vs.name]);
    if (T.length !== sigma.length) throw new FormulaError(`inputs "T" and "sigma" must have the same length (${T.length} vs ${sigma.length})`, "inputs.sigma");
    if (T.length < 2) throw new FormulaError(`a fit needs at least two points (got ${T.length})`, "inputs.T");
    positive(T, "T");
    positive(sigma, "sigma");
    const fit = linearFit(
      T.map((t) => 1 / t),
      sigma.map(Math.log),
    );
    const ea = -fit.slope * CONSTANTS.k_B;
    return {
      value: ea,
      inputs: { T: { values: T, unit: "K" }, sigma: { values: sigma, unit: "S/cm" } },
      parameters: {
        E_a: { value: ea, unit: "eV" },
        E_a_molar: { value: convert(ea, "eV", "kJ/mol"), unit: "kJ/mol" },
        A: { value: Math.exp(fit.intercept), unit: "S/cm" },
      },
      r2: fit.r2,
    };
  },
  configurational_entropy(f, inputs) {
    const raw = inputs.x;
    const sites: number[][] = Array.isArray(raw) && raw.length > 0 && raw.every(Array.isArray) ? (raw as number[][]) : [array(f.variables[0]!, raw)];
    sites.forEach((s, k) => {
      if (!s.length || !s.every((x) => Number.isFinite(x) && x > 0 && x <= 1))
        throw new FormulaError(`site ${k + 1}: fractions must be numbers in (0, 1]`, "inputs.x");
      const sum = s.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 0.02) throw new FormulaError(`site ${k + 1}: fractions add up to ${Number(sum.toFixed(4))}, not 1`, "inputs.x");
    });
    const inR = -sites.reduce((acc, s) => acc + s.reduce((a, x) => a + x * Math.log(x), 0), 0);
    return {
      value: inR * CONSTANTS.R,
      inputs: { x: { sites, unit: "" } },
      parameters: { S_config: { value: inR * CONSTANTS.R, unit: "J/(mol K)" }, in_R: { value: inR, unit: "R" } },
    };
  },
};

/** Physical constants with their units, so expressions are dimensionally checked by mathjs. */
const UNIT_CONSTANTS = {
  F: math.unit(CONSTANTS.F, "C/mol"),
  R: math.unit(CONSTANTS.R, "J/(mol K)"),
  K_RS: math.unit(2.69e5, "C/(mol V^0.5)"),
};

function closedForm(formula: FormulaDefinition, inputs: FormulaInputs): Computed {
  const firstWithUnit = formula.variables
    .map((v) => inputs[v.name])
    .find((x, i) => formula.variables[i]!.unit === "*" && x && typeof x === "object" && "unit" in x);
  const star: { unit?: string } = { unit: firstWithUnit ? String((firstWithUnit as Quantity).unit ?? "") : undefined };
  const used: Record<string, Quantity> = {};
  for (const variable of formula.variables) used[variable.name] = scalar(formula, variable, inputs[variable.name], star);
  const asUnit = (q: Quantity) => (q.unit === "" ? q.value : math.unit(q.value, toMathjsSyntax(q.unit)));
  const scope = new Map<string, unknown>([
    ["pi", Math.PI],
    ...Object.entries(UNIT_CONSTANTS),
    ...Object.entries(used).map(([k, q]) => [k, asUnit(q)] as [string, unknown]),
  ]);
  const zero = Object.entries(used).find(([, q]) => q.value === 0);
  let result: unknown;
  try {
    result = math.evaluate(formula.expression, scope);
  } catch (e) {
    throw new FormulaError(`${formula.name} cannot be evaluated for these inputs (${e instanceof Error ? e.message : String(e)})`);
  }
  // Ratios come back as plain numbers already scaled to the output unit (×100 for %).
  const value = typeof result === "number" ? result : math.isUnit(result) ? toOutput(result, formula) : NaN;
  return { value: finite(value, formula, zero ? `${zero[0]} is 0` : "a division by zero or a root of a negative number"), inputs: used };
}

function toOutput(result: Unit, formula: FormulaDefinition): number {
  const value = result.toNumber(toMathjsSyntax(formula.outputUnit));
  return value;
}

export function listFormulas(): readonly FormulaDefinition[] {
  return FORMULAS;
}

/** Evaluate catalogue formula `key`. Throws FormulaError (a client error) on bad input. */
export function evaluateFormula(key: string, request: FormulaRequest): FormulaResult {
  const formula = formulaDefinition(key);
  if (!formula) throw new FormulaError(`unknown formula "${key}"`, "key");
  if (!request || typeof request.inputs !== "object" || request.inputs === null)
    throw new FormulaError(`"inputs" must be an object of the formula's variables`, "inputs");
  const unknown = Object.keys(request.inputs).filter((k) => !formula.variables.some((v) => v.name === k));
  if (unknown.length)
    throw new FormulaError(`unknown input "${unknown[0]}" (${formula.key} takes ${formula.variables.map((v) => v.name).join(", ")})`, `inputs.${unknown[0]}`);
  const computed = formula.kind === "fit" || FITS[key] ? FITS[key]!(formula, request.inputs) : closedForm(formula, request.inputs);
  const ownUnit = computed.unit ?? formula.outputUnit;
  const wanted = request.unit ?? ownUnit;
  let value = computed.value;
  if (wanted !== ownUnit) {
    if (!compatible(ownUnit || "", wanted))
      throw new FormulaError(`the result of ${formula.name} is in ${displayUnit(ownUnit)} and cannot be given in "${wanted}"`, "unit");
    value = convert(value, ownUnit, wanted);
  }
  return { key, name: formula.name, ...computed, value, unit: wanted };
}

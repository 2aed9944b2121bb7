/**
 * The checks of record files the browser runs too (the editor checks as the user types): the shape,
 * units that fit their property and conditions, component keys that exist, unique keys. Errors carry
 * the JSON path of the offending field, e.g. papers[0].materials[2].measurements[5].unit. The
 * server's validation (./validate.ts) adds the checks that need mathjs.
 */
import { paperKey } from "./identifiers";
import { recordFileSchema, measurementSchema, type RecordFileParsed } from "./schema";
import { convert, compatible, isShare, readUnit, toCanonical } from "../units/convert";
import { UnitError } from "../units/notation";
import { property } from "../units/properties";
import { unitText } from "../units/display";
import { CONDITIONS, currentOfRate, RATE_AS_CURRENT, type ConditionCatalogue, type ConditionDefinition } from "../units/conditions";
import { formulaDefinition } from "../formulas/catalogue";
import { AppError, type FieldError } from "../errors";
import { repairRecordGlyphs } from "./glyphs";

type MeasurementParsed = RecordFileParsed["papers"][number]["materials"][number]["measurements"][number];

export type { FieldError };

/** Every bad field of a record, by path; the first names the field, the list is the details. */
export class RecordValidationError extends AppError {
  constructor(readonly errors: FieldError[]) {
    super("invalid", `${errors.length} invalid field(s); nothing was saved`, { field: errors[0]?.path, details: errors });
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`)).join("");
}

/** What a quantity of a record may measure: the units it converts to (the first that fits), as a message names it. */
interface QuantityKind {
  units: readonly string[];
  what: string;
  /** A share of the mixture (%, wt%, ppm) fits too: reagent amounts and concentrations. */
  shares?: boolean;
}

/** What a condition's unit must measure: the units of its columns. */
function conditionKind(c: ConditionDefinition): QuantityKind {
  const units = [...new Set(c.columns.map((col) => col.unit ?? ""))];
  return { units, what: `${c.what} (${units.map(unitText).join(" or ")})` };
}

const KINDS = {
  temperature: { units: ["degC"], what: "a temperature" },
  duration: { units: ["h"], what: "a duration" },
  rampRate: { units: ["degC/min"], what: "a ramp rate (°C min⁻¹)" },
  amount: { units: ["g", "mL", "mol"], shares: true, what: "a reagent amount (a mass, volume, amount of substance or share: g, mL, mol, wt%)" },
  concentration: { units: ["mol/L", "g/L", "mol/kg"], shares: true, what: "a concentration (mol L⁻¹, g L⁻¹, mol kg⁻¹ or a share such as wt%)" },
} satisfies Record<string, QuantityKind>;

/** The unit a quantity of `kind` converts to; UnitError when `unit` is unreadable, carries a number or does not fit. */
function referenceUnit(unit: string, kind: QuantityKind): string {
  readUnit(unit); // an unreadable unit, or one carrying a number, is refused whatever the kind
  const target = kind.units.find((t) => compatible(unit, t)) ?? (kind.shares && isShare(unit) ? "percent" : undefined);
  if (target === undefined) throw new UnitError(`unit "${unit}" does not fit ${kind.what}`);
  return target;
}

type Numbers = { value?: number; min?: number; max?: number };

/** A value so large that its converted form overflows would be stored as Infinity and sort first. */
function nonFiniteErrors(q: Numbers, unit: string, path: string, convertTo: (value: number) => number, target: string): FieldError[] {
  return (["value", "min", "max"] as const).flatMap((field) => {
    const v = q[field];
    return v === undefined || Number.isFinite(convertTo(v))
      ? []
      : [{ path: `${path}.${field}`, message: `${v} ${unit} is out of range: it is not a finite number in ${target}` }];
  });
}

function unitErrorAt(path: string, e: unknown, field = "unit"): FieldError[] {
  if (e instanceof UnitError) return [{ path: `${path}.${field}`, message: e.message }];
  throw e;
}

/** Checks of a quantity or range of a record: its unit (at .unit), then its numbers once converted (at .value, .min, .max). */
function quantityErrors(q: (Numbers & { unit: string }) | undefined, kind: QuantityKind, path: string): FieldError[] {
  if (!q) return [];
  let target: string;
  try {
    target = referenceUnit(q.unit, kind);
  } catch (e) {
    return unitErrorAt(path, e);
  }
  return nonFiniteErrors(q, q.unit, path, (v) => convert(v, q.unit, target), unitText(target));
}

/** A further check of one measurement (at its path), run once its units are sound. */
export type MeasurementCheck = (m: MeasurementParsed, path: string) => FieldError[];

/** Unit checks of one measurement: its value against its property, its conditions against theirs; then `further`. */
function measurementErrors(m: MeasurementParsed, kp: string, further?: MeasurementCheck): FieldError[] {
  const errors: FieldError[] = [];
  // A unit printed with a slip (or not at all) converts as the record reads it.
  const unit = m.unitReadAs ?? m.unit;
  try {
    errors.push(...nonFiniteErrors(m, unit, kp, (v) => toCanonical(m.property, v, unit), property(m.property)!.display));
  } catch (e) {
    errors.push(...unitErrorAt(kp, e, m.unitReadAs === undefined ? "unit" : "unitReadAs"));
  }
  if (m.conditions) errors.push(...conditionErrors(m.conditions, `${kp}.conditions`));
  if (!errors.length && further) errors.push(...further(m, kp));
  return errors;
}

type Measured = { value: number; unit: string };

/** Unit checks of a measurement's conditions (at `path`), by a conditions catalogue. */
export function conditionErrors(conditions: Record<string, unknown>, path: string, catalogue: ConditionCatalogue = CONDITIONS): FieldError[] {
  const errors: FieldError[] = [];
  const failed = new Set<string>();
  for (const c of catalogue) {
    const value = conditions[c.key] as (Numbers & { unit: string }) | undefined;
    if (c.kind !== "quantity" && c.kind !== "range") continue;
    const own = quantityErrors(value, conditionKind(c), `${path}.${c.key}`);
    if (own.length) failed.add(c.key);
    errors.push(...own);
  }
  // Where the paper defines 1C, the C-rate is stored as a current density too.
  const rate = conditions[RATE_AS_CURRENT.rate] as number | undefined;
  const oneC = conditions[RATE_AS_CURRENT.oneC] as Measured | undefined;
  const oneCUnit = catalogue.find((c) => c.key === RATE_AS_CURRENT.oneC)?.columns[0]?.unit;
  if (
    rate !== undefined &&
    oneC &&
    oneCUnit &&
    !failed.has(RATE_AS_CURRENT.oneC) &&
    !Number.isFinite(currentOfRate(rate, convert(oneC.value, oneC.unit, oneCUnit)))
  ) {
    errors.push({
      path: `${path}.${RATE_AS_CURRENT.rate}`,
      message: `${rate} C at 1C = ${oneC.value} ${oneC.unit} is out of range: it is not a finite current density`,
    });
  }
  return errors;
}

/** Semantic checks on an already shape-valid file. */
export function semanticErrors(file: RecordFileParsed, further?: MeasurementCheck): FieldError[] {
  const errors: FieldError[] = [];
  const dois = new Set<string>();
  file.papers.forEach((paper, pi) => {
    const pp = `papers[${pi}]`;
    const key = paperKey(paper);
    if (dois.has(key))
      errors.push({
        path: `${pp}.${paper.doi ? "doi" : "identifier"}`,
        message: `${paper.doi ? `DOI ${key}` : `identifier ${paper.identifier}`} appears twice in this file`,
      });
    dois.add(key);
    paper.formulas.forEach((key, fi) => {
      if (!formulaDefinition(key)) errors.push({ path: `${pp}.formulas[${fi}]`, message: `unknown formula "${key}"` });
    });
    const keys = new Set(paper.materials.map((m) => m.key));
    const seen = new Set<string>();
    paper.materials.forEach((material, mi) => {
      const mp = `${pp}.materials[${mi}]`;
      if (seen.has(material.key)) errors.push({ path: `${mp}.key`, message: `material key "${material.key}" is used twice in this paper` });
      seen.add(material.key);
      material.components?.forEach((c, ci) => {
        if (!keys.has(c)) errors.push({ path: `${mp}.components[${ci}]`, message: `no material with key "${c}" in this paper` });
      });
      material.synthesis.forEach((step, si) => {
        const sp = `${mp}.synthesis[${si}]`;
        errors.push(
          ...quantityErrors(step.temperature, KINDS.temperature, `${sp}.temperature`),
          ...quantityErrors(step.duration, KINDS.duration, `${sp}.duration`),
          ...quantityErrors(step.rampRate, KINDS.rampRate, `${sp}.rampRate`),
          ...(step.reagents ?? []).flatMap((r, ri) => [
            ...quantityErrors(r.amount, KINDS.amount, `${sp}.reagents[${ri}].amount`),
            ...quantityErrors(r.concentration, KINDS.concentration, `${sp}.reagents[${ri}].concentration`),
          ]),
        );
      });
      material.measurements.forEach((m, ki) => errors.push(...measurementErrors(m, `${mp}.measurements[${ki}]`, further)));
    });
  });
  return errors;
}

/** A measurement whose other fields are wrong still hears about its unit: every problem shows at once. */
function unitErrorBeside(raw: unknown, path: string): FieldError[] {
  const m = (raw && typeof raw === "object" ? raw : {}) as { property?: unknown; unit?: unknown; unitReadAs?: unknown };
  const unit = typeof m.unitReadAs === "string" && m.unitReadAs.trim() ? m.unitReadAs : m.unit;
  if (typeof m.property !== "string" || !property(m.property) || typeof unit !== "string" || !unit.trim()) return [];
  try {
    toCanonical(m.property, 1, unit);
    return [];
  } catch (e) {
    return unitErrorAt(path, e, unit === m.unit ? "unit" : "unitReadAs");
  }
}

function unitErrorsOfMeasurements(input: unknown): FieldError[] {
  const list = (x: unknown, key: string): unknown[] => {
    const v = x && typeof x === "object" ? (x as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v : [];
  };
  return list(input, "papers").flatMap((paper, pi) =>
    list(paper, "materials").flatMap((material, mi) =>
      list(material, "measurements").flatMap((raw, ki) => {
        const path = `papers[${pi}].materials[${mi}].measurements[${ki}]`;
        const m = measurementSchema.safeParse(raw);
        return m.success ? measurementErrors(m.data, path) : unitErrorBeside(raw, path);
      }),
    ),
  );
}

/** A record file's text as JSON. Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses. */
export function parseRecordJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, ""));
}

/**
 * Parse and check a record file (with `further` checks of each measurement), its publishers'
 * private-use glyphs repaired first (./glyphs.ts; what could not be read goes to `warnings`).
 * Throws RecordValidationError listing every bad field.
 */
export function checkRecordFile(raw: unknown, further?: MeasurementCheck, warnings?: FieldError[]): RecordFileParsed {
  const repaired = repairRecordGlyphs(raw);
  warnings?.push(...repaired.warnings);
  const input = repaired.value;
  const parsed = recordFileSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: formatPath(i.path) || "(file)", message: i.message }));
    // Report unit problems of the measurements that are well-formed too, so one run shows every bad field.
    errors.push(...unitErrorsOfMeasurements(input));
    throw new RecordValidationError(errors.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true })));
  }
  const errors = semanticErrors(parsed.data, further);
  if (errors.length) throw new RecordValidationError(errors);
  return parsed.data;
}

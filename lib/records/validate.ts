/**
 * Validation of record files beyond their shape: units that fit their property and conditions,
 * component keys that exist, unique keys. Errors carry the JSON path of the offending field,
 * e.g. papers[0].materials[2].measurements[5].unit.
 */
import { recordFileSchema, measurementSchema, type RecordFileParsed, type Quantity } from "./schema";

type MeasurementParsed = RecordFileParsed["papers"][number]["materials"][number]["measurements"][number];
import { convert, toCanonical, UnitError, CONDITION_UNITS } from "../units";
import { formulaDefinition } from "../formulas/catalogue";

export interface FieldError {
  path: string;
  message: string;
}

export class RecordValidationError extends Error {
  constructor(public readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((seg, i) => (typeof seg === "number" ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`))
    .join("");
}

function quantityErrors(q: Quantity | undefined, target: string | string[], path: string, what: string): FieldError[] {
  if (!q) return [];
  const targets = Array.isArray(target) ? target : [target];
  try {
    if (targets.some((t) => { try { convert(q.value, q.unit, t); return true; } catch { return false; } })) return [];
    throw new UnitError(`unit "${q.unit}" does not fit ${what}`);
  } catch (e) {
    return [{ path: `${path}.unit`, message: e instanceof Error ? e.message : String(e) }];
  }
}

/** Unit checks of one measurement: its value against its property, its conditions against theirs. */
function measurementErrors(m: MeasurementParsed, kp: string): FieldError[] {
  const errors: FieldError[] = [];
  try {
    toCanonical(m.property, m.value, m.unit);
  } catch (e) {
    errors.push({ path: `${kp}.unit`, message: e instanceof Error ? e.message : String(e) });
  }
  const c = m.conditions;
  if (!c) return errors;
  const cp = `${kp}.conditions`;
  errors.push(
    ...quantityErrors(c.currentDensity, [CONDITION_UNITS.currentDensity, CONDITION_UNITS.arealCurrentDensity], `${cp}.currentDensity`, "a current density (A g⁻¹ or mA cm⁻²)"),
    ...quantityErrors(c.oneC, CONDITION_UNITS.oneC, `${cp}.oneC`, "a 1C current (mA g⁻¹)"),
    ...quantityErrors(c.temperature, CONDITION_UNITS.temperature, `${cp}.temperature`, "a temperature"),
    ...quantityErrors(c.scanRate, CONDITION_UNITS.scanRate, `${cp}.scanRate`, "a scan rate (mV s⁻¹)"),
    ...quantityErrors(c.massLoading, CONDITION_UNITS.massLoading, `${cp}.massLoading`, "a mass loading (mg cm⁻²)"),
    ...quantityErrors(c.sulfurLoading, CONDITION_UNITS.sulfurLoading, `${cp}.sulfurLoading`, "a sulfur loading (mg cm⁻²)"),
    ...quantityErrors(c.esRatio, CONDITION_UNITS.esRatio, `${cp}.esRatio`, "an E/S ratio (µL mg⁻¹)"),
    ...quantityErrors(c.voltageWindow && { value: c.voltageWindow.min, unit: c.voltageWindow.unit }, CONDITION_UNITS.voltage, `${cp}.voltageWindow`, "a voltage window"),
  );
  return errors;
}

/** Semantic checks on an already shape-valid file. */
export function semanticErrors(file: RecordFileParsed): FieldError[] {
  const errors: FieldError[] = [];
  const dois = new Set<string>();
  file.papers.forEach((paper, pi) => {
    const pp = `papers[${pi}]`;
    if (dois.has(paper.doi)) errors.push({ path: `${pp}.doi`, message: `DOI ${paper.doi} appears twice in this file` });
    dois.add(paper.doi);
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
          ...quantityErrors(step.temperature, "degC", `${sp}.temperature`, "a temperature"),
          ...quantityErrors(step.duration, "h", `${sp}.duration`, "a duration"),
          ...quantityErrors(step.rampRate, "degC/min", `${sp}.rampRate`, "a ramp rate (°C min⁻¹)"),
        );
      });
      material.measurements.forEach((m, ki) => errors.push(...measurementErrors(m, `${mp}.measurements[${ki}]`)));
    });
  });
  return errors;
}

function unitErrorsOfWellFormedMeasurements(input: unknown): FieldError[] {
  const list = (x: unknown, key: string): unknown[] => {
    const v = x && typeof x === "object" ? (x as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v : [];
  };
  return list(input, "papers").flatMap((paper, pi) =>
    list(paper, "materials").flatMap((material, mi) =>
      list(material, "measurements").flatMap((raw, ki) => {
        const m = measurementSchema.safeParse(raw);
        return m.success ? measurementErrors(m.data, `papers[${pi}].materials[${mi}].measurements[${ki}]`) : [];
      }),
    ),
  );
}

/** Parse and validate a record file. Throws RecordValidationError listing every bad field. */
export function validateRecordFile(input: unknown): RecordFileParsed {
  const parsed = recordFileSchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: formatPath(i.path) || "(file)", message: i.message }));
    // Report unit problems of the measurements that are well-formed too, so one run shows every bad field.
    errors.push(...unitErrorsOfWellFormedMeasurements(input));
    throw new RecordValidationError(errors.sort((a, b) => a.path.localeCompare(b.path, "en", { numeric: true })));
  }
  const errors = semanticErrors(parsed.data);
  if (errors.length) throw new RecordValidationError(errors);
  return parsed.data;
}

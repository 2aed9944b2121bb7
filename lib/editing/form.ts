/**
 * The paper editor's state: the record format (lib/records/schema.ts) as the strings a form holds,
 * so a half-typed "25O" survives autosave. `recordToForm` and `formToRecord` are inverse on every
 * valid record (nothing the form does not show is dropped); the checks as the user types are the
 * record file's own browser-safe ones (`checkRecordFile`); the server adds what needs mathjs (a
 * derived number recomputed), and its refusals land on the same fields.
 *
 * No React and nothing server-only (no lib/db): the editor's client components import it.
 */
import { parseNumber } from "@/lib/units/numbers";
import type {
  PaperRecord,
  MaterialRecord,
  MeasurementRecord,
  SynthesisStepRecord,
  Conditions,
  Derivation,
  Quantity,
  Range,
  ValueOrRange,
} from "@/lib/records/schema";
import { OWN_SCOPE } from "@/lib/records/scope";
import { qualifiableConditions } from "@/lib/records/schema";
import { checkRecordFile, RecordValidationError, type FieldError } from "@/lib/records/checks";
import { CONDITIONS, type ConditionDefinition } from "@/lib/units/conditions";
import type { ReviewCandidate, ReviewState } from "./review";

export interface QuantityForm {
  value: string;
  unit: string;
}

export interface RangeForm {
  min: string;
  max: string;
  unit: string;
}

/**
 * A single value or a range, as the paper states it: `given` says which; the fields of the other
 * stay as typed (switching back shows them again) but are not part of the record.
 */
export interface ValueOrRangeForm {
  given: Given;
  value: string;
  min: string;
  max: string;
  unit: string;
  /** The number or range as the paper prints it, when the numbers alone lose something. */
  reported: string;
}
export type Given = "value" | "range";

type ConditionForm<C> = C extends { kind: "quantity"; ranges: true }
  ? ValueOrRangeForm
  : C extends { kind: "quantity" }
    ? QuantityForm
    : C extends { kind: "range" }
      ? RangeForm
      : string;
/** The conditions a qualifier may go with ("over 200 cycles"): the numeric ones. */
export const QUALIFIABLE_CONDITIONS = qualifiableConditions(CONDITIONS);

/** One field per condition of the catalogue (lib/units/conditions.ts), and a qualifier per numeric one ("" for none). */
export type ConditionsForm = { [C in (typeof CONDITIONS)[number] as C["key"]]: ConditionForm<C> } & { qualifiers: Record<string, string> };

/** A number the paper states that a derived number is computed from. */
export interface DerivationInputForm extends ValueOrRangeForm {
  uid: string;
  /** The name the formula uses: "after", "m". */
  name: string;
  quote: string;
}

export interface DerivationForm {
  /** mathjs expression over the input names: "after - before", "m / A". */
  formula: string;
  inputs: DerivationInputForm[];
}

export interface MeasurementForm extends ValueOrRangeForm {
  uid: string;
  property: string;
  /** The unit matlit converts with when the printed one is a slip or missing. */
  unitReadAs: string;
  qualifier: string;
  scope: string;
  quote: string;
  location: string;
  source: string;
  /** Kept while the source is "stated", but only a derived number's record carries it. */
  derivation: DerivationForm;
  subject: string;
  note: string;
  conditions: ConditionsForm;
}

export interface StepForm {
  uid: string;
  action: string;
  /** One reagent a line: "name | amount | concentration", e.g. "NaOH | 2 mmol | 0.5 M". */
  reagents: string;
  temperature: QuantityForm;
  duration: QuantityForm;
  rampRate: QuantityForm;
  atmosphere: string;
  notes: string;
  quote: string;
}

export interface MaterialForm {
  uid: string;
  key: string;
  name: string;
  formula: string;
  /** Space- or comma-separated element symbols; empty: derived from the formula. */
  elements: string;
  role: string;
  batterySystem: string;
  materialClass: string;
  classNote: string;
  isControl: boolean;
  description: string;
  /** Comma-separated keys of the materials this one is built from. */
  components: string;
  citedReference: string;
  synthesis: StepForm[];
  measurements: MeasurementForm[];
}

export interface PaperForm {
  doi: string;
  /** Without a DOI: an arXiv id, an ISBN, a URL or a local id. */
  identifier: string;
  title: string;
  journal: string;
  year: string;
  volume: string;
  issue: string;
  articleNumber: string;
  pages: string;
  /** One author a line, in order. */
  authors: string;
  /** One keyword a line. */
  keywords: string;
  abstract: string;
  kind: string;
  license: string;
  formulas: string[];
}

export interface EditorState {
  version: 1;
  paper: PaperForm;
  materials: MaterialForm[];
  /** What the extractor proposed and the reviewer decided, when the paper was started from a text (./review.ts). */
  review?: ReviewState;
}

let counter = 0;
export function uid(prefix = "r"): string {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const q = (x?: { value: number; unit: string }): QuantityForm => ({ value: x ? String(x.value) : "", unit: x?.unit ?? "" });
const s = (x: string | number | undefined | null): string => (x === undefined || x === null ? "" : String(x));

const r = (x?: Range): RangeForm => ({ min: s(x?.min), max: s(x?.max), unit: s(x?.unit) });

/** A record's value or range ({ value } or { min, max }) as the form holds it. */
const vr = (x?: ValueOrRange & { unit: string; reported?: string }): ValueOrRangeForm => ({
  given: x && x.value === undefined && (x.min !== undefined || x.max !== undefined) ? "range" : "value",
  value: s(x?.value),
  min: s(x?.min),
  max: s(x?.max),
  unit: s(x?.unit),
  reported: s(x?.reported),
});

/**
 * A condition's form field, holding `value` (from a record) or empty; an empty one with a unit comes
 * with the catalogue's usual unit filled in (it counts only once a number is typed).
 */
function conditionForm(c: ConditionDefinition, value: unknown): QuantityForm | RangeForm | ValueOrRangeForm | string {
  const usual = value === undefined && c.placeholder ? { unit: c.placeholder } : {};
  if (c.kind === "quantity" && c.ranges) return { ...vr(value as (ValueOrRange & { unit: string }) | undefined), ...usual };
  if (c.kind === "quantity") return { ...q(value as Quantity | undefined), ...usual };
  if (c.kind === "range") return { ...r(value as Range | undefined), ...usual };
  return s(value as string | number | undefined);
}

function conditionsFormOf(given: Record<string, unknown>, qualifiers: Record<string, string> = {}): ConditionsForm {
  return {
    ...Object.fromEntries(CONDITIONS.map((c) => [c.key, conditionForm(c, given[c.key])])),
    qualifiers: Object.fromEntries(QUALIFIABLE_CONDITIONS.map((key) => [key, qualifiers[key] ?? ""])),
  } as ConditionsForm;
}

export function emptyConditions(): ConditionsForm {
  return conditionsFormOf({});
}

export function emptyInput(): DerivationInputForm {
  return { uid: uid("i"), name: "", ...vr(), quote: "" };
}

export function emptyMeasurement(property = ""): MeasurementForm {
  return {
    uid: uid("m"),
    property,
    ...vr(),
    unitReadAs: "",
    qualifier: "",
    scope: OWN_SCOPE,
    quote: "",
    location: "",
    source: "stated",
    derivation: { formula: "", inputs: [] },
    subject: "",
    note: "",
    conditions: emptyConditions(),
  };
}

/** A new row like `x` for the next number of the same kind: property, units, scope, conditions and place kept; the number, quote and notes empty. */
export function duplicateMeasurement(x: MeasurementForm): MeasurementForm {
  return {
    ...emptyMeasurement(x.property),
    given: x.given,
    unit: x.unit,
    unitReadAs: x.unitReadAs,
    scope: x.scope,
    location: x.location,
    conditions: structuredClone(x.conditions),
  };
}

export function emptyStep(): StepForm {
  return { uid: uid("s"), action: "", reagents: "", temperature: q(), duration: q(), rampRate: q(), atmosphere: "", notes: "", quote: "" };
}

export function emptyMaterial(): MaterialForm {
  return {
    uid: uid("x"),
    key: "",
    name: "",
    formula: "",
    elements: "",
    role: "",
    batterySystem: "",
    materialClass: "",
    classNote: "",
    isControl: false,
    description: "",
    components: "",
    citedReference: "",
    synthesis: [],
    measurements: [],
  };
}

export function emptyState(): EditorState {
  return {
    version: 1,
    paper: {
      doi: "",
      identifier: "",
      title: "",
      journal: "",
      year: "",
      volume: "",
      issue: "",
      articleNumber: "",
      pages: "",
      authors: "",
      keywords: "",
      abstract: "",
      kind: "research article",
      license: "",
      formulas: [],
    },
    materials: [],
  };
}

// ---------------------------------------------------------------------------------------------
// record → form

function reagentLine(r: { name: string; amount?: { value: number; unit: string }; concentration?: { value: number; unit: string } }): string {
  const qt = (x?: { value: number; unit: string }) => (x ? `${x.value} ${x.unit}` : "");
  const parts = [r.name, qt(r.amount), qt(r.concentration)];
  while (parts.length > 1 && !parts[parts.length - 1]) parts.pop();
  return parts.join(" | ");
}

function conditionsToForm(c: Conditions | undefined): ConditionsForm {
  return conditionsFormOf((c ?? {}) as Record<string, unknown>, c?.qualifiers as Record<string, string> | undefined);
}

function derivationForm(d: Derivation | undefined): DerivationForm {
  return {
    formula: s(d?.formula),
    inputs: Object.entries(d?.inputs ?? {}).map(([name, input]) => ({ uid: uid("i"), name, ...vr(input), quote: s(input.quote) })),
  };
}

/** One synthesis step of a record as the form holds it (`id` names the row: a reviewed candidate keeps its own). */
export function stepToForm(st: SynthesisStepRecord, id = uid("s")): StepForm {
  return {
    uid: id,
    action: st.action,
    reagents: (st.reagents ?? []).map(reagentLine).join("\n"),
    temperature: q(st.temperature),
    duration: q(st.duration),
    rampRate: q(st.rampRate),
    atmosphere: s(st.atmosphere),
    notes: s(st.notes),
    quote: s(st.quote),
  };
}

/** One measurement of a record as the form holds it. */
export function measurementToForm(x: MeasurementRecord, id = uid("m")): MeasurementForm {
  return {
    uid: id,
    property: x.property,
    ...vr(x),
    unitReadAs: s(x.unitReadAs),
    qualifier: s(x.qualifier),
    scope: x.scope ?? OWN_SCOPE,
    quote: x.quote,
    location: s(x.location),
    source: x.source ?? "stated",
    derivation: derivationForm(x.derivation),
    subject: s(x.subject),
    note: s(x.note),
    conditions: conditionsToForm(x.conditions),
  };
}

/** One material of a record, with its rows, as the form holds it. */
export function materialToForm(m: MaterialRecord): MaterialForm {
  return {
    uid: uid("x"),
    key: m.key,
    name: m.name,
    formula: s(m.formula),
    elements: (m.elements ?? []).join(" "),
    role: m.role,
    batterySystem: m.batterySystem,
    materialClass: m.materialClass,
    classNote: s(m.classNote),
    isControl: Boolean(m.isControl),
    description: s(m.description),
    components: (m.components ?? []).join(", "),
    citedReference: s(m.citedReference),
    synthesis: (m.synthesis ?? []).map((st) => stepToForm(st)),
    measurements: (m.measurements ?? []).map((x) => measurementToForm(x)),
  };
}

/** A paper's own fields (no materials) as the form holds them; what a record leaves out stays empty. */
export function paperToForm(p: Partial<PaperRecord>): PaperForm {
  return {
    doi: s(p.doi),
    identifier: s(p.identifier),
    title: s(p.title),
    journal: s(p.journal),
    year: s(p.year),
    volume: s(p.volume),
    issue: s(p.issue),
    articleNumber: s(p.articleNumber),
    pages: s(p.pages),
    authors: (p.authors ?? []).join("\n"),
    keywords: (p.keywords ?? []).join("\n"),
    abstract: s(p.abstract),
    kind: p.kind ?? "research article",
    license: s(p.license),
    formulas: [...(p.formulas ?? [])],
  };
}

export function recordToForm(p: PaperRecord): EditorState {
  return { version: 1, paper: paperToForm(p), materials: (p.materials ?? []).map(materialToForm) };
}

// ---------------------------------------------------------------------------------------------
// form → record

interface Builder {
  issues: FieldError[];
}

/** A number field: empty → undefined; unparsable → the raw text (zod then flags the path) and an issue. */
function num(b: Builder, raw: string, path: string, int = false): number | string | undefined {
  if (!raw.trim()) return undefined;
  const n = parseNumber(raw);
  if (n === null) {
    b.issues.push({ path, message: `"${raw.trim()}" is not a number` });
    return raw;
  }
  if (int && !Number.isInteger(n)) {
    b.issues.push({ path, message: "must be a whole number" });
  }
  return n;
}

const opt = (v: string): string | undefined => (v.trim() ? v : undefined);
const lines = (v: string): string[] =>
  v
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

function quantity(b: Builder, f: QuantityForm, path: string) {
  if (!f.value.trim() && !f.unit.trim()) return undefined;
  return {
    value: num(b, f.value, `${path}.value`) ?? (b.issues.push({ path: `${path}.value`, message: "a value is required with a unit" }), ""),
    unit: f.unit,
  };
}

function reagent(b: Builder, line: string, path: string) {
  const [name = "", amount = "", concentration = ""] = line.split("|").map((x) => x.trim());
  const qty = (text: string, p: string) => {
    if (!text) return undefined;
    const m = /^(\S+)\s*(.*)$/.exec(text)!;
    return quantity(b, { value: m[1]!, unit: m[2] ?? "" }, p);
  };
  const out: Record<string, unknown> = { name };
  const a = qty(amount, `${path}.amount`);
  const c = qty(concentration, `${path}.concentration`);
  if (a) out.amount = a;
  if (c) out.concentration = c;
  return out;
}

function range(b: Builder, f: RangeForm, path: string) {
  if (!f.min.trim() && !f.max.trim() && !f.unit.trim()) return undefined;
  return { min: num(b, f.min, `${path}.min`) ?? "", max: num(b, f.max, `${path}.max`) ?? "", unit: f.unit };
}

/** The numbers `given` says the paper states; one not typed is an issue at its field ("" for zod to flag too). */
function numbers(b: Builder, f: ValueOrRangeForm, path: string, valueMissing = "the value is required") {
  const required = (field: "value" | "min" | "max", message: string) =>
    num(b, f[field], `${path}.${field}`) ?? (b.issues.push({ path: `${path}.${field}`, message }), "");
  if (f.given === "range") return { min: required("min", "a range needs its min"), max: required("max", "a range needs its max") };
  return { value: required("value", valueMissing) };
}

/** A condition that may be a range; undefined when nothing of what `given` shows is typed. */
function quantityOrRange(b: Builder, f: ValueOrRangeForm, path: string) {
  const shown = f.given === "range" ? [f.min, f.max, f.unit, f.reported] : [f.value, f.unit, f.reported];
  if (!shown.some((x) => x.trim())) return undefined;
  return clean({ ...numbers(b, f, path, "a value is required with a unit"), unit: f.unit, reported: opt(f.reported) });
}

const INPUT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The record's derivation: inputs by name, a row without a usable name an issue at its name (and left out). */
function derivation(b: Builder, d: DerivationForm, path: string) {
  const inputs: Record<string, unknown> = {};
  d.inputs.forEach((input, i) => {
    const ip = `${path}.inputs[${i}]`;
    const name = input.name.trim();
    const problem = !name
      ? "an input needs the name the formula uses"
      : !INPUT_NAME.test(name)
        ? "an input name is a letter followed by letters, digits or _"
        : Object.hasOwn(inputs, name)
          ? `another input is named "${name}"`
          : null;
    if (problem) b.issues.push({ path: `${ip}.name`, message: problem });
    const numbered = { ...numbers(b, input, ip), unit: input.unit, reported: opt(input.reported), quote: opt(input.quote) };
    if (!problem) inputs[name] = clean(numbered);
  });
  return { formula: d.formula, inputs };
}

/** Whether a condition's field holds a number (or the text as printed): a unit alone, filled in for convenience, does not count. */
export function conditionTyped(f: QuantityForm | RangeForm | ValueOrRangeForm | string): boolean {
  if (typeof f === "string") return !!f.trim();
  return Object.entries(f).some(([part, typed]) => part !== "unit" && part !== "given" && (typed as string).trim());
}

function condition(b: Builder, c: ConditionDefinition, f: QuantityForm | RangeForm | ValueOrRangeForm | string, path: string) {
  if (!conditionTyped(f)) return undefined;
  switch (c.kind) {
    case "quantity":
      return c.ranges ? quantityOrRange(b, f as ValueOrRangeForm, path) : quantity(b, f as QuantityForm, path);
    case "range":
      return range(b, f as RangeForm, path);
    case "number":
    case "count":
      return num(b, f as string, path, c.kind === "count");
    default:
      return opt(f as string);
  }
}

function conditions(b: Builder, c: ConditionsForm, path: string) {
  const fields = c as unknown as Record<string, QuantityForm | RangeForm | ValueOrRangeForm | string>;
  const out: Record<string, unknown> = Object.fromEntries(CONDITIONS.map((d) => [d.key, condition(b, d, fields[d.key]!, `${path}.${d.key}`)]));
  const defined = Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
  const qualifiers = Object.fromEntries(Object.entries(c.qualifiers).filter(([key, q]) => q && defined[key] !== undefined));
  if (Object.keys(qualifiers).length) defined.qualifiers = qualifiers;
  return Object.keys(defined).length ? defined : undefined;
}

const clean = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The record the form describes (possibly invalid) and the fields that are not numbers. */
export function formToRecord(state: EditorState): { record: Record<string, unknown>; issues: FieldError[] } {
  const b: Builder = { issues: [] };
  const p = state.paper;
  const keywords = lines(p.keywords);
  const record = clean({
    doi: opt(p.doi),
    identifier: opt(p.identifier),
    title: p.title,
    journal: p.journal,
    year: p.year.trim() ? num(b, p.year, "year", true) : (b.issues.push({ path: "year", message: "the year is required" }), undefined),
    volume: opt(p.volume),
    issue: opt(p.issue),
    articleNumber: opt(p.articleNumber),
    pages: opt(p.pages),
    authors: lines(p.authors),
    keywords,
    abstract: opt(p.abstract),
    kind: p.kind,
    license: opt(p.license),
    status: "published",
    formulas: p.formulas,
    materials: state.materials.map((m, mi) => {
      const mp = `materials[${mi}]`;
      const elements = m.elements.split(/[\s,;]+/).filter(Boolean);
      const components = m.components.split(/[\s,;]+/).filter(Boolean);
      return clean({
        key: m.key,
        name: m.name,
        formula: opt(m.formula),
        elements: elements.length ? elements : undefined,
        role: m.role,
        batterySystem: m.batterySystem,
        materialClass: m.materialClass,
        classNote: opt(m.classNote),
        isControl: m.isControl,
        description: opt(m.description),
        components: components.length ? components : undefined,
        citedReference: opt(m.citedReference),
        synthesis: m.synthesis.map((st, si) => {
          const sp = `${mp}.synthesis[${si}]`;
          const reagents = lines(st.reagents).map((l, ri) => reagent(b, l, `${sp}.reagents[${ri}]`));
          return clean({
            action: st.action,
            reagents: reagents.length ? reagents : undefined,
            temperature: quantity(b, st.temperature, `${sp}.temperature`),
            duration: quantity(b, st.duration, `${sp}.duration`),
            atmosphere: opt(st.atmosphere),
            rampRate: quantity(b, st.rampRate, `${sp}.rampRate`),
            notes: opt(st.notes),
            quote: opt(st.quote),
          });
        }),
        measurements: m.measurements.map((x, ki) => {
          const kp = `${mp}.measurements[${ki}]`;
          const source = x.source || "stated";
          return clean({
            property: x.property,
            ...numbers(b, x, kp),
            reported: opt(x.reported),
            unit: x.unit,
            unitReadAs: opt(x.unitReadAs),
            qualifier: opt(x.qualifier),
            scope: x.scope || OWN_SCOPE,
            conditions: conditions(b, x.conditions, `${kp}.conditions`),
            quote: x.quote,
            location: opt(x.location),
            source,
            derivation: source === "derived" ? derivation(b, x.derivation, `${kp}.derivation`) : undefined,
            subject: opt(x.subject),
            note: opt(x.note),
          });
        }),
      });
    }),
  });
  return { record, issues: b.issues };
}

/** Is the field at `path` one of the form's pickers, left on "— choose —"? */
function isUnchosen(state: EditorState, path: string): boolean {
  const m = /^(?:materials\[(\d+)\]\.)?(?:measurements\[(\d+)\]\.)?(property|role|batterySystem|kind)$/.exec(path);
  if (!m) return false;
  const material = m[1] !== undefined ? state.materials[Number(m[1])] : undefined;
  const measurement = m[2] !== undefined ? material?.measurements[Number(m[2])] : undefined;
  const holder = (measurement ?? material ?? state.paper) as unknown as Record<string, unknown>;
  return holder[m[3]!] === "";
}

/**
 * A record's field path as the form's: the record names a derivation input
 * (derivation.inputs.m.value), the form numbers its rows (derivation.inputs[1].value).
 */
export function formPath(state: EditorState, path: string): string {
  const m = /^(materials\[(\d+)\]\.measurements\[(\d+)\]\.derivation\.inputs)\.([A-Za-z0-9_]+)(.*)$/.exec(path);
  if (!m) return path;
  const i = state.materials[Number(m[2])]?.measurements[Number(m[3])]?.derivation.inputs.findIndex((x) => x.name.trim() === m[4]) ?? -1;
  return i < 0 ? path : `${m[1]}[${i}]${m[5] || ".name"}`;
}

/** Every problem of the form, by field path within the paper ("materials[0].measurements[2].unit"). */
/**
 * What a paper needs to be published beyond a valid record: something measured. (A record file may
 * import a paper's bibliography alone; the form and the API publish what a reader can search.)
 */
export function publishingProblems(record: { materials?: { measurements?: unknown[] }[] }): FieldError[] {
  return (record.materials ?? []).some((m) => (m.measurements ?? []).length)
    ? []
    : [{ path: "materials", message: "add at least one material with one measurement before publishing" }];
}

export function validateForm(state: EditorState): FieldError[] {
  const { record, issues } = formToRecord(state);
  issues.push(...publishingProblems(record as { materials?: { measurements?: unknown[] }[] }));
  const own = new Set(issues.map((i) => i.path));
  let schemaErrors: FieldError[] = [];
  try {
    checkRecordFile({ papers: [record] });
  } catch (e) {
    if (!(e instanceof RecordValidationError)) throw e;
    schemaErrors = e.errors.map((x) => ({ path: formPath(state, x.path.replace(/^papers\[0\]\.?/, "") || "(paper)"), message: x.message }));
  }
  // A field that is not a number says so in its own words, not zod's; so does an unchosen option.
  return [...issues, ...schemaErrors.filter((x) => !own.has(x.path)).map((x) => (isUnchosen(state, x.path) ? { path: x.path, message: "choose one" } : x))];
}

/** A material key from its name: "FeS₂ QD/MXene" → "fes2-qd-mxene". */
export function slugify(name: string): string {
  // NFKD writes subscripts as digits ("₂" → "2") and splits accents off their letters.
  return name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** Steps of the editor, and which error paths belong to each. */
export const STEPS = [
  { key: "source", label: "From a text or file" },
  { key: "paper", label: "Paper" },
  { key: "materials", label: "Materials" },
  { key: "synthesis", label: "Synthesis steps" },
  { key: "measurements", label: "Measurements" },
] as const;
export type StepKey = (typeof STEPS)[number]["key"];

export function stepOfPath(path: string): StepKey {
  if (/^materials\[\d+\]\.synthesis/.test(path)) return "synthesis";
  if (/^materials\[\d+\]\.measurements/.test(path)) return "measurements";
  if (path.startsWith("materials")) return "materials";
  return "paper";
}

/** Field names as the form labels them, where the record's name would puzzle a reader. */
const FIELD_WORDS: Record<string, string> = {
  doi: "DOI",
  materialClass: "material class",
  batterySystem: "battery system",
  unitReadAs: "unit read as",
  rampRate: "heating rate",
  articleNumber: "article number",
  isControl: "control",
  min: "min",
  max: "max",
};

/**
 * A field's path in words: "materials[0].measurements[1].conditions.cycle" → "S@HCS, measurement 2,
 * cycle number" — what a problem list shows instead of the record's path.
 */
export function fieldLabel(state: EditorState, path: string): string {
  const parts: string[] = [];
  const m = /^materials\[(\d+)\]\.?(.*)$/.exec(path);
  let rest = path;
  if (m) {
    parts.push(state.materials[Number(m[1])]?.name.trim() || `material ${Number(m[1]) + 1}`);
    rest = m[2]!;
    const row = /^(measurements|synthesis)\[(\d+)\]\.?(.*)$/.exec(rest);
    if (row) {
      parts.push(`${row[1] === "measurements" ? "measurement" : "synthesis step"} ${Number(row[2]) + 1}`);
      rest = row[3]!;
    }
  }
  const condition = /^conditions\.(?:qualifiers\.)?(\w+)/.exec(rest);
  if (condition) parts.push(CONDITIONS.find((c) => c.key === condition[1])?.label.toLowerCase() ?? condition[1]!);
  else if (rest)
    parts.push(
      rest
        .split(".")
        .map((w) => FIELD_WORDS[w] ?? w.replace(/\[(\d+)\]/g, (_x, n: string) => ` ${Number(n) + 1}`))
        .join(" "),
    );
  return parts.join(", ") || "the paper";
}

/** The DOM id of a field's input, from its path. */
export const fieldId = (path: string): string => `f-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

/**
 * `given` of a saved value-or-range field as it was saved; in a draft from before it was chosen, a
 * range where min or max was typed.
 */
function settleGiven(f: ValueOrRangeForm, saved: unknown): Given {
  const was = saved && typeof saved === "object" ? (saved as { given?: unknown }).given : undefined;
  f.given = was === "value" || was === "range" ? was : f.min.trim() || f.max.trim() ? "range" : "value";
  return f.given;
}

/** A saved draft as editor state: every field present and of its type (a draft is whatever was PUT). */
export function coerceState(raw: unknown): EditorState {
  const obj = (x: unknown): Record<string, unknown> => (x && typeof x === "object" && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  const str = (x: unknown): string => (typeof x === "string" ? x : typeof x === "number" ? String(x) : "");
  const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
  const fill = <T extends object>(template: T, value: unknown): T => {
    const v = obj(value);
    const out: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(template)) {
      if (t === undefined || t === null) continue;
      if (typeof t === "string") out[k] = k === "uid" ? str(v[k]) || t : str(v[k]);
      else if (typeof t === "boolean") out[k] = v[k] === true;
      else if (Array.isArray(t)) out[k] = arr(v[k]).filter((x): x is string => typeof x === "string");
      else out[k] = fill(t as object, v[k]);
    }
    return out as T;
  };
  const state = obj(raw);
  const base = emptyState();
  const paper = fill(base.paper, state.paper);
  if (!obj(state.paper).kind) paper.kind = base.paper.kind;
  return {
    version: 1,
    paper,
    materials: arr(state.materials)
      .slice(0, 2000)
      .map((m) => {
        const material = fill({ ...emptyMaterial(), synthesis: undefined, measurements: undefined } as unknown as MaterialForm, m);
        material.synthesis = arr(obj(m).synthesis).map((x) => fill(emptyStep(), x));
        material.measurements = arr(obj(m).measurements).map((x) => {
          const row = fill(emptyMeasurement(), x);
          if (!row.source) row.source = "stated";
          if (!row.scope) row.scope = OWN_SCOPE;
          row.derivation.inputs = arr(obj(obj(x).derivation).inputs).map((i) => {
            const input = fill(emptyInput(), i);
            settleGiven(input, i);
            return input;
          });
          for (const c of CONDITIONS) if ("ranges" in c) settleGiven(row.conditions[c.key], obj(obj(x).conditions)[c.key]);
          // Drafts saved before a measurement was a value or a range gave min and max beside a value:
          // now a range, the value kept in the note where it is seen.
          if (settleGiven(row, x) === "range" && !("given" in obj(x)) && row.value.trim()) {
            row.note = [row.note.trim(), `value ${row.value.trim()} (given beside the range in an earlier draft)`].filter(Boolean).join("; ");
            row.value = "";
          }
          // Drafts saved before the voltage window was one field held its parts as voltageMin, voltageMax and voltageUnit.
          const old = obj(obj(x).conditions);
          if ("voltageMin" in old || "voltageMax" in old || "voltageUnit" in old)
            row.conditions.voltageWindow = { min: str(old.voltageMin), max: str(old.voltageMax), unit: str(old.voltageUnit) };
          return row;
        });
        return material;
      }),
    ...(state.review ? { review: coerceReview(state.review) } : {}),
  };
}

/** A saved draft's review, when it has a usable one (a draft is whatever was PUT). */
function coerceReview(raw: unknown): ReviewState | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Partial<ReviewState>;
  if (typeof r.text !== "string" || !Array.isArray(r.candidates)) return undefined;
  const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === "object" && !Array.isArray(x);
  return {
    source: typeof r.source === "string" ? r.source : "pasted text",
    text: r.text,
    sections: Array.isArray(r.sections) ? r.sections.filter((s) => isObject(s) && typeof s.title === "string" && typeof s.start === "number") : [],
    materials: Array.isArray(r.materials) ? r.materials.filter((m) => isObject(m) && typeof m.key === "string") : [],
    candidates: r.candidates.filter(
      (c): c is ReviewCandidate =>
        isObject(c) &&
        typeof c.id === "string" &&
        typeof c.start === "number" &&
        typeof c.end === "number" &&
        typeof c.material === "string" &&
        (isObject(c.measurement) || isObject(c.step)) &&
        ["pending", "accepted", "rejected"].includes(c.decision as string),
    ),
  };
}

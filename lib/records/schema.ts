/**
 * The matlit record format: one zod schema for seed files, `matlit import`/`export`, the HTTP API
 * and the forms. Values are kept exactly as the paper reports them (value + unit); canonical values
 * are derived on load, so export → import → export is lossless.
 */
import { z } from "zod";
import { PROPERTY_KEYS } from "../units/properties";
import { CONDITIONS, RATE_AS_CURRENT, type ConditionCatalogue, type ConditionDefinition, type ConditionKind } from "../units/conditions";
import { SCOPES } from "./scope";
import { IDENTIFIER_FORMS, identifierKey } from "./identifiers";
import { materialClassOf, type MaterialClass } from "./material-classes";

const text = z.string().trim().min(1, "must not be empty");

/** A number with the unit the paper wrote it in, e.g. { "value": 0.1, "unit": "A g-1" }. */
export const quantitySchema = z
  .object({
    value: z.number({ error: "must be a number" }).finite(),
    unit: z.string().trim().min(1, "unit is required"),
  })
  .strict();
export type Quantity = z.infer<typeof quantitySchema>;

/** A range with one unit, e.g. a voltage window 0.01–3.0 V. */
export const rangeSchema = z
  .object({
    min: z.number().finite(),
    max: z.number().finite(),
    unit: z.string().trim().min(1, "unit is required"),
  })
  .strict()
  .refine((r) => r.min <= r.max, { message: "min must not exceed max", path: ["max"] });

export type Range = z.infer<typeof rangeSchema>;

/** The numbers of a value or a range, however a record holds them: { value } or { min, max }. */
export interface ValueOrRange {
  value?: number;
  min?: number;
  max?: number;
}

/**
 * Exactly one of a single value or a range (both ends): the check shared by measurements,
 * range-capable conditions and the inputs of a derivation, with the field each problem is at.
 */
function checkValueOrRange(q: ValueOrRange, ctx: z.RefinementCtx): void {
  const hasRange = q.min !== undefined || q.max !== undefined;
  if (q.value !== undefined && hasRange) ctx.addIssue({ code: "custom", path: ["value"], message: "give either a value or a range (min and max), not both" });
  else if (q.value === undefined && !hasRange)
    ctx.addIssue({ code: "custom", path: ["value"], message: "value is required and must be a number (or give a range: min and max)" });
  else if (hasRange && q.min === undefined) ctx.addIssue({ code: "custom", path: ["min"], message: "a range needs both min and max (min is missing)" });
  else if (hasRange && q.max === undefined) ctx.addIssue({ code: "custom", path: ["max"], message: "a range needs both min and max (max is missing)" });
  else if (q.min !== undefined && q.max !== undefined && q.min > q.max) ctx.addIssue({ code: "custom", path: ["max"], message: "min must not exceed max" });
}

const finite = (what: string) => z.number({ error: `${what} must be a number` }).finite();

/**
 * A quantity that may be a range: { value, unit } or { min, max, unit, reported }, `reported`
 * keeping the range as the paper prints it ("1–4.1 mg cm⁻²").
 */
export const quantityOrRangeSchema = z
  .object({
    value: finite("value").optional(),
    min: finite("min").optional(),
    max: finite("max").optional(),
    unit: z.string().trim().min(1, "unit is required"),
    reported: text.optional(),
  })
  .strict()
  .superRefine(checkValueOrRange);
export type QuantityOrRange = z.infer<typeof quantityOrRangeSchema>;

const CONDITION_VALUES: Record<ConditionKind, (c: ConditionDefinition) => z.ZodType> = {
  quantity: (c) => (c.ranges ? quantityOrRangeSchema : quantitySchema),
  number: () => z.number({ error: "must be a number" }).finite().positive({ error: "must be a number above 0" }),
  count: () =>
    z.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).nonnegative({ error: "must be a whole number of 0 or more" }),
  range: () => rangeSchema,
  choice: (c) => z.enum(c.options as readonly [string, ...string[]]),
  text: () => text,
};

/** How a number is bounded or approximate, as a record writes it ("up to" is ≤, "over" >). */
export const QUALIFIERS = ["=", "≈", ">", "<", "≥", "≤", "~"] as const;

/**
 * The conditions a qualifier may go with: numbers measured under ("over 200 cycles", "above 60 °C",
 * "up to 10 A g⁻¹") — not the definition of 1C, which a paper states exactly.
 */
export function qualifiableConditions(catalogue: ConditionCatalogue): string[] {
  const numeric: readonly ConditionKind[] = ["quantity", "number", "count"];
  return catalogue.filter((c) => numeric.includes(c.kind) && c.key !== RATE_AS_CURRENT.oneC).map((c) => c.key);
}

/**
 * A measurement's conditions: one optional field per entry of a conditions catalogue, in its order,
 * and `qualifiers` for those the paper bounds rather than states ({ "cycle": ">" } for "over 200 cycles").
 */
export function conditionsSchemaOf(catalogue: ConditionCatalogue) {
  const qualifiable = qualifiableConditions(catalogue);
  return z
    .object({
      ...Object.fromEntries(catalogue.map((c) => [c.key, CONDITION_VALUES[c.kind](c).optional()])),
      qualifiers: z
        .partialRecord(
          z.enum(qualifiable as [string, ...string[]], {
            error: (iss) => `"${String(iss.input)}" is not a numeric condition (one of ${qualifiable.join(", ")})`,
          }),
          z.enum(QUALIFIERS, { error: `a qualifier is one of ${QUALIFIERS.join(" ")}` }),
        )
        .optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      for (const key of Object.keys(c.qualifiers ?? {}))
        if ((c as Record<string, unknown>)[key] === undefined)
          ctx.addIssue({ code: "custom", path: ["qualifiers", key], message: `qualifies ${key}, which is not given` });
    });
}

type ConditionValue<C> = C extends { kind: "quantity"; ranges: true }
  ? QuantityOrRange
  : C extends { kind: "quantity" }
    ? Quantity
    : C extends { kind: "number" | "count" }
      ? number
      : C extends { kind: "range" }
        ? Range
        : C extends { options: readonly (infer O)[] }
          ? O
          : string;
/** The conditions of lib/units/conditions.ts as a record holds them: { currentDensity?: Quantity, cRate?: number, … }. */
export type Conditions = { [C in (typeof CONDITIONS)[number] as C["key"]]?: ConditionValue<C> } & {
  qualifiers?: Partial<Record<(typeof CONDITIONS)[number]["key"], (typeof QUALIFIERS)[number]>>;
};

export const conditionsSchema = conditionsSchemaOf(CONDITIONS) as unknown as z.ZodType<Conditions, Conditions>;

/** How a derived number was computed: a mathjs expression over named inputs, each a number the paper states. */
export const derivationSchema = z
  .object({
    /** mathjs expression over the input names, with units: "after - before", "m / A". */
    formula: text,
    inputs: z.record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, "an input name is a letter followed by letters, digits or _"),
      quantityOrRangeSchema.and(z.object({ quote: text.optional() })),
    ),
  })
  .strict();
export type Derivation = z.infer<typeof derivationSchema>;

export const measurementSchema = z
  .object({
    property: z.enum(PROPERTY_KEYS, { error: (iss) => `unknown property "${String(iss.input)}"` }),
    /** A single number; a range gives min and max instead. */
    value: finite("value").optional(),
    min: finite("min").optional(),
    max: finite("max").optional(),
    /** The number or range as the paper prints it, where the numbers alone lose something ("between 6.4×10⁻¹¹ and 2.5×10⁻⁹"). */
    reported: text.optional(),
    /** The unit exactly as the paper writes it ("" where it prints none). */
    unit: z.string(),
    /** The unit matlit converts with when the printed one is a slip or missing ("S cm-2" read as "S cm-1"). */
    unitReadAs: text.optional(),
    qualifier: z.enum(QUALIFIERS).optional(),
    /** What the number is about: the material itself unless it is a model, a precursor, a reference, another part of the cell or general knowledge. */
    scope: z.enum(SCOPES, { error: (iss) => `unknown scope "${String(iss.input)}" (one of ${SCOPES.join(", ")})` }).default("material"),
    conditions: conditionsSchema.optional(),
    /** Verbatim sentence or table cell of the paper that states the number. */
    quote: text,
    /** Where in the paper: "Fig. 4c", "Table 1", "Sect. 3.2", "Abstract". */
    location: text.optional(),
    /** "stated": the paper gives the number; "derived": matlit computed it from numbers the paper gives (see derivation). */
    source: z.enum(["stated", "derived"]).default("stated"),
    derivation: derivationSchema.optional(),
    /** What this number is about when the property alone does not say it (e.g. "Na+ on FeS2 (100)"). */
    subject: text.optional(),
    note: text.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    checkValueOrRange(m, ctx);
    if (m.source === "derived" && !m.derivation)
      ctx.addIssue({ code: "custom", path: ["derivation"], message: "a derived number needs its derivation (formula and inputs)" });
    if (m.source === "stated" && m.derivation)
      ctx.addIssue({ code: "custom", path: ["derivation"], message: 'a derivation belongs to a derived number (source "derived")' });
  });
export type MeasurementRecord = z.input<typeof measurementSchema>;

export const reagentSchema = z
  .object({
    name: text,
    amount: quantitySchema.optional(),
    concentration: quantitySchema.optional(),
  })
  .strict();

export const synthesisStepSchema = z
  .object({
    action: text,
    reagents: z.array(reagentSchema).optional(),
    temperature: quantitySchema.optional(),
    duration: quantitySchema.optional(),
    atmosphere: text.optional(),
    rampRate: quantitySchema.optional(),
    notes: text.optional(),
    quote: text.optional(),
  })
  .strict();
export type SynthesisStepRecord = z.infer<typeof synthesisStepSchema>;

export const ROLES = [
  "anode",
  "cathode",
  "electrolyte",
  "catalyst",
  "host",
  "separator",
  "interlayer",
  "binder",
  "full cell",
  "symmetric cell",
  "current collector",
  "additive",
] as const;

export const BATTERY_SYSTEMS = [
  "lithium-ion",
  "sodium-ion",
  "potassium-ion",
  "lithium metal",
  "sodium metal",
  "Li–S",
  "Na–S",
  "K–S",
  "Mg–S",
  "solid-state Li–S",
  "solid-state sodium",
  "solid-state lithium",
] as const;

export const materialSchema = z
  .object({
    /** Identifier within the paper, lower-case slug: "fes2-qd-mxene". */
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "key must be a lower-case slug (a-z, 0-9, -)"),
    /** Name as the paper writes it (Unicode subscripts allowed): "FeS₂ QD/MXene". */
    name: text,
    /** Chemical formula(s) in ASCII, components separated by "/": "FeS2/Ti3C2Tx". */
    formula: text.optional(),
    /** Elements; derived from the formula when omitted. */
    elements: z.array(z.string().regex(/^[A-Z][a-z]?$/, "an element symbol")).optional(),
    role: z.enum(ROLES),
    batterySystem: z.enum(BATTERY_SYSTEMS),
    /**
     * One of the material classes (./material-classes.ts). Free text from before the list (or from
     * an extractor) reads as "other" with the text kept as the class note, so nothing is lost.
     */
    materialClass: text,
    /** What the class alone does not say: "high-entropy O3-type", "quantum dots on 3D MXene". */
    classNote: text.optional(),
    isControl: z.boolean().default(false),
    description: text.optional(),
    /** Keys of other materials of the same paper this one is built from (full and symmetric cells). */
    components: z.array(z.string()).optional(),
    /** For reviews: the primary work the review cites for this material. */
    citedReference: text.optional(),
    synthesis: z.array(synthesisStepSchema).default([]),
    measurements: z.array(measurementSchema).default([]),
  })
  .strict()
  .transform((m) => {
    const listed = materialClassOf(m.materialClass);
    if (listed) return { ...m, materialClass: listed };
    const { classNote, ...rest } = m;
    return { ...rest, materialClass: "other" as MaterialClass, classNote: [m.materialClass, classNote].filter(Boolean).join("; ") };
  });
export type MaterialRecord = z.input<typeof materialSchema>;

/**
 * Registered DOIs are far shorter; the DOI is also the paper's address (/papers/<DOI>), which must
 * stay within what servers accept in a URL.
 */
export const DOI_MAX_LENGTH = 200;
/** "10." + registrant (with optional sub-divisions, 10.1000.10) + "/" + a suffix of visible characters. */
const DOI_SHAPE = /^10\.\d{4,9}(?:\.\d+)*\/[^\s\p{C}]+$/u;

export const paperSchema = z
  .object({
    doi: z
      .string()
      .trim()
      .max(DOI_MAX_LENGTH, { error: (iss) => `a DOI has at most ${DOI_MAX_LENGTH} characters (this one has ${String(iss.input).length})` })
      .regex(DOI_SHAPE, "a DOI such as 10.1007/s40820-025-01858-2: 10., the registrant's number, a slash and a suffix without spaces or control characters")
      .transform((d) => d.toLowerCase())
      .optional(),
    /** For a paper without a DOI: an arXiv id, an ISBN, a URL or a local id (lib/records/identifiers.ts). */
    identifier: z.string().trim().max(DOI_MAX_LENGTH).optional(),
    title: text,
    journal: text,
    year: z.number().int().min(1900).max(2100),
    volume: text.optional(),
    issue: text.optional(),
    articleNumber: text.optional(),
    pages: text.optional(),
    authors: z.array(text).min(1, "at least one author"),
    keywords: z.array(text).default([]),
    abstract: text.optional(),
    kind: z.enum(["research article", "review"]),
    license: text.optional(),
    status: z.enum(["draft", "published"]).default("published"),
    /** Keys of catalogue formulas the paper uses. */
    formulas: z.array(z.string()).default([]),
    materials: z.array(materialSchema).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.doi && p.identifier)
      ctx.addIssue({ code: "custom", path: ["identifier"], message: "give the DOI or another identifier, not both (the DOI names the paper)" });
    else if (!p.doi && !p.identifier)
      ctx.addIssue({ code: "custom", path: ["doi"], message: `a paper needs its DOI or, without one, another identifier: ${IDENTIFIER_FORMS}` });
    else if (p.identifier) {
      const read = identifierKey(p.identifier);
      if ("problem" in read) ctx.addIssue({ code: "custom", path: ["identifier"], message: read.problem });
    }
  });
export type PaperRecord = z.input<typeof paperSchema>;
export type PaperParsed = z.output<typeof paperSchema>;

export const recordFileSchema = z
  .object({
    $schema: z.string().optional(),
    papers: z.array(paperSchema),
  })
  .strict();
export type RecordFile = z.input<typeof recordFileSchema>;
export type RecordFileParsed = z.output<typeof recordFileSchema>;

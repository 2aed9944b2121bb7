/**
 * The matlit record format: one zod schema for seed files, `matlit import`/`export`, the HTTP API
 * and the forms. Values are kept exactly as the paper reports them (value + unit); canonical values
 * are derived on load, so export → import → export is lossless.
 */
import { z } from "zod";
import { PROPERTY_KEYS } from "../units/properties";

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

export const CELL_TYPES = ["half", "full", "symmetric", "pouch", "solid-state", "coin", "three-electrode", "computed"] as const;

export const conditionsSchema = z
  .object({
    /** Gravimetric (A g⁻¹) or areal (mA cm⁻²) current density; the unit decides which. */
    currentDensity: quantitySchema.optional(),
    /** C-rate as a number of C (0.5 for C/2). */
    cRate: z.number().positive().finite().optional(),
    /** The paper's own definition of 1C, e.g. { "value": 200, "unit": "mA g-1" }. */
    oneC: quantitySchema.optional(),
    temperature: quantitySchema.optional(),
    /** Cycle number at which the value was read (or number of cycles for retention). */
    cycle: z.number().int().nonnegative().optional(),
    scanRate: quantitySchema.optional(),
    voltageWindow: rangeSchema.optional(),
    cellType: z.enum(CELL_TYPES).optional(),
    counterElectrode: text.optional(),
    electrolyte: text.optional(),
    massLoading: quantitySchema.optional(),
    sulfurLoading: quantitySchema.optional(),
    esRatio: quantitySchema.optional(),
    /** Anything else that qualifies the number: "after 5 cycles of activation", "DFT, Li2S6". */
    other: text.optional(),
  })
  .strict();
export type Conditions = z.infer<typeof conditionsSchema>;

export const QUALIFIERS = ["=", "≈", ">", "<", "≥", "≤", "~"] as const;

export const measurementSchema = z
  .object({
    property: z.enum(PROPERTY_KEYS, { error: (iss) => `unknown property "${String(iss.input)}"` }),
    value: z.number({ error: "value is required and must be a number" }).finite(),
    unit: z.string(),
    /** Range as reported ("2–7 mg cm⁻²"); value is then a representative (usually the mean or upper) value. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    qualifier: z.enum(QUALIFIERS).optional(),
    conditions: conditionsSchema.optional(),
    /** Verbatim sentence or table cell of the paper that states the number. */
    quote: text,
    /** Where in the paper: "Fig. 4c", "Table 1", "Sect. 3.2", "Abstract". */
    location: text.optional(),
    source: z.enum(["stated", "derived"]).default("stated"),
    /** What this number is about when the property alone does not say it (e.g. "Na+ on FeS2 (100)"). */
    subject: text.optional(),
    note: text.optional(),
  })
  .strict()
  .refine((m) => m.min === undefined || m.max === undefined || m.min <= m.max, {
    message: "min must not exceed max",
    path: ["max"],
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

export const ROLES = ["anode", "cathode", "electrolyte", "catalyst", "host", "separator", "interlayer", "binder", "full cell", "symmetric cell", "current collector", "additive"] as const;

export const BATTERY_SYSTEMS = ["lithium-ion", "sodium-ion", "potassium-ion", "lithium metal", "sodium metal", "Li–S", "Na–S", "K–S", "Mg–S", "solid-state Li–S", "solid-state sodium", "solid-state lithium"] as const;

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
    materialClass: text,
    isControl: z.boolean().default(false),
    description: text.optional(),
    /** Keys of other materials of the same paper this one is built from (full and symmetric cells). */
    components: z.array(z.string()).optional(),
    /** For reviews: the primary work the review cites for this material. */
    citedReference: text.optional(),
    synthesis: z.array(synthesisStepSchema).default([]),
    measurements: z.array(measurementSchema).default([]),
  })
  .strict();
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
      .transform((d) => d.toLowerCase()),
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
  .strict();
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

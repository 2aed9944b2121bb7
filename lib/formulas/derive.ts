/**
 * Derived figures and the consistency audit. From the numbers a paper states, matlit recomputes
 * every catalogue figure whose inputs a material's measurements hold, and where the paper also
 * states that figure, compares the two. Tolerance follows the stated precision: the recomputed
 * value must round to the stated one (± half a unit of its last printed digit), widened only by half
 * of what rounding the inputs could move the result (each input ± half a unit of its last digit).
 */
import { OWN_SCOPE } from "../records/scope";
import type { PrismaClient } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { evaluateFormula } from "./evaluate";
import { formulaDefinition } from "./catalogue";
import { formatQuantity, prettyNumber } from "../units/display";
import { inCanonicalUnit, property } from "../units";
import { currentOfRate } from "../units/conditions";

export interface FigureInput {
  name: string;
  measurementId: number | null;
  material: string;
  value: number;
  unit: string;
  quote?: string;
}

export interface DerivedFigure {
  formula: string;
  formulaName: string;
  /** What the figure is, in a researcher's words: "capacity retention at −35 °C vs 25 °C". */
  label: string;
  materialId: number;
  value: number;
  unit: string;
  display: string;
  inputs: FigureInput[];
}

export interface AuditFlag {
  formula: string;
  formulaName: string;
  label: string;
  materialId: number;
  material: string;
  stated: { measurementId: number; value: number; unit: string; display: string; quote: string; location: string | null };
  recomputed: { value: number; min: number; max: number; unit: string; display: string };
  inputs: FigureInput[];
  message: string;
}

/** A measurement row as the audit reads it (canonical values and condition columns). */
export interface AuditMeasurement {
  id: number;
  materialId: number;
  materialKey: string;
  materialName: string;
  batterySystem: string;
  propertyKey: string;
  value: number;
  unit: string;
  canonicalValue: number;
  /** Set when the paper reported a range. */
  min: number | null;
  qualifier: string | null;
  source: string;
  quote: string;
  location: string | null;
  subject: string | null;
  /** The record author's note on the number. */
  note: string | null;
  currentDensity: number | null;
  cRate: number | null;
  temperature: number | null;
  cycle: number | null;
  sulfurLoading: number | null;
  massLoading: number | null;
  oneC: number | null;
}

/** Sulfur to Li₂S/Na₂S/K₂S: 2 e⁻ per S, the 1675 mAh g⁻¹ the Li–S literature quotes. */
export const SULFUR_THEORETICAL_CAPACITY = 1675;

/** Half a unit of the last printed digit: 255.2 → 0.05, 1.2e-11 → 0.05e-11; "≈" widens to 5 %. */
export function precisionOf(value: number, qualifier: string | null = null): number {
  // As JavaScript prints it, which is how it was written in the record: "255.2", "90", "1.2e-11".
  const [mantissa, exponent = "0"] = String(Math.abs(value)).split("e");
  const digitsAfterPoint = (mantissa!.split(".")[1] ?? "").length - Number(exponent);
  const half = 0.5 * 10 ** -digitsAfterPoint;
  return qualifier === "≈" || qualifier === "~" ? Math.max(half, Math.abs(value) * 0.05) : half;
}

interface Input {
  name: string;
  value: number;
  from: AuditMeasurement | null;
  /** Whether the number is exact (a count, a definition) rather than a rounded reading. */
  exact?: boolean;
}

function describe(m: AuditMeasurement | null, name: string, value: number, unit: string): FigureInput {
  return { name, measurementId: m?.id ?? null, material: m?.materialName ?? "", value, unit, ...(m ? { quote: m.quote } : {}) };
}

/** Evaluate a formula on canonical inputs, with its range over the inputs' precision box. */
function evaluateWithRange(key: string, inputs: Input[]): { value: number; min: number; max: number; unit: string } | null {
  const def = formulaDefinition(key)!;
  const unitOf = (name: string) => def.variables.find((v) => v.name === name)!.unit;
  const run = (values: number[]) => {
    const request = Object.fromEntries(inputs.map((x, i) => [x.name, unitOf(x.name) === "*" ? { value: values[i]!, unit: "" } : values[i]!]));
    return evaluateFormula(key, { inputs: request }).value;
  };
  try {
    const value = run(inputs.map((x) => x.value));
    const spans = inputs.map((x) => (x.exact ? 0 : precisionOf(x.from?.value ?? x.value, x.from?.qualifier) * (x.from ? x.value / x.from.value || 1 : 1)));
    let min = value;
    let max = value;
    for (let corner = 0; corner < 2 ** inputs.length; corner++) {
      const v = run(inputs.map((x, i) => x.value + (corner & (1 << i) ? spans[i]! : -spans[i]!)));
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return { value, min, max, unit: def.outputUnit };
  } catch {
    return null; // inputs outside the formula's domain: nothing to derive
  }
}

/** Does a stated value agree with a recomputed one, given both precisions? */
export function withinTolerance(stated: number, statedHalf: number, recomputed: { value: number; min: number; max: number }): boolean {
  const tolerance = Math.max(statedHalf, (recomputed.max - recomputed.min) / 4) + 1e-9 * Math.abs(recomputed.value);
  return Math.abs(stated - recomputed.value) <= tolerance;
}

const same = (a: number | null, b: number | null) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
const fmtT = (t: number | null) => (t === null ? "" : `${prettyNumber(t)} °C`);
const fmtCD = (m: AuditMeasurement) =>
  m.currentDensity !== null ? `${prettyNumber(m.currentDensity)} A g⁻¹` : m.cRate !== null ? `${prettyNumber(m.cRate)}C` : "";

class Auditor {
  readonly derived: DerivedFigure[] = [];
  readonly flags: AuditFlag[] = [];

  /** Derives a catalogue figure from `inputs`; flags each of `stated` (the paper's own value of it) that disagrees. */
  figure(key: string, label: string, material: AuditMeasurement, inputs: Input[], stated?: AuditMeasurement[]) {
    const result = evaluateWithRange(key, inputs);
    if (!result) return;
    const def = formulaDefinition(key)!;
    const described = inputs.map((x) => describe(x.from, x.name, x.value, x.from ? property(x.from.propertyKey)!.unit : ""));
    const display = formatQuantity(Number(result.value.toPrecision(4)), result.unit || "");
    this.derived.push({
      formula: key,
      formulaName: def.name,
      label,
      materialId: material.materialId,
      value: result.value,
      unit: result.unit,
      display,
      inputs: described,
    });
    for (const s of stated ?? []) {
      if (withinTolerance(s.canonicalValue, precisionOf(s.value, s.qualifier) * (s.canonicalValue / s.value || 1), result)) continue;
      this.flag(key, label, s, { ...result, display }, described, {
        message: `${s.materialName}: the paper states ${label} = ${formatQuantity(s.value, s.unit)}, but ${def.name.toLowerCase()} from its own numbers gives ${display} (${prettyNumber(Number(result.min.toPrecision(4)))}–${prettyNumber(Number(result.max.toPrecision(4)))} within the stated precision).`,
      });
    }
  }

  /** A stated number (or what it implies) that the paper's other numbers contradict. */
  flag(
    key: string,
    label: string,
    stated: AuditMeasurement,
    recomputed: AuditFlag["recomputed"],
    inputs: FigureInput[],
    text: { message: string; statedAs?: Pick<AuditFlag["stated"], "value" | "unit" | "display"> },
  ) {
    this.flags.push({
      formula: key,
      formulaName: formulaDefinition(key)!.name,
      label,
      materialId: stated.materialId,
      material: stated.materialName,
      stated: {
        measurementId: stated.id,
        value: stated.value,
        unit: stated.unit,
        display: formatQuantity(stated.value, stated.unit),
        ...text.statedAs,
        quote: stated.quote,
        location: stated.location,
      },
      recomputed,
      inputs,
      message: text.message,
    });
  }
}

/** One material's stated measurements, by property. */
interface MaterialNumbers {
  all: AuditMeasurement[];
  of: (property: string) => AuditMeasurement[];
  capacities: AuditMeasurement[];
}

/** Same current (density or C-rate) and temperature. */
const sameConditions = (a: AuditMeasurement, b: AuditMeasurement) =>
  same(a.currentDensity, b.currentDensity) && same(a.cRate, b.cRate) && same(a.temperature, b.temperature);

const ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
const NAMED_BASELINE = new RegExp(
  String.raw`\b(?:relative to|compared (?:with|to)|based on|versus|vs\.?|against|with respect to|normali[sz]ed to)\s+(?:that (?:of|at|in)\s+)?(?:the\s+)?(?:(\d+)(?:st|nd|rd|th)|(${ORDINAL_WORDS.join("|")}))[\s-]+cycle\b`,
  "i",
);

/** The cycle a paper names as its retention baseline ("relative to the 2nd cycle", "vs. the first cycle"), or null. */
export function namedBaselineCycle(texts: (string | null)[]): number | null {
  for (const text of texts) {
    const m = text?.match(NAMED_BASELINE);
    if (m) return m[1] ? Number(m[1]) : ORDINAL_WORDS.indexOf(m[2]!.toLowerCase()) + 1;
  }
  return null;
}

/**
 * Cycling retention and decay: a capacity at cycle N against the baseline a battery researcher
 * uses, under the same conditions: the cycle the paper names, else the first reversible cycle (cycle
 * 2, or the earliest recorded after cycle 1). Cycle 1 is a baseline only when the paper names it: its
 * capacity carries the irreversible first-cycle loss (SEI, trapped ions), so a retention over it
 * understates the fade of every electrode with an initial coulombic efficiency below 100 %.
 */
function cyclingRetention({ of, capacities }: MaterialNumbers, audit: Auditor) {
  for (const late of capacities.filter((m) => m.cycle !== null && m.cycle > 1)) {
    const matchesCycle = (m: AuditMeasurement) => m.cycle === late.cycle && sameConditions(m, late);
    const statedRetention = of("capacity_retention").filter(matchesCycle);
    const earlier = capacities.filter((m) => m.cycle !== null && m.cycle < late.cycle! && sameConditions(m, late)).sort((a, b) => a.cycle! - b.cycle!);
    const named = namedBaselineCycle([...statedRetention, late].flatMap((m) => [m.quote, m.note]));
    const namedCapacity = named === null ? undefined : earlier.find((m) => m.cycle === named);
    const baseline = namedCapacity ?? earlier.find((m) => m.cycle! > 1);
    if (!baseline) continue;
    const b = baseline.cycle!;
    const why = namedCapacity ? "the paper's baseline" : b === 2 ? "the first reversible cycle" : "the earliest reversible cycle recorded";
    // A paper's figure over a baseline it names and the record lacks is not this figure: no flag.
    const comparable = named === null || namedCapacity !== undefined;
    const where = [fmtCD(late), fmtT(late.temperature)].filter(Boolean).join(", ");
    const capacityInputs: Input[] = [
      { name: "C_n", value: late.canonicalValue, from: late },
      { name: "C_0", value: baseline.canonicalValue, from: baseline },
    ];
    audit.figure(
      "capacity_retention",
      `capacity retention at cycle ${late.cycle} against cycle ${b}, ${why} (${where})`,
      late,
      capacityInputs,
      comparable ? statedRetention : [],
    );
    audit.figure(
      "decay_per_cycle",
      `capacity decay per cycle from cycle ${b} to cycle ${late.cycle}, ${why} (${where})`,
      late,
      [...capacityInputs, { name: "N", value: late.cycle! - b, from: null, exact: true }],
      comparable ? of("capacity_decay_per_cycle").filter(matchesCycle) : [],
    );
  }
}

/** Low- and high-temperature retention against 25 °C at the same current and cycle. */
function temperatureRetention({ capacities }: MaterialNumbers, audit: Auditor) {
  for (const m of capacities.filter((x) => x.temperature !== null && x.temperature !== 25)) {
    const reference = capacities.find((r) => r.temperature === 25 && same(r.currentDensity, m.currentDensity) && same(r.cRate, m.cRate) && r.cycle === m.cycle);
    if (!reference) continue;
    audit.figure(
      "capacity_retention",
      `capacity at ${fmtT(m.temperature)} relative to 25 °C (${[fmtCD(m), m.cycle !== null ? `cycle ${m.cycle}` : ""].filter(Boolean).join(", ")})`,
      m,
      [
        { name: "C_n", value: m.canonicalValue, from: m },
        { name: "C_0", value: reference.canonicalValue, from: reference },
      ],
    );
  }
}

/** Rate capability: each current density of a rate test against the lowest one. */
function rateRetention({ capacities }: MaterialNumbers, audit: Auditor) {
  const rateTest = capacities.filter((m) => m.cycle === null && m.currentDensity !== null);
  for (const temperature of new Set(rateTest.map((m) => m.temperature))) {
    const series = rateTest.filter((m) => same(m.temperature, temperature)).sort((a, b) => a.currentDensity! - b.currentDensity!);
    const lowest = series[0];
    for (const m of series.slice(1)) {
      if (!lowest || same(m.currentDensity, lowest.currentDensity)) continue;
      audit.figure("capacity_retention", `rate retention at ${fmtCD(m)} vs ${fmtCD(lowest)}${temperature !== null ? ` (${fmtT(temperature)})` : ""}`, m, [
        { name: "C_n", value: m.canonicalValue, from: m },
        { name: "C_0", value: lowest.canonicalValue, from: lowest },
      ]);
    }
  }
}

/** Areal capacity and loading → specific capacity; a sulfur cathode cannot exceed sulfur's theoretical capacity. */
function specificFromAreal({ of, capacities }: MaterialNumbers, audit: Auditor) {
  const loadings = of("sulfur_loading");
  for (let areal of of("areal_capacity")) {
    // The loading is a condition of the areal capacity, or the material's one recorded loading.
    const loadingRecord =
      areal.sulfurLoading === null && areal.massLoading === null && loadings.length === 1 && loadings[0]!.min === null ? loadings[0]! : null;
    if (loadingRecord) areal = { ...areal, sulfurLoading: loadingRecord.canonicalValue };
    const loading = areal.sulfurLoading ?? areal.massLoading;
    if (loading === null) continue;
    const inputs: Input[] = [
      { name: "C_areal", value: areal.canonicalValue, from: areal },
      { name: "loading", value: loading, from: null },
    ];
    const statedSpecific = capacities.filter(
      (c) =>
        same(c.cRate, areal.cRate) &&
        same(c.currentDensity, areal.currentDensity) &&
        c.cycle === areal.cycle &&
        same(c.sulfurLoading ?? c.massLoading, loading),
    );
    audit.figure(
      "specific_capacity_from_areal",
      `specific capacity from ${prettyNumber(areal.value)} mAh cm⁻² at ${prettyNumber(loading)} mg cm⁻²`,
      areal,
      inputs,
      statedSpecific,
    );
    if (!/–S$/.test(areal.batterySystem) || areal.sulfurLoading === null) continue;
    const implied = evaluateWithRange("specific_capacity_from_areal", inputs);
    if (!implied || implied.min <= SULFUR_THEORETICAL_CAPACITY) continue;
    const theoretical: AuditMeasurement = {
      ...areal,
      propertyKey: "specific_capacity",
      value: SULFUR_THEORETICAL_CAPACITY,
      unit: "mAh/g",
      canonicalValue: SULFUR_THEORETICAL_CAPACITY,
      qualifier: null,
      quote: "sulfur's theoretical capacity, 1675 mAh g⁻¹",
      location: null,
    };
    audit.flag(
      "specific_capacity_from_areal",
      "specific capacity implied by areal capacity and sulfur loading",
      areal,
      { ...implied, display: `${prettyNumber(Number(implied.value.toPrecision(4)))} mAh g⁻¹` },
      [
        describe(areal, "C_areal", areal.canonicalValue, "mAh/cm^2"),
        describe(null, "loading", loading, "mg/cm^2"),
        describe(theoretical, "C_theo", SULFUR_THEORETICAL_CAPACITY, "mAh/g"),
      ],
      {
        message: `${areal.materialName}: ${formatQuantity(areal.value, areal.unit)} at ${prettyNumber(loading)} mg cm⁻² of sulfur implies ${prettyNumber(Math.round(implied.value))} mAh g⁻¹, above sulfur's theoretical ${SULFUR_THEORETICAL_CAPACITY} mAh g⁻¹.`,
      },
    );
  }
}

/** Sulfur utilization: the capacity it names against sulfur's theoretical capacity. */
function sulfurUtilization({ of, capacities }: MaterialNumbers, audit: Auditor) {
  for (const u of of("sulfur_utilization")) {
    const capacity = capacities.find(
      (c) => u.quote.includes(String(c.value)) || (same(c.cRate, u.cRate) && same(c.currentDensity, u.currentDensity) && c.quote === u.quote),
    );
    if (!capacity) continue;
    audit.figure(
      "capacity_utilization",
      `${property(u.propertyKey)!.label.toLowerCase()} of ${prettyNumber(capacity.value)} mAh g⁻¹`,
      u,
      [
        { name: "C", value: capacity.canonicalValue, from: capacity },
        { name: "C_theo", value: SULFUR_THEORETICAL_CAPACITY, from: null, exact: true },
      ],
      [u],
    );
  }
}

/** Energy and power density give the discharge time, hence the C-rate the paper should state. */
function dischargeTime({ of }: MaterialNumbers, audit: Auditor) {
  for (const e of of("energy_density")) {
    const powers = of("power_density").filter((x) => same(x.temperature, e.temperature));
    const p = powers.find((x) => x.quote === e.quote || same(x.cRate, e.cRate)) ?? (powers.length === 1 ? powers[0] : undefined);
    if (!p) continue;
    const inputs: Input[] = [
      { name: "E", value: e.canonicalValue, from: e },
      { name: "P", value: p.canonicalValue, from: p },
    ];
    audit.figure("discharge_time", `discharge time at ${prettyNumber(e.value)} Wh kg⁻¹ and ${prettyNumber(p.value)} W kg⁻¹`, e, inputs);
    const rate = e.cRate ?? p.cRate;
    if (rate === null) continue;
    const t = evaluateWithRange("discharge_time", inputs);
    if (!t || (1 / rate >= t.min * 0.9 && 1 / rate <= t.max * 1.1)) continue;
    const hours = prettyNumber(Number(t.value.toPrecision(3)));
    const impliedRate = prettyNumber(Number((1 / t.value).toPrecision(2)));
    audit.flag(
      "discharge_time",
      "discharge time implied by energy and power density vs the stated C-rate",
      e,
      { ...t, unit: "h", display: `${hours} h (≈${impliedRate}C)` },
      [describe(e, "E", e.canonicalValue, "Wh/kg"), describe(p, "P", p.canonicalValue, "W/kg")],
      {
        statedAs: { value: rate, unit: "C", display: `${prettyNumber(rate)}C (a ${prettyNumber(1 / rate)} h discharge)` },
        message: `${e.materialName}: ${prettyNumber(e.value)} Wh kg⁻¹ at ${prettyNumber(p.value)} W kg⁻¹ is a ${hours} h discharge (≈${impliedRate}C), but the paper states ${prettyNumber(rate)}C (${prettyNumber(1 / rate)} h).`,
      },
    );
  }
}

/** A C-rate, the paper's 1C and a current density stated together must agree. */
function cRateCurrent({ all }: MaterialNumbers, audit: Auditor) {
  for (const m of all.filter((x) => x.cRate !== null && x.oneC !== null && x.currentDensity !== null)) {
    if (same(currentOfRate(m.cRate!, m.oneC!), m.currentDensity)) continue;
    audit.figure("c_rate_current", `current of ${prettyNumber(m.cRate!)}C`, m, [
      { name: "rate", value: m.cRate!, from: null, exact: true },
      { name: "Q_1C", value: m.oneC!, from: null, exact: true },
    ]);
  }
}

/** The audit's rules over one material's numbers, in the order their figures are listed. */
const MATERIAL_RULES: ((numbers: MaterialNumbers, audit: Auditor) => void)[] = [
  cyclingRetention,
  temperatureRetention,
  rateRetention,
  specificFromAreal,
  sulfurUtilization,
  dischargeTime,
  cRateCurrent,
];

/**
 * Peak shifts: a stated shift against the two binding energies of the same core level (O 1s…),
 * named in its own sentence or recorded for the paper's materials (so a rule over the whole paper).
 */
function peakShifts(stated: AuditMeasurement[], audit: Auditor) {
  const energies = stated.filter((m) => m.propertyKey === "binding_energy_xps");
  const coreLevel = (text: string | null) =>
    text
      ?.match(/\b([A-Z][a-z]?) ?(\d[spdf](?:\d\/\d)?)\b/)
      ?.slice(1)
      .join(" ");
  for (const shift of stated.filter((m) => m.propertyKey === "peak_shift")) {
    const level = coreLevel(shift.subject) ?? coreLevel(shift.quote);
    const inQuote = energies.filter((b) => shift.quote.includes(String(b.value)));
    const named =
      inQuote.length >= 2 || !level ? inQuote : energies.filter((b) => coreLevel(b.subject) === level || (!b.subject && coreLevel(b.quote) === level));
    const unique = [...new Map(named.map((b) => [b.value, b])).values()];
    if (unique.length !== 2) continue;
    const [a, b] = unique.sort((x, y) => y.canonicalValue - x.canonicalValue) as [AuditMeasurement, AuditMeasurement];
    const result = evaluateWithRange("binding_energy_shift", [
      { name: "E_1", value: a.canonicalValue, from: a },
      { name: "E_0", value: b.canonicalValue, from: b },
    ]);
    if (!result) continue;
    const label = `${shift.subject ?? "peak"} shift between ${prettyNumber(a.value)} and ${prettyNumber(b.value)} eV`;
    const display = `${prettyNumber(Number(result.value.toPrecision(4)))} eV`;
    const inputs = [describe(a, "E_1", a.value, "eV"), describe(b, "E_0", b.value, "eV")];
    audit.derived.push({
      formula: "binding_energy_shift",
      formulaName: formulaDefinition("binding_energy_shift")!.name,
      label,
      materialId: shift.materialId,
      value: result.value,
      unit: "eV",
      display,
      inputs,
    });
    if (withinTolerance(shift.canonicalValue, precisionOf(shift.value, shift.qualifier), result)) continue;
    audit.flag("binding_energy_shift", label, shift, { ...result, unit: "eV", display }, inputs, {
      statedAs: { value: shift.value, unit: shift.unit, display: `${prettyNumber(shift.value)} eV` },
      message: `${shift.materialName}: the paper states that the ${level ? `${level} ` : ""}peak shifts by ${prettyNumber(shift.value)} eV between ${prettyNumber(a.value)} and ${prettyNumber(b.value)} eV; their difference is ${display}.`,
    });
  }
}

/** All derived figures and flags for the measurements of one paper. */
export function auditMeasurements(all: AuditMeasurement[]): { derived: DerivedFigure[]; flags: AuditFlag[] } {
  const audit = new Auditor();
  const stated = all.filter((m) => m.source === "stated");
  const byMaterial = new Map<number, AuditMeasurement[]>();
  for (const m of stated) byMaterial.set(m.materialId, [...(byMaterial.get(m.materialId) ?? []), m]);
  for (const ms of byMaterial.values()) {
    const of = (key: string) => ms.filter((m) => m.propertyKey === key);
    const numbers: MaterialNumbers = { all: ms, of, capacities: of("specific_capacity") };
    for (const rule of MATERIAL_RULES) rule(numbers, audit);
  }
  peakShifts(stated, audit);
  return { derived: audit.derived, flags: audit.flags };
}

async function loadMeasurements(prisma: PrismaClient, where: { paperDoi?: string; materialIds?: number[] }): Promise<AuditMeasurement[]> {
  // A paper's measurements by the range of its material ids (a relation filter alone makes SQLite
  // scan every measurement; an id list would grow with the paper past the parameter limit).
  let filter: Prisma.MeasurementWhereInput = where.materialIds ? { materialId: { in: where.materialIds } } : {};
  if (where.paperDoi) {
    const paper = await prisma.paper.findUnique({ where: { doi: where.paperDoi }, select: { id: true } });
    if (!paper) return [];
    const range = await prisma.material.aggregate({ where: { paperId: paper.id }, _min: { id: true }, _max: { id: true } });
    if (range._min.id === null || range._max.id === null) return [];
    filter = { materialId: { gte: range._min.id, lte: range._max.id }, material: { paperId: paper.id } };
  }
  // Derived figures are computed from the materials' own stated single numbers.
  const rows = await prisma.measurement.findMany({
    where: { ...filter, scope: OWN_SCOPE, source: "stated", value: { not: null } },
    include: { material: { select: { key: true, name: true, batterySystem: true, paper: { select: { doi: true } } } } },
    orderBy: [{ materialId: "asc" }, { position: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    materialId: r.materialId,
    materialKey: r.material.key,
    materialName: r.material.name,
    batterySystem: r.material.batterySystem,
    propertyKey: r.propertyKey,
    value: r.value!,
    unit: r.unitReadAs ?? r.unit,
    canonicalValue: inCanonicalUnit(r.propertyKey, r.canonicalMin, r.canonicalUnit),
    min: r.min,
    qualifier: r.qualifier,
    source: r.source,
    quote: r.quote,
    location: r.location,
    subject: r.subject,
    note: r.note,
    currentDensity: r.currentDensity,
    cRate: r.cRate,
    temperature: r.temperature,
    cycle: r.cycle,
    sulfurLoading: r.sulfurLoading,
    massLoading: r.massLoading,
    oneC: r.oneC,
  }));
}

/** Audit of one paper (its figures can span materials, as the O 1s shift of Qiu et al. does). */
export async function auditPaper(prisma: PrismaClient, doi: string) {
  return auditMeasurements(await loadMeasurements(prisma, { paperDoi: doi.toLowerCase() }));
}

/** Audit of the whole knowledge base, paper by paper. */
export async function auditAll(prisma: PrismaClient) {
  const papers = await prisma.paper.findMany({ select: { doi: true, title: true }, orderBy: { doi: "asc" } });
  const result = [];
  for (const p of papers) result.push({ doi: p.doi, title: p.title, ...(await auditPaper(prisma, p.doi)) });
  return result;
}

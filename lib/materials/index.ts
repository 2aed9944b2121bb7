/**
 * Reading materials and papers for pages, API and CLI. A material is addressed by its paper's DOI
 * and its key ("10.1007/s40820-025-01858-2/fes2-qd-mxene"): stable across re-imports, shareable.
 */
import type { PrismaClient } from "../db";
import type { Measurement } from "../generated/prisma/client";
import { inCanonicalUnit, property, PROPERTIES, type PropertyDefinition } from "../units";
import { formatAmount, unitText } from "../units/display";
import type { Conditions, Derivation } from "../records/schema";
import { OWN_SCOPE, SCOPES, type Scope } from "../records/scope";
import { foldText } from "../records/provenance";
import { CURRENT_COLUMNS, describeConditions, RATE_AS_CURRENT } from "../units/conditions";

export { describeConditions };

export * from "./paths";

const PROPERTY_ORDER = new Map(PROPERTIES.map((p, i) => [p.key, i]));

export interface MeasurementView {
  id: number;
  property: PropertyDefinition;
  /** The stated number, or null for a range (min, max). */
  value: number | null;
  min: number | null;
  max: number | null;
  reported: string | null;
  unit: string;
  unitReadAs: string | null;
  display: string;
  /** The paper's own text of the number where it reads otherwise than `display` ("between 6.445×10⁻¹¹ and 2.527×10⁻⁹"); null where alike. */
  printed: string | null;
  /** Both ends in the property's canonical unit (equal for a single value). */
  canonicalMin: number;
  canonicalMax: number;
  qualifier: string | null;
  scope: Scope;
  conditions: Conditions | undefined;
  conditionsText: string;
  /** Only a C-rate is given and the paper defines no 1C: it cannot be read as a current density. */
  rateWithoutOneC: boolean;
  quote: string;
  location: string | null;
  source: "stated" | "derived";
  derivation: Derivation | null;
  subject: string | null;
  note: string | null;
  temperature: number | null;
  currentDensity: number | null;
  cycle: number | null;
}

/** What formatValue reads of a measurement row. */
export interface MeasurementValueRow {
  propertyKey: string;
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  unitReadAs: string | null;
  qualifier: string | null;
  scope: string;
  source: string;
  reported: string | null;
}

/** A value or range as it reads, in the unit the paper printed: "≈ 2–5 μm", "5.85×10⁻⁴ S cm⁻² (read as S cm⁻¹)". */
export function formatValue(m: Pick<MeasurementValueRow, "value" | "min" | "max" | "unit" | "unitReadAs" | "qualifier">): string {
  const q = m.qualifier && m.qualifier !== "=" ? `${m.qualifier} ` : "";
  return `${q}${formatAmount(m, m.unit)}${m.unitReadAs ? ` (read as ${unitText(m.unitReadAs)})` : ""}`;
}

/** The paper's own text of a number, where it reads otherwise than matlit's ("between 6.445×10⁻¹¹ and 2.527×10⁻⁹"): null where they read alike. */
export function printedText(reported: string | null, display: string): string | null {
  return reported && foldText(reported) !== foldText(display) ? reported : null;
}

/** Whether a measurement's conditions give only a C-rate, without the 1C that turns it into a current density. */
export function rateWithoutOneC(row: Record<string, unknown>): boolean {
  return row[RATE_AS_CURRENT.rate] !== null && CURRENT_COLUMNS.every((column) => row[column] === null);
}

export interface MeasurementGroup {
  property: PropertyDefinition;
  items: MeasurementView[];
}

/** Measurements by property, in catalogue order. */
function byProperty(measurements: MeasurementView[]): MeasurementGroup[] {
  const groups = new Map<string, MeasurementView[]>();
  for (const m of [...measurements].sort((a, b) => PROPERTY_ORDER.get(a.property.key)! - PROPERTY_ORDER.get(b.property.key)!)) {
    groups.set(m.property.key, [...(groups.get(m.property.key) ?? []), m]);
  }
  return [...groups.entries()].map(([key, items]) => ({ property: property(key)!, items }));
}

/** A measurement row as pages show it. */
function measurementView(m: Measurement): MeasurementView {
  const conditions = m.conditionsJson ? (JSON.parse(m.conditionsJson) as Conditions) : undefined;
  const display = formatValue(m);
  return {
    id: m.id,
    property: property(m.propertyKey)!,
    value: m.value,
    min: m.min,
    max: m.max,
    reported: m.reported,
    unit: m.unit,
    unitReadAs: m.unitReadAs,
    display,
    printed: printedText(m.reported, display),
    canonicalMin: inCanonicalUnit(m.propertyKey, m.canonicalMin, m.canonicalUnit),
    canonicalMax: inCanonicalUnit(m.propertyKey, m.canonicalMax, m.canonicalUnit),
    qualifier: m.qualifier,
    scope: m.scope as Scope,
    conditions,
    conditionsText: describeConditions(conditions),
    rateWithoutOneC: rateWithoutOneC(m),
    quote: m.quote,
    location: m.location,
    source: m.source as MeasurementView["source"],
    derivation: m.derivationJson ? (JSON.parse(m.derivationJson) as Derivation) : null,
    subject: m.subject,
    note: m.note,
    temperature: m.temperature,
    currentDensity: m.currentDensity,
    cycle: m.cycle,
  };
}

/**
 * A material with its measurements by property: its own under measurementGroups, the others
 * (models, precursors, references…) under otherScopes, each group in catalogue order.
 */
export async function getMaterial(prisma: PrismaClient, doi: string, key: string) {
  const material = await prisma.material.findFirst({
    where: { key, paper: { doi: doi.toLowerCase() } },
    include: {
      paper: { include: { authors: { orderBy: { position: "asc" } } } },
      elements: true,
      components: { orderBy: { position: "asc" }, include: { component: { select: { key: true, name: true } } } },
      usedIn: { include: { material: { select: { key: true, name: true } } } },
      synthesisSteps: { orderBy: { position: "asc" } },
      measurements: { orderBy: { position: "asc" } },
    },
  });
  if (!material) return null;
  const measurements = material.measurements.map(measurementView);
  // The material's own numbers first; the others under their own headings, in the order of SCOPES.
  const scoped = SCOPES.map((scope) => ({ scope, groups: byProperty(measurements.filter((m) => m.scope === scope)) })).filter((s) => s.groups.length);
  return {
    ...material,
    measurementGroups: scoped.find((s) => s.scope === OWN_SCOPE)?.groups ?? [],
    otherScopes: scoped.filter((s) => s.scope !== OWN_SCOPE),
    measurementCount: measurements.length,
  };
}

/** The measurements of a paper's materials that are not about the materials themselves, by scope, with the material each is filed under. */
export async function paperOtherScopes(prisma: PrismaClient, paperId: number) {
  const rows = await prisma.measurement.findMany({
    where: { material: { paperId }, scope: { not: OWN_SCOPE } },
    include: { material: { select: { key: true, name: true, position: true } } },
    orderBy: [{ materialId: "asc" }, { position: "asc" }],
  });
  return SCOPES.filter((scope) => scope !== OWN_SCOPE)
    .map((scope) => ({ scope, items: rows.filter((r) => r.scope === scope).map((r) => ({ material: r.material, measurement: measurementView(r) })) }))
    .filter((s) => s.items.length);
}

export async function getPaper(prisma: PrismaClient, doi: string) {
  return prisma.paper.findUnique({
    where: { doi: doi.toLowerCase() },
    include: {
      authors: { orderBy: { position: "asc" } },
      keywords: { orderBy: { position: "asc" } },
      formulas: { include: { formula: true } },
      materials: {
        orderBy: { position: "asc" },
        include: { elements: true, _count: { select: { measurements: true, synthesisSteps: true } } },
      },
    },
  });
}

/** The newest papers with their materials (the home page lists a few; the search finds the rest). */
export async function listPapers(prisma: PrismaClient, take?: number) {
  return prisma.paper.findMany({
    orderBy: [{ year: "desc" }, { doi: "asc" }],
    take,
    include: {
      authors: { orderBy: { position: "asc" }, take: 1 },
      materials: {
        orderBy: { position: "asc" },
        select: { key: true, name: true, role: true, isControl: true, batterySystem: true, _count: { select: { measurements: true } } },
      },
    },
  });
}

/** How many papers, materials and measurements the knowledge base holds. */
export async function knowledgeBaseTotals(prisma: PrismaClient): Promise<{ papers: number; materials: number; measurements: number }> {
  const [papers, materials, measurements] = await Promise.all([prisma.paper.count(), prisma.material.count(), prisma.measurement.count()]);
  return { papers, materials, measurements };
}

/** A sentence of the paper with every number recorded from it. */
export interface QuotedNumbers {
  quote: string;
  location: string | null;
  measurements: MeasurementView[];
}

/** Measurements by the quote that states them, each quote once, in the order the record first gives it. */
export function byQuote(measurements: MeasurementView[]): QuotedNumbers[] {
  const quotes = new Map<string, QuotedNumbers>();
  for (const m of measurements) {
    const entry = quotes.get(m.quote) ?? { quote: m.quote, location: m.location, measurements: [] };
    entry.measurements.push(m);
    quotes.set(m.quote, entry);
  }
  return [...quotes.values()];
}

/** A paper's quotes by material: each material's sentences with the numbers recorded from them. */
export async function paperQuotes(prisma: PrismaClient, paperId: number) {
  const materials = await prisma.material.findMany({
    where: { paperId },
    orderBy: { position: "asc" },
    select: { key: true, name: true, measurements: { orderBy: { position: "asc" } } },
  });
  return materials
    .map((m) => ({ key: m.key, name: m.name, count: m.measurements.length, quotes: byQuote(m.measurements.map(measurementView)) }))
    .filter((m) => m.count);
}

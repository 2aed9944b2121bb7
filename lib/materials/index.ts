/**
 * Reading materials and papers for pages, API and CLI. A material is addressed by its paper's DOI
 * and its key ("10.1007/s40820-025-01858-2/fes2-qd-mxene"): stable across re-imports, shareable.
 */
import type { PrismaClient } from "../db";
import { inCanonicalUnit, property, PROPERTIES, type PropertyDefinition } from "../units";
import { formatQuantity, prettyNumber } from "../units/display";
import type { Conditions } from "../records/schema";
import { conditionValueText, CONDITIONS, RATE_AS_CURRENT, type ConditionCatalogue } from "../units/conditions";

export * from "./paths";

const PROPERTY_ORDER = new Map(PROPERTIES.map((p, i) => [p.key, i]));

/** One line that says under what a number was measured, in the paper's units: "0.1 A g⁻¹ · −35 °C · cycle 100". */
export function describeConditions(c: Conditions | undefined, catalogue: ConditionCatalogue = CONDITIONS): string {
  if (!c) return "";
  const given = c as Record<string, unknown>;
  const text = (key: string) => {
    const def = catalogue.find((d) => d.key === key)!;
    return (def.describe ?? "{}").replace("{}", conditionValueText(def.kind, given[key]));
  };
  return catalogue
    .filter((def) => given[def.key] !== undefined && def.key !== RATE_AS_CURRENT.oneC)
    .map((def) =>
      def.key === RATE_AS_CURRENT.rate && given[RATE_AS_CURRENT.oneC] !== undefined ? `${text(def.key)} (1C = ${text(RATE_AS_CURRENT.oneC)})` : text(def.key),
    )
    .join(" · ");
}

export interface MeasurementView {
  id: number;
  property: PropertyDefinition;
  value: number;
  unit: string;
  display: string;
  canonicalValue: number;
  min: number | null;
  max: number | null;
  qualifier: string | null;
  conditions: Conditions | undefined;
  conditionsText: string;
  quote: string;
  location: string | null;
  source: string;
  subject: string | null;
  note: string | null;
  temperature: number | null;
  currentDensity: number | null;
  cycle: number | null;
}

export function formatValue(m: { value: number; unit: string; min: number | null; max: number | null; qualifier: string | null }): string {
  const range = m.min !== null && m.max !== null ? ` (${prettyNumber(m.min)}–${prettyNumber(m.max)})` : "";
  const q = m.qualifier && m.qualifier !== "=" ? `${m.qualifier} ` : "";
  return `${q}${formatQuantity(m.value, m.unit)}${range}`;
}

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
  const measurements: MeasurementView[] = material.measurements.map((m) => {
    const conditions = m.conditionsJson ? (JSON.parse(m.conditionsJson) as Conditions) : undefined;
    return {
      id: m.id,
      property: property(m.propertyKey)!,
      value: m.value,
      unit: m.unit,
      display: formatValue(m),
      canonicalValue: inCanonicalUnit(m.propertyKey, m.canonicalValue, m.canonicalUnit),
      min: m.min,
      max: m.max,
      qualifier: m.qualifier,
      conditions,
      conditionsText: describeConditions(conditions),
      quote: m.quote,
      location: m.location,
      source: m.source,
      subject: m.subject,
      note: m.note,
      temperature: m.temperature,
      currentDensity: m.currentDensity,
      cycle: m.cycle,
    };
  });
  const groups = new Map<string, MeasurementView[]>();
  for (const m of [...measurements].sort((a, b) => PROPERTY_ORDER.get(a.property.key)! - PROPERTY_ORDER.get(b.property.key)!)) {
    groups.set(m.property.key, [...(groups.get(m.property.key) ?? []), m]);
  }
  return {
    ...material,
    measurementGroups: [...groups.entries()].map(([key, items]) => ({ property: property(key)!, items })),
    measurementCount: measurements.length,
  };
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

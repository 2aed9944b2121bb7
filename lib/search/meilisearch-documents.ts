/**
 * The Meilisearch documents of a material, rebuilt from the records in SQLite: one in the materials
 * index (text and facets, for every query's page, total and facet counts), and one per measurement
 * in the measurements index (one for the material alone when it has none), each carrying the
 * material's text and facets too, so a metric clause is met by ONE measurement and a metric sort
 * ranks within the text and facet filters.
 */
import type { PrismaClient } from "../db";
import { reagentNames, searchableText } from "./text";
import type { SearchableColumn } from "../units/conditions";
import { searchableConditions } from "./query";

/** The condition columns a clause bounds, with the upper-end columns of those that may be ranges. */
export const CONDITION_COLUMNS = searchableConditions().flatMap((f) => (f.upper ? [f.column, f.upper] : [f.column])) as SearchableColumn[];

export interface MaterialFields {
  materialId: number;
  /** Searchable text, ranked in this order. */
  name: string;
  formula: string;
  details: string;
  paper: string;
  doi: string;
  status: string;
  batterySystem: string;
  role: string;
  materialClass: string;
  journal: string;
  year: number;
  elements: string[];
  properties: string[];
  /** The default order after relevance: main materials first, newest paper, then the paper's own order. */
  control: 0 | 1;
  paperId: number;
  position: number;
}

export type MaterialDocument = MaterialFields & { id: number };

export type SearchDocument = MaterialFields & {
  id: string;
  measurementId: number | null;
  property: string | null;
  /** Both ends of the number in canonical units (equal for a single value). */
  canonicalMin: number | null;
  canonicalMax: number | null;
  scope: string | null;
  source: string | null;
} & Record<SearchableColumn, number | null>;

async function readMaterials(prisma: PrismaClient, ids: number[]) {
  return prisma.material.findMany({
    where: { id: { in: ids } },
    orderBy: { id: "asc" },
    include: {
      paper: { include: { authors: { orderBy: { position: "asc" } }, keywords: { orderBy: { position: "asc" } } } },
      elements: { orderBy: { symbol: "asc" } },
      measurements: { orderBy: { position: "asc" } },
      synthesisSteps: { orderBy: { position: "asc" }, select: { reagentsJson: true } },
    },
  });
}
type MaterialRecord = Awaited<ReturnType<typeof readMaterials>>[number];

function materialFields(m: MaterialRecord): MaterialFields {
  const p = m.paper;
  return {
    materialId: m.id,
    ...searchableText(
      { ...m, reagents: reagentNames(m.synthesisSteps.map((s) => s.reagentsJson)) },
      { ...p, keywords: p.keywords.map((k) => k.keyword), authors: p.authors.map((a) => a.name) },
    ),
    doi: p.doi,
    status: p.status,
    batterySystem: m.batterySystem,
    role: m.role,
    materialClass: m.materialClass,
    journal: p.journal,
    year: p.year,
    elements: m.elements.map((e) => e.symbol),
    properties: m.propertyKeys ? m.propertyKeys.split(",") : [],
    control: m.isControl ? 1 : 0,
    paperId: p.id,
    position: m.position,
  };
}

function documentsOf(m: MaterialRecord): SearchDocument[] {
  const fields = materialFields(m);
  const noConditions = Object.fromEntries(CONDITION_COLUMNS.map((c) => [c, null])) as Record<SearchableColumn, null>;
  if (!m.measurements.length)
    return [
      { ...fields, ...noConditions, id: String(m.id), measurementId: null, property: null, canonicalMin: null, canonicalMax: null, scope: null, source: null },
    ];
  return m.measurements.map((x) => ({
    ...fields,
    ...(Object.fromEntries(CONDITION_COLUMNS.map((c) => [c, x[c]])) as Record<SearchableColumn, number | null>),
    id: `${m.id}-${x.id}`,
    measurementId: x.id,
    property: x.propertyKey,
    canonicalMin: x.canonicalMin,
    canonicalMax: x.canonicalMax,
    scope: x.scope,
    source: x.source,
  }));
}

/** The documents of these materials as the records stand now (none for a material that is gone). */
export async function searchDocuments(prisma: PrismaClient, materialIds: number[]): Promise<{ materials: MaterialDocument[]; measurements: SearchDocument[] }> {
  if (!materialIds.length) return { materials: [], measurements: [] };
  const records = await readMaterials(prisma, materialIds);
  return { materials: records.map((m) => ({ ...materialFields(m), id: m.id })), measurements: records.flatMap(documentsOf) };
}

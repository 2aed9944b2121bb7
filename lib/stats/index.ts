/** Counts per paper: what `matlit stats` and the home page report. */
import type { PrismaClient } from "../db";

export interface PaperStats {
  doi: string;
  title: string;
  materials: number;
  synthesisSteps: number;
  measurements: number;
  measurementsByProperty: Record<string, number>;
}

export async function knowledgeBaseStats(prisma: PrismaClient) {
  const papers = await prisma.paper.findMany({
    orderBy: { doi: "asc" },
    select: { id: true, doi: true, title: true, _count: { select: { materials: true } } },
  });
  const steps = await prisma.synthesisStep.groupBy({ by: ["materialId"], _count: { _all: true } });
  const materials = await prisma.material.findMany({ select: { id: true, paperId: true } });
  const paperOf = new Map(materials.map((m) => [m.id, m.paperId]));
  const byProperty = await prisma.measurement.groupBy({ by: ["materialId", "propertyKey"], _count: { _all: true } });
  const result: PaperStats[] = papers.map((p) => ({
    doi: p.doi,
    title: p.title,
    materials: p._count.materials,
    synthesisSteps: 0,
    measurements: 0,
    measurementsByProperty: {},
  }));
  const byId = new Map(papers.map((p, i) => [p.id, result[i]!]));
  for (const s of steps) byId.get(paperOf.get(s.materialId)!)!.synthesisSteps += s._count._all;
  for (const g of byProperty) {
    const stats = byId.get(paperOf.get(g.materialId)!)!;
    stats.measurements += g._count._all;
    stats.measurementsByProperty[g.propertyKey] = (stats.measurementsByProperty[g.propertyKey] ?? 0) + g._count._all;
  }
  for (const s of result)
    s.measurementsByProperty = Object.fromEntries(Object.entries(s.measurementsByProperty).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  const totals = {
    papers: result.length,
    materials: result.reduce((n, s) => n + s.materials, 0),
    synthesisSteps: result.reduce((n, s) => n + s.synthesisSteps, 0),
    measurements: result.reduce((n, s) => n + s.measurements, 0),
  };
  return { papers: result, totals };
}

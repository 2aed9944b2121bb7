/**
 * Electrode comparison: 2–8 materials from any papers side by side. Rows are grouped by property
 * (catalogue order) and aligned on the conditions a number was measured under (current density,
 * C-rate, temperature, cycle, scan rate). Where a material has nothing under a row's conditions, its
 * nearest measurement inside the stand-in window (window.ts) stands in, marked not like-for-like. Values are in the property's canonical
 * unit with the reported value and the quote kept; the best value per row follows the catalogue's
 * `better`. Each material also carries the figures matlit recomputes from its paper's own numbers
 * and the audit flags (lib/formulas/derive.ts).
 */
import type { PrismaClient } from "../db";
import { PROPERTIES } from "../units";
import { auditPaper } from "../formulas/derive";
import { ALIGNED, alignProperty, loadMeasured, type Measured } from "./align";
import { nameOf, ROOM_TEMPERATURE, STAND_IN_WINDOW_TEXT, UNSTATED_TEMPERATURE_NOTE } from "./window";
import { resolveMaterials } from "./resolve";
import type { ChartPoint, ComparePropertyGroup, Comparison, MaterialFigures } from "./types";

function chartPoint(m: Measured & { canonicalValue: number }, x: number, note: string | null = null): ChartPoint {
  return {
    materialIndex: m.materialIndex,
    measurementId: m.id,
    x,
    y: m.canonicalValue,
    cycle: m.conditions.cycle,
    conditionsText: m.conditionsText,
    note,
    quote: m.quote,
  };
}

/** Compare 2–8 materials given as "DOI/key", numeric ids or names. Throws CompareError (with a field) for the caller to show. */
export async function compareMaterials(prisma: PrismaClient, refsOrNames: string[]): Promise<Comparison> {
  const materials = await resolveMaterials(prisma, refsOrNames);
  const measured = await loadMeasured(prisma, materials);

  const properties: ComparePropertyGroup[] = [];
  for (const def of PROPERTIES) {
    const of = measured.filter((m) => m.propertyKey === def.key);
    if (!of.length) continue;
    properties.push({
      property: { key: def.key, label: def.label, unit: def.unit, display: def.display, group: def.group, better: def.better ?? null },
      rows: alignProperty(def.key, of, materials.length),
    });
  }

  // Derived figures and flags: the paper's audit (one per paper: a flag may weigh one material's
  // numbers against another's), this material's share of it.
  const audits = new Map<string, Awaited<ReturnType<typeof auditPaper>>>();
  for (const m of materials) if (!audits.has(m.paper.doi)) audits.set(m.paper.doi, await auditPaper(prisma, m.paper.doi));
  const figures: MaterialFigures[] = materials.map((m) => {
    const audit = audits.get(m.paper.doi)!;
    return {
      materialIndex: m.index,
      ref: m.ref,
      derived: audit.derived.filter((d) => d.materialId === m.id).map((d) => ({ ...d, formulaPath: `/formulas#${d.formula}` })),
      flags: audit.flags.filter((f) => f.materialId === m.id).map((f) => ({ ...f, formulaPath: `/formulas#${f.formula}` })),
    };
  });

  // Charts plot stated single numbers: a range is not a point.
  const capacities = measured.filter(
    (m): m is Measured & { canonicalValue: number } => m.propertyKey === "specific_capacity" && m.source === "stated" && m.canonicalValue !== null,
  );
  const roomTemperature = (m: Measured) => m.conditions.temperature === null || m.conditions.temperature === ROOM_TEMPERATURE;
  const withCurrent = capacities.filter((m) => m.conditions.currentDensity !== null && m.conditions.currentDensity > 0 && roomTemperature(m));
  const charts: Comparison["charts"] = {
    rate: {
      xUnit: "A/g",
      yUnit: "mAh/g",
      rateTest: withCurrent
        .filter((m) => m.conditions.cycle === null)
        .map((m) => chartPoint(m, m.conditions.currentDensity!))
        .sort((a, b) => a.materialIndex - b.materialIndex || a.x - b.x),
      cycled: withCurrent.filter((m) => m.conditions.cycle !== null).map((m) => chartPoint(m, m.conditions.currentDensity!)),
    },
    temperature: {
      xUnit: "degC",
      yUnit: "mAh/g",
      points: capacities
        .map((m) => (m.conditions.temperature === null ? chartPoint(m, ROOM_TEMPERATURE, UNSTATED_TEMPERATURE_NOTE) : chartPoint(m, m.conditions.temperature)))
        .sort((a, b) => a.materialIndex - b.materialIndex || a.x - b.x),
    },
  };

  const notes = [
    `Rows align measurements on ${ALIGNED.map(nameOf)
      .join(", ")
      .replace(/, ([^,]*)$/, " and $1")}; an unstated temperature is taken as room temperature (25 °C).`,
    `A stand-in (marked, with where it differs) is the material's nearest measurement under other conditions, shown only inside the stand-in window: ${STAND_IN_WINDOW_TEXT}. The best value is marked only among like-for-like cells, when a row has two or more.`,
  ];
  for (const m of materials) {
    if (!figures[m.index]!.derived.length)
      notes.push(`${m.name}: its record holds no inputs for a derived figure (no capacity pair under matching conditions).`);
  }
  return { materials, properties, figures, charts, notes };
}

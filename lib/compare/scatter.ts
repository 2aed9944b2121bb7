/**
 * Property-vs-property scatter of the whole knowledge base, for placing compared materials among
 * everything else. An axis is a property or a test condition. A property against a condition plots
 * each measurement at its condition; two properties pair a material's measurements made under the
 * same conditions, or, where it has none, its best value of each.
 */
import type { PrismaClient } from "../db";
import { PROPERTIES, property } from "../units";
import { prettyNumber } from "../units/display";
import { materialRef } from "../materials";
import { CompareError, ROOM_TEMPERATURE } from "./index";
import type { ScatterAxis, ScatterData, ScatterPoint } from "./types";

export const CONDITION_AXES = {
  "condition:currentDensity": { column: "currentDensity", label: "Current density", unit: "A/g", display: "A g⁻¹" },
  "condition:arealCurrentDensity": { column: "arealCurrentDensity", label: "Areal current density", unit: "mA/cm^2", display: "mA cm⁻²" },
  "condition:cRate": { column: "cRate", label: "C-rate", unit: "", display: "C" },
  "condition:temperature": { column: "temperature", label: "Temperature", unit: "degC", display: "°C" },
  "condition:cycle": { column: "cycle", label: "Cycle number", unit: "", display: "cycles" },
  "condition:scanRate": { column: "scanRate", label: "Scan rate", unit: "mV/s", display: "mV s⁻¹" },
} as const;
type ConditionAxis = keyof typeof CONDITION_AXES;
type Column = (typeof CONDITION_AXES)[ConditionAxis]["column"];

export const DEFAULT_SCATTER = { x: "condition:currentDensity", y: "specific_capacity" } as const;

const isCondition = (key: string): key is ConditionAxis => key in CONDITION_AXES;

function axisOf(key: string, field: "x" | "y"): Omit<ScatterAxis, "log"> {
  if (isCondition(key)) {
    const c = CONDITION_AXES[key];
    return { key, label: c.label, unit: c.unit, display: c.display };
  }
  const def = property(key);
  if (!def) throw new CompareError(`unknown axis "${key}": give a property key or one of ${Object.keys(CONDITION_AXES).join(", ")}`, field);
  return { key, label: def.label, unit: def.unit, display: def.display };
}

type Row = {
  id: number;
  materialId: number;
  propertyKey: string;
  canonicalValue: number;
  currentDensity: number | null;
  arealCurrentDensity: number | null;
  cRate: number | null;
  temperature: number | null;
  cycle: number | null;
  scanRate: number | null;
  material: { key: string; name: string; paper: { doi: string } };
};

const conditionKey = (r: Row) => [r.currentDensity, r.arealCurrentDensity, r.cRate, r.temperature ?? ROOM_TEMPERATURE, r.cycle, r.scanRate].map((v) => (v === null ? "-" : String(v))).join("|");
const describe = (r: Row) =>
  [
    r.currentDensity !== null ? `${prettyNumber(r.currentDensity)} A g⁻¹` : null,
    r.arealCurrentDensity !== null ? `${prettyNumber(r.arealCurrentDensity)} mA cm⁻²` : null,
    r.cRate !== null ? `${prettyNumber(r.cRate)}C` : null,
    r.temperature !== null ? `${prettyNumber(r.temperature)} °C` : null,
    r.cycle !== null ? `cycle ${r.cycle}` : null,
    r.scanRate !== null ? `${prettyNumber(r.scanRate)} mV s⁻¹` : null,
  ]
    .filter(Boolean)
    .join(" · ");

/** A log axis where the values are all positive and span two decades or more. */
function wantsLog(values: number[]): boolean {
  if (!values.length || values.some((v) => !(v > 0))) return false;
  return Math.max(...values) / Math.min(...values) >= 100;
}

export async function scatterData(prisma: PrismaClient, xKey: string = DEFAULT_SCATTER.x, yKey: string = DEFAULT_SCATTER.y): Promise<ScatterData> {
  const x = axisOf(xKey, "x");
  const y = axisOf(yKey, "y");
  if (isCondition(xKey) && isCondition(yKey)) throw new CompareError("at least one axis must be a property (two conditions plot no measurement)", "y");
  if (xKey === yKey) throw new CompareError(`x and y are both "${x.label}"; pick two different axes`, "y");

  const propertyKeys = [xKey, yKey].filter((k) => !isCondition(k));
  const rows: Row[] = await prisma.measurement.findMany({
    where: { propertyKey: { in: propertyKeys } },
    select: {
      id: true, materialId: true, propertyKey: true, canonicalValue: true, currentDensity: true, arealCurrentDensity: true, cRate: true, temperature: true, cycle: true, scanRate: true,
      material: { select: { key: true, name: true, paper: { select: { doi: true } } } },
    },
    orderBy: [{ materialId: "asc" }, { position: "asc" }],
  });
  const base = (r: Row) => ({ materialId: r.materialId, ref: materialRef(r.material.paper.doi, r.material.key), name: r.material.name });

  const points: ScatterPoint[] = [];
  if (isCondition(xKey) || isCondition(yKey)) {
    const conditionKeyName = isCondition(xKey) ? xKey : (yKey as ConditionAxis);
    const column: Column = CONDITION_AXES[conditionKeyName].column;
    for (const r of rows) {
      const c = r[column];
      if (c === null) continue;
      const [px, py] = isCondition(xKey) ? [c, r.canonicalValue] : [r.canonicalValue, c];
      points.push({ ...base(r), x: px, y: py, pairing: "condition", conditionsText: describe(r) });
    }
  } else {
    const byMaterial = new Map<number, Row[]>();
    for (const r of rows) byMaterial.set(r.materialId, [...(byMaterial.get(r.materialId) ?? []), r]);
    const best = (rs: Row[], key: string) => {
      const better = property(key)?.better;
      return rs.reduce((a, b) => (better === "lower" ? (b.canonicalValue < a.canonicalValue ? b : a) : b.canonicalValue > a.canonicalValue ? b : a));
    };
    for (const rs of byMaterial.values()) {
      const xs = rs.filter((r) => r.propertyKey === xKey);
      const ys = rs.filter((r) => r.propertyKey === yKey);
      if (!xs.length || !ys.length) continue;
      let paired = false;
      for (const a of xs) {
        for (const b of ys) {
          if (conditionKey(a) !== conditionKey(b)) continue;
          points.push({ ...base(a), x: a.canonicalValue, y: b.canonicalValue, pairing: "same-conditions", conditionsText: describe(a) });
          paired = true;
        }
      }
      if (!paired) {
        const a = best(xs, xKey);
        const b = best(ys, yKey);
        points.push({ ...base(a), x: a.canonicalValue, y: b.canonicalValue, pairing: "material-best", conditionsText: `best of each: ${describe(a) || "–"} / ${describe(b) || "–"}` });
      }
    }
  }
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

  const counts = await prisma.measurement.groupBy({ by: ["propertyKey"], _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.propertyKey, c._count._all]));
  const axes = [
    ...Object.entries(CONDITION_AXES).map(([key, c]) => ({ key, label: `${c.label} (condition)`, display: c.display, count: 0 })),
    ...PROPERTIES.filter((p) => countOf.get(p.key)).map((p) => ({ key: p.key, label: p.label, display: p.display, count: countOf.get(p.key)! })),
  ];
  return {
    x: { ...x, log: wantsLog(finite.map((p) => p.x)) },
    y: { ...y, log: wantsLog(finite.map((p) => p.y)) },
    points: finite,
    axes,
  };
}

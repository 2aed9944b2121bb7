/**
 * Property-vs-property scatter of the whole knowledge base, for placing compared materials among
 * everything else. An axis is a property or a test condition. A property against a condition plots
 * each measurement at its condition; two properties pair a material's measurements made under the
 * same conditions, or, where it has none, its best value of each.
 */
import { PROPERTIES, property } from "../units";
import { prettyNumber } from "../units/display";
import { materialRef } from "../materials";
import { databaseFileOf, type PrismaClient } from "../db";
import { rows, placeholders } from "../search/sql";
import { facetIndex } from "../search/facet-index";
import { CompareError, ROOM_TEMPERATURE } from "./index";
import { DEFAULT_SCATTER, type ScatterAxis, type ScatterData, type ScatterPoint } from "./types";

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
  key: string;
  name: string;
  doi: string;
};

/** Background materials drawn at most (about): more draw no better picture and cost the browser. */
export const SCATTER_SAMPLE = 600;

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

/**
 * The knowledge base's points for two axes. Every point of the `highlight` materials (the compared
 * ones) is included; of the other published materials with data for the axes, every
 * `sampleEvery`-th (about `limit` in all), so the chart costs the same at any size of the knowledge base.
 */
export async function scatterData(
  prisma: PrismaClient,
  xKey: string = DEFAULT_SCATTER.x,
  yKey: string = DEFAULT_SCATTER.y,
  options: { highlight?: number[]; limit?: number } = {},
): Promise<ScatterData> {
  const x = axisOf(xKey, "x");
  const y = axisOf(yKey, "y");
  if (isCondition(xKey) && isCondition(yKey)) throw new CompareError("at least one axis must be a property (two conditions plot no measurement)", "y");
  if (xKey === yKey) throw new CompareError(`x and y are both "${x.label}"; pick two different axes`, "y");

  const propertyKeys = [xKey, yKey].filter((k) => !isCondition(k));
  const limit = options.limit ?? SCATTER_SAMPLE;
  const highlight = options.highlight ?? [];
  const index = facetIndex(databaseFileOf(prisma));
  const candidates = index.materialsWith(propertyKeys);
  const sampleEvery = Math.max(1, Math.ceil(candidates.length / limit));
  const sampledIds = [...new Set([...candidates.filter((_, i) => i % sampleEvery === 0), ...highlight])];
  const measurements = sampledIds.length
    ? await rows<Row>(
        prisma,
        `SELECT X."id", X."materialId", X."propertyKey", X."canonicalValue", X."currentDensity", X."arealCurrentDensity", X."cRate", X."temperature", X."cycle", X."scanRate", M."key", M."name", P."doi"
         FROM "Material" M CROSS JOIN "Measurement" X ON X."materialId" = M."id" CROSS JOIN "Paper" P ON P."id" = M."paperId"
         WHERE M."id" IN (${placeholders(sampledIds.length)}) AND X."propertyKey" IN (${placeholders(propertyKeys.length)}) ORDER BY X."id"`,
        [...sampledIds, ...propertyKeys],
      )
    : [];
  const base = (r: Row) => ({ materialId: r.materialId, ref: materialRef(r.doi, r.key), name: r.name });

  const points: ScatterPoint[] = [];
  if (isCondition(xKey) || isCondition(yKey)) {
    const conditionKeyName = isCondition(xKey) ? xKey : (yKey as ConditionAxis);
    const column: Column = CONDITION_AXES[conditionKeyName].column;
    for (const r of measurements) {
      const c = r[column];
      if (c === null) continue;
      const [px, py] = isCondition(xKey) ? [c, r.canonicalValue] : [r.canonicalValue, c];
      points.push({ ...base(r), x: px, y: py, pairing: "condition", conditionsText: describe(r) });
    }
  } else {
    const byMaterial = new Map<number, Row[]>();
    for (const r of measurements) byMaterial.set(r.materialId, [...(byMaterial.get(r.materialId) ?? []), r]);
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

  const axes = [
    ...Object.entries(CONDITION_AXES).map(([key, c]) => ({ key, label: `${c.label} (condition)`, display: c.display })),
    ...PROPERTIES.filter((p) => index.materialCounts.has(p.key)).map((p) => ({ key: p.key, label: p.label, display: p.display })),
  ];
  return {
    x: { ...x, log: wantsLog(finite.map((p) => p.x)) },
    y: { ...y, log: wantsLog(finite.map((p) => p.y)) },
    points: finite,
    sampleEvery,
    axes,
  };
}

/**
 * Property-vs-property scatter of the whole knowledge base, for placing compared materials among
 * everything else. An axis is a property or a test condition. A property against a condition plots
 * each measurement at its condition; two properties pair a material's measurements made under the
 * same conditions, or, where it has none, its best value of each.
 */
import { inCanonicalUnit, PROPERTIES, property } from "../units";
import { columnsOf, columnUnitText, columnWords, type ConditionColumn } from "../units/conditions";
import { materialRef } from "../materials";
import { databaseOf, type PrismaClient } from "../db";
import { readerOf, type SqlReader } from "../db/sql";
import { materialCountsByProperty, publishedMaterialsWith, recordsVersion } from "../search";
import { ROOM_TEMPERATURE, UNSTATED_TEMPERATURE_NOTE } from "./window";
import { CompareError } from "./resolve";
import { DEFAULT_SCATTER, type AlignmentConditions, type ScatterAxis, type ScatterData, type ScatterPoint } from "./types";

/** The conditions a chart may take as an axis, by axis key ("condition:temperature"). */
const CONDITION_AXES = new Map(
  columnsOf()
    .filter((c) => c.axis)
    .map((c) => [`condition:${c.column}`, { column: c.column, label: c.label, unit: c.unit ?? "", display: columnUnitText(c) }]),
);
/** The conditions two measurements pair on and a point's conditions are told by: those comparison rows align on. */
const ALIGNED = columnsOf().filter((c) => c.align) as (ConditionColumn & { column: keyof AlignmentConditions })[];
const READ = [...new Set([...ALIGNED.map((c) => c.column), ...[...CONDITION_AXES.values()].map((c) => c.column)])];

const isCondition = (key: string) => CONDITION_AXES.has(key);

function axisOf(key: string, field: "x" | "y"): Omit<ScatterAxis, "log"> {
  const c = CONDITION_AXES.get(key);
  if (c) return { key, label: c.label, unit: c.unit, display: c.display };
  const def = property(key);
  if (!def) throw new CompareError(`unknown axis "${key}": give a property key or one of ${[...CONDITION_AXES.keys()].join(", ")}`, field);
  return { key, label: def.label, unit: def.unit, display: def.display };
}

type Row = AlignmentConditions &
  Record<string, unknown> & {
    id: number;
    materialId: number;
    propertyKey: string;
    canonicalValue: number;
    canonicalUnit: string | null;
    key: string;
    name: string;
    doi: string;
  };

/** Per database (its client's), the sampled backgrounds by axes. */
const backgroundsOf = new WeakMap<object, Map<string, { version: string; rows: Row[] }>>();

/** The points' rows of these materials: their own stated single numbers of the properties (a range is not a point). */
async function pointRows(reader: SqlReader, materialIds: number[], propertyKeys: string[]): Promise<Row[]> {
  if (!materialIds.length) return [];
  const { inIds, inTexts, orderedJoin } = reader.dialect;
  return (
    await reader.all<Row>(
      `SELECT X."id", X."materialId", X."propertyKey", X."canonicalMin" AS "canonicalValue", X."canonicalUnit", ${READ.map((c) => `X."${c}"`).join(", ")}, M."key", M."name", P."doi"
       FROM "Material" M ${orderedJoin} "Measurement" X ON X."materialId" = M."id" ${orderedJoin} "Paper" P ON P."id" = M."paperId"
       WHERE M."id" ${inIds} AND X."propertyKey" ${inTexts}
         AND X."value" IS NOT NULL AND X."scope" = 'material' AND X."source" = 'stated' ORDER BY X."id"`,
      [JSON.stringify(materialIds), JSON.stringify(propertyKeys)],
    )
  ).map((r): Row => ({ ...r, canonicalValue: inCanonicalUnit(r.propertyKey, r.canonicalValue, r.canonicalUnit) }));
}

/** Background materials drawn at most (about): more draw no better picture and cost the browser. */
export const SCATTER_SAMPLE = 600;

const conditionKey = (r: Row) =>
  ALIGNED.map(({ column }) => (column === "temperature" ? (r.temperature ?? ROOM_TEMPERATURE) : r[column]))
    .map((v) => (v === null ? "-" : String(v)))
    .join("|");
const describe = (r: Row) =>
  ALIGNED.filter((c) => r[c.column] !== null)
    .map((c) => columnWords(c, r[c.column]!))
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
  const candidates = await publishedMaterialsWith(prisma, propertyKeys);
  const sampleEvery = Math.max(1, Math.ceil(candidates.length / limit));
  const reader = readerOf(prisma);
  // The sampled background is the same for every comparison until the records change: read once per version.
  const key = `${propertyKeys.join(",")}\u0000${limit}`;
  const version = await recordsVersion(prisma);
  const database = databaseOf(prisma);
  let backgrounds = backgroundsOf.get(database);
  if (!backgrounds) backgroundsOf.set(database, (backgrounds = new Map()));
  let background = backgrounds.get(key);
  if (background?.version !== version) {
    background = {
      version,
      rows: await pointRows(
        reader,
        candidates.filter((_, i) => i % sampleEvery === 0),
        propertyKeys,
      ),
    };
    if (backgrounds.size > 50) backgrounds.clear();
    backgrounds.set(key, background);
  }
  const shown = new Set(background.rows.map((r) => r.materialId));
  const measurements = [
    ...background.rows,
    ...(await pointRows(
      reader,
      highlight.filter((id) => !shown.has(id)),
      propertyKeys,
    )),
  ];
  const base = (r: Row) => ({ materialId: r.materialId, ref: materialRef(r.doi, r.key), name: r.name });

  const points: ScatterPoint[] = [];
  if (isCondition(xKey) || isCondition(yKey)) {
    const column = CONDITION_AXES.get(isCondition(xKey) ? xKey : yKey)!.column;
    for (const r of measurements) {
      // As the comparison table aligns it: a paper that states no temperature tested at room temperature.
      const unstatedTemperature = column === "temperature" && r.temperature === null;
      const c = unstatedTemperature ? ROOM_TEMPERATURE : (r[column] as number | null);
      if (c === null) continue;
      const [px, py] = isCondition(xKey) ? [c, r.canonicalValue] : [r.canonicalValue, c];
      const conditionsText = [describe(r), unstatedTemperature ? UNSTATED_TEMPERATURE_NOTE : ""].filter(Boolean).join(" · ");
      points.push({ ...base(r), x: px, y: py, pairing: "condition", conditionsText });
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
        points.push({
          ...base(a),
          x: a.canonicalValue,
          y: b.canonicalValue,
          pairing: "material-best",
          conditionsText: `best of each: ${describe(a) || "–"} / ${describe(b) || "–"}`,
        });
      }
    }
  }
  const finite = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));

  const counts = await materialCountsByProperty(prisma);
  const axes = [
    ...[...CONDITION_AXES].map(([key, c]) => ({ key, label: `${c.label} (condition)`, display: c.display })),
    ...PROPERTIES.filter((p) => counts.has(p.key)).map((p) => ({ key: p.key, label: p.label, display: p.display })),
  ];
  return {
    x: { ...x, log: wantsLog(finite.map((p) => p.x)) },
    y: { ...y, log: wantsLog(finite.map((p) => p.y)) },
    points: finite,
    sampleEvery,
    axes,
  };
}

"use client";

import { useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CartesianGrid, Label, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { DEFAULT_SCATTER, type ChartPoint, type Comparison, type ScatterData, type ScatterPoint } from "@/lib/compare/types";
import { prettyNumber } from "@/lib/units/display";
import { fetchJson } from "../components/fetchJson";

const AXIS_STYLE = { fontSize: 12, fill: "#334155" };
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const tick = (v: number) => prettyNumber(v);

/** Domain (padded so no point sits on an axis) and decade ticks for a log axis over positive values. */
function logAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const positive = values.filter((v) => v > 0);
  const min = Math.min(...(positive.length ? positive : [0.1]));
  const max = Math.max(...(positive.length ? positive : [10]));
  const domain: [number, number] = [min / 1.8, max * 1.8];
  // 1-2-5 ticks over two decades or less, decades beyond.
  const steps = Math.log10(domain[1] / domain[0]) <= 2.6 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(domain[0])); e <= Math.ceil(Math.log10(domain[1])); e++) {
    for (const m of steps) {
      const t = Number((m * 10 ** e).toPrecision(1));
      if (t >= domain[0] && t <= domain[1]) ticks.push(t);
    }
  }
  return { domain, ticks };
}

/** A linear axis in steps of `step`, with at least `pad` of margin on both sides. */
function linearAxis(values: number[], step: number, pad: number): { domain: [number, number]; ticks: number[] } {
  const lo = Math.floor((Math.min(...(values.length ? values : [0])) - pad) / step) * step;
  const hi = Math.ceil((Math.max(...(values.length ? values : [0])) + pad) / step) * step;
  const ticks: number[] = [];
  // Counted, not summed, so 0.1-steps do not drift to 0.30000000000000004.
  for (let i = 0; lo + i * step <= hi + step * 1e-9; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { domain: [lo, hi], ticks };
}

/** A padded linear axis in 1-2-5 steps, so no point sits on an edge and gets cut. */
function niceLinearAxis(values: number[]): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...(values.length ? values : [0]));
  const hi = Math.max(...(values.length ? values : [1]));
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  return linearAxis(values, step, span * 0.05);
}

interface Plotted {
  x: number;
  y: number;
  name: string;
  conditionsText: string;
  quote?: string;
  extra?: string | null;
}

function PointTooltip({ active, payload, xName, yName }: { active?: boolean; payload?: readonly { payload?: Plotted }[]; xName: string; yName: string }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="max-w-xs rounded border border-slate-300 bg-white p-2 text-xs shadow">
      <p className="font-semibold">{p.name}</p>
      <p>
        {yName}: <strong>{prettyNumber(p.y)}</strong> · {xName}: <strong>{prettyNumber(p.x)}</strong>
      </p>
      {p.conditionsText ? <p className="text-slate-600">{p.conditionsText}</p> : null}
      {p.extra ? <p className="text-slate-500">{p.extra}</p> : null}
    </div>
  );
}

type ShapeProps = { cx?: number; cy?: number };
const dot = (colour: string, r = 4.5, hollow = false) =>
  function Dot({ cx, cy }: ShapeProps) {
    if (cx === undefined || cy === undefined) return <g />;
    return <circle cx={cx} cy={cy} r={r} fill={hollow ? "#fff" : colour} stroke={colour} strokeWidth={hollow ? 1.6 : 1} />;
  };
const triangle = (colour: string, r = 5.5) =>
  function Triangle({ cx, cy }: ShapeProps) {
    if (cx === undefined || cy === undefined) return <g />;
    return <polygon points={`${cx},${cy - r} ${cx + r * 0.87},${cy + r / 2} ${cx - r * 0.87},${cy + r / 2}`} fill="#fff" stroke={colour} strokeWidth={1.6} />;
  };

/**
 * Capacities by the cycle they were read at: the first cycle carries the irreversible loss, later
 * cycles the fade, a rate test (no cycle) neither; each has its own marker and legend entry.
 */
const CYCLE_KINDS = [
  { key: "rate", label: "rate test or cycle not stated", symbol: "●", test: (c: number | null) => c === null, shape: (colour: string) => dot(colour) },
  { key: "first", label: "first cycle", symbol: "△", test: (c: number | null) => c === 1, shape: (colour: string) => triangle(colour) },
  {
    key: "later",
    label: "after cycling (cycle N > 1)",
    symbol: "○",
    test: (c: number | null) => c !== null && c > 1,
    shape: (colour: string) => dot(colour, 4.5, true),
  },
] as const;

/** One series of a material's points per kind of cycle (first, later, rate test), each with its own marker. */
function cycleKindScatters(
  points: ChartPoint[],
  comparison: Comparison,
  m: Comparison["materials"][number],
  colour: string,
  kinds: readonly (typeof CYCLE_KINDS)[number][],
) {
  return kinds.map((k) => (
    <Scatter
      key={`${k.key}${m.index}`}
      name={`${m.name} (${k.label})`}
      data={
        byMaterial(
          points.filter((p) => k.test(p.cycle)),
          comparison,
        ).get(m.index) ?? []
      }
      fill={colour}
      shape={k.shape(colour)}
      isAnimationActive={false}
    />
  ));
}

/** The legend under a chart, in the page's flow: on a phone it wraps instead of covering the axis labels. */
function ChartLegend({ items, kinds }: { items: { name: string; colour: string }[]; kinds?: { symbol: string; label: string }[] }) {
  return (
    <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700" data-testid="chart-legend">
      {items.map((i) => (
        <li key={i.name} className="flex items-center gap-1">
          <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: i.colour }} />
          {i.name}
        </li>
      ))}
      {kinds?.map((k) => (
        <li key={k.label} className="flex items-center gap-1 text-slate-500">
          <span aria-hidden="true">{k.symbol}</span>
          {k.label}
        </li>
      ))}
    </ul>
  );
}

function ChartFrame({
  id,
  title,
  description,
  missing,
  legend,
  children,
}: {
  id: string;
  title: string;
  description: string;
  missing: string[];
  legend: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <figure className="rounded border border-slate-200 bg-white p-3 shadow-sm" data-testid="chart" data-chart={id} aria-labelledby={`${id}-title`}>
      <figcaption>
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
        <p className="text-xs text-slate-500">{description}</p>
      </figcaption>
      <div className="mt-2 h-72 w-full sm:h-80">{children}</div>
      {legend}
      {missing.length ? <p className="mt-1 text-xs text-slate-500">No data for {missing.join(", ")}.</p> : null}
    </figure>
  );
}

function byMaterial(points: ChartPoint[], comparison: Comparison): Map<number, Plotted[]> {
  const out = new Map<number, Plotted[]>();
  for (const p of points) {
    const name = comparison.materials[p.materialIndex]!.name;
    out.set(p.materialIndex, [...(out.get(p.materialIndex) ?? []), { x: p.x, y: p.y, name, conditionsText: p.conditionsText, quote: p.quote, extra: p.note }]);
  }
  return out;
}

/** The legend entries of the materials, in the table's colours. */
const materialItems = (comparison: Comparison, colours: string[]) =>
  comparison.materials.map((m) => ({ name: m.name, colour: colours[m.index % colours.length]! }));

/** The cycle kinds a chart's points include, for its legend. */
const kindsOf = (points: ChartPoint[]) => CYCLE_KINDS.filter((k) => points.some((p) => k.test(p.cycle)));

/** Specific capacity against current density at room temperature, log x: the rate-capability plot. */
export function RateChart({ comparison, colours }: { comparison: Comparison; colours: string[] }) {
  const { rateTest, cycled } = comparison.charts.rate;
  const lines = byMaterial(rateTest, comparison);
  const axis = logAxis([...rateTest, ...cycled].map((p) => p.x));
  const plotted = new Set([...rateTest, ...cycled].map((p) => p.materialIndex));
  const missing = comparison.materials.filter((m) => !plotted.has(m.index)).map((m) => m.name);
  return (
    <ChartFrame
      id="rate"
      title="Rate capability"
      description="Specific capacity against current density at room temperature (25 °C or unstated). Rate tests are joined; capacities read at a cycle stand alone."
      missing={missing}
      legend={<ChartLegend items={materialItems(comparison, colours)} kinds={kindsOf([...rateTest, ...cycled])} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            type="number"
            dataKey="x"
            scale="log"
            domain={axis.domain}
            ticks={axis.ticks}
            interval={0}
            allowDataOverflow
            tickFormatter={tick}
            tick={{ fontSize: 12 }}
          >
            <Label value="Current density (A g⁻¹)" position="insideBottom" offset={-16} style={AXIS_STYLE} />
          </XAxis>
          <YAxis type="number" dataKey="y" domain={[0, "auto"]} tickFormatter={tick} tick={{ fontSize: 12 }} width={64}>
            <Label value="Specific capacity (mAh g⁻¹)" angle={-90} position="insideLeft" offset={-4} style={{ ...AXIS_STYLE, textAnchor: "middle" }} />
          </YAxis>
          <Tooltip content={(props) => <PointTooltip {...(props as object)} xName="current density (A g⁻¹)" yName="capacity (mAh g⁻¹)" />} />
          {comparison.materials.map((m) => {
            const colour = colours[m.index % colours.length]!;
            return [
              <Scatter
                key={`r${m.index}`}
                name={m.name}
                data={lines.get(m.index) ?? []}
                fill={colour}
                line={{ stroke: colour, strokeWidth: 1.5 }}
                shape={dot(colour)}
                isAnimationActive={false}
              />,
              ...cycleKindScatters(
                cycled,
                comparison,
                m,
                colour,
                CYCLE_KINDS.filter((k) => k.key !== "rate"),
              ),
            ];
          })}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

/** Specific capacity against test temperature, first-cycle, later-cycle and rate-test values apart; an unstated temperature at 25 °C, as the table aligns it. */
export function TemperatureChart({ comparison, colours }: { comparison: Comparison; colours: string[] }) {
  const all = comparison.charts.temperature.points;
  const tAxis = linearAxis(
    all.map((p) => p.x),
    20,
    5,
  );
  const plotted = new Set(all.map((p) => p.materialIndex));
  const missing = comparison.materials.filter((m) => !plotted.has(m.index)).map((m) => m.name);
  return (
    <ChartFrame
      id="temperature"
      title="Capacity vs temperature"
      description="Specific capacity against the test temperature, every current density; an unstated temperature is plotted at room temperature (25 °C), as the table aligns it. Hover a point for its conditions."
      missing={missing}
      legend={<ChartLegend items={materialItems(comparison, colours)} kinds={kindsOf(all)} />}
    >
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis type="number" dataKey="x" domain={tAxis.domain} ticks={tAxis.ticks} interval={0} tickFormatter={tick} tick={{ fontSize: 12 }}>
            <Label value="Temperature (°C)" position="insideBottom" offset={-16} style={AXIS_STYLE} />
          </XAxis>
          <YAxis type="number" dataKey="y" domain={[0, "auto"]} tickFormatter={tick} tick={{ fontSize: 12 }} width={64}>
            <Label value="Specific capacity (mAh g⁻¹)" angle={-90} position="insideLeft" offset={-4} style={{ ...AXIS_STYLE, textAnchor: "middle" }} />
          </YAxis>
          <Tooltip content={(props) => <PointTooltip {...(props as object)} xName="temperature (°C)" yName="capacity (mAh g⁻¹)" />} />
          {comparison.materials.flatMap((m) => {
            const colour = colours[m.index % colours.length]!;
            return cycleKindScatters(all, comparison, m, colour, CYCLE_KINDS);
          })}
        </ScatterChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

function AxisPicker({ axis, value, onChange, axes }: { axis: "x" | "y"; value: string; onChange: (key: string) => void; axes: ScatterData["axes"] }) {
  return (
    <label className="flex items-center gap-1">
      <span className="text-slate-600">{axis}</span>
      <select
        aria-label={`Scatter ${axis} axis`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-56 rounded border border-slate-300 px-1 py-0.5"
      >
        {axes.map((a) => (
          <option key={a.key} value={a.key}>
            {a.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Any two properties (or a property and a condition) across the whole knowledge base, the compared
 * materials highlighted. Fetched after the page shows (the table does not wait for it) and again
 * whenever an axis changes.
 */
export function KnowledgeBaseScatter({ comparison, colours }: { comparison: Comparison; colours: string[] }) {
  const [x, setX] = useState<string>(DEFAULT_SCATTER.x);
  const [y, setY] = useState<string>(DEFAULT_SCATTER.y);
  const highlight = comparison.materials.map((m) => m.id).join(",");
  // The last chart stays up (dimmed) while another pair of axes loads.
  const scatter = useQuery({
    queryKey: ["compare-scatter", x, y, highlight],
    queryFn: ({ signal }) =>
      fetchJson<ScatterData>(`/api/compare/scatter?x=${encodeURIComponent(x)}&y=${encodeURIComponent(y)}&highlight=${highlight}`, { signal }),
    placeholderData: keepPreviousData,
  });
  const data = scatter.data ?? null;
  const loading = scatter.isFetching;
  const error = scatter.error ? scatter.error.message : null;

  if (!data) {
    return (
      <figure className="rounded border border-slate-200 bg-white p-3 shadow-sm" data-chart="scatter-loading" aria-busy={loading}>
        <h3 className="font-semibold">The compared materials among the whole knowledge base</h3>
        {error ? (
          <p role="alert" className="mt-2 text-sm text-red-700">
            {error}
          </p>
        ) : (
          <p className="mt-2 h-96 animate-pulse rounded bg-slate-50 p-3 text-sm text-slate-500">Loading the knowledge base…</p>
        )}
      </figure>
    );
  }
  return <ScatterFigure data={data} x={x} y={y} setX={setX} setY={setY} loading={loading} error={error} comparison={comparison} colours={colours} />;
}

function ScatterFigure({
  data,
  x,
  y,
  setX,
  setY,
  loading,
  error,
  comparison,
  colours,
}: {
  data: ScatterData;
  x: string;
  y: string;
  setX: (key: string) => void;
  setY: (key: string) => void;
  loading: boolean;
  error: string | null;
  comparison: Comparison;
  colours: string[];
}) {
  const compared = new Map(comparison.materials.map((m) => [m.ref, m]));
  const toPlotted = (p: ScatterPoint): Plotted => ({
    x: p.x,
    y: p.y,
    name: p.name,
    conditionsText: p.conditionsText,
    extra: p.pairing === "material-best" ? "best value of each property" : undefined,
  });
  const background = data.points.filter((p) => !compared.has(p.ref)).map(toPlotted);
  const highlighted = useMemo(() => {
    const out = new Map<number, Plotted[]>();
    for (const p of data.points) {
      const m = compared.get(p.ref);
      if (m) out.set(m.index, [...(out.get(m.index) ?? []), toPlotted(p)]);
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, comparison]);
  const xAxis = (data.x.log ? logAxis : niceLinearAxis)(data.points.map((p) => p.x));
  const yAxis = (data.y.log ? logAxis : niceLinearAxis)(data.points.map((p) => p.y));
  const axisLabel = (a: ScatterData["x"]) => `${a.label}${a.display ? ` (${a.display})` : ""}`;
  const missing = comparison.materials.filter((m) => !highlighted.has(m.index)).map((m) => m.name);

  return (
    <figure className="rounded border border-slate-200 bg-white p-3 shadow-sm" data-testid="chart" data-chart="scatter" aria-labelledby="scatter-title">
      <figcaption className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h3 id="scatter-title" className="font-semibold">
            The compared materials among the whole knowledge base
          </h3>
          <p className="text-xs text-slate-500">
            {plural(data.points.length, "point")} from {plural(new Set(data.points.map((p) => p.ref)).size, "material")}; grey:{" "}
            {data.sampleEvery > 1 ? `a sample of the other materials (one in ${data.sampleEvery})` : "every other material"}. Two properties pair measurements
            made under the same conditions, else each material&apos;s best value.
          </p>
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          <AxisPicker axis="x" value={x} onChange={setX} axes={data.axes} />
          <AxisPicker axis="y" value={y} onChange={setY} axes={data.axes} />
          {loading ? <span className="text-xs text-slate-400">loading…</span> : null}
        </div>
      </figcaption>
      {error ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="mt-2 h-96 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 16, bottom: 28, left: 24 }}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              type="number"
              dataKey="x"
              {...(data.x.log ? { scale: "log" as const } : {})}
              domain={xAxis.domain}
              ticks={xAxis.ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={tick}
              tick={{ fontSize: 12 }}
            >
              <Label value={axisLabel(data.x)} position="insideBottom" offset={-16} style={AXIS_STYLE} />
            </XAxis>
            <YAxis
              type="number"
              dataKey="y"
              {...(data.y.log ? { scale: "log" as const } : {})}
              domain={yAxis.domain}
              ticks={yAxis.ticks}
              interval={0}
              allowDataOverflow
              tickFormatter={tick}
              tick={{ fontSize: 11 }}
              width={96}
            >
              <Label value={axisLabel(data.y)} angle={-90} position="insideLeft" offset={-8} style={{ ...AXIS_STYLE, textAnchor: "middle" }} />
            </YAxis>
            <Tooltip content={(props) => <PointTooltip {...(props as object)} xName={data.x.label.toLowerCase()} yName={data.y.label.toLowerCase()} />} />
            <Scatter name="Other materials" data={background} fill="#94a3b8" shape={dot("#94a3b8", 3)} isAnimationActive={false} />
            {comparison.materials.map((m) => {
              const colour = colours[m.index % colours.length]!;
              return (
                <Scatter key={m.index} name={m.name} data={highlighted.get(m.index) ?? []} fill={colour} shape={dot(colour, 6)} isAnimationActive={false} />
              );
            })}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
      <ChartLegend items={[{ name: "Other materials", colour: "#94a3b8" }, ...materialItems(comparison, colours)]} />
      {missing.length ? <p className="mt-1 text-xs text-slate-500">Not on this plot (no data for both axes): {missing.join(", ")}.</p> : null}
    </figure>
  );
}

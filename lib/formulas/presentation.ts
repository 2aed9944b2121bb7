/**
 * How the calculator presents each formula, as data beside the catalogue: which unit an "any unit"
 * input starts in, example data for fits, the figure a result leads with, and the linearised plot
 * a fit is checked on. Free of unit code, so the browser can use it.
 */
import { prettyNumber, prettyUnit } from "../units/display";
import { CONSTANTS } from "./constants";
import type { FormulaResult } from "./evaluate";

export interface FitChart {
  title: string;
  xLabel: string;
  yLabel: string;
  /** The data in the plot's coordinates, and the fitted line through them. */
  points: { x: number; y: number }[];
  line: { x: number; y: number }[];
}

export interface FormulaPresentation {
  /** The unit an input of any unit ("*") starts in: the one a reader most likely has at hand. */
  anyUnit?: string;
  /** Inputs typed as rows of fractions, one crystallographic site per line, instead of one field per variable. */
  siteRows?: boolean;
  /** Values (and units) the "example" button fills in, one per variable. */
  example?: { values: string[]; units?: string[] };
  /** Words before the result's value, and the parameter the value already is (not listed again). */
  headline?: { label: (result: FormulaResult) => string; parameter?: string };
  /** A fit's data and fitted line in the coordinates where the fit is a straight line. */
  chart?: (list: (input: string) => number[], parameter: (name: string) => number) => Omit<FitChart, "line"> & { line: (x: number) => number };
}

export const PRESENTATION: Readonly<Record<string, FormulaPresentation>> = {
  capacity_retention: { anyUnit: "mAh/g" },
  decay_per_cycle: { anyUnit: "mAh/g" },
  coulombic_efficiency: { anyUnit: "mAh" },
  capacity_utilization: { anyUnit: "mAh/g" },
  polydispersity_index: { anyUnit: "g/mol" },
  relative_change: { anyUnit: "" },
  b_value_fit: {
    example: { values: ["0.1\n0.2\n0.5\n1\n2", "0.158\n0.276\n0.574\n1.00\n1.74"], units: ["mV/s", "mA"] },
    headline: { label: () => "b = ", parameter: "b" },
    chart: (list, parameter) => ({
      title: "log i against log v with the fitted line",
      xLabel: "log₁₀(v / mV s⁻¹)",
      yLabel: "log₁₀(i / A)",
      points: list("v").map((v, n) => ({ x: Math.log10(v), y: Math.log10(list("i")[n]!) })),
      line: (x) => parameter("b") * x + Math.log10(parameter("a")),
    }),
  },
  capacitive_contribution_fit: {
    example: { values: ["0.2\n0.4\n0.6\n0.8\n1.0", "0.52\n0.88\n1.21\n1.52\n1.82"], units: ["mV/s", "mA"] },
    headline: { label: (result) => `capacitive share at ${prettyNumber(result.series?.at(-1)?.x ?? 0)} ${prettyUnit(result.series?.at(-1)?.xUnit ?? "")} = ` },
    chart: (list, parameter) => ({
      title: "i/v½ against v½ with the fitted line",
      xLabel: "v½ / (mV s⁻¹)½",
      yLabel: "i v⁻½ / A (mV s⁻¹)⁻½",
      points: list("v").map((v, n) => ({ x: Math.sqrt(v), y: list("i")[n]! / Math.sqrt(v) })),
      line: (x) => parameter("k1") * x + parameter("k2"),
    }),
  },
  arrhenius_fit: {
    example: { values: ["25\n40\n60\n80", "0.12\n0.21\n0.40\n0.69"], units: ["degC", "mS/cm"] },
    headline: { label: () => "Eₐ = ", parameter: "E_a" },
    chart: (list, parameter) => ({
      title: "ln σ against 1000/T with the fitted line",
      xLabel: "1000/T / K⁻¹",
      yLabel: "ln(σ / S cm⁻¹)",
      points: list("T").map((t, n) => ({ x: 1000 / t, y: Math.log(list("sigma")[n]!) })),
      // ln σ = ln A − Eₐ / (k_B T), with x = 1000/T.
      line: (x) => Math.log(parameter("A")) - (parameter("E_a") / CONSTANTS.k_B / 1000) * x,
    }),
  },
  configurational_entropy: {
    siteRows: true,
    example: { values: ["0.2, 0.2, 0.2, 0.2, 0.2\n1"] },
    headline: { label: () => "S_config = ", parameter: "S_config" },
  },
};

export const presentationOf = (key: string): FormulaPresentation => PRESENTATION[key] ?? {};

/** The plot of a fit result, with the fitted line drawn a little beyond the data; null when the formula has none. */
export function fitChart(key: string, result: FormulaResult): FitChart | null {
  const chart = presentationOf(key).chart;
  if (!chart) return null;
  const list = (name: string) => {
    const input = result.inputs[name];
    return input && "values" in input ? input.values : [];
  };
  const spec = chart(list, (name) => result.parameters?.[name]?.value ?? NaN);
  const xs = spec.points.map((p) => p.x);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const pad = (hi - lo) * 0.05;
  return { ...spec, line: [lo - pad, hi + pad].map((x) => ({ x, y: spec.line(x) })) };
}

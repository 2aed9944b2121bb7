"use client";

import { useMemo, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebounce } from "use-debounce";
import { CartesianGrid, Label, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { FormulaDefinition, FormulaVariable } from "@/lib/formulas/catalogue";
import type { FormulaResult, Quantity } from "@/lib/formulas/evaluate";
import { fitChart, presentationOf } from "@/lib/formulas/presentation";
import { prettyNumber, prettyUnit, unitText } from "@/lib/units/display";
import { parseNumber } from "@/lib/units/numbers";
import { fetchJson, RequestError } from "../components/fetchJson";

/**
 * Live calculator for one catalogue formula: inputs with units, evaluated by
 * POST /api/formulas/KEY/evaluate (debounced), errors shown next to the field the API names.
 */

interface ApiError {
  message: string;
  field?: string;
}
type Built = { kind: "incomplete"; hint: string } | { kind: "invalid"; errors: Record<string, string> } | { kind: "ready"; body: string; columns?: boolean };

const DEBOUNCE_MS = 250;

type Evaluation = { body: string; result?: FormulaResult; error?: ApiError };

/** The API's answer to one request body. A refusal is an answer too: the form shows it next to the field it names. */
async function evaluate(key: string, body: string, signal: AbortSignal): Promise<Evaluation> {
  try {
    const result = await fetchJson<FormulaResult>(`/api/formulas/${encodeURIComponent(key)}/evaluate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      signal,
    });
    return { body, result };
  } catch (e) {
    if (signal.aborted) throw e;
    if (e instanceof RequestError) return { body, error: e.fromApi ? { message: e.message, field: e.field } : { message: `the server answered ${e.status}` } };
    return { body, error: { message: `could not reach the calculator (${e instanceof Error ? e.message : String(e)})` } };
  }
}

/** Sensible alternatives offered in each unit field's datalist (all convertible to the key). */
const UNIT_ALTERNATIVES: Record<string, string[]> = {
  "mAh/g": ["mAh/g", "Ah/g", "Ah/kg", "mA h g-1"],
  "g/mol": ["g/mol", "kg/mol"],
  "mg/cm^2": ["mg/cm^2", "g/m^2", "ug/cm^2"],
  "mAh/cm^2": ["mAh/cm^2", "uAh/cm^2", "Ah/m^2"],
  V: ["V", "mV"],
  "Wh/kg": ["Wh/kg", "mWh/g", "kWh/kg", "J/g"],
  h: ["h", "min", "s"],
  "W/kg": ["W/kg", "kW/kg", "mW/g"],
  "mA/g": ["mA/g", "A/g", "A/kg"],
  uL: ["uL", "mL"],
  mg: ["mg", "g", "ug"],
  "uL/mg": ["uL/mg", "mL/g"],
  cm: ["cm", "mm", "um"],
  ohm: ["ohm", "kohm", "mohm"],
  "cm^2": ["cm^2", "mm^2", "m^2"],
  "S/cm": ["S/cm", "mS/cm", "S/m"],
  A: ["A", "mA", "uA"],
  s: ["s", "min", "h"],
  g: ["g", "mg", "kg"],
  "cm^3/mol": ["cm^3/mol", "m^3/mol", "L/mol"],
  "cm^2/s": ["cm^2/s", "m^2/s"],
  K: ["K", "degC"],
  "mol/cm^3": ["mol/cm^3", "mol/L", "mmol/cm^3"],
  "ohm s^-0.5": ["ohm s^-0.5"],
  "mV/s": ["mV/s", "V/s"],
  eV: ["eV", "meV", "kJ/mol"],
  "eV/K": ["eV/K", "meV/K"],
  "J/(mol K)": ["J/(mol K)", "kJ/(mol K)"],
  percent: ["percent", "%"],
  "*": ["mAh/g", "mAh", "Ah/g", "mAh/cm^2", "g/mol", "kg/mol"],
};

const PARAMETER_LABELS: Record<string, string> = {
  b: "b",
  a: "a",
  k1: "k₁ (capacitive)",
  k2: "k₂ (diffusion-controlled)",
  E_a: "Eₐ",
  E_a_molar: "Eₐ (per mole)",
  A: "A (pre-exponential factor)",
  S_config: "S_config",
  in_R: "S_config / R",
};

const GREEK: Record<string, string> = { sigma: "σ", tau: "τ", pi: "π" };

/** A variable name as a symbol: "V_avg" → V with subscript avg, "dE_s" → ΔE with subscript s. */
export function VariableSymbol({ name }: { name: string }) {
  const [head = name, ...rest] = name.split("_");
  let base = GREEK[head] ?? head;
  let sub = rest.map((r) => GREEK[r] ?? r).join(",");
  if (/^d[A-Z]/.test(base)) base = "Δ" + base.slice(1);
  const digit = /^([a-z])(\d)$/.exec(base);
  if (digit && !sub) {
    base = digit[1]!;
    sub = digit[2]!;
  }
  return (
    <span className="font-serif italic">
      {base}
      {sub ? <sub className="not-italic">{sub}</sub> : null}
    </span>
  );
}

/** Rows of numbers from pasted text: lines split on tabs, commas, semicolons or spaces; lines without digits (headers) skipped. */
function rows(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => /\d/.test(line))
    .map((line) =>
      line
        .trim()
        .split(/[\t,;]+\s*|\s+/)
        .filter(Boolean),
    );
}

type ParsedList = { values: number[] } | { error: string };
function parseList(text: string): ParsedList {
  const values: number[] = [];
  for (const token of rows(text).flat()) {
    const n = parseNumber(token);
    if (n === null) return { error: `“${token}” is not a number` };
    values.push(n);
  }
  return { values };
}

/** Two columns pasted into one box: at least two lines of exactly two numbers each. */
function twoColumns(text: string): [string, string] | null {
  const r = rows(text);
  if (r.length < 2 || !r.every((row) => row.length === 2 && row.every((t) => parseNumber(t) !== null))) return null;
  return [r.map((row) => row[0]).join("\n"), r.map((row) => row[1]).join("\n")];
}

const quantityOf = (value: number, unit: string) => ({ value, unit });

function build(formula: FormulaDefinition, values: Record<string, string>, units: Record<string, string>, outUnit: string): Built {
  const inputs: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  const missing: string[] = [];
  let columns = false;
  const unitOf = (variable: FormulaVariable) => (units[variable.name] ?? "").trim();

  if (presentationOf(formula.key).siteRows) {
    const sites: number[][] = [];
    for (const [k, line] of rows(values.x ?? "").entries()) {
      const site: number[] = [];
      for (const token of line) {
        const n = parseNumber(token);
        if (n === null) errors["inputs.x"] = `site ${k + 1}: “${token}” is not a number`;
        else site.push(n);
      }
      sites.push(site);
    }
    if (!errors["inputs.x"]) {
      if (sites.length === 0) missing.push("the site fractions");
      else inputs.x = sites;
    }
  } else if (formula.kind === "fit") {
    const [vx, vy] = formula.variables as [FormulaVariable, FormulaVariable];
    let xText = values[vx.name] ?? "";
    let yText = values[vy.name] ?? "";
    const split = !yText.trim() ? twoColumns(xText) : null;
    if (split) {
      [xText, yText] = split;
      columns = true;
    }
    for (const [variable, text] of [
      [vx, xText],
      [vy, yText],
    ] as const) {
      const parsed = parseList(text);
      if ("error" in parsed) errors[`inputs.${variable.name}`] = parsed.error;
      else if (parsed.values.length === 0) missing.push(variable.label);
      else inputs[variable.name] = { values: parsed.values, unit: unitOf(variable) };
    }
  } else {
    for (const variable of formula.variables) {
      const text = (values[variable.name] ?? "").trim();
      const n = parseNumber(text);
      if (!text) missing.push(variable.label);
      else if (n === null) errors[`inputs.${variable.name}`] = `“${text}” is not a number`;
      else inputs[variable.name] = variable.unit === "" ? n : quantityOf(n, unitOf(variable));
    }
  }
  if (Object.keys(errors).length) return { kind: "invalid", errors };
  if (missing.length)
    return {
      kind: "incomplete",
      hint: `Enter ${missing.length === formula.variables.length || missing.length > 2 ? "the values" : missing.join(" and ")} to see the result.`,
    };
  const unit = outUnit.trim();
  return { kind: "ready", body: JSON.stringify({ inputs, ...(unit ? { unit } : {}) }), columns };
}

function Datalist({ id, unit }: { id: string; unit: string }) {
  const options = UNIT_ALTERNATIVES[unit] ?? (unit ? [unit] : []);
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o} value={o}>
          {unitText(o)}
        </option>
      ))}
    </datalist>
  );
}

const inputClass =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums shadow-sm focus:border-brand aria-[invalid=true]:border-red-500 aria-[invalid=true]:bg-red-50";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {message}
    </p>
  );
}

export function Calculator({ formula }: { formula: FormulaDefinition }) {
  const key = formula.key;
  const isFit = formula.kind === "fit";
  const presentation = presentationOf(key);
  const isSites = Boolean(presentation.siteRows);
  const [values, setValues] = useState<Record<string, string>>({});
  const [units, setUnits] = useState<Record<string, string>>(() =>
    Object.fromEntries(formula.variables.map((v) => [v.name, v.unit === "*" ? (presentation.anyUnit ?? "") : v.unit])),
  );
  const [outUnit, setOutUnit] = useState(formula.outputUnit);
  const built = useMemo(() => build(formula, values, units, outUnit), [formula, values, units, outUnit]);
  const body = built.kind === "ready" ? built.body : null;
  const [sent] = useDebounce(body, DEBOUNCE_MS);
  // The previous answer stays (dimmed) while the next one is calculated.
  const evaluation = useQuery({
    queryKey: ["formula-evaluate", key, sent],
    queryFn: ({ signal }) => evaluate(key, sent!, signal),
    enabled: sent !== null,
    placeholderData: keepPreviousData,
  });
  const response = evaluation.data ?? null;

  const loading = body !== null && response?.body !== body;
  const current = body !== null && response?.body === body ? response : null;
  const stale = body !== null && response && response.body !== body ? response : null;
  const errors: Record<string, string> =
    built.kind === "invalid" ? built.errors : current?.error?.field ? { [current.error.field]: current.error.message } : {};
  const fieldIds = new Set<string>();
  const ids = {
    value: (name: string) => `${key}-${name}`,
    unit: (name: string) => `${key}-${name}-unit`,
    out: `${key}-out-unit`,
  };
  const errorFor = (field: string) => {
    fieldIds.add(field);
    return errors[field];
  };
  const valueError = (name: string) => errorFor(`inputs.${name}`) ?? errorFor(`inputs.${name}.values`);
  const unitError = (name: string) => errorFor(`inputs.${name}.unit`);
  const outError = formula.outputUnit !== "" ? errorFor("unit") : undefined;

  const setValue = (name: string, text: string) => setValues((s) => ({ ...s, [name]: text }));
  const setUnit = (name: string, text: string) => setUnits((s) => ({ ...s, [name]: text }));

  const invalidProps = (id: string, message: string | undefined) =>
    message ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : { "aria-invalid": false as const };

  const unitField = (variable: FormulaVariable) => {
    const id = ids.unit(variable.name);
    if (variable.unit === "") return <span className="px-1 text-xs text-slate-500">plain number</span>;
    const message = unitError(variable.name);
    return (
      <>
        <label htmlFor={id} className="sr-only">
          Unit of {variable.name}
        </label>
        <input
          id={id}
          type="text"
          list={`${id}-options`}
          value={units[variable.name] ?? ""}
          placeholder={variable.unit === "*" ? "any unit" : variable.unit}
          onChange={(e) => setUnit(variable.name, e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className={inputClass}
          {...invalidProps(id, message)}
        />
        <Datalist id={`${id}-options`} unit={variable.unit} />
      </>
    );
  };

  const example = () => {
    const ex = presentation.example;
    if (!ex) return;
    setValues(Object.fromEntries(formula.variables.map((v, n) => [v.name, ex.values[n] ?? ""])));
    const exUnits = ex.units;
    if (exUnits) setUnits(Object.fromEntries(formula.variables.map((v, n) => [v.name, exUnits[n] ?? v.unit])));
  };

  let fields: React.ReactNode;
  if (isSites) {
    const variable = formula.variables[0]!;
    const id = ids.value(variable.name);
    const message = valueError(variable.name);
    fields = (
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          Site fractions <span className="font-normal text-slate-500">(one crystallographic site per line, fractions separated by commas or spaces)</span>
        </label>
        <textarea
          id={id}
          rows={4}
          value={values[variable.name] ?? ""}
          placeholder={"0.2, 0.2, 0.2, 0.2, 0.2\n1"}
          onChange={(e) => setValue(variable.name, e.target.value)}
          spellCheck={false}
          className={`${inputClass} mt-1 font-mono`}
          {...invalidProps(id, message)}
        />
        <FieldError id={`${id}-error`} message={message} />
      </div>
    );
  } else if (isFit) {
    const [vx, vy] = formula.variables as [FormulaVariable, FormulaVariable];
    fields = (
      <div className="grid gap-4 sm:grid-cols-2">
        {[vx, vy].map((variable, n) => {
          const id = ids.value(variable.name);
          const message = valueError(variable.name);
          const parsed = parseList(values[variable.name] ?? "");
          const count = "values" in parsed ? parsed.values.length : 0;
          return (
            <div key={variable.name}>
              <label htmlFor={id} className="block text-sm">
                <VariableSymbol name={variable.name} /> <span className="text-slate-700">{variable.label}</span>
              </label>
              <textarea
                id={id}
                rows={6}
                value={values[variable.name] ?? ""}
                placeholder={n === 0 ? "one number per line,\nor paste two columns here" : "one number per line"}
                onChange={(e) => setValue(variable.name, e.target.value)}
                onPaste={
                  n === 0
                    ? (e) => {
                        const split = twoColumns(e.clipboardData.getData("text"));
                        if (!split) return;
                        e.preventDefault();
                        setValues((s) => ({ ...s, [vx.name]: split[0], [vy.name]: split[1] }));
                      }
                    : undefined
                }
                spellCheck={false}
                className={`${inputClass} mt-1 font-mono`}
                {...invalidProps(id, message)}
              />
              <FieldError id={`${id}-error`} message={message} />
              <div className="mt-1 flex items-center gap-2">
                <span className="shrink-0 text-xs text-slate-500">Unit</span>
                <div className="w-32">{unitField(variable)}</div>
                <span className="text-xs text-slate-500">{count ? `${count} value${count === 1 ? "" : "s"}` : ""}</span>
              </div>
              <FieldError id={`${ids.unit(variable.name)}-error`} message={unitError(variable.name)} />
            </div>
          );
        })}
      </div>
    );
  } else {
    fields = (
      <div className="space-y-2">
        {formula.variables.map((variable) => {
          const id = ids.value(variable.name);
          const message = valueError(variable.name);
          const uMessage = unitError(variable.name);
          return (
            <div key={variable.name}>
              <div className="grid grid-cols-[minmax(0,1fr)_7.5rem_8.5rem] items-center gap-2">
                <label htmlFor={id} className="text-sm leading-tight">
                  <VariableSymbol name={variable.name} /> <span className="text-slate-700">{variable.label}</span>
                </label>
                <input
                  id={id}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={values[variable.name] ?? ""}
                  onChange={(e) => setValue(variable.name, e.target.value)}
                  className={inputClass}
                  {...invalidProps(id, message)}
                />
                <div>{unitField(variable)}</div>
              </div>
              <FieldError id={`${id}-error`} message={message} />
              <FieldError id={`${ids.unit(variable.name)}-error`} message={uMessage} />
            </div>
          );
        })}
      </div>
    );
  }

  const general = built.kind !== "invalid" && current?.error && !fieldIds.has(current.error.field ?? "") ? current.error.message : null;
  const shown = current?.result ?? (loading ? stale?.result : undefined);

  return (
    <div data-testid={`calc-${key}`} className="self-start rounded-md border border-slate-200 bg-slate-50/60 p-4">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-500">Calculator</h3>
        {presentation.example ? (
          <button
            type="button"
            onClick={example}
            className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:border-brand hover:text-brand"
          >
            Fill in an example
          </button>
        ) : null}
      </div>
      {fields}
      {built.kind === "ready" && built.columns ? <p className="mt-2 text-xs text-slate-500">Read two columns from the first box.</p> : null}
      {formula.outputUnit !== "" ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <div className={isFit || isSites ? "flex items-center gap-2" : "grid grid-cols-[minmax(0,1fr)_8.5rem] items-center gap-2"}>
            <label htmlFor={ids.out} className="text-sm font-medium text-slate-700">
              Result in
            </label>
            <input
              id={ids.out}
              type="text"
              list={`${ids.out}-options`}
              value={outUnit}
              placeholder={formula.outputUnit}
              onChange={(e) => setOutUnit(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              className={`${inputClass} ${isFit || isSites ? "max-w-36" : ""}`}
              {...invalidProps(ids.out, outError)}
            />
            <Datalist id={`${ids.out}-options`} unit={formula.outputUnit} />
          </div>
          <FieldError id={`${ids.out}-error`} message={outError} />
        </div>
      ) : null}

      <div data-testid="result" aria-live="polite" aria-busy={loading} className="mt-4 min-h-12 rounded border border-slate-200 bg-white px-3 py-2">
        {built.kind === "incomplete" ? (
          <p className="text-sm text-slate-500">{built.hint}</p>
        ) : built.kind === "invalid" ? (
          <p className="text-sm text-red-700">Correct the highlighted field to see the result.</p>
        ) : general ? (
          <p role="alert" className="text-sm text-red-700">
            {general}
          </p>
        ) : current?.error ? (
          <p className="text-sm text-red-700">Correct the highlighted field to see the result.</p>
        ) : shown ? (
          <div className={loading ? "opacity-50" : undefined}>
            <ResultView formula={formula} result={shown} />
          </div>
        ) : null}
        {loading ? <p className="text-xs text-slate-500">Calculating…</p> : null}
      </div>
      {shown && isFit && !current?.error ? <FitChart formula={formula} result={shown} /> : null}
    </div>
  );
}

const withUnit = (value: number, unit: string) => `${prettyNumber(value)}${unit && unit !== "1" ? " " + prettyUnit(unit) : ""}`.replace(/ %$/, " %");

function ResultView({ formula, result }: { formula: FormulaDefinition; result: FormulaResult }) {
  const { headline, siteRows } = presentationOf(formula.key);
  const params = Object.entries(result.parameters ?? {}).filter(([name]) => name !== headline?.parameter);
  const used = formula.kind === "closed form" && !siteRows ? Object.entries(result.inputs).filter((e): e is [string, Quantity] => "value" in e[1]) : [];
  return (
    <div>
      <p className="text-lg font-semibold tabular-nums text-slate-900">
        {headline?.label(result) ?? null}
        {withUnit(result.value, result.unit)}
      </p>
      {params.length || result.r2 !== undefined ? (
        <dl className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm tabular-nums">
          {params.map(([name, q]) => (
            <div key={name} className="flex gap-1">
              <dt className="text-slate-500">{PARAMETER_LABELS[name] ?? name} =</dt>
              <dd> {q.unit === "R" ? `${prettyNumber(q.value)} R` : withUnit(q.value, q.unit)}</dd>
            </div>
          ))}
          {result.r2 !== undefined ? (
            <div className="flex gap-1">
              <dt className="text-slate-500">R² =</dt>
              <dd> {result.r2.toFixed(4)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {used.length ? (
        <p className="mt-1 text-xs text-slate-500">
          Computed from{" "}
          {used.map(([name, q], n) => (
            <span key={name}>
              {n ? ", " : ""}
              <VariableSymbol name={name} /> = {withUnit(q.value, q.unit)}
            </span>
          ))}
        </p>
      ) : null}
      {result.series?.length ? (
        <table className="mt-2 text-sm tabular-nums">
          <caption className="sr-only">Capacitive and diffusion-controlled share per scan rate</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th className="py-0.5 pr-4 font-normal">Scan rate ({prettyUnit(result.series[0]!.xUnit)})</th>
              <th className="py-0.5 pr-4 font-normal">Capacitive</th>
              <th className="py-0.5 font-normal">Diffusion-controlled</th>
            </tr>
          </thead>
          <tbody>
            {result.series.map((p) => (
              <tr key={p.x} className="border-b border-slate-100">
                <td className="py-0.5 pr-4">{prettyNumber(p.x)}</td>
                <td className="py-0.5 pr-4">{p.value.toFixed(1).replace(/^-/, "−")} %</td>
                <td className="py-0.5">{(100 - p.value).toFixed(1).replace(/^-/, "−")} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

const tick = (n: number) => {
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 0.01 || abs >= 1e4)) return n.toExponential(2).replace(/\.?0+e/, "e");
  return String(Number(n.toPrecision(3)));
};

function FitChart({ formula, result }: { formula: FormulaDefinition; result: FormulaResult }) {
  const spec = fitChart(formula.key, result);
  if (!spec || spec.points.some((q) => !Number.isFinite(q.x) || !Number.isFinite(q.y))) return null;
  return (
    <figure className="mt-3 rounded border border-slate-200 bg-white p-2" data-testid="chart">
      <figcaption className="px-1 text-xs text-slate-500">{spec.title}</figcaption>
      <ResponsiveContainer width="100%" height={280}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis type="number" dataKey="x" name={spec.xLabel} domain={["auto", "auto"]} tickFormatter={tick} tick={{ fontSize: 12 }}>
            <Label value={spec.xLabel} position="insideBottom" offset={-16} style={{ fontSize: 12, fill: "#334155" }} />
          </XAxis>
          <YAxis type="number" dataKey="y" name={spec.yLabel} domain={["auto", "auto"]} tickFormatter={tick} tick={{ fontSize: 12 }} width={64}>
            <Label value={spec.yLabel} angle={-90} position="insideLeft" offset={-4} style={{ fontSize: 12, fill: "#334155", textAnchor: "middle" }} />
          </YAxis>
          <Tooltip formatter={(value) => (typeof value === "number" ? tick(value) : String(value))} cursor={{ strokeDasharray: "3 3" }} />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          <Scatter name="data" data={spec.points} fill="#0f5f8c" isAnimationActive={false} />
          <Scatter
            name="fit"
            data={spec.line}
            fill="#d97706"
            line={{ stroke: "#d97706", strokeWidth: 2 }}
            shape={() => <g />}
            legendType="line"
            isAnimationActive={false}
          />
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}

import type { Metadata } from "next";
import katex from "katex";
import { FORMULAS, type FormulaDefinition } from "@/lib/formulas/catalogue";
import { prettyUnit } from "@/lib/units/display";
import { Calculator, VariableSymbol } from "./Calculator";

export const metadata: Metadata = { title: "Formulas" };

function unitText(unit: string): string {
  if (unit === "") return "plain number";
  if (unit === "*") return "any unit (the same kind for all such inputs)";
  return prettyUnit(unit);
}

function Formula({ formula }: { formula: FormulaDefinition }) {
  const html = katex.renderToString(formula.latex, { throwOnError: false, trust: false, displayMode: true });
  return (
    <section id={formula.key} aria-labelledby={`${formula.key}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div className="min-w-0">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`${formula.key}-title`} className="text-xl font-semibold">
              <a href={`#${formula.key}`} className="hover:underline">
                {formula.name}
              </a>
            </h2>
            <span className={`rounded px-1.5 py-0.5 text-xs ${formula.kind === "fit" ? "bg-amber-100 text-amber-800" : "bg-sky-100 text-sky-800"}`}>
              {formula.kind}
            </span>
          </div>
          <p className="font-mono text-xs text-slate-400">{formula.key}</p>
          <div className="my-3 overflow-x-auto text-lg" data-testid="latex" dangerouslySetInnerHTML={{ __html: html }} />
          <h3 className="text-sm font-medium text-slate-500">Variables</h3>
          <dl className="mt-1 space-y-1 text-sm">
            {formula.variables.map((v) => (
              <div key={v.name} className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-2">
                <dt>
                  <VariableSymbol name={v.name} />
                </dt>
                <dd className="text-slate-700">
                  {v.label}
                  {v.array && formula.kind === "fit" ? " (list)" : ""} · <span className="text-slate-500">{unitText(v.unit)}</span>
                </dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-sm">
            <span className="text-slate-500">Result in </span>
            {formula.outputUnit === "" ? "a plain number" : prettyUnit(formula.outputUnit)}
          </p>
          <div className="mt-3 text-sm">
            <h3 className="font-medium text-slate-500">References</h3>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
              {formula.references.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </div>
        </div>
        <Calculator formula={formula} />
      </div>
    </section>
  );
}

export default function FormulasPage() {
  const groups = [
    { title: "Closed forms", items: FORMULAS.filter((f) => f.kind === "closed form") },
    { title: "Fits", items: FORMULAS.filter((f) => f.kind === "fit") },
  ];
  return (
    <article className="space-y-6">
      <header>
        <h1 className="text-3xl font-semibold">Formulas</h1>
        <p className="mt-2 max-w-3xl text-slate-700">
          The analysis formulas matlit uses to derive figures from what papers report. Every calculator accepts paper notation for units (mAh g⁻¹ as “mA h g-1”
          or “mAh/g”, “°C”, “µL”) and converts before computing. The same calculations are available at{" "}
          <code className="rounded bg-slate-100 px-1 text-sm">POST /api/formulas/KEY/evaluate</code>.
        </p>
        <nav aria-label="Formulas on this page" className="mt-4 space-y-2 text-sm">
          {groups.map((g) => (
            <div key={g.title} className="flex flex-wrap items-baseline gap-x-1 gap-y-1">
              <span className="mr-1 w-24 shrink-0 text-slate-500">{g.title}</span>
              {g.items.map((f) => (
                <a
                  key={f.key}
                  href={`#${f.key}`}
                  className="rounded border border-slate-200 bg-white px-2 py-0.5 text-slate-700 hover:border-brand hover:text-brand"
                >
                  {f.name}
                </a>
              ))}
            </div>
          ))}
        </nav>
      </header>
      {FORMULAS.map((f) => (
        <Formula key={f.key} formula={f} />
      ))}
    </article>
  );
}

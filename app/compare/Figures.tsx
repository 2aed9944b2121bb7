"use client";

import Link from "next/link";
import type { Comparison } from "@/lib/compare/types";
import { formatQuantity } from "@/lib/units/display";
import { PaperQuote } from "@/app/components/PaperText";

/** Per material: the figures matlit recomputed from the paper's own numbers, and the audit flags. */
export function FiguresAndFlags({ comparison, colours }: { comparison: Comparison; colours: string[] }) {
  return (
    <section aria-labelledby="derived-heading" className="space-y-4">
      <div>
        <h2 id="derived-heading" className="text-xl font-semibold">
          Derived figures and consistency flags
        </h2>
        <p className="text-sm text-slate-600">
          Recomputed by matlit from each paper&apos;s own numbers (rate retention, retention on cycling and across temperature…). Retention on cycling is taken
          against the cycle the paper names, else the first reversible cycle (cycle 2): the first cycle&apos;s capacity includes its irreversible loss. Hover an
          input for the sentence it comes from; the formula links explain the calculation.
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {comparison.figures.map((f) => {
          const m = comparison.materials[f.materialIndex]!;
          return (
            <article
              key={f.ref}
              className="rounded border border-slate-200 bg-white p-3 shadow-sm"
              data-testid="material-figures"
              aria-label={`Derived figures for ${m.name}`}
            >
              <h3 className="font-semibold">
                <span className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ background: colours[m.index % colours.length] }} aria-hidden="true" />
                {m.name}
              </h3>
              {f.flags.length ? (
                <ul className="mt-2 space-y-2" aria-label={`Consistency flags for ${m.name}`}>
                  {f.flags.map((flag, i) => (
                    <li key={i} data-testid="compare-flag" className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
                      <p className="font-medium">⚑ {flag.message}</p>
                      <p className="mt-0.5">
                        Stated <strong>{flag.stated.display}</strong>, recomputed <strong>{flag.recomputed.display}</strong> with{" "}
                        <Link className="underline" href={flag.formulaPath}>
                          {flag.formulaName}
                        </Link>
                      </p>
                      <PaperQuote className="mt-0.5 block" text={flag.stated.quote} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-xs text-emerald-800">No consistency flags.</p>
              )}
              {f.derived.length ? (
                <table className="mt-2 w-full border-collapse text-xs">
                  <thead>
                    <tr className="border-b border-slate-200 text-left text-slate-500">
                      <th className="py-1 font-normal">Figure</th>
                      <th className="py-1 font-normal">Value</th>
                      <th className="py-1 font-normal">Formula and inputs</th>
                    </tr>
                  </thead>
                  <tbody>
                    {f.derived.map((d, i) => (
                      <tr key={i} className="border-b border-slate-100 align-top" data-testid="compare-derived" data-formula={d.formula}>
                        <td className="py-1 pr-2">{d.label}</td>
                        <td className="whitespace-nowrap py-1 pr-2 font-semibold tabular-nums">{d.display}</td>
                        <td className="py-1 text-slate-600">
                          <Link className="text-brand hover:underline" href={d.formulaPath}>
                            {d.formulaName}
                          </Link>
                          <span className="text-slate-400"> · </span>
                          {d.inputs.map((x, n) => (
                            <span
                              key={n}
                              title={x.quote}
                              tabIndex={x.quote ? 0 : undefined}
                              className={x.quote ? "cursor-help underline decoration-dotted" : undefined}
                            >
                              {n ? "; " : ""}
                              {x.name} = {formatQuantity(x.value, x.unit)}
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : (
                <p className="mt-2 text-xs text-slate-500">
                  Nothing to recompute: the record holds no pair of numbers a formula needs (e.g. capacities at two rates, or at cycle 1 and cycle N under the
                  same conditions).
                </p>
              )}
            </article>
          );
        })}
      </div>
    </section>
  );
}

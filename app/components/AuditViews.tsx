import Link from "next/link";
import type { AuditFlag, DerivedFigure } from "@/lib/formulas/derive";
import { formatQuantity } from "@/lib/units/display";
import { PaperQuote } from "./PaperText";

/** Disagreements between a paper's stated figures and its own numbers. */
export function AuditFlags({ flags }: { flags: AuditFlag[] }) {
  if (!flags.length) return null;
  return (
    <section aria-labelledby="audit-flags" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h2 id="audit-flags" className="text-lg font-semibold text-amber-900">
        Consistency flags ({flags.length})
      </h2>
      <p className="text-sm text-amber-900">Figures the paper states that its own numbers do not reproduce, within the stated precision.</p>
      <ul className="mt-2 space-y-3">
        {flags.map((f) => (
          <li key={`${f.formula}-${f.stated.measurementId}`} data-testid="audit-flag" className="text-sm">
            <p className="font-medium text-amber-950">{f.message}</p>
            <p className="text-amber-900">
              Stated <strong>{f.stated.display}</strong> · recomputed <strong>{f.recomputed.display}</strong> with{" "}
              <Link className="underline" href={`/formulas#${f.formula}`}>
                {f.formulaName}
              </Link>{" "}
              from{" "}
              {f.inputs.map((i, n) => (
                <span key={n}>
                  {n ? ", " : ""}
                  {i.name} = {formatQuantity(i.value, i.unit)}
                </span>
              ))}
            </p>
            <blockquote className="mt-1 border-l-2 border-amber-400 pl-2 text-xs text-amber-900">
              <PaperQuote text={f.stated.quote} />
              {f.stated.location ? ` (${f.stated.location})` : ""}
            </blockquote>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Figures matlit recomputed from the material's stated numbers. */
export function DerivedFigures({ figures }: { figures: DerivedFigure[] }) {
  if (!figures.length) return null;
  return (
    <section aria-labelledby="derived" id="derived-figures" className="scroll-mt-4">
      <h2 id="derived" className="text-xl font-semibold">
        Derived figures <span className="text-base font-normal text-slate-500">({figures.length})</span>
      </h2>
      <p className="text-sm text-slate-600">Recomputed by matlit from the paper's own numbers.</p>
      <table className="mt-2 w-full border-collapse text-sm max-sm:block">
        <thead className="max-sm:hidden">
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="py-1 font-normal">Figure</th>
            <th className="py-1 font-normal">Value</th>
            <th className="py-1 font-normal">Formula</th>
            <th className="py-1 font-normal">From</th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {figures.map((d, i) => (
            <tr key={i} className="border-b border-slate-100 align-top max-sm:block max-sm:py-1.5" data-testid="derived-figure">
              <td className="py-1.5 pr-2 max-sm:inline">{d.label}</td>
              <td className="py-1.5 pr-2 font-medium tabular-nums max-sm:inline">{d.display}</td>
              <td className="py-1.5 pr-2 max-sm:block">
                <Link className="text-brand hover:underline" href={`/formulas#${d.formula}`}>
                  {d.formulaName}
                </Link>
              </td>
              <td className="py-1.5 text-slate-600 max-sm:block">
                {d.inputs.map((x, n) =>
                  // Each input's quote opens on a click or tap: a tooltip would need a hover a phone does not have.
                  x.quote ? (
                    <details key={n}>
                      <summary className="cursor-pointer rounded underline decoration-dotted">
                        {x.name} = {formatQuantity(x.value, x.unit)}
                      </summary>
                      <PaperQuote className="block pl-3 text-xs" text={x.quote} />
                    </details>
                  ) : (
                    <div key={n}>
                      {x.name} = {formatQuantity(x.value, x.unit)}
                    </div>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

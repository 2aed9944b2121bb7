"use client";

import { SUBSCRIPT } from "@/lib/text/scripts";
import Link from "next/link";
import type { MaterialHit, MatchedMeasurement } from "@/lib/search/types";
import { PaperQuote } from "@/app/components/PaperText";
import { materialPath, paperPath } from "@/lib/materials/paths";
import { SCOPE_TEXT } from "@/lib/records/scope";

interface Props {
  materials: MaterialHit[];
  propertyLabel: (key: string) => string;
  /** Property of each metric clause, to title the measurements that met it. */
  clauseProperties: string[];
}

export function ResultList({ materials, propertyLabel, clauseProperties }: Props) {
  return (
    <ol className="space-y-3" aria-label="Search results" data-testid="results">
      {materials.map((hit) => (
        <li key={hit.id} data-testid="result" data-ref={hit.ref} className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <h3 className="text-lg font-semibold leading-snug">
              <Link href={materialPath(hit.paper.doi, hit.key)} className="rounded text-brand hover:underline">
                {hit.name}
              </Link>
            </h3>
            {hit.formula && !hit.name.includes(prettyFormula(hit.formula)) ? (
              <span className="min-w-0 text-sm text-slate-500 [overflow-wrap:anywhere]">{prettyFormula(hit.formula)}</span>
            ) : null}
            {hit.isControl ? <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">control</span> : null}
          </div>
          <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <div className="flex gap-1">
              <dt className="text-slate-500">Role</dt>
              <dd className="font-medium text-slate-800" data-testid="hit-role">
                {hit.role}
              </dd>
            </div>
            <div className="flex gap-1">
              <dt className="text-slate-500">System</dt>
              <dd className="font-medium text-slate-800" data-testid="hit-system">
                {hit.batterySystem}
              </dd>
            </div>
            <div className="flex min-w-0 gap-1">
              <dt className="text-slate-500">Class</dt>
              <dd className="text-slate-700">{hit.materialClass}</dd>
            </div>
            {hit.elements.length ? (
              <div className="flex items-center gap-1">
                <dt className="text-slate-500">Elements</dt>
                <dd className="flex flex-wrap gap-0.5">
                  {hit.elements.map((el) => (
                    <span key={el} className="rounded border border-slate-200 bg-slate-50 px-1 text-xs font-medium text-slate-700">
                      {el}
                    </span>
                  ))}
                </dd>
              </div>
            ) : null}
          </dl>
          <p className="mt-1 text-sm text-slate-600">
            <Link href={paperPath(hit.paper.doi)} className="rounded hover:text-brand hover:underline">
              {hit.paper.title}
            </Link>{" "}
            <span className="whitespace-nowrap text-slate-500">
              · {hit.paper.journal} {hit.paper.year}
            </span>
          </p>
          {hit.matched.length ? <Matched matched={hit.matched} propertyLabel={propertyLabel} clauseProperties={clauseProperties} /> : null}
        </li>
      ))}
    </ol>
  );
}

/** "FeS2/Ti3C2Tx" → "FeS₂/Ti₃C₂Tₓ": counts after an element or a bracket as subscripts. */
export function prettyFormula(formula: string): string {
  return formula.replace(/([A-Za-z)\]])(\d+(?:\.\d+)?|x)(?![a-z])/g, (_m, before: string, n: string) => before + [...n].map((c) => SUBSCRIPT[c] ?? c).join(""));
}

/** What sets a matched number apart from a stated single value of the material itself. */
function MeasurementBadges({ m }: { m: MatchedMeasurement }) {
  const badge = "ml-1 whitespace-nowrap rounded px-1 text-xs font-normal";
  return (
    <>
      {m.value === null ? (
        <span className={`${badge} bg-sky-100 text-sky-800`} title="the paper states a range">
          range
        </span>
      ) : null}
      {m.source === "derived" ? (
        <span className={`${badge} bg-amber-100 text-amber-800`} title="computed by matlit from numbers the paper states">
          derived
        </span>
      ) : null}
      {m.scope !== "material" ? (
        <span className={`${badge} bg-violet-100 text-violet-800`} title={SCOPE_TEXT[m.scope].description}>
          {SCOPE_TEXT[m.scope].badge}
        </span>
      ) : null}
    </>
  );
}

function Matched({
  matched,
  propertyLabel,
  clauseProperties,
}: {
  matched: MatchedMeasurement[];
  propertyLabel: Props["propertyLabel"];
  clauseProperties: string[];
}) {
  return (
    <div className="mt-3 border-t border-slate-100 pt-2">
      <h4 className="sr-only">Matched measurements</h4>
      <ul className="space-y-1.5">
        {matched.map((m) => (
          <li key={`${m.clause}-${m.id}`} data-testid="matched-measurement" className="text-sm">
            {/* A phone puts the conditions on a line of their own, not in a column a word wide. */}
            <div className="grid grid-cols-[minmax(0,1fr)_auto] items-baseline gap-x-3 sm:grid-cols-[minmax(0,11rem)_minmax(0,8rem)_1fr]">
              <span className="truncate text-slate-500" title={propertyLabel(m.property)}>
                {m.clause >= 0 && clauseProperties.length > 1 ? <span className="mr-1 text-xs text-slate-400">#{m.clause + 1}</span> : null}
                {propertyLabel(m.property)}
              </span>
              <span className="font-semibold tabular-nums text-slate-900">
                {m.display}
                <MeasurementBadges m={m} />
              </span>
              <span className="col-span-2 text-slate-700 sm:col-span-1">{m.conditions || <span className="text-slate-400">no conditions stated</span>}</span>
            </div>
            <details className="group ml-0 mt-0.5 text-xs sm:ml-[14.75rem]">
              <summary className="w-fit cursor-pointer rounded text-brand hover:underline">
                Quote{m.location ? <span className="text-slate-500"> ({m.location})</span> : null}
              </summary>
              <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-slate-600">
                <PaperQuote text={m.quote} />
              </blockquote>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Pagination({
  page,
  pages,
  hrefFor,
  onPage,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  onPage: (page: number) => void;
}) {
  if (pages <= 1) return null;
  const numbers: (number | "…")[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) numbers.push(n);
    else if (numbers.at(-1) !== "…") numbers.push("…");
  }
  const link = (n: number, label: React.ReactNode, extra: Record<string, string> = {}) => (
    <a
      href={hrefFor(n)}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        onPage(n);
      }}
      className={`inline-flex min-w-9 justify-center rounded border px-2.5 py-1 text-sm ${n === page ? "border-brand bg-brand text-white" : "border-slate-300 bg-white text-slate-700 hover:border-brand"}`}
      {...extra}
    >
      {label}
    </a>
  );
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center gap-1.5">
      {page > 1 ? link(page - 1, "← Previous", { rel: "prev" }) : <span className="px-2.5 py-1 text-sm text-slate-400">← Previous</span>}
      {numbers.map((n, i) =>
        n === "…" ? (
          <span key={`gap-${i}`} className="px-1 text-slate-400">
            …
          </span>
        ) : (
          <span key={n}>
            {link(
              n,
              <>
                <span className="sr-only">Page </span>
                {n}
              </>,
              n === page ? { "aria-current": "page" } : {},
            )}
          </span>
        ),
      )}
      {page < pages ? link(page + 1, "Next →", { rel: "next" }) : <span className="px-2.5 py-1 text-sm text-slate-400">Next →</span>}
    </nav>
  );
}

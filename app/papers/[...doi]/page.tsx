import type { Metadata } from "next";
import { identifierText, paperLink } from "@/lib/records/identifiers";
import Link from "next/link";
import { PaperQuote, PaperText } from "@/app/components/PaperText";
import { QuoteReveal } from "@/app/components/QuoteReveal";
import { FoldAll } from "@/app/components/FoldAll";
import { SCOPE_TEXT } from "@/lib/records/scope";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { fromSegments, getPaper, materialPath, paperEditPath, paperOtherScopes, paperQuotes } from "@/lib/materials";
import { auditPaper } from "@/lib/formulas/derive";
import { AuditFlags } from "@/app/components/AuditViews";
import { currentUser } from "@/lib/auth";
import { paperRevisions } from "@/lib/editing";
import { RevisionHistory } from "@/app/components/editor/RevisionHistory";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ doi: string[] }> };

async function load(params: Props["params"]) {
  const { doi } = await params;
  return getPaper(db(), fromSegments(doi));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const paper = await load(params);
  return { title: paper ? paper.title : "Paper not found" };
}

export default async function PaperPage({ params }: Props) {
  const paper = await load(params);
  if (!paper) notFound();
  const audit = await auditPaper(db(), paper.doi);
  // Only a DOI links to doi.org; a paper without one links where its own identifier leads, if anywhere.
  const link = paperLink(paper.doi, paper.identifier);
  const editor = await currentUser();
  return (
    <article className="space-y-6">
      <header>
        <p className="text-sm text-slate-500">
          {paper.kind} · {paper.journal} {paper.year}
          {paper.volume ? `, ${paper.volume}` : ""}
          {paper.articleNumber ? `:${paper.articleNumber}` : ""}
          {paper.pages ? `, ${paper.pages}` : ""}
        </p>
        <h1 className="text-2xl font-semibold">{paper.title}</h1>
        <p className="mt-1 text-slate-700">{paper.authors.map((a) => a.name).join(", ")}</p>
        <p className="mt-1 text-sm" data-testid="paper-identifier">
          {link ? (
            <a className="text-brand hover:underline" href={link.href} rel="noreferrer">
              {link.label}
            </a>
          ) : (
            identifierText(paper.doi, paper.identifier)
          )}
          {paper.license ? <span className="text-slate-500"> · {paper.license}</span> : null}
        </p>
        {paper.keywords.length ? <p className="mt-1 text-sm text-slate-600">Keywords: {paper.keywords.map((k) => k.keyword).join("; ")}</p> : null}
        {editor ? (
          <p className="mt-2">
            <Link className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-brand hover:bg-slate-100" href={paperEditPath(paper.doi)}>
              Edit
            </Link>
          </p>
        ) : null}
      </header>
      <AuditFlags flags={audit.flags} />
      {paper.abstract ? (
        <section aria-labelledby="abstract">
          <h2 id="abstract" className="text-lg font-semibold">
            Abstract
          </h2>
          <p className="max-w-4xl text-slate-700" data-testid="abstract">
            <PaperText text={paper.abstract} />
          </p>
        </section>
      ) : null}
      <section aria-labelledby="materials">
        <h2 id="materials" className="text-lg font-semibold">
          Materials ({paper.materials.length})
        </h2>
        <p className="text-sm text-slate-600">{audit.derived.length} figure(s) recomputed from the paper's own numbers; see each material.</p>
        <table className="mt-2 w-full border-collapse text-sm break-words">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th className="py-1 font-normal">Name</th>
              <th className="py-1 font-normal">Role</th>
              <th className="py-1 font-normal">System</th>
              <th className="py-1 font-normal max-sm:hidden">Elements</th>
              <th className="py-1 text-right font-normal max-sm:hidden">Synthesis steps</th>
              <th className="py-1 text-right font-normal">
                <span className="max-sm:hidden">Measurements</span>
                <span className="sm:hidden">Numbers</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {paper.materials.map((m) => (
              <tr key={m.id} className="border-b border-slate-100">
                <td className="py-1 pr-2">
                  <Link className="text-brand hover:underline" href={materialPath(paper.doi, m.key)}>
                    {m.name}
                  </Link>
                  {m.isControl ? <span className="ml-1 text-xs text-slate-500">control</span> : null}
                </td>
                <td className="py-1 pr-2">{m.role}</td>
                <td className="whitespace-nowrap py-1 pr-2">{m.batterySystem}</td>
                <td className="py-1 max-sm:hidden">{m.elements.map((e) => e.symbol).join(" ")}</td>
                <td className="py-1 text-right tabular-nums max-sm:hidden">{m._count.synthesisSteps}</td>
                <td className="py-1 text-right tabular-nums">{m._count.measurements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <PaperQuotes doi={paper.doi} materials={await paperQuotes(db(), paper.id)} />
      <PaperOtherScopes doi={paper.doi} scopes={await paperOtherScopes(db(), paper.id)} />
      {paper.formulas.length ? (
        <section aria-labelledby="formulas">
          <h2 id="formulas" className="text-lg font-semibold">
            Formulas used
          </h2>
          <ul className="mt-1 list-disc pl-6 text-sm">
            {paper.formulas.map((f) => (
              <li key={f.formulaKey}>
                <Link className="text-brand hover:underline" href={`/formulas#${f.formulaKey}`}>
                  {f.formula.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RevisionHistory revisions={await paperRevisions(paper.doi)} />
    </article>
  );
}

/** The paper's numbers that are not about its materials themselves, each with the material it is filed under. */
function PaperOtherScopes({ doi, scopes }: { doi: string; scopes: Awaited<ReturnType<typeof paperOtherScopes>> }) {
  if (!scopes.length) return null;
  return (
    <section aria-labelledby="other-scopes" className="space-y-4">
      <div>
        <h2 id="other-scopes" className="text-lg font-semibold">
          Also stated, not about the materials themselves
        </h2>
        <p className="text-sm text-slate-600">
          Calculated models, precursors, references, other parts of the cell and general knowledge: search and comparisons leave them out unless asked.
        </p>
      </div>
      {scopes.map(({ scope, items }) => (
        <div key={scope} data-testid={`scope-${scope}`}>
          <h3 className="font-semibold">
            {SCOPE_TEXT[scope].heading} <span className="text-sm font-normal text-slate-500">({items.length})</span>
          </h3>
          <table className="mt-1 w-full table-fixed border-collapse text-sm max-sm:block">
            <thead className="max-sm:hidden">
              <tr className="border-b border-slate-200 text-left text-slate-500">
                <th className="w-48 py-1 font-normal">Filed under</th>
                <th className="w-48 py-1 font-normal">Property</th>
                <th className="w-44 py-1 font-normal">Value</th>
                <th className="py-1 font-normal">Quote</th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {items.map(({ material, measurement: m }) => (
                <tr key={m.id} className="border-b border-slate-100 align-top max-sm:block max-sm:py-1.5">
                  <td className="py-1 pr-2 max-sm:block">
                    <Link className="text-brand hover:underline" href={materialPath(doi, material.key)}>
                      {material.name}
                    </Link>
                    {m.subject ? <div className="text-xs text-slate-500">{m.subject}</div> : null}
                  </td>
                  <td className="py-1 pr-2 max-sm:inline">{m.property.label}</td>
                  <td className="py-1 pr-2 tabular-nums max-sm:inline max-sm:font-medium">{m.display}</td>
                  <td className="py-1 text-slate-600 max-sm:block">
                    <QuoteReveal location={m.location}>
                      <PaperQuote text={m.quote} />
                      {m.location ? <span className="ml-1 text-xs text-slate-400 max-sm:hidden">({m.location})</span> : null}
                    </QuoteReveal>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/**
 * Every sentence the paper's numbers were read from, by material: each quote once, with the
 * numbers recorded from it. A material folds (closed at first: a review has hundreds of quotes).
 */
function PaperQuotes({ doi, materials }: { doi: string; materials: Awaited<ReturnType<typeof paperQuotes>> }) {
  if (!materials.length) return null;
  return (
    <section aria-labelledby="quotes" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="quotes" className="text-lg font-semibold">
          Quotes <span className="text-base font-normal text-slate-500">({materials.reduce((n, m) => n + m.quotes.length, 0)})</span>
        </h2>
        <FoldAll group="quotes" />
      </div>
      <p className="text-sm text-slate-600">The sentences each material&apos;s numbers were read from, verbatim, with the numbers.</p>
      <div className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {materials.map((material) => (
          <details key={material.key} data-fold="quotes" data-testid="paper-quotes" className="px-3 py-2">
            <summary className="cursor-pointer rounded">
              <span className="font-medium">{material.name}</span>{" "}
              <span className="text-sm text-slate-500">
                {material.quotes.length} {material.quotes.length === 1 ? "quote" : "quotes"} · {material.count} {material.count === 1 ? "number" : "numbers"}
              </span>
            </summary>
            <p className="mt-1 text-sm">
              <Link className="text-brand hover:underline" href={materialPath(doi, material.key)}>
                Material page
              </Link>
            </p>
            <ol className="mt-2 space-y-3 text-sm">
              {material.quotes.map((q) => (
                <li key={q.quote} data-testid="paper-quote">
                  <PaperQuote className="text-slate-700" text={q.quote} />
                  {q.location ? <span className="ml-1 text-xs text-slate-400">({q.location})</span> : null}
                  <ul className="mt-0.5 space-y-0.5 text-xs text-slate-600">
                    {q.measurements.map((m) => (
                      <li key={m.id}>
                        {m.property.label} <span className="font-medium tabular-nums text-slate-900">{m.display}</span>
                        {m.conditionsText ? ` · ${m.conditionsText}` : ""}
                        {m.scope !== "material" ? <span className="ml-1 rounded bg-violet-100 px-1 text-violet-800">{SCOPE_TEXT[m.scope].badge}</span> : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </details>
        ))}
      </div>
    </section>
  );
}

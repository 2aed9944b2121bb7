import type { Metadata } from "next";
import { identifierText, paperLink } from "@/lib/records/identifiers";
import Link from "next/link";
import { PaperText } from "@/app/components/PaperText";
import { SCOPE_TEXT } from "@/lib/records/scope";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { fromSegments, getPaper, materialPath, paperEditPath, paperOtherScopes } from "@/lib/materials";
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
          <p className="max-w-4xl text-slate-700">{paper.abstract}</p>
        </section>
      ) : null}
      <section aria-labelledby="materials">
        <h2 id="materials" className="text-lg font-semibold">
          Materials ({paper.materials.length})
        </h2>
        <p className="text-sm text-slate-600">{audit.derived.length} figure(s) recomputed from the paper's own numbers; see each material.</p>
        <table className="mt-2 w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left text-slate-500">
              <th className="py-1 font-normal">Name</th>
              <th className="py-1 font-normal">Role</th>
              <th className="py-1 font-normal">System</th>
              <th className="py-1 font-normal">Elements</th>
              <th className="py-1 text-right font-normal">Synthesis steps</th>
              <th className="py-1 text-right font-normal">Measurements</th>
            </tr>
          </thead>
          <tbody>
            {paper.materials.map((m) => (
              <tr key={m.id} className="border-b border-slate-100">
                <td className="py-1">
                  <Link className="text-brand hover:underline" href={materialPath(paper.doi, m.key)}>
                    {m.name}
                  </Link>
                  {m.isControl ? <span className="ml-1 text-xs text-slate-500">control</span> : null}
                </td>
                <td className="py-1">{m.role}</td>
                <td className="py-1">{m.batterySystem}</td>
                <td className="py-1">{m.elements.map((e) => e.symbol).join(" ")}</td>
                <td className="py-1 text-right tabular-nums">{m._count.synthesisSteps}</td>
                <td className="py-1 text-right tabular-nums">{m._count.measurements}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
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
          <table className="mt-1 w-full table-fixed border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left text-slate-500">
                <th className="w-48 py-1 font-normal">Filed under</th>
                <th className="w-48 py-1 font-normal">Property</th>
                <th className="w-44 py-1 font-normal">Value</th>
                <th className="py-1 font-normal">Quote</th>
              </tr>
            </thead>
            <tbody>
              {items.map(({ material, measurement: m }) => (
                <tr key={m.id} className="border-b border-slate-100 align-top">
                  <td className="py-1 pr-2">
                    <Link className="text-brand hover:underline" href={materialPath(doi, material.key)}>
                      {material.name}
                    </Link>
                    {m.subject ? <div className="text-xs text-slate-500">{m.subject}</div> : null}
                  </td>
                  <td className="py-1 pr-2">{m.property.label}</td>
                  <td className="py-1 pr-2 tabular-nums">{m.display}</td>
                  <td className="py-1 text-slate-600">
                    <q className="italic">
                      <PaperText text={m.quote} />
                    </q>
                    {m.location ? <span className="ml-1 text-xs text-slate-400">({m.location})</span> : null}
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

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { fromSegments, getPaper, materialPath, paperEditPath } from "@/lib/materials";
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
        <p className="mt-1 text-sm">
          DOI{" "}
          <a className="text-brand hover:underline" href={`https://doi.org/${paper.doi}`} rel="noreferrer">
            {paper.doi}
          </a>
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

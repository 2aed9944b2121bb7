import Link from "next/link";
import { db } from "@/lib/db";
import { listPapers, materialPath, paperPath } from "@/lib/materials";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const papers = await listPapers(db());
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-2xl font-semibold">Battery-materials literature</h1>
        <p className="mt-1 text-slate-600">
          {papers.length} papers, {papers.reduce((n, p) => n + p.materials.length, 0)} materials,{" "}
          {papers.reduce((n, p) => n + p.materials.reduce((k, m) => k + m._count.measurements, 0), 0)} measurements, each with the sentence that states it.
        </p>
      </section>
      {papers.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">The knowledge base is empty. Import records with <code>matlit import FILE</code>.</p>
      ) : (
        <ul className="space-y-4" aria-label="Papers">
          {papers.map((paper) => (
            <li key={paper.id} className="rounded border border-slate-200 bg-white p-4">
              <Link href={paperPath(paper.doi)} className="font-medium text-brand hover:underline">
                {paper.title}
              </Link>
              <p className="text-sm text-slate-600">
                {paper.authors[0]?.name} et al. · {paper.journal} {paper.year} · {paper.kind}
              </p>
              <ul className="mt-2 flex flex-wrap gap-2 text-sm">
                {paper.materials.map((m) => (
                  <li key={m.key}>
                    <Link href={materialPath(paper.doi, m.key)} className={`inline-block rounded border px-2 py-0.5 hover:border-brand ${m.isControl ? "border-slate-200 text-slate-600" : "border-brand/40 bg-sky-50"}`}>
                      {m.name} <span className="text-xs text-slate-500">{m.role} · {m._count.measurements}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

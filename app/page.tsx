import Link from "next/link";
import { db } from "@/lib/db";
import { knowledgeBaseTotals, listPapers, materialPath, paperPath } from "@/lib/materials";
import { search, searchQueryFromParams, SearchQueryError, type ParsedSearchQuery, type SearchQuery } from "@/lib/search";
import { searchCatalogue } from "@/lib/search/catalogue";
import { SearchApp } from "@/app/components/search/SearchApp";
import type { SearchError } from "@/app/components/search/model";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Papers listed under the search; more are found through it. */
const LATEST_PAPERS = 10;

function params(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(raw)) for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, value);
  return out;
}

/** The parsed query as the client's contract object: without the defaults it does not need. */
function plain(query: ParsedSearchQuery): SearchQuery {
  return JSON.parse(JSON.stringify(query)) as SearchQuery;
}

export default async function HomePage({ searchParams }: Props) {
  const prisma = db();
  let query: ParsedSearchQuery | null = null;
  let error: SearchError | null = null;
  try {
    query = searchQueryFromParams(params(await searchParams));
  } catch (e) {
    if (!(e instanceof SearchQueryError)) throw e;
    error = { message: e.message, ...(e.field ? { field: e.field } : {}) };
  }
  // The whole knowledge base (what is clickable, which properties have data) and the asked-for page.
  const [papers, totals, catalogue, result] = await Promise.all([
    listPapers(prisma, LATEST_PAPERS),
    knowledgeBaseTotals(prisma),
    searchCatalogue(),
    query
      ? search(query).catch((e: unknown) => {
          if (e instanceof SearchQueryError) {
            error = { message: e.message, ...(e.field ? { field: e.field } : {}) };
            return null;
          }
          throw e;
        })
      : Promise.resolve(null),
  ]);

  return (
    <div className="space-y-10">
      <div className="space-y-5">
        <section>
          <h1 className="text-2xl font-semibold">Battery-materials literature</h1>
          <p className="mt-1 text-slate-600">
            {totals.papers.toLocaleString("en")} papers, {totals.materials.toLocaleString("en")} materials, {totals.measurements.toLocaleString("en")}{" "}
            measurements, each with the sentence that states it.
          </p>
        </section>
        <SearchApp initialQuery={query ? plain(query) : {}} initialResult={result} initialError={error} catalogue={catalogue} />
      </div>

      <section aria-labelledby="browse-papers" className="border-t border-slate-200 pt-6">
        <h2 id="browse-papers" className="text-xl font-semibold">
          {totals.papers > papers.length ? "Latest papers" : "Browse papers"}
        </h2>
        {totals.papers > papers.length ? (
          <p className="mt-1 text-sm text-slate-600">
            The {papers.length} newest of {totals.papers}; search above, or pick a journal or year among the facets, to find the others.
          </p>
        ) : null}
        {papers.length === 0 ? (
          <p className="mt-3 rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">
            The knowledge base is empty. Import records with <code>matlit import FILE</code>.
          </p>
        ) : (
          <ul className="mt-3 space-y-4" aria-label="Papers">
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
                    <li key={m.key} className="max-w-full">
                      <Link
                        href={materialPath(paper.doi, m.key)}
                        className={`inline-block max-w-full break-words rounded border px-2 py-0.5 hover:border-brand ${m.isControl ? "border-slate-200 text-slate-600" : "border-brand/40 bg-sky-50"}`}
                      >
                        {m.name}{" "}
                        <span className="text-xs text-slate-500">
                          {m.role} · {m._count.measurements}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

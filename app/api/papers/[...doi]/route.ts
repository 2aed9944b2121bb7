/**
 * GET /api/papers/DOI: one paper as a record (404 when unknown), with its version (also the ETag).
 * PUT /api/papers/DOI: replace it with an edited record (editors; the previous state is kept as a
 * revision). `?draft=<id>` discards the editor's draft in the same transaction. With
 * `If-Match: "<version>"` the write is refused (409) when someone else saved the paper since.
 */
import { handle, readJson } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { requireEditor } from "@/lib/auth";
import { MAX_PAPER_BYTES, paperVersion, publishPaper } from "@/lib/editing";
import { readPapers } from "@/lib/records/store";
import { db } from "@/lib/db";
import { fromSegments, paperPath } from "@/lib/materials";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ doi: string[] }> };

const doiOf = async (params: Context["params"]) => fromSegments((await params).doi).toLowerCase();

/** The version an If-Match header names ("123", W/"123" or 123), or undefined without one. */
function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null) return undefined;
  const match = /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim());
  if (!match)
    throw new AppError("invalid", `If-Match must name a paper version such as "12" (got ${JSON.stringify(header.slice(0, 40))})`, { field: "If-Match" });
  return Number(match[1]);
}

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const doi = await doiOf(params);
    const [paper] = await readPapers(db(), { dois: [doi] });
    if (!paper) throw new AppError("not_found", `no paper with DOI ${doi}`);
    const version = (await paperVersion(doi))?.version ?? null;
    return Response.json({ paper, path: paperPath(doi), version }, { headers: version ? { ETag: `"${version}"` } : {} });
  });
}

export async function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_PAPER_BYTES);
    const draftId = new URL(request.url).searchParams.get("draft");
    const summary = await publishPaper(body, { user, mode: "update", doi: await doiOf(params), draftId, baseVersion: ifMatchVersion(request) });
    return Response.json({ paper: summary, path: paperPath(summary.doi) });
  });
}

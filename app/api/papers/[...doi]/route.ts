/**
 * GET /api/papers/DOI: one paper as a record (404 when unknown).
 * PUT /api/papers/DOI: replace it with an edited record (editors; the previous state is kept as a
 * revision). `?draft=<id>` discards the editor's draft in the same transaction.
 */
import { handle, readJson, HttpError } from "@/lib/http";
import { requireEditor } from "@/lib/auth";
import { MAX_PAPER_BYTES, publishPaper } from "@/lib/editing";
import { readPapers } from "@/lib/records/store";
import { db } from "@/lib/db";
import { fromSegments, paperPath } from "@/lib/materials";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ doi: string[] }> };

const doiOf = async (params: Context["params"]) => fromSegments((await params).doi).toLowerCase();

export async function GET(_request: Request, { params }: Context) {
  return handle(async () => {
    const doi = await doiOf(params);
    const [paper] = await readPapers(db(), { dois: [doi] });
    if (!paper) throw new HttpError(404, `no paper with DOI ${doi}`);
    return Response.json({ paper, path: paperPath(paper.doi) });
  });
}

export async function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_PAPER_BYTES);
    const draftId = new URL(request.url).searchParams.get("draft");
    const summary = await publishPaper(body, { user, mode: "update", doi: await doiOf(params), draftId });
    return Response.json({ paper: summary, path: paperPath(summary.doi) });
  });
}

/**
 * POST /api/papers: publish a new paper record (the record format of one paper). `?draft=<id>`
 * discards the editor's draft in the same transaction. 409 when the DOI is already known.
 */
import { handle, readJson } from "@/lib/http";
import { requireEditor } from "@/lib/auth";
import { MAX_PAPER_BYTES, publishPaper } from "@/lib/editing";
import { paperPath } from "@/lib/materials/paths";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_PAPER_BYTES);
    const draftId = new URL(request.url).searchParams.get("draft");
    const summary = await publishPaper(body, { user, mode: "create", draftId });
    return Response.json({ paper: summary, path: paperPath(summary.doi) }, { status: 201 });
  });
}

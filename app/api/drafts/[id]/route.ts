/**
 * One draft of the paper editor. GET reads it, PUT creates or overwrites it (the editor's
 * autosave: { "doi": string | null, "state": {…form state…} }), DELETE discards it. Only its
 * owner may touch it (401 anonymous, 403 another editor's).
 */
import { handle, readJson } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { requireEditor, userForToken, sessionTokenOf } from "@/lib/auth";
import { MAX_DRAFT_BYTES, deleteDraft, ownDraft, saveDraft } from "@/lib/editing";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Context) {
  return handle(async () => {
    const user = await userForToken(sessionTokenOf(request));
    if (!user) throw new AppError("unauthenticated", "sign in to read drafts");
    const draft = await ownDraft((await params).id, user);
    return Response.json({ id: draft.id, doi: draft.doi, state: JSON.parse(draft.json), updatedAt: draft.updatedAt.toISOString() });
  });
}

export async function PUT(request: Request, { params }: Context) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_DRAFT_BYTES);
    return Response.json(await saveDraft((await params).id, user, body));
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return handle(async () => {
    const user = await requireEditor(request);
    return Response.json({ deleted: await deleteDraft((await params).id, user) });
  });
}

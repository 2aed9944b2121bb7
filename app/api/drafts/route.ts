/** GET /api/drafts: the signed-in editor's drafts, newest first. */
import { handle } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { userForToken, sessionTokenOf } from "@/lib/auth";
import { listDrafts } from "@/lib/editing";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return handle(async () => {
    const user = await userForToken(sessionTokenOf(request));
    if (!user) throw new AppError("unauthenticated", "sign in to see your drafts");
    return Response.json({ drafts: await listDrafts(user.id) });
  });
}

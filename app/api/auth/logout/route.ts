/**
 * POST /api/auth/logout: end the session. The layout's sign-out form sends the CSRF token as a
 * `csrf` field; scripts send the X-CSRF-Token header. Forms are redirected to the home page.
 */
import { handle, HttpError } from "@/lib/http";
import { clearedCookies, deleteSession, requireEditor, sessionTokenOf } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => {
    const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    let formToken: string | null = null;
    if (isForm) {
      const text = await request.text();
      if (text.length > 4096) throw new HttpError(413, "request body is too large");
      formToken = new URLSearchParams(text).get("csrf");
    }
    try {
      await requireEditor(request, formToken);
    } catch (e) {
      // A form whose session already ended just goes home; scripts learn why.
      if (!(isForm && e instanceof HttpError && e.status === 401)) throw e;
    }
    await deleteSession(sessionTokenOf(request));
    const headers = new Headers(isForm ? { Location: "/" } : { "Content-Type": "application/json" });
    for (const c of clearedCookies(request)) headers.append("Set-Cookie", c);
    return isForm ? new Response(null, { status: 303, headers }) : new Response(JSON.stringify({ signedOut: true }), { status: 200, headers });
  });
}

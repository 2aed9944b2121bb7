/**
 * POST /api/auth/logout: end the session. The layout's sign-out form sends the CSRF token as a
 * `csrf` field; scripts send the X-CSRF-Token header. Forms are redirected to the home page.
 */
import { handle, readText } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { clearedCookies, deleteSession, requireEditor, sessionTokenOf } from "@/lib/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => {
    const isForm = (request.headers.get("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
    const formToken = isForm ? new URLSearchParams(await readText(request, 4096)).get("csrf") : null;
    // A form whose session already ended just goes home; scripts learn why.
    await requireEditor(request, formToken).catch((e: unknown) => {
      if (!(isForm && e instanceof AppError && e.code === "unauthenticated")) throw e;
    });
    await deleteSession(sessionTokenOf(request));
    const headers = new Headers(isForm ? { Location: "/" } : { "Content-Type": "application/json" });
    for (const c of clearedCookies(request)) headers.append("Set-Cookie", c);
    return isForm ? new Response(null, { status: 303, headers }) : new Response(JSON.stringify({ signedOut: true }), { status: 200, headers });
  });
}

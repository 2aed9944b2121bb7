/**
 * POST /api/auth/login: sign in. JSON ({ email, password }) answers 200/401/429 as JSON; an HTML
 * form post (the /login page, works without JavaScript) is redirected back with the outcome.
 * Same-origin only; rate-limited per device, account and client address (lib/auth).
 */
import { handle, readJson, readText, HttpError } from "@/lib/http";
import { assertSameOrigin, clientAddress, deviceCookie, deviceTokenOf, safeNext, sessionCookies, signIn, AuthError, RateLimitError } from "@/lib/auth";

export const dynamic = "force-dynamic";

const LIMIT = 16 * 1024;

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location });
  for (const c of cookies) headers.append("Set-Cookie", c);
  return new Response(null, { status: 303, headers });
}

export async function POST(request: Request) {
  return handle(async () => {
    assertSameOrigin(request);
    const type = request.headers.get("content-type") ?? "";
    const isForm = type.startsWith("application/x-www-form-urlencoded");
    if (!isForm && !type.startsWith("application/json")) throw new HttpError(415, "send JSON ({ \"email\", \"password\" }) or an HTML form");
    let email: unknown, password: unknown, next: string | null = null;
    if (isForm) {
      const form = new URLSearchParams(await readText(request, LIMIT));
      email = form.get("email") ?? "";
      password = form.get("password") ?? "";
      next = form.get("next");
    } else {
      const body = await readJson(request, LIMIT);
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "send { \"email\": …, \"password\": … }");
      ({ email, password } = body as Record<string, unknown>);
    }
    if (typeof email !== "string" || !email.trim()) throw new HttpError(400, "e-mail is required", "email");
    if (typeof password !== "string" || !password) throw new HttpError(400, "password is required", "password");
    if (password.length > 1024) throw new HttpError(400, "password is too long", "password");
    try {
      const { user, token, deviceToken } = await signIn(email, password, { address: clientAddress(request), deviceToken: deviceTokenOf(request) });
      const cookies = [...sessionCookies(request, token), deviceCookie(request, deviceToken)];
      if (isForm) return redirect(safeNext(next), cookies);
      const response = Response.json({ user });
      for (const c of cookies) response.headers.append("Set-Cookie", c);
      return response;
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      const status = e instanceof RateLimitError ? 429 : 401;
      if (isForm) {
        const params = new URLSearchParams({ error: e.message, email: email.slice(0, 254), ...(next ? { next: safeNext(next) } : {}) });
        return redirect(`/login?${params}`);
      }
      const response = Response.json({ error: { message: e.message } }, { status });
      if (e instanceof RateLimitError) response.headers.set("Retry-After", String(Math.ceil(e.retryAfterMs / 1000)));
      return response;
    }
  });
}

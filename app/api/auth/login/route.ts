/**
 * POST /api/auth/login: sign in. JSON ({ email, password }) answers 200/401/429 as JSON; an HTML
 * form post (the /login page, works without JavaScript) is redirected back with the outcome.
 * Same-origin only; rate-limited per device, account and client address (lib/auth).
 */
import { handle, readJson, readText } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, clientAddress, deviceCookie, deviceTokenOf, safeNext, sessionCookies, signIn } from "@/lib/auth";

export const dynamic = "force-dynamic";

const LIMIT = 16 * 1024;

function redirect(location: string, cookies: string[] = []): Response {
  const headers = new Headers({ Location: location });
  for (const c of cookies) headers.append("Set-Cookie", c);
  return new Response(null, { status: 303, headers });
}

/** Sign-in refusals a person fixes on the form (wrong password, wait); anything else is an error page's business. */
const isRefusal = (e: unknown): e is AppError => e instanceof AppError && (e.code === "unauthenticated" || e.code === "rate_limited");

export async function POST(request: Request) {
  return handle(async () => {
    assertSameOrigin(request);
    const type = request.headers.get("content-type") ?? "";
    const isForm = type.startsWith("application/x-www-form-urlencoded");
    if (!isForm && !type.startsWith("application/json")) throw new AppError("unsupported", 'send JSON ({ "email", "password" }) or an HTML form');
    let email: unknown,
      password: unknown,
      next: string | null = null;
    if (isForm) {
      const form = new URLSearchParams(await readText(request, LIMIT));
      email = form.get("email") ?? "";
      password = form.get("password") ?? "";
      next = form.get("next");
    } else {
      const body = await readJson(request, LIMIT);
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid", 'send { "email": …, "password": … }');
      ({ email, password } = body as Record<string, unknown>);
    }
    if (typeof email !== "string" || !email.trim()) throw new AppError("invalid", "e-mail is required", { field: "email" });
    if (typeof password !== "string" || !password) throw new AppError("invalid", "password is required", { field: "password" });
    if (password.length > 1024) throw new AppError("invalid", "password is too long", { field: "password" });
    const signingIn = signIn(email, password, { address: clientAddress(request), deviceToken: deviceTokenOf(request) });
    if (!isForm) {
      const { user, token, deviceToken } = await signingIn;
      const response = Response.json({ user });
      for (const c of [...sessionCookies(request, token), deviceCookie(request, deviceToken)]) response.headers.append("Set-Cookie", c);
      return response;
    }
    // A form goes back to the sign-in page with the reason rather than to a JSON answer.
    const outcome = await signingIn.catch((e: unknown) => {
      if (isRefusal(e)) return e;
      throw e;
    });
    if (outcome instanceof AppError) {
      return redirect(`/login?${new URLSearchParams({ error: outcome.message, email: email.slice(0, 254), ...(next ? { next: safeNext(next) } : {}) })}`);
    }
    return redirect(safeNext(next), [...sessionCookies(request, outcome.token), deviceCookie(request, outcome.deviceToken)]);
  });
}

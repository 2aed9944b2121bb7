/**
 * CSRF protection of every write route (all writes are /api route handlers; there are no server
 * actions): a same-origin check, then a signed double-submit token bound to the session.
 */
import { createHmac } from "node:crypto";
import { AppError } from "../errors";
import { safeEqual, setCookie } from "./cookies";
import { isHttps, requestHost } from "./request";
import { SESSION_COOKIE, SESSION_DAYS, sessionTokenOf, userForToken } from "./sessions";
import type { Editor } from "./users";

export const CSRF_COOKIE = "matlit_csrf";
export const CSRF_HEADER = "x-csrf-token";

const SECRET_INFO = "matlit csrf v1";
export const csrfTokenFor = (sessionToken: string): string => createHmac("sha256", sessionToken).update(SECRET_INFO).digest("base64url");

/** Set-Cookie values that open a session (session cookie + its CSRF token, which the page's script reads). */
export function sessionCookies(request: Request, token: string): string[] {
  const secure = isHttps(request);
  const maxAge = SESSION_DAYS * 24 * 3600;
  return [
    setCookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge }),
    setCookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, secure, maxAge }),
  ];
}

export function clearedCookies(request: Request): string[] {
  const secure = isHttps(request);
  return [setCookie(SESSION_COOKIE, "", { httpOnly: true, secure, maxAge: 0 }), setCookie(CSRF_COOKIE, "", { httpOnly: false, secure, maxAge: 0 })];
}

/**
 * Refuses requests that a browser sent from another site: Origin must name this host; without an
 * Origin, Sec-Fetch-Site must not say cross-site. Clients that send neither are not browsers, and
 * cannot be made to carry a victim's cookies; the CSRF token still binds them.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = requestHost(request);
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = origin === "null" ? null : new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!originHost || !host || originHost.toLowerCase() !== host.toLowerCase()) {
      throw new AppError("forbidden", "cross-origin request refused: the Origin header does not match this site");
    }
    return;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "cross-site request refused (Sec-Fetch-Site)");
}

/**
 * The editor behind a write request, after the CSRF checks: anonymous → unauthenticated, another
 * site or a missing or wrong CSRF token → forbidden. `formToken` is the `csrf` field of an HTML form post.
 */
export async function requireEditor(request: Request, formToken?: string | null): Promise<Editor> {
  const token = sessionTokenOf(request);
  const user = await userForToken(token);
  if (!user || !token) throw new AppError("unauthenticated", "sign in to make changes");
  assertSameOrigin(request);
  const sent = request.headers.get(CSRF_HEADER) ?? formToken ?? "";
  if (!sent || !safeEqual(sent, csrfTokenFor(token))) {
    throw new AppError("forbidden", `missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the X-CSRF-Token header`);
  }
  return user;
}

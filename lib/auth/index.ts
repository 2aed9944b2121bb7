/**
 * Editor accounts, sessions and the protection of every write.
 *
 * - Passwords: argon2id (@node-rs/argon2, memory-hard; OWASP parameters), at least 10 characters.
 * - Sessions: a random 32-byte token in the `matlit_session` cookie (httpOnly, SameSite=Lax, Path=/,
 *   Secure when the request came over https); the database keeps only its SHA-256 (Session.id), so
 *   a leaked database opens no session. Sessions last 14 days.
 * - Sign-in rate limit: 5 failed attempts per e-mail and client address in 15 minutes, then 429
 *   until the window has passed (failures are rows of LoginAttempt, so restarts do not reset them).
 * - CSRF, for every write route (all writes are /api route handlers; there are no server actions):
 *   1. same origin: a request whose Origin (or, lacking one, Sec-Fetch-Site) says it came from
 *      another site is refused with 403 before anything else;
 *   2. a signed double-submit token: `matlit_csrf` (readable by the page's script) holds
 *      HMAC-SHA256(session token); JSON writes must echo it in the `X-CSRF-Token` header, HTML form
 *      posts (sign-out) in a `csrf` field. Another site can neither read the cookie nor forge the
 *      value without the session token. Sign-in itself only needs check 1 (there is no session yet).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { hash as argonHash, verify as argonVerify } from "@node-rs/argon2";
import { db, type PrismaClient } from "../db";
import { HttpError } from "../http";

export const SESSION_COOKIE = "matlit_session";
export const CSRF_COOKIE = "matlit_csrf";
export const CSRF_HEADER = "x-csrf-token";
export const SESSION_DAYS = 14;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export interface Editor {
  id: number;
  email: string;
  isAdmin: boolean;
}

export class AuthError extends Error {
  constructor(message: string, public readonly field?: string) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Passwords

/** argon2id with OWASP's minimum: 19 MiB, 2 passes, 1 lane (algorithm 2 = Argon2id). */
const ARGON = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argonVerify(hash, password);
  } catch {
    return false;
  }
}

/** A hash of nothing in particular, verified against when the e-mail is unknown (same timing). */
let decoy: Promise<string> | undefined;

// ---------------------------------------------------------------------------------------------
// Users

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

export async function createUser(email: string, password: string, options: { admin?: boolean; prisma?: PrismaClient } = {}): Promise<Editor> {
  const prisma = options.prisma ?? db();
  const normalized = normalizeEmail(email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(normalized) || normalized.length > 254) throw new AuthError(`"${email}" is not an e-mail address`, "email");
  const problem = passwordProblem(password);
  if (problem) throw new AuthError(problem, "password");
  if (await prisma.user.findUnique({ where: { email: normalized } })) throw new AuthError(`a user with e-mail ${normalized} already exists`, "email");
  const user = await prisma.user.create({ data: { email: normalized, passwordHash: await hashPassword(password), isAdmin: Boolean(options.admin) } });
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}

/** The user with these credentials, or null. Takes the same time whether or not the e-mail exists. */
export async function verifyUser(email: string, password: string, prisma: PrismaClient = db()): Promise<Editor | null> {
  const user = await prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!user) {
    decoy ??= hashPassword(randomBytes(16).toString("hex"));
    await verifyPassword(await decoy, password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  return { id: user.id, email: user.email, isAdmin: user.isAdmin };
}

// ---------------------------------------------------------------------------------------------
// Sessions

export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/** Opens a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(userId: number, prisma: PrismaClient = db()): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600_000);
  await prisma.session.create({ data: { id: sessionIdOf(token), userId, expiresAt } });
  // Expired sessions of anyone are removed now and then.
  await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return { token, expiresAt };
}

export async function userForToken(token: string | undefined | null, prisma: PrismaClient = db()): Promise<Editor | null> {
  if (!token || token.length > 200) return null;
  const session = await prisma.session.findUnique({ where: { id: sessionIdOf(token) }, include: { user: true } });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  return { id: session.user.id, email: session.user.email, isAdmin: session.user.isAdmin };
}

export async function deleteSession(token: string | undefined | null, prisma: PrismaClient = db()): Promise<void> {
  if (token) await prisma.session.deleteMany({ where: { id: sessionIdOf(token) } });
}

// ---------------------------------------------------------------------------------------------
// Sign-in rate limit

export const attemptKey = (email: string, ip: string): string => `${normalizeEmail(email)}|${ip}`;

/** Milliseconds until another attempt is allowed, or 0. */
export async function loginBlockedFor(key: string, prisma: PrismaClient = db(), now = Date.now()): Promise<number> {
  const since = new Date(now - LOGIN_WINDOW_MS);
  const failures = await prisma.loginAttempt.findMany({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } });
  if (failures.length < LOGIN_MAX_FAILURES) return 0;
  // Blocked until the oldest failure that keeps the count at the limit leaves the window.
  const oldest = failures[failures.length - LOGIN_MAX_FAILURES]!;
  return Math.max(1000, oldest.createdAt.getTime() + LOGIN_WINDOW_MS - now);
}

export async function recordLoginFailure(key: string, prisma: PrismaClient = db()): Promise<void> {
  await prisma.loginAttempt.create({ data: { key } });
  await prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - LOGIN_WINDOW_MS) } } });
}

export async function clearLoginFailures(key: string, prisma: PrismaClient = db()): Promise<void> {
  await prisma.loginAttempt.deleteMany({ where: { key } });
}

export class RateLimitError extends AuthError {
  constructor(public readonly retryAfterMs: number) {
    super(`too many failed sign-in attempts; try again in ${Math.ceil(retryAfterMs / 60_000)} minute(s)`);
  }
}

/** Sign in: rate limit, credentials, new session. Throws RateLimitError or AuthError. */
export async function signIn(email: string, password: string, ip: string, prisma: PrismaClient = db()): Promise<{ user: Editor; token: string; expiresAt: Date }> {
  const key = attemptKey(email, ip);
  const wait = await loginBlockedFor(key, prisma);
  if (wait > 0) throw new RateLimitError(wait);
  const user = email && password ? await verifyUser(email, password, prisma) : null;
  if (!user) {
    await recordLoginFailure(key, prisma);
    throw new AuthError("wrong e-mail or password");
  }
  await clearLoginFailures(key, prisma);
  return { user, ...(await createSession(user.id, prisma)) };
}

// ---------------------------------------------------------------------------------------------
// Cookies and CSRF

const SECRET_INFO = "matlit csrf v1";
export const csrfTokenFor = (sessionToken: string): string => createHmac("sha256", sessionToken).update(SECRET_INFO).digest("base64url");

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (out.has(name)) continue;
    try {
      out.set(name, decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      out.set(name, part.slice(i + 1).trim());
    }
  }
  return out;
}

export function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

function cookie(name: string, value: string, options: { httpOnly: boolean; secure: boolean; maxAge: number }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    `Max-Age=${options.maxAge}`,
    "SameSite=Lax",
    ...(options.httpOnly ? ["HttpOnly"] : []),
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

/** Set-Cookie values that open a session (session cookie + its CSRF token). */
export function sessionCookies(request: Request, token: string): string[] {
  const secure = isHttps(request);
  const maxAge = SESSION_DAYS * 24 * 3600;
  return [
    cookie(SESSION_COOKIE, token, { httpOnly: true, secure, maxAge }),
    cookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, secure, maxAge }),
  ];
}

export function clearedCookies(request: Request): string[] {
  const secure = isHttps(request);
  return [cookie(SESSION_COOKIE, "", { httpOnly: true, secure, maxAge: 0 }), cookie(CSRF_COOKIE, "", { httpOnly: false, secure, maxAge: 0 })];
}

/** The host the browser addressed (behind a proxy: X-Forwarded-Host). */
function requestHost(request: Request): string | null {
  return request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host") || null;
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
      throw new HttpError(403, "cross-origin request refused: the Origin header does not match this site");
    }
    return;
  }
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new HttpError(403, "cross-site request refused (Sec-Fetch-Site)");
}

export function sessionTokenOf(request: Request): string | undefined {
  return parseCookies(request.headers.get("cookie")).get(SESSION_COOKIE);
}

/**
 * The editor behind a write request, after the CSRF checks: anonymous → 401, another site → 403,
 * missing or wrong CSRF token → 403. `formToken` is the `csrf` field of an HTML form post.
 */
export async function requireEditor(request: Request, formToken?: string | null): Promise<Editor> {
  const token = sessionTokenOf(request);
  const user = await userForToken(token);
  if (!user || !token) throw new HttpError(401, "sign in to make changes");
  assertSameOrigin(request);
  const sent = request.headers.get(CSRF_HEADER) ?? formToken ?? "";
  if (!sent || !safeEqual(sent, csrfTokenFor(token))) {
    throw new HttpError(403, `missing or wrong CSRF token: send the ${CSRF_COOKIE} cookie's value in the X-CSRF-Token header`);
  }
  return user;
}

/** The client address a request came from (first X-Forwarded-For hop, else X-Real-IP). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip")?.trim() || "local";
}

// ---------------------------------------------------------------------------------------------
// Server components

/** The signed-in editor of the current request (server components and route handlers), or null. */
export async function currentUser(): Promise<Editor | null> {
  const { cookies } = await import("next/headers");
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForToken(token);
}

/** The CSRF token for HTML forms of the current request (sign-out), or null when signed out. */
export async function currentCsrfToken(): Promise<string | null> {
  const { cookies } = await import("next/headers");
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? csrfTokenFor(token) : null;
}

/** A same-site path to return to after signing in; anything else becomes "/". */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || /[\r\n]/.test(next)) return "/";
  return next;
}

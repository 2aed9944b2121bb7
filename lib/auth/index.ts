/**
 * Editor accounts, sessions and the protection of every write.
 *
 * - Passwords (passwords.ts): argon2id (@node-rs/argon2, memory-hard; OWASP parameters), at least
 *   10 characters.
 * - Sessions (sessions.ts): a random 32-byte token in the `matlit_session` cookie (httpOnly,
 *   SameSite=Lax, Path=/, Secure when the request came over https); the database keeps only its
 *   SHA-256, so a leaked database opens no session. Sessions last 14 days.
 * - Who is asking (request.ts): the client address, host and protocol are decided by the production
 *   server (bin/server.js, forwarding.js) from the socket, believing X-Forwarded-* only from the
 *   proxies named in MATLIT_TRUSTED_PROXIES.
 * - Sign-in rate limit (rate-limit.ts, devices.ts): slows a guesser without locking the owner out.
 *   A successful sign-in leaves a device cookie (`matlit_device`, a year, HMAC-signed). An attempt
 *   from a browser whose device cookie is valid for the account counts only against that device:
 *   5 failures in 15 minutes. Any other attempt counts against the account (5 failures in 15
 *   minutes from unknown devices) and against the client address (20 failures in 15 minutes,
 *   across accounts). Over a limit → 429 with Retry-After, without checking the password. So an
 *   attacker's failures block only unknown devices, never a browser the owner has signed in with.
 *   Attempts are rows of LoginAttempt, reserved atomically before the password check; restarts and
 *   a second server on the same database share them.
 * - CSRF (csrf.ts), for every write route (all writes are /api route handlers; no server actions):
 *   1. same origin: a request whose Origin (or, lacking one, Sec-Fetch-Site) says it came from
 *      another site is refused with 403 before anything else;
 *   2. a signed double-submit token: `matlit_csrf` (readable by the page's script) holds
 *      HMAC-SHA256(session token); JSON writes must echo it in the `X-CSRF-Token` header, HTML form
 *      posts (sign-out) in a `csrf` field. Another site can neither read the cookie nor forge the
 *      value without the session token. Sign-in itself only needs check 1 (there is no session yet).
 * - After sign-in (redirect.ts): back to a same-site path only, as the URL parser resolves it.
 */
export { MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH, hashPassword, verifyPassword, passwordProblem } from "./passwords";
export { createUser, normalizeEmail, verifyUser, type Editor } from "./users";
export { SESSION_COOKIE, SESSION_DAYS, createSession, deleteSession, sessionIdOf, sessionTokenOf, userForToken } from "./sessions";
export { parseCookies } from "./cookies";
export { clientAddress, isHttps } from "./request";
export { CSRF_COOKIE, CSRF_HEADER, assertSameOrigin, clearedCookies, csrfTokenFor, requireEditor, sessionCookies } from "./csrf";
export { DEVICE_COOKIE, deviceCookie, deviceOf, deviceTokenOf, issueDeviceToken } from "./devices";
export { LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS, LOGIN_WINDOW_MS, RateLimitError, limitKeys, releaseAttempt, reserveAttempt } from "./rate-limit";
export { signIn, type SignInClient } from "./sign-in";
export { safeNext } from "./redirect";
export { currentCsrfToken, currentUser } from "./current";

/**
 * Device cookies: proof that a browser has signed in to an account before, so that its sign-in
 * attempts are counted apart from everyone else's (see the policy in index.ts).
 *
 * The cookie holds `<user id>.<random nonce>.<HMAC>`, keyed by the account's stored password hash:
 * a secret only the database knows, so it survives restarts, is the same for every server on the
 * database, needs no setting, and changing the password revokes every device. It is httpOnly and
 * sent only to the sign-in endpoint.
 */
import { createHmac, randomBytes } from "node:crypto";
import { parseCookies, safeEqual, setCookie } from "./cookies";
import { isHttps } from "./request";

export const DEVICE_COOKIE = "matlit_device";
export const DEVICE_DAYS = 365;
const DEVICE_PATH = "/api/auth/login";

interface Account {
  id: number;
  passwordHash: string;
}

const macOf = (account: Account, nonce: string): string =>
  createHmac("sha256", account.passwordHash).update(`matlit device v1|${account.id}.${nonce}`).digest("base64url");

export function issueDeviceToken(account: Account): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${account.id}.${nonce}.${macOf(account, nonce)}`;
}

/** The device (`<user id>.<nonce>`) if `token` was issued to this account and is intact, else null. */
export function deviceOf(token: string | null | undefined, account: Account): string | null {
  const [id, nonce, mac, ...rest] = (token ?? "").split(".");
  if (!nonce || !mac || rest.length || id !== String(account.id) || !safeEqual(mac, macOf(account, nonce))) return null;
  return `${id}.${nonce}`;
}

export function deviceTokenOf(request: Request): string | undefined {
  return parseCookies(request.headers.get("cookie")).get(DEVICE_COOKIE);
}

export function deviceCookie(request: Request, token: string): string {
  return setCookie(DEVICE_COOKIE, token, { httpOnly: true, secure: isHttps(request), maxAge: DEVICE_DAYS * 24 * 3600, path: DEVICE_PATH });
}

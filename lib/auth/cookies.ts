/** Reading the Cookie header and writing Set-Cookie values, with the `cookie` package. */
import { timingSafeEqual } from "node:crypto";
import { parse, serialize } from "cookie";

/** The request's cookies by name (the first of a repeated name wins). */
export function parseCookies(header: string | null): Map<string, string> {
  return new Map(Object.entries(parse(header ?? "")).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** A Set-Cookie value; always SameSite=Lax. */
export function setCookie(name: string, value: string, options: { httpOnly: boolean; secure: boolean; maxAge: number; path?: string }): string {
  return serialize(name, value, { path: options.path ?? "/", maxAge: options.maxAge, sameSite: "lax", httpOnly: options.httpOnly, secure: options.secure });
}

/** Compares a presented secret with the expected one in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

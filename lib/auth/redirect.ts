/** Where to send a browser after it signs in. */

/** Control and format characters, whitespace and separators, backslash: browsers drop or reinterpret them in URLs. */
const UNSAFE_CHARACTER = /[\p{C}\p{Z}\s\\]/u;
/** ASCII control characters and backslash, percent-encoded: one more decoding would bring them back. */
const UNSAFE_ESCAPE = /%(?:[01][0-9a-f]|7f|5c)/i;
/** A base of our own: whatever resolves to another origin (or scheme) leaves the site. */
const BASE = new URL("http://matlit.invalid/");

/**
 * A same-site path (with query and fragment) to return to after signing in; anything else becomes
 * "/". The value is resolved by the URL parser, as the browser will, rather than matched by prefix.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || UNSAFE_CHARACTER.test(next) || UNSAFE_ESCAPE.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  // `/.//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}

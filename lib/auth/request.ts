/**
 * What the production server decided about a request (bin/server.js with ./forwarding.js): it
 * overwrites X-Forwarded-For with the one client address, and X-Forwarded-Host and -Proto with the
 * host and protocol the browser used, whatever the client sent. So these are read as they are.
 */

/** The client address the server saw (or its trusted proxy reported). */
export function clientAddress(request: Request): string {
  return request.headers.get("x-forwarded-for")?.trim() || "unknown";
}

export function isHttps(request: Request): boolean {
  return (request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.slice(0, -1)) === "https";
}

/** The host the browser addressed. */
export function requestHost(request: Request): string | null {
  return request.headers.get("x-forwarded-host") || request.headers.get("host") || null;
}

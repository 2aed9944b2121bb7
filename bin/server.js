#!/usr/bin/env node
/**
 * The production server (`npm start`, the end-to-end tests, the benchmark): Next.js behind a plain
 * node:http server that decides, from the socket, who each request came from.
 *
 * Why not `next start`: Next's server fills in X-Forwarded-For/Host/Proto only when the client did
 * not send them, and route handlers cannot see the socket, so a client could pick its own address
 * (a fresh sign-in rate-limit key per guess), host (the same-origin check) and protocol (the Secure
 * cookie flag). Here every request's forwarding headers are replaced by lib/auth/forwarding.js's
 * decision, which believes X-Forwarded-* only from the proxies named in MATLIT_TRUSTED_PROXIES.
 *
 *   node bin/server.js [--port N] [--hostname ADDRESS]    (PORT is the default port, then 3000)
 */
import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { applyForwarding, parseTrustedProxies } from "../lib/auth/forwarding.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values: options } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(options.port ?? process.env.PORT ?? 3000);
const hostname = options.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port ${options.port ?? process.env.PORT}`);

let trusted;
try {
  trusted = parseTrustedProxies(process.env.MATLIT_TRUSTED_PROXIES);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}

// React and Next choose their production builds when first loaded, so this comes before importing next.
process.env.NODE_ENV = "production";
const { default: next } = await import("next");

/**
 * A path whose percent-encoding does not decode ("%", "%E0%A4%A") names nothing here; Next's router
 * would fail on it with a 500, so it is refused first, as a client error.
 */
function malformedPath(url) {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

const server = createServer((request, response) => {
  if (malformedPath(request.url)) {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { message: "the URL's path has malformed percent-encoding (a % not followed by two hex digits of valid UTF-8)" } }));
    return;
  }
  applyForwarding(request, trusted);
  handle(request, response).catch((e) => {
    console.error(e);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
const app = next({ dev: false, dir: ROOT, hostname, port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();

server.listen(port, hostname, () => {
  console.log(
    `matlit listening on http://${hostname ?? "localhost"}:${port}${process.env.MATLIT_TRUSTED_PROXIES ? ` (trusted proxies: ${process.env.MATLIT_TRUSTED_PROXIES})` : ""}`,
  );
});

/** Stop taking connections, let requests in flight finish, then leave (forcibly after 10 s). */
function shutDown(signal) {
  console.log(`${signal}: finishing requests in flight`);
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close(() => app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
}
process.once("SIGTERM", () => shutDown("SIGTERM"));
process.once("SIGINT", () => shutDown("SIGINT"));

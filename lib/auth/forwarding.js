/**
 * Who sent a request, decided by the production server (bin/server.js) before Next.js sees it.
 *
 * X-Forwarded-For/Host/Proto are whatever the sender wrote, so they are believed only when the TCP
 * peer is a proxy named in MATLIT_TRUSTED_PROXIES; otherwise the client is the peer itself, the
 * host is the Host header and the protocol is the socket's. The server then overwrites
 * X-Forwarded-For (one address), -Host and -Proto with the result, so the app (lib/auth) and Next's
 * own URL building read only what the server decided.
 *
 * Plain JavaScript: the server script runs on Node without a TypeScript loader.
 */
import { BlockList, isIP } from "node:net";

/**
 * MATLIT_TRUSTED_PROXIES: a comma list of IP addresses or subnets (CIDR, `10.0.0.0/8`); unset or
 * empty trusts no one. A malformed entry throws, because a typo would silently distrust the proxy.
 * @param {string | undefined} setting
 * @returns {BlockList}
 */
export function parseTrustedProxies(setting) {
  const trusted = new BlockList();
  for (const entry of (setting ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
    const address = match?.[1] ?? "";
    const family = isIP(address);
    const bits = match?.[2] === undefined ? undefined : Number(match[2]);
    if (!family || (bits !== undefined && bits > (family === 6 ? 128 : 32))) {
      throw new Error(`MATLIT_TRUSTED_PROXIES: "${entry}" is not an IP address or subnet (address/prefix)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) trusted.addAddress(address, type);
    else trusted.addSubnet(address, bits, type);
  }
  return trusted;
}

/**
 * One address as the app keys it: IPv4-mapped IPv6 (`::ffff:1.2.3.4`, what a dual-stack socket
 * reports) as plain IPv4, and a hop written with a port (`1.2.3.4:5678`, `[::1]:80`) without it.
 * @param {string} hop
 */
export function normalizeAddress(hop) {
  let address = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1] ?? address;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  return (mapped?.[1] ?? address).toLowerCase();
}

/** @param {BlockList} trusted @param {string} address */
function isTrusted(trusted, address) {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The comma-separated values of a header, however many times it was sent. */
function values(/** @type {string | string[] | undefined} */ header) {
  return (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The client address, host and protocol of a request.
 *
 * From an untrusted peer: the peer's address, its Host header, the socket's protocol. From a
 * trusted proxy: the right-most X-Forwarded-For hop that is not itself a trusted proxy (hops to its
 * left were written by the client and prove nothing), or the left-most hop when all are trusted;
 * the right-most X-Forwarded-Host and -Proto when well-formed.
 *
 * @param {{ peer: string | undefined; encrypted: boolean; headers: import("node:http").IncomingHttpHeaders }} request
 * @param {BlockList} trusted
 * @returns {{ address: string; host: string | undefined; proto: "http" | "https" }}
 */
export function resolveClient({ peer, encrypted, headers }, trusted) {
  const peerAddress = normalizeAddress(peer ?? "");
  const own = { address: peerAddress || "unknown", host: headers.host, proto: /** @type {"http" | "https"} */ (encrypted ? "https" : "http") };
  if (!isTrusted(trusted, peerAddress)) return own;

  const hops = values(headers["x-forwarded-for"]).map(normalizeAddress);
  let address = peerAddress;
  for (let i = hops.length - 1; i >= 0 && isTrusted(trusted, address); i--) address = /** @type {string} */ (hops[i]);

  // The right-most value is the one the nearest proxy wrote.
  const host = values(headers["x-forwarded-host"]).at(-1);
  const proto = values(headers["x-forwarded-proto"]).at(-1)?.toLowerCase();
  return {
    address,
    host: host && HOST.test(host) ? host : own.host,
    proto: proto === "https" || proto === "http" ? proto : own.proto,
  };
}

/** Headers that name the client, its host or its protocol; only the server may set them. */
const FORWARDING_HEADERS = [
  "forwarded",
  "x-real-ip",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-prefix",
  "x-forwarded-ssl",
];

/**
 * Replaces the request's forwarding headers by the server's decision, before Next.js reads them.
 * @param {import("node:http").IncomingMessage} request
 * @param {BlockList} trusted
 */
export function applyForwarding(request, trusted) {
  const client = resolveClient(
    { peer: request.socket.remoteAddress, encrypted: "encrypted" in request.socket && Boolean(request.socket.encrypted), headers: request.headers },
    trusted,
  );
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers["x-forwarded-for"] = client.address;
  request.headers["x-forwarded-proto"] = client.proto;
  if (client.host) request.headers["x-forwarded-host"] = client.host;
}

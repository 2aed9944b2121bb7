/**
 * The production server's decision of who sent a request (lib/auth/forwarding.js): X-Forwarded-*
 * count only when the TCP peer is a trusted proxy.
 */
import { describe, it, expect } from "vitest";
import type { IncomingMessage } from "node:http";
import { applyForwarding, normalizeAddress, parseTrustedProxies, resolveClient } from "../../lib/auth/forwarding.js";

const spoofed = { host: "matlit.test:3000", "x-forwarded-for": "203.0.113.7", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

describe("MATLIT_TRUSTED_PROXIES", () => {
  it("takes addresses and subnets, and refuses anything else", () => {
    const trusted = parseTrustedProxies(" 127.0.0.1, 10.0.0.0/8 ,::1,fd00::/8 ");
    for (const address of ["127.0.0.1", "10.200.3.4", "::1", "fd00::5"])
      expect(trusted.check(address, address.includes(":") ? "ipv6" : "ipv4"), address).toBe(true);
    expect(trusted.check("11.0.0.1", "ipv4")).toBe(false);
    for (const bad of ["localhost", "10.0.0.0/33", "1.2.3", "10.0.0.0/8/8", "::1/129", "127.0.0.1/x"])
      expect(() => parseTrustedProxies(bad), bad).toThrow(/MATLIT_TRUSTED_PROXIES/);
  });

  it("trusts no one when unset or empty", () => {
    for (const setting of [undefined, "", " , "]) {
      expect(resolveClient({ peer: "127.0.0.1", encrypted: false, headers: spoofed }, parseTrustedProxies(setting))).toEqual({
        address: "127.0.0.1",
        host: "matlit.test:3000",
        proto: "http",
      });
    }
  });
});

describe("resolving the client", () => {
  const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");

  it("ignores X-Forwarded-For, -Host and -Proto from a peer that is not a trusted proxy", () => {
    expect(resolveClient({ peer: "198.51.100.4", encrypted: false, headers: spoofed }, trusted)).toEqual({
      address: "198.51.100.4",
      host: "matlit.test:3000",
      proto: "http",
    });
  });

  it("believes them from a trusted proxy", () => {
    expect(resolveClient({ peer: "127.0.0.1", encrypted: false, headers: { ...spoofed, "x-forwarded-host": "matlit.example.org" } }, trusted)).toEqual({
      address: "203.0.113.7",
      host: "matlit.example.org",
      proto: "https",
    });
  });

  it("takes the right-most hop that is not a trusted proxy: hops to its left are the client's own claims", () => {
    const via = (xff: string, peer = "127.0.0.1") => resolveClient({ peer, encrypted: false, headers: { host: "h", "x-forwarded-for": xff } }, trusted).address;
    expect(via("1.1.1.1, 203.0.113.7")).toBe("203.0.113.7");
    expect(via("6.6.6.6, 203.0.113.7, 10.0.0.5")).toBe("203.0.113.7");
    expect(via("10.0.0.9", "10.0.0.1")).toBe("10.0.0.9"); // only proxies: the left-most
    expect(via("")).toBe("127.0.0.1");
    expect(via("203.0.113.7:5000")).toBe("203.0.113.7");
    expect(via("[2001:DB8::1]:4711")).toBe("2001:db8::1");
  });

  it("recognises a trusted proxy on a dual-stack socket and reports IPv4 clients as IPv4", () => {
    expect(resolveClient({ peer: "::ffff:127.0.0.1", encrypted: false, headers: { "x-forwarded-for": "::ffff:203.0.113.7" } }, trusted).address).toBe(
      "203.0.113.7",
    );
    expect(normalizeAddress("::FFFF:198.51.100.4")).toBe("198.51.100.4");
  });

  it("uses the nearest proxy's host and protocol, and the socket's when they are malformed", () => {
    const headers = { host: "internal:3000", "x-forwarded-host": "evil.example, matlit.example.org", "x-forwarded-proto": "http, https" };
    expect(resolveClient({ peer: "127.0.0.1", encrypted: false, headers }, trusted)).toMatchObject({ host: "matlit.example.org", proto: "https" });
    const malformed = { host: "internal:3000", "x-forwarded-host": "evil.example/phish", "x-forwarded-proto": "javascript" };
    expect(resolveClient({ peer: "127.0.0.1", encrypted: true, headers: malformed }, trusted)).toMatchObject({ host: "internal:3000", proto: "https" });
  });
});

describe("the headers Next.js receives", () => {
  const request = (peer: string, headers: Record<string, string>) =>
    ({ socket: { remoteAddress: peer }, headers: { ...headers } }) as unknown as IncomingMessage;

  it("are the server's decision, whatever the client sent", () => {
    const direct = request("198.51.100.4", { ...spoofed, forwarded: "for=1.2.3.4;proto=https", "x-real-ip": "1.2.3.4", "x-forwarded-port": "443" });
    applyForwarding(direct, parseTrustedProxies(undefined));
    expect(direct.headers).toEqual({
      host: "matlit.test:3000",
      "x-forwarded-for": "198.51.100.4",
      "x-forwarded-host": "matlit.test:3000",
      "x-forwarded-proto": "http",
    });

    const proxied = request("127.0.0.1", {
      host: "internal",
      "x-forwarded-for": "6.6.6.6, 203.0.113.7",
      "x-forwarded-host": "matlit.example.org",
      "x-forwarded-proto": "https",
    });
    applyForwarding(proxied, parseTrustedProxies("127.0.0.1"));
    expect(proxied.headers).toEqual({
      host: "internal",
      "x-forwarded-for": "203.0.113.7",
      "x-forwarded-host": "matlit.example.org",
      "x-forwarded-proto": "https",
    });
  });
});

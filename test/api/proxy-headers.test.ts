/**
 * Sign-in through the real production server (bin/server.js, started as `npm start` starts it):
 * the reproducers of the security probe. A client's X-Forwarded-* headers count only when it
 * connects from a trusted proxy; the rate limit holds against parallel guesses and new
 * X-Forwarded-For values but not against the owner's own browser; sign-in returns to this site only.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { startApp, type RunningApp } from "../helpers/app";
import { createClient, type PrismaClient } from "../../lib/db";
import { databaseFile } from "../../lib/db/location";
import { createUser, LOGIN_MAX_FAILURES, LOGIN_MAX_FAILURES_PER_ADDRESS } from "../../lib/auth";

/** A running app and a Prisma client on its database, for the tests of a describe block. */
function appWith(env: Record<string, string>) {
  const session = {} as { app: RunningApp; prisma: PrismaClient };
  beforeAll(async () => {
    session.app = await startApp(env);
    session.prisma = createClient(databaseFile(session.app.databaseUrl));
  });
  afterAll(async () => {
    await session.prisma?.$disconnect();
    await session.app?.stop();
  });
  return session;
}

const signIn = (app: RunningApp, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(app.url + "/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url, ...headers },
    body: JSON.stringify({ email, password }),
    redirect: "manual",
  });

const cookieNamed = (response: Response, name: string) => response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));

let spoofs = 0;
/** A new made-up X-Forwarded-For value, as the probe sent with every guess. */
const freshAddress = () => `198.18.${Math.floor(++spoofs / 250)}.${spoofs % 250}`;

describe("behind no trusted proxy (the default)", () => {
  const s = appWith({ MATLIT_TRUSTED_PROXIES: "" });

  it("ignores a client's X-Forwarded-Host and -Proto: another site stays cross-origin, and cookies over http are not Secure", async () => {
    await createUser("host@example.org", "host password 1", { prisma: s.prisma });
    const spoofedHost = await signIn(s.app, "host@example.org", "host password 1", {
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(spoofedHost.status).toBe(403);
    const spoofedProto = await signIn(s.app, "host@example.org", "host password 1", { "x-forwarded-proto": "https" });
    expect(spoofedProto.status).toBe(200);
    expect(cookieNamed(spoofedProto, "matlit_session")).not.toMatch(/Secure/);
    expect(cookieNamed(spoofedProto, "matlit_device")!.split("; ").slice(1).sort()).toEqual([
      "HttpOnly",
      "Max-Age=31536000",
      "Path=/api/auth/login",
      "SameSite=Lax",
    ]);
  });

  it("returns to a same-site path after a form sign-in, never to another host", async () => {
    await createUser("form@example.org", "form password 1", { prisma: s.prisma });
    const page = await (await fetch(`${s.app.url}/login?next=/%09/evil.example/phish`)).text();
    expect(page).toMatch(/<input type="hidden" name="next" value="\/"\/>/);
    const post = (next: string) =>
      fetch(s.app.url + "/api/auth/login", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", origin: s.app.url },
        body: new URLSearchParams({ email: "form@example.org", password: "form password 1", next }),
        redirect: "manual",
      });
    const phished = await post("/\t/evil.example/phish");
    expect(phished.status).toBe(303);
    expect(phished.headers.get("location")).toBe("/");
    expect((await post("/papers/new?x=1#y")).headers.get("location")).toBe("/papers/new?x=1#y");
  });

  it("answers 30 parallel wrong guesses with at most 5 × 401 and the rest 429", async () => {
    await createUser("parallel@example.org", "parallel password", { prisma: s.prisma });
    const statuses = await Promise.all(Array.from({ length: 30 }, async () => (await signIn(s.app, "parallel@example.org", "wrong password")).status));
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(statuses.filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
  });

  it("lets the owner's browser sign in after an attacker's failures, and refuses an unknown browser", async () => {
    await createUser("owner@example.org", "owner password 1", { prisma: s.prisma });
    const first = await signIn(s.app, "owner@example.org", "owner password 1");
    expect(first.status).toBe(200);
    const device = cookieNamed(first, "matlit_device")!.split(";")[0]!;

    const attacker = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES + 1; i++)
      attacker.push((await signIn(s.app, "owner@example.org", `guess ${i}`, { "x-forwarded-for": freshAddress() })).status);
    expect(attacker).toEqual([...Array(LOGIN_MAX_FAILURES).fill(401), 429]);

    expect((await signIn(s.app, "owner@example.org", "owner password 1", { cookie: device })).status).toBe(200);
    const unknown = await signIn(s.app, "owner@example.org", "owner password 1");
    expect(unknown.status).toBe(429);
    expect(Number(unknown.headers.get("retry-after"))).toBeGreaterThan(800);
  });

  it("does not let a client escape the limit with a new X-Forwarded-For value per guess", async () => {
    // One account, a new address claimed for every guess: the probe's reproducer.
    await createUser("target@example.org", "target password", { prisma: s.prisma });
    const guesses = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES + 1; i++)
      guesses.push((await signIn(s.app, "target@example.org", `guess ${i}`, { "x-forwarded-for": freshAddress() })).status);
    expect(guesses.filter((status) => status === 401).length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(guesses.at(-1)).toBe(429);

    // Many accounts, a new claimed address each time: the client's real address runs out of attempts.
    const spray = [];
    for (let i = 0; i <= LOGIN_MAX_FAILURES_PER_ADDRESS; i++)
      spray.push((await signIn(s.app, `spray${i}@example.org`, "password123", { "x-forwarded-for": freshAddress() })).status);
    expect(spray.at(-1)).toBe(429);
    expect((await signIn(s.app, "one-more@example.org", "password123", { "x-forwarded-for": freshAddress() })).status).toBe(429);
  });
});

describe("behind a trusted proxy (MATLIT_TRUSTED_PROXIES=127.0.0.1)", () => {
  const s = appWith({ MATLIT_TRUSTED_PROXIES: "127.0.0.1" });
  const proxied = (client: string, host = "matlit.example.org") => ({
    origin: "https://matlit.example.org",
    "x-forwarded-host": host,
    "x-forwarded-proto": "https",
    "x-forwarded-for": client,
  });

  it("believes the proxy's X-Forwarded-Host and -Proto", async () => {
    await createUser("proxied@example.org", "proxied password", { prisma: s.prisma });
    const ok = await signIn(s.app, "proxied@example.org", "proxied password", proxied("203.0.113.1"));
    expect(ok.status).toBe(200);
    expect(cookieNamed(ok, "matlit_session")!.split("; ")).toContain("Secure");
    expect(cookieNamed(ok, "matlit_device")!.split("; ")).toContain("Secure");
    // The proxy names the host: another one makes the public origin another site.
    expect((await signIn(s.app, "proxied@example.org", "proxied password", proxied("203.0.113.1", "other.example.org"))).status).toBe(403);
  });

  it("limits the client the proxy reports: the right-most X-Forwarded-For hop that is not a trusted proxy", async () => {
    const spray = [];
    for (let i = 0; i <= LOGIN_MAX_FAILURES_PER_ADDRESS; i++)
      spray.push((await signIn(s.app, `spray${i}@example.org`, "password123", proxied("203.0.113.50"))).status);
    expect(spray).toEqual([...Array(LOGIN_MAX_FAILURES_PER_ADDRESS).fill(401), 429]);
    // A hop the client wrote itself, left of the one the proxy appended, changes nothing.
    expect((await signIn(s.app, "fresh1@example.org", "password123", proxied("198.51.100.9, 203.0.113.50"))).status).toBe(429);
    // Another client behind the same proxy has its own allowance.
    expect((await signIn(s.app, "fresh2@example.org", "password123", proxied("198.51.100.9"))).status).toBe(401);
  });
});

import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { matlit } from "../helpers/cli";
import {
  assertSameOrigin,
  createSession,
  createUser,
  csrfTokenFor,
  deleteSession,
  deviceCookie,
  deviceOf,
  hashPassword,
  issueDeviceToken,
  LOGIN_MAX_FAILURES,
  LOGIN_MAX_FAILURES_PER_ADDRESS,
  LOGIN_WINDOW_MS,
  RateLimitError,
  requireEditor,
  safeNext,
  sessionCookies,
  sessionIdOf,
  signIn,
  userForToken,
  verifyPassword,
  verifyUser,
} from "../../lib/auth";
import { AppError } from "../../lib/errors";

/** Password checks made, to show that a refused attempt is refused before its password is checked. */
const passwordChecks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const argon = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...argon, verify: (...args: Parameters<typeof argon.verify>) => (passwordChecks.count++, argon.verify(...args)) };
});

describe("passwords", () => {
  it("are hashed with argon2id, salted, and verified", async () => {
    const a = await hashPassword("correct horse battery");
    const b = await hashPassword("correct horse battery");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery")).toBe(true);
    expect(await verifyPassword(a, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not a hash", "x")).toBe(false);
  });
});

describe.each(PROVIDERS)("users and sessions (%s)", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t?.cleanup());

  it("creates users with normalized e-mails and refuses short passwords and duplicates", async () => {
    const user = await createUser(" Editor@Example.org ", "a long enough password", { prisma: t.prisma });
    expect(user).toMatchObject({ email: "editor@example.org", isAdmin: false });
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).not.toContain("a long enough password");
    await expect(createUser("other@example.org", "short", { prisma: t.prisma })).rejects.toThrow(/at least 10 characters/);
    await expect(createUser("EDITOR@example.org", "another long password", { prisma: t.prisma })).rejects.toThrow(/already exists/);
    await expect(createUser("not-an-email", "another long password", { prisma: t.prisma })).rejects.toThrow(/not an e-mail address/);
    expect(await verifyUser("editor@example.org", "a long enough password", t.prisma)).toMatchObject({ id: user.id });
    expect(await verifyUser("editor@example.org", "wrong password!", t.prisma)).toBeNull();
    expect(await verifyUser("nobody@example.org", "a long enough password", t.prisma)).toBeNull();
  });

  it("stores only the SHA-256 of a 32-byte session token, for 14 days", async () => {
    const user = await createUser("session@example.org", "a long enough password", { prisma: t.prisma });
    const { token, expiresAt } = await createSession(user.id, t.prisma);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const row = await t.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.id).toBe(sessionIdOf(token));
    expect(row.id).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id).not.toContain(token);
    expect(Math.round((expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(14);
    expect(await userForToken(token, t.prisma)).toMatchObject({ email: "session@example.org" });
    expect(await userForToken(row.id, t.prisma)).toBeNull(); // the stored hash is not a token
    await t.prisma.session.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userForToken(token, t.prisma)).toBeNull();
    const again = await createSession(user.id, t.prisma);
    await deleteSession(again.token, t.prisma);
    expect(await userForToken(again.token, t.prisma)).toBeNull();
  });
});

describe.each(PROVIDERS)("sign-in rate limit (%s)", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t?.cleanup());

  /** The outcome of a sign-in as its HTTP status: 200, 401 (wrong credentials) or 429 (refused unchecked). */
  const statusOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => 200,
      (e: unknown) => (e instanceof RateLimitError ? 429 : e instanceof Error && /wrong e-mail or password/.test(e.message) ? 401 : Promise.reject(e)),
    );
  const attemptRows = (key: string) => t.prisma.loginAttempt.count({ where: { key } });

  it("refuses the sixth attempt on an account from unknown devices, even with the right password, for 15 minutes", async () => {
    await createUser("limited@example.org", "the right password", { prisma: t.prisma });
    const t0 = Date.now();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await statusOf(signIn("limited@example.org", "wrong password", { address: `10.0.0.${i}` }, t.prisma, t0 + i * 1000))).toBe(401);
    // From yet another address: the account's counter applies to every unknown device.
    const checks = passwordChecks.count;
    const blocked = await signIn("limited@example.org", "the right password", { address: "10.0.1.1" }, t.prisma, t0 + 60_000).catch((e: unknown) => e);
    expect(blocked).toBeInstanceOf(RateLimitError);
    expect((blocked as RateLimitError).retryAfterMs).toBe(LOGIN_WINDOW_MS - 60_000);
    expect(passwordChecks.count).toBe(checks);
    // Refused attempts are not recorded, so hammering does not prolong the block.
    expect(await attemptRows("account:limited@example.org")).toBe(LOGIN_MAX_FAILURES);
    const later = await signIn("limited@example.org", "the right password", { address: "10.0.1.1" }, t.prisma, t0 + LOGIN_WINDOW_MS + 1);
    expect(later.user.email).toBe("limited@example.org");
  });

  it("reserves attempts atomically: of 30 parallel wrong guesses, 5 are checked and 25 refused", async () => {
    await createUser("parallel@example.org", "the right password", { prisma: t.prisma });
    const checks = passwordChecks.count;
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => statusOf(signIn("parallel@example.org", "wrong password", { address: "192.0.2.30" }, t.prisma))),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_MAX_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - LOGIN_MAX_FAILURES);
    expect(passwordChecks.count - checks).toBe(LOGIN_MAX_FAILURES);
  });

  it("lets the owner sign in from a browser that signed in before while an attacker is refused", async () => {
    await createUser("owner@example.org", "the owner's password", { prisma: t.prisma });
    const { deviceToken } = await signIn("owner@example.org", "the owner's password", { address: "198.51.100.1" }, t.prisma);
    const attacker = [];
    for (let i = 0; i < LOGIN_MAX_FAILURES + 2; i++)
      attacker.push(await statusOf(signIn("owner@example.org", `guess number ${i}`, { address: "203.0.113.66" }, t.prisma)));
    expect(attacker).toEqual([401, 401, 401, 401, 401, 429, 429]);

    // The owner's browser, from any address, still signs in, and keeps its device token.
    const owner = await signIn("owner@example.org", "the owner's password", { address: "198.51.100.77", deviceToken }, t.prisma);
    expect(owner.user.email).toBe("owner@example.org");
    expect(owner.deviceToken).toBe(deviceToken);
    // An unknown browser with the right password is refused, and so is a forged or foreign device token.
    expect(await statusOf(signIn("owner@example.org", "the owner's password", { address: "198.51.100.1" }, t.prisma))).toBe(429);
    expect(
      await statusOf(signIn("owner@example.org", "the owner's password", { address: "198.51.100.1", deviceToken: deviceToken.slice(0, -2) + "xx" }, t.prisma)),
    ).toBe(429);
    const other = await createUser("other-owner@example.org", "another password", { prisma: t.prisma });
    const foreign = issueDeviceToken({ id: other.id, passwordHash: (await t.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).passwordHash });
    expect(await statusOf(signIn("owner@example.org", "the owner's password", { address: "198.51.100.1", deviceToken: foreign }, t.prisma))).toBe(429);

    // A known device has its own limit: it cannot be used to guess without bound either.
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await statusOf(signIn("owner@example.org", "mistyped password", { address: "198.51.100.77", deviceToken }, t.prisma))).toBe(401);
    expect(await statusOf(signIn("owner@example.org", "the owner's password", { address: "198.51.100.77", deviceToken }, t.prisma))).toBe(429);
  });

  it("limits one client address across accounts", async () => {
    for (let i = 0; i < LOGIN_MAX_FAILURES_PER_ADDRESS; i++)
      expect(await statusOf(signIn(`spray${i}@example.org`, "password123", { address: "203.0.113.99" }, t.prisma))).toBe(401);
    expect(await statusOf(signIn("spray-next@example.org", "password123", { address: "203.0.113.99" }, t.prisma))).toBe(429);
    expect(await statusOf(signIn("spray-next@example.org", "password123", { address: "203.0.113.100" }, t.prisma))).toBe(401);
  });

  it("counts a successful sign-in as no failure", async () => {
    await createUser("careful@example.org", "the right password", { prisma: t.prisma });
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++)
      expect(await statusOf(signIn("careful@example.org", "wrong password", { address: "192.0.2.5" }, t.prisma))).toBe(401);
    expect(await statusOf(signIn("careful@example.org", "the right password", { address: "192.0.2.5" }, t.prisma))).toBe(200);
    expect(await attemptRows("account:careful@example.org")).toBe(LOGIN_MAX_FAILURES - 1);
    expect(await statusOf(signIn("careful@example.org", "wrong password", { address: "192.0.2.5" }, t.prisma))).toBe(401);
    expect(await statusOf(signIn("careful@example.org", "wrong password", { address: "192.0.2.5" }, t.prisma))).toBe(429);
  });
});

describe("device tokens", () => {
  it("name the device only for the account they were issued to, intact", async () => {
    const account = { id: 7, passwordHash: await hashPassword("a long enough password") };
    const token = issueDeviceToken(account);
    expect(token).toMatch(/^7\.[\w-]{22}\.[\w-]{43}$/);
    expect(deviceOf(token, account)).toBe(token.split(".").slice(0, 2).join("."));
    expect(issueDeviceToken(account)).not.toBe(token);
    expect(deviceOf(token, { ...account, id: 8 })).toBeNull();
    expect(deviceOf(token.replace(/^7\./, "8."), { ...account, id: 8 })).toBeNull();
    expect(deviceOf(token + "x", account)).toBeNull();
    expect(deviceOf(`${token}.extra`, account)).toBeNull();
    expect(deviceOf(undefined, account)).toBeNull();
    // A new password (a new hash) revokes every device.
    expect(deviceOf(token, { ...account, passwordHash: await hashPassword("a long enough password") })).toBeNull();
  });
});

describe("CSRF and cookies", () => {
  const req = (headers: Record<string, string>, url = "http://matlit.test/api/papers") => new Request(url, { method: "POST", headers });

  it("accepts same-origin requests and refuses cross-site ones", () => {
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "http://matlit.test" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ host: "matlit.test" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "https://evil.example" }))).toThrow(AppError);
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "null" }))).toThrow(/cross-origin/);
    expect(() => assertSameOrigin(req({ host: "matlit.test", "sec-fetch-site": "cross-site" }))).toThrow(/cross-site/);
  });

  it("requires a session (401) and its CSRF token (403)", async () => {
    await expect(requireEditor(req({ host: "matlit.test" }))).rejects.toMatchObject({ code: "unauthenticated" });
  });

  /** A Set-Cookie value as its name=value pair and its attributes, in any order. */
  const parts = (setCookie: string) => {
    const [pair, ...attributes] = setCookie.split("; ");
    return { pair, attributes: attributes.sort() };
  };

  it("sets httpOnly, SameSite=Lax session cookies, Secure over https", () => {
    const [session, csrf] = sessionCookies(req({}, "http://matlit.test/"), "tok");
    expect(parts(session!)).toEqual({ pair: "matlit_session=tok", attributes: ["HttpOnly", "Max-Age=1209600", "Path=/", "SameSite=Lax"] });
    expect(parts(csrf!)).toEqual({ pair: `matlit_csrf=${csrfTokenFor("tok")}`, attributes: ["Max-Age=1209600", "Path=/", "SameSite=Lax"] });
    expect(parts(sessionCookies(req({}, "https://matlit.test/"), "tok")[0]!).attributes).toContain("Secure");
    expect(parts(sessionCookies(req({ "x-forwarded-proto": "https" }, "http://matlit.test/"), "tok")[0]!).attributes).toContain("Secure");
  });

  it("sets a year-long httpOnly device cookie sent only to the sign-in endpoint", () => {
    expect(parts(deviceCookie(req({}, "http://matlit.test/"), "7.n.m"))).toEqual({
      pair: "matlit_device=7.n.m",
      attributes: ["HttpOnly", "Max-Age=31536000", "Path=/api/auth/login", "SameSite=Lax"],
    });
    expect(parts(deviceCookie(req({ "x-forwarded-proto": "https" }, "http://matlit.test/"), "7.n.m")).attributes).toContain("Secure");
  });

  it("only returns to same-site paths after sign-in", () => {
    expect(safeNext("/papers/new?draft=1")).toBe("/papers/new?draft=1");
    expect(safeNext("/papers/new?x=1#y")).toBe("/papers/new?x=1#y");
    expect(safeNext("/papers/edit/10.1234/a(b)c")).toBe("/papers/edit/10.1234/a(b)c");
    const refused = [
      "/%09/evil.example/phish", // the probe's reproducer: decoded once, a tab a browser drops, leaving //evil.example
      "/\t/evil",
      "/\n/evil",
      " //evil",
      "//evil",
      "/\\evil",
      "/%5C/evil",
      "/.//evil.example",
      "https://evil",
      "https:evil.example",
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html,hi",
      "",
      null,
      undefined,
    ];
    for (const bad of refused) expect(safeNext(bad), JSON.stringify(bad)).toBe("/");
  });
});

describe.each(PROVIDERS)("matlit user add (%s)", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t?.cleanup());

  it("creates an editor from a piped password and refuses short passwords and duplicates", async () => {
    const ok = await matlit(["user", "add", "Cli@Example.org", "--json"], t.url, "a long enough password\n");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ user: { id: expect.any(Number), email: "cli@example.org", isAdmin: false } });
    expect(await verifyUser("cli@example.org", "a long enough password", t.prisma)).not.toBeNull();

    const short = await matlit(["user", "add", "short@example.org"], t.url, "tooshort\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password must be at least 10 characters/);

    const duplicate = await matlit(["user", "add", "cli@example.org"], t.url, "another long password\n");
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/a user with e-mail cli@example.org already exists/);

    const admin = await matlit(["user", "add", "admin@example.org", "--admin"], t.url, "admin password 123\n");
    expect(admin.status).toBe(0);
    expect(admin.stdout).toMatch(/created administrator admin@example.org/);
    expect(await t.prisma.user.count()).toBe(2);
  });
});

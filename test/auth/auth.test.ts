import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { matlit } from "../helpers/cli";
import {
  assertSameOrigin,
  attemptKey,
  createSession,
  createUser,
  csrfTokenFor,
  deleteSession,
  hashPassword,
  loginBlockedFor,
  LOGIN_MAX_FAILURES,
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
import { HttpError } from "../../lib/http";

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

describe("users, sessions and sign-in", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
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

  it("blocks sign-in after 5 failures per e-mail and address for 15 minutes", async () => {
    await createUser("limited@example.org", "the right password", { prisma: t.prisma });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await expect(signIn("limited@example.org", "wrong password", "10.0.0.1", t.prisma)).rejects.toThrow(/wrong e-mail or password/);
    // Even the right password is refused while blocked; another address is not blocked.
    await expect(signIn("limited@example.org", "the right password", "10.0.0.1", t.prisma)).rejects.toBeInstanceOf(RateLimitError);
    const wait = await loginBlockedFor(attemptKey("limited@example.org", "10.0.0.1"), t.prisma);
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    expect(await loginBlockedFor(attemptKey("limited@example.org", "10.0.0.1"), t.prisma, Date.now() + 15 * 60_000 + 1000)).toBe(0);
    const ok = await signIn("limited@example.org", "the right password", "10.0.0.2", t.prisma);
    expect(ok.user.email).toBe("limited@example.org");
  });
});

describe("CSRF and cookies", () => {
  const req = (headers: Record<string, string>, url = "http://matlit.test/api/papers") => new Request(url, { method: "POST", headers });

  it("accepts same-origin requests and refuses cross-site ones", () => {
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "http://matlit.test" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ host: "matlit.test" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "https://evil.example" }))).toThrow(HttpError);
    expect(() => assertSameOrigin(req({ host: "matlit.test", origin: "null" }))).toThrow(/cross-origin/);
    expect(() => assertSameOrigin(req({ host: "matlit.test", "sec-fetch-site": "cross-site" }))).toThrow(/cross-site/);
  });

  it("requires a session (401) and its CSRF token (403)", async () => {
    await expect(requireEditor(req({ host: "matlit.test" }))).rejects.toMatchObject({ status: 401 });
  });

  it("sets httpOnly, SameSite=Lax session cookies, Secure over https", () => {
    const [session, csrf] = sessionCookies(req({}, "http://matlit.test/"), "tok");
    expect(session).toMatch(/^matlit_session=tok; Path=\/; Max-Age=1209600; SameSite=Lax; HttpOnly$/);
    expect(csrf).toBe(`matlit_csrf=${csrfTokenFor("tok")}; Path=/; Max-Age=1209600; SameSite=Lax`);
    expect(sessionCookies(req({}, "https://matlit.test/"), "tok")[0]).toContain("; Secure");
    expect(sessionCookies(req({ "x-forwarded-proto": "https" }, "http://matlit.test/"), "tok")[0]).toContain("; Secure");
  });

  it("only returns to same-site paths after sign-in", () => {
    expect(safeNext("/papers/new?draft=1")).toBe("/papers/new?draft=1");
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", undefined]) expect(safeNext(bad)).toBe("/");
  });
});

describe("matlit user add", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.cleanup());

  it("creates an editor from a piped password and refuses short passwords and duplicates", async () => {
    const ok = matlit(["user", "add", "Cli@Example.org", "--json"], t.url, "a long enough password\n");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ user: { id: expect.any(Number), email: "cli@example.org", isAdmin: false } });
    expect(await verifyUser("cli@example.org", "a long enough password", t.prisma)).not.toBeNull();

    const short = matlit(["user", "add", "short@example.org"], t.url, "tooshort\n");
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/password must be at least 10 characters/);

    const duplicate = matlit(["user", "add", "cli@example.org"], t.url, "another long password\n");
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toMatch(/a user with e-mail cli@example.org already exists/);

    const admin = matlit(["user", "add", "admin@example.org", "--admin"], t.url, "admin password 123\n");
    expect(admin.status).toBe(0);
    expect(admin.stdout).toMatch(/created administrator admin@example.org/);
    expect(await t.prisma.user.count()).toBe(2);
  });
});

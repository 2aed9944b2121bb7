/**
 * Writes while another process holds SQLite's write lock (a CLI import), or another writer
 * PostgreSQL's advisory lock: they wait without
 * freezing the server, succeed once the lock is free, and give up with a "busy" error (HTTP 503)
 * when it is not freed in time — never SQLITE_BUSY as a 500, never half-written.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { countingBusyRefusals, createDatabase, createTestDatabase, type ProviderDatabase, type TestDatabase } from "../helpers/db";
import { postgresServer } from "../helpers/postgres";
import { DatabaseBusyError, isBusy, POSTGRES_WRITE_LOCK, writeTransaction } from "../../lib/db/transaction";
import { withWriteTransaction } from "../../lib/db/sql";
import { handle } from "../../lib/http";

describe("write transactions on a busy database", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.cleanup();
  });

  /** Another connection (standing for another process) holding the write lock until released. */
  function otherWriter() {
    const connection = new Database(t.file);
    connection.exec("BEGIN IMMEDIATE");
    connection.prepare(`INSERT INTO "LoginAttempt" ("key", "createdAt") VALUES ('other-process', '2026-01-01T00:00:00.000+00:00')`).run();
    return {
      release: () => {
        connection.exec("COMMIT");
        connection.close();
      },
    };
  }

  it("waits for the lock without blocking the event loop, then reads and writes in one transaction", async () => {
    const other = otherWriter();
    const editor = countingBusyRefusals(t.prisma);
    const write = writeTransaction(editor.prisma, async (tx) => {
      const before = await tx.loginAttempt.count();
      await tx.loginAttempt.create({ data: { key: "editor" } });
      return before;
    });
    // vi.waitFor checks on a timer: it sees the write refused and tried again only if timers keep
    // firing while the write waits, as the server's other requests need.
    await vi.waitFor(() => expect(editor.refused()).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    other.release();
    // It read after the other process committed (the lock was taken before the read).
    expect(await write).toBe(1);
    expect(await t.prisma.loginAttempt.count({ where: { key: { in: ["other-process", "editor"] } } })).toBe(2);
  });

  it("gives up with DatabaseBusyError when the lock is not freed within the budget, having written nothing", async () => {
    const other = otherWriter();
    try {
      const error = await writeTransaction(t.prisma, (tx) => tx.loginAttempt.create({ data: { key: "too-late" } }), { budgetMs: 300 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseBusyError);
      expect((error as Error).message).toMatch(/busy.*try again/);
    } finally {
      other.release();
    }
    expect(await t.prisma.loginAttempt.count({ where: { key: "too-late" } })).toBe(0);
  });

  it("the direct-connection writer (imports) waits the same way", async () => {
    const other = otherWriter();
    // The import opens its own connection: its refused BEGIN IMMEDIATE statements show that it waits.
    const statements = vi.spyOn(Database.prototype, "exec");
    const refusals = () => statements.mock.results.filter((r) => r.type === "throw" && isBusy(r.value)).length;
    const write = withWriteTransaction(t.prisma, async (exec) => {
      await exec.run(`INSERT INTO "LoginAttempt" ("key", "createdAt") VALUES ('import', '2026-01-01T00:00:00.000+00:00')`, []);
      return "done";
    });
    try {
      await vi.waitFor(() => expect(refusals()).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    } finally {
      statements.mockRestore();
    }
    other.release();
    expect(await write).toBe("done");
    await expect(withWriteTransaction(t.prisma, async () => "x", 200).then(() => "free")).resolves.toBe("free");
  });

  it("recognises SQLite's busy answers however they are wrapped", () => {
    expect(isBusy({ code: "SQLITE_BUSY_SNAPSHOT" })).toBe(true);
    expect(isBusy({ code: "P1008", meta: { driverAdapterError: { cause: { originalCode: "SQLITE_BUSY" } } } })).toBe(true);
    expect(isBusy(new Error("boom"))).toBe(false);
  });

  it("a route answers 503 with Retry-After, not 500, when the database stays busy", async () => {
    const response = await handle(() => {
      throw new DatabaseBusyError(15_000);
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("2");
    expect((await response.json()).error.message).toMatch(/busy/);
  });
});

describe.skipIf(!postgresServer())("write transactions on a busy PostgreSQL", () => {
  let t: ProviderDatabase;
  let other: pg.Client;
  beforeAll(async () => {
    t = await createDatabase("postgresql");
    other = new pg.Client(t.url);
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await t?.cleanup();
  });

  it("wait for a writer holding the lock, give up as busy past their budget, and write nothing", async () => {
    // Another server's writer: the same lock, held at session level.
    await other.query(POSTGRES_WRITE_LOCK.replace("pg_advisory_xact_lock", "pg_advisory_lock"));
    const form = await writeTransaction(t.prisma, (tx) => tx.loginAttempt.create({ data: { key: "too-late" } }), { budgetMs: 300 }).catch((e: unknown) => e);
    expect(form).toBeInstanceOf(DatabaseBusyError);
    const load = await withWriteTransaction(t.prisma, async () => "x", 300).catch((e: unknown) => e);
    expect(load).toBeInstanceOf(DatabaseBusyError);
    const waiting = writeTransaction(t.prisma, (tx) => tx.loginAttempt.create({ data: { key: "in-time" } }));
    await new Promise((r) => setTimeout(r, 200));
    await other.query(`SELECT pg_advisory_unlock_all()`);
    await waiting;
    expect((await t.prisma.loginAttempt.findMany()).map((a) => a.key)).toEqual(["in-time"]);
  });
});

/** PostgreSQL for the tests: a fresh database per suite on the run's server (see postgres-global-setup.ts). */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The run's PostgreSQL server, or undefined when the run has none (the PostgreSQL cases skip). */
export function postgresServer(): string | undefined {
  return inject("postgresUrl") || undefined;
}

async function onServer<T>(server: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(server);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops a database once the connections just closed have gone: forcing them off at once can reach a
 * client still closing, whose driver then reports the server's "terminating connection" as an
 * unhandled error. Connections left open past a few seconds are forced off.
 */
async function dropWhenClosed(client: pg.Client, name: string): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}"`);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "55006") throw e; // 55006: the database is still in use
    }
  }
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** A new empty database on the server; `drop` removes it. */
export async function createPostgresDatabase(server = postgresServer()): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!server) throw new Error("this run has no PostgreSQL server");
  const name = `matlit_test_${randomBytes(6).toString("hex")}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(server, (c) => dropWhenClosed(c, name)),
  };
}

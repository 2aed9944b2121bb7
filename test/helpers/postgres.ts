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

/** A new empty database on the server; `drop` removes it, closing what is still connected to it. */
export async function createPostgresDatabase(server = postgresServer()): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!server) throw new Error("this run has no PostgreSQL server");
  const name = `matlit_test_${randomBytes(6).toString("hex")}`;
  await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => void (await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}

import { describe, it, expect } from "vitest";
import pg from "pg";
import { createPostgresDatabase, postgresServer } from "../helpers/postgres";

describe.skipIf(!postgresServer())("the tests' PostgreSQL", () => {
  it("gives each suite a database of its own, and drops it", async () => {
    const database = await createPostgresDatabase();
    const client = new pg.Client(database.url);
    await client.connect();
    const { rows } = await client.query<{ name: string }>(`SELECT current_database() AS name`);
    await client.end();
    expect(rows[0]!.name).toMatch(/^matlit_test_/);
    await database.drop();
    await expect(createPostgresDatabase().then((d) => d.drop())).resolves.toBeUndefined();
  });
});

/** Runs the real `matlit` CLI in a child process against a given database. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const BIN = join(import.meta.dirname, "..", "..", "bin", "matlit.js");

export function matlit(args: string[], databaseUrl: string, input?: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, MEILISEARCH_HOST: "" },
    encoding: "utf8",
    input,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

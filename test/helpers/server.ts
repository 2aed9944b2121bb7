/**
 * The production server, bin/server.js as `npm start` runs it after building, on a free port of
 * 127.0.0.1 against a given SQLite file: tests see what clients of the real server see.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../../support/net";

const ROOT = join(import.meta.dirname, "..", "..");

export interface Server {
  url: string;
  /** SIGTERM by default; SIGKILL stops it as a crash or a lost machine would. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export async function startServer(databaseUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "bin", "server.js"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, MEILISEARCH_HOST: "", ...env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  // Up once it answers the home page, which also loads that page's code before the first test needs it.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(url + "/")).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the app did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) child.kill(signal);
      await exited;
    },
  };
}

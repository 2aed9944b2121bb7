/**
 * Vitest global setup of the "app" project (the end-to-end and HTTP tests), run once per `vitest
 * run`: builds the app if its sources changed, makes one seeded database for every app of the run
 * to start from, starts one production server on a copy of it for the files that only read, and
 * one Chromium that every end-to-end file drives through its own browser context.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { startServer, type Server } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated, seeded SQLite file: copy it, never open it. */
    seededDatabase: string;
    /** The server shared by files that only read (see sharedApp in ./app). */
    sharedApp: { url: string; databaseUrl: string };
    /** playwright's WebSocket endpoint of the shared Chromium. */
    chromiumEndpoint: string;
  }
}

const ROOT = join(import.meta.dirname, "..", "..");

/** Runs a script of the project with node to its end; its errors go to the terminal, and its output when `show`. */
function run(script: string, args: string[], options: { env?: Record<string, string>; show?: boolean } = {}): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", options.show ? "inherit" : "ignore", "inherit"],
  });
  return new Promise((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${script} ${args.join(" ")} exited with ${code}`)))),
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), "matlit-app-"));
  const seeded = join(dir, "seeded.db");
  const shared = join(dir, "shared.db");
  const browser = chromium.launchServer({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  let server: Server | undefined;
  const teardown = async () => {
    await Promise.all([
      server?.stop(),
      browser.then(
        (b) => b.close(),
        () => undefined,
      ),
    ]);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([
      browser,
      // `matlit setup`, as `npm start` runs it before starting the server.
      run("bin/matlit.js", ["setup"], { env: { DATABASE_URL: `file:${seeded}`, MEILISEARCH_HOST: "" } }),
      // Once for the whole run: a build while servers run from .next would pull it from under them.
      run("scripts/build-if-needed.js", [], { show: true }),
    ]);
    // The process that ran setup has closed the file, so it is whole without a -wal beside it.
    if (existsSync(`${seeded}-wal`)) throw new Error(`${seeded} was left with a write-ahead log`);
    copyFileSync(seeded, shared);
    server = await startServer(`file:${shared}`);
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide("seededDatabase", seeded);
  project.provide("sharedApp", { url: server.url, databaseUrl: `file:${shared}` });
  project.provide("chromiumEndpoint", (await browser).wsEndpoint());
  return teardown;
}

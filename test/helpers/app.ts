/**
 * End-to-end harness: the production build of the app on a free port against its own seeded
 * SQLite file, and Debian's Chromium driven by playwright-core.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { freePort } from "../../support/net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { beforeAll, afterAll } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

export interface RunningApp {
  url: string;
  databaseUrl: string;
  stop: () => Promise<void>;
}

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), "matlit-e2e-"));
  const databaseUrl = `file:${join(dir, "matlit.db")}`;
  const childEnv = { ...process.env, DATABASE_URL: databaseUrl, MEILISEARCH_HOST: "", ...env };
  execFileSync(process.execPath, [join(ROOT, "bin", "matlit.js"), "setup"], { cwd: ROOT, env: childEnv, stdio: "pipe" });
  execFileSync(process.execPath, [join(ROOT, "scripts", "build-if-needed.js")], { cwd: ROOT, env: childEnv, stdio: "inherit" });
  const port = await freePort();
  // The production server script `npm start` runs, so tests see what clients of the real server see.
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, "bin", "server.js"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout!.on("data", (d) => (output += d));
  server.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(url + "/");
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`app did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    databaseUrl,
    stop: async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

export interface BrowserSession {
  app: RunningApp;
  browser: Browser;
  page: Page;
}

/** The app and one Chromium page for the tests of a describe block: started before them, stopped after. */
export function browserSession(viewport = { width: 1280, height: 900 }): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.app = await startApp();
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage({ viewport });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.app?.stop();
  });
  return session;
}

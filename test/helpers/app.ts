/**
 * End-to-end harness: the production build of the app on seeded SQLite files, and Debian's
 * Chromium driven by playwright-core. Both are started once per run by ./app-global-setup.ts:
 * files that only read share its server; files that write, restart or configure the server start
 * their own on a copy of the seeded database.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { beforeAll, afterAll, inject } from "vitest";
import { databaseFile, isPostgresUrl } from "../../lib/db/location";
import { startServer } from "./server";
import { matlit } from "./cli";

const ROOT = join(import.meta.dirname, "..", "..");

export interface RunningApp {
  url: string;
  databaseUrl: string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** The server every read-only file shares: nothing may write to its database. */
export function sharedApp(): { url: string; databaseUrl: string } {
  return inject("sharedApp");
}

/**
 * An app of its own, for a file that writes, restarts the server or gives it other settings
 * (`env`). Its database is a copy of the seeded one in a temporary directory, or DATABASE_URL's
 * file when `env` names one: seeded the first time, used as it is after a restart. A PostgreSQL
 * DATABASE_URL is used as it is (the test prepares it).
 */
export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dir = env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), "matlit-e2e-"));
  const databaseUrl = env.DATABASE_URL ?? `file:${join(dir!, "matlit.db")}`;
  if (!isPostgresUrl(databaseUrl)) {
    const file = databaseFile(databaseUrl);
    if (!existsSync(file)) copyFileSync(inject("seededDatabase"), file);
  }
  const server = await startServer(databaseUrl, env);
  return {
    url: server.url,
    databaseUrl,
    stop: async (signal) => {
      await server.stop(signal);
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The id of a paper-form field's input: the editor derives it from the field's path ("materials[0].name"). */
export const fieldSelector = (path: string) => `#f-${path.replace(/[^a-zA-Z0-9]+/g, "-")}`;

/**
 * An editor account made with `matlit user add`, signed in on `page` through the login form, which
 * sends them on to a new paper's form (a fresh draft).
 */
export async function signInToNewPaper(page: Page, app: RunningApp, email: string, password: string): Promise<void> {
  const added = await matlit(["user", "add", email], app.databaseUrl, password + "\n");
  if (added.status !== 0) throw new Error(`matlit user add: ${added.stderr}`);
  await page.goto(app.url + "/login?next=%2Fpapers%2Fnew");
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/papers\/new\?draft=/);
}

/** A connection to the run's Chromium; closing it closes the contexts it opened. */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject("chromiumEndpoint"));
}

export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

export interface BrowserSession {
  app: { url: string };
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The shared app and a page in a fresh browser context (its own cookies and storage) for the tests
 * of a describe block; `device` adds what else the context emulates (a phone's touch).
 */
export function browserSession(viewport = { width: 1280, height: 900 }, device: { isMobile?: boolean; hasTouch?: boolean } = {}): BrowserSession {
  const session = {} as BrowserSession;
  session.app = sharedApp();
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.context = await session.browser.newContext({ viewport, ...device });
    session.page = await session.context.newPage();
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}

/** A browser session as a 390 px phone with a touch screen. */
export const phoneSession = () => browserSession({ width: 390, height: 844 }, { isMobile: true, hasTouch: true });

/** How far the page reaches past the window's width (above 0: it scrolls sideways). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

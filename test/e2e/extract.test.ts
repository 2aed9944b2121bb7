/**
 * An editor starts a paper from pasted text in real Chromium: the extractor's candidates are
 * reviewed (some accepted by keyboard, one edited, one rejected), the review survives a reload,
 * the paper is published through the form's own validation, and the new material is found with a
 * metric search and opened in a comparison.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startApp, launchBrowser, fieldSelector, signInToNewPaper, SCREENSHOTS, type RunningApp } from "../helpers/app";
import { createClient, type PrismaClient } from "../../lib/db";

const EMAIL = "reviewer@example.org";
const PASSWORD = "another good long password";
const DOI = "10.9999/matlit.e2e.extract.1";

/** Two abstracts as a researcher would paste them from a PDF: lost superscripts and all. */
const TEXT = [
  "Nitrogen-doped carbon nanofibers (N-CNFs) were prepared from polyacrylonitrile by electrospinning as anodes for sodium-ion batteries. " +
    "N-CNFs carbonized at 800 °C delivered a reversible capacity of 293 mAh g 1 at a current density of 50 mA g 1 in the first cycle. " +
    "Even though the first-cycle Coulombic efficiency was 64%, the capacity retention after 200 cycles was 93.5%.",
  "Hard carbon spheres (HCS) prepared by hydrothermal carbonization show a specific surface area of 412 m2 g 1. " +
    "The HCS electrode retains 210 mAh g 1 at 1 A g 1 and 150 mAh g 1 at 2 A g 1.",
].join("\n\n");

const f = fieldSelector;

describe("starting a paper from a text in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let prisma: PrismaClient;
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `extract-${name}.png`), fullPage: true });
  const candidates = () => page.getByTestId("review-candidates").locator("li");
  const decisions = () => candidates().evaluateAll((rows) => rows.map((r) => r.getAttribute("data-decision")));

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startApp();
    prisma = createClient(app.databaseUrl);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(15_000);
    await signInToNewPaper(page, app, EMAIL, PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await prisma?.$disconnect();
    await app?.stop(); // and removes its database
  });

  it("pastes the text and lists the candidates beside it, each marked in the text", async () => {
    await page.getByRole("button", { name: /From a text or file/ }).click();
    await page.fill("#extract-text", TEXT);
    await page.getByRole("button", { name: "Find candidates" }).click();
    await page.getByTestId("review-candidates").waitFor();
    const rows = await candidates().allTextContents();
    expect(rows.some((r) => /Specific capacity 293 mAh g⁻¹ · 50 mA g⁻¹/.test(r))).toBe(true);
    expect(rows.some((r) => /Synthesis: carbonize — 800 °C/.test(r))).toBe(true);
    expect(await page.getByTestId("review-text").locator("mark").count()).toBeGreaterThanOrEqual(rows.length);
    await shot("review");
  });

  it("accepts by keyboard, edits one, rejects one, and accepts the rest above a confidence", async () => {
    const list = page.getByTestId("review-candidates");
    const retention = candidates().filter({ hasText: /93\.5/ });
    await list.focus();
    // The first candidate is selected: accept it. Then select the retention row and reject it.
    await page.keyboard.press("a");
    expect((await decisions())[0]).toBe("accepted");
    await retention.click();
    await list.focus();
    await page.keyboard.press("r");
    expect(await retention.getAttribute("data-decision")).toBe("rejected");
    // Edit the 150 mAh g⁻¹ candidate: it was 155 in the reviewer's reading of the figure.
    const row = candidates().filter({ hasText: /150 mAh g⁻¹/ });
    await row.getByRole("button", { name: /^Edit:/ }).click();
    const amount = row.locator('input[id$="-amount"]');
    await amount.fill("155");
    await row.getByRole("button", { name: "Save and accept" }).click();
    await expect
      .poll(() =>
        candidates()
          .filter({ hasText: /155 mAh g⁻¹/ })
          .getAttribute("data-decision"),
      )
      .toBe("accepted");
    await page.selectOption("#accept-threshold", "0.8");
    await page.getByRole("button", { name: "Accept all", exact: true }).click();
    const after = await decisions();
    expect(after.filter((d) => d === "accepted").length).toBeGreaterThan(3);
    expect(await retention.getAttribute("data-decision")).toBe("rejected");
    await shot("reviewed");
  });

  it("keeps the review and what was accepted across a reload", async () => {
    const before = await decisions();
    await expect.poll(async () => (await prisma.paperDraft.findMany()).some((d) => d.json.includes('"decision":"rejected"'))).toBe(true);
    await page.reload();
    await page.getByTestId("review-candidates").waitFor();
    expect(await decisions()).toEqual(before);
  });

  it("publishes after the reviewer completes the paper's fields, and the material is found by a metric search and compared", async () => {
    await page.getByRole("button", { name: /Paper$/ }).click();
    await page.fill(f("doi"), DOI);
    await page.fill(f("title"), "Carbon nanofibers and spheres for sodium storage");
    await page.fill(f("journal"), "Journal of Test Batteries");
    await page.fill(f("year"), "2026");
    await page.fill(f("authors"), "Rosalind Franklin");
    await page.getByRole("button", { name: /Materials$/ }).click();
    expect(await page.inputValue(f("materials[0].name"))).toBe("N-CNFs");
    await page.getByRole("button", { name: "Publish paper" }).click();
    await page.waitForURL(new RegExp(`/papers/${DOI.replace(/\./g, "\\.")}$`), { timeout: 20_000 });
    await shot("published");

    const stored = await prisma.measurement.findMany({ where: { material: { paper: { doi: DOI } } }, include: { material: true } });
    const capacity = stored.find((m) => m.propertyKey === "specific_capacity" && m.value === 293)!;
    expect(capacity).toMatchObject({ unit: "mAh g-1", currentDensity: 0.05, quote: expect.stringContaining("293 mAh g 1") });
    expect(capacity.material.name).toBe("N-CNFs");
    expect(stored.some((m) => m.value === 155)).toBe(true);
    expect(stored.some((m) => m.value === 93.5)).toBe(false);

    const query = { metrics: [{ property: "specific_capacity", min: 290, max: 300, unit: "mAh/g" }] };
    await page.goto(`${app.url}/?query=${encodeURIComponent(JSON.stringify(query))}`);
    await page.locator(`[data-testid="result"][data-ref="${DOI}/n-cnfs"]`).waitFor();

    await page.goto(`${app.url}/compare?ids=${encodeURIComponent(`${DOI}/n-cnfs`)}&ids=${encodeURIComponent(`${DOI}/hcs`)}`);
    const main = page.locator("main");
    await main.getByText("N-CNFs").first().waitFor();
    expect(await main.getByText(/293/).count()).toBeGreaterThan(0);
    await shot("compare");
  });
});

/**
 * The paper form's help in Chromium: a paper without a DOI (an arXiv preprint), a measurement
 * duplicated with its property, unit and conditions, a warning when the value is not in its quote,
 * a mangled unit answered with "did you mean", a condition bounded rather than stated ("over 200
 * cycles"), plain messages, and no publishing without something measured.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { startApp, launchBrowser, fieldSelector, signInToNewPaper, SCREENSHOTS, type RunningApp } from "../helpers/app";

const EMAIL = "form@example.org";
const PASSWORD = "a form tester's password";
const f = fieldSelector;
const m0 = (k: number, field: string) => f(`materials[0].measurements[${k}].${field}`);

describe("the paper form's help, in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `form-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
    await signInToNewPaper(page, app, EMAIL, PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it("refuses to publish a paper with nothing measured, in plain words", async () => {
    await page.fill(f("identifier"), "arXiv:2501.00042");
    await page.fill(f("title"), "Sulfur hosts from a preprint");
    await page.fill(f("journal"), "arXiv");
    await page.fill(f("year"), "2025");
    await page.fill(f("authors"), "Grace Hopper");
    await page.getByRole("button", { name: "Publish paper" }).click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    expect(await summary.textContent()).toMatch(/add at least one material with one measurement before publishing/);
    expect(await page.getByText("Ready to publish").count()).toBe(0);
  });

  it("warns when the value is not in its quote, suggests the unit a mangled one stands for, and says what a negative cycle is", async () => {
    await page.getByRole("button", { name: /^\d\. Materials/ }).click();
    await page.getByRole("button", { name: "+ Add material" }).click();
    await page.fill(f("materials[0].name"), "S@HCS");
    await page.selectOption(f("materials[0].materialClass"), "sulfur host");
    await page.selectOption(f("materials[0].role"), "cathode");
    await page.selectOption(f("materials[0].batterySystem"), "Li–S");
    await page.getByRole("button", { name: /^\d\. Measurements/ }).click();
    await page.getByRole("button", { name: /^\+ Add measurement to/ }).click();
    await page.selectOption(m0(0, "property"), "specific_capacity");
    await page.fill(m0(0, "value"), "105");
    await page.fill(m0(0, "unit"), "mAh g 1");
    await page.fill(m0(0, "quote"), "S@HCS retains 150 mAh g−1 over 200 cycles at 1C");
    await page.locator(m0(0, "value")).focus();
    const row = page.getByTestId("measurement-row").first();
    expect(await row.getByTestId("quote-warning").textContent()).toMatch(/The quote does not state 105/);
    await expect.poll(() => row.getByTestId("field-error").allTextContents()).toContainEqual(expect.stringMatching(/did you mean mAh g⁻¹/));
    await page.fill(m0(0, "conditions.cycle"), "-5");
    await page.locator(m0(0, "quote")).focus();
    await expect.poll(() => row.getByTestId("field-error").allTextContents()).toContainEqual(expect.stringMatching(/must be a whole number of 0 or more/));
    await shot("warnings");
    await page.fill(m0(0, "value"), "150");
    await page.fill(m0(0, "unit"), "mAh g-1");
    expect(await row.getByTestId("quote-warning").count()).toBe(0);
  });

  it("records 'over 200 cycles' with a qualifier, and duplicates the measurement keeping property, unit and conditions", async () => {
    // The conditions are open on a new row, their usual units already filled in.
    expect(await page.inputValue(m0(0, "conditions.currentDensity.unit"))).toBe("A g-1");
    await page.fill(m0(0, "conditions.cycle"), "200");
    await page.selectOption(m0(0, "conditions.qualifiers.cycle"), ">");
    await page.fill(m0(0, "conditions.cRate"), "1");
    await page.getByRole("button", { name: /^Duplicate measurement 1 of S@HCS/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(m0(1, "value").slice(1));
    expect(await page.inputValue(m0(1, "property"))).toBe("specific_capacity");
    expect(await page.inputValue(m0(1, "unit"))).toBe("mAh g-1");
    expect(await page.inputValue(m0(1, "conditions.cycle"))).toBe("200");
    expect(await page.inputValue(m0(1, "value"))).toBe("");
    expect(await page.inputValue(m0(1, "quote"))).toBe("");
    await page.fill(m0(1, "value"), "98.5");
    await page.fill(m0(1, "conditions.cRate"), "2");
    await page.fill(m0(1, "quote"), "and 98.5 mAh g−1 at 2C");
    await shot("duplicated");
  });

  it("fits a phone: no sideways scroll on the measurements step at 390 px", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "form-phone.png"), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("publishes the preprint under its arXiv id, linked to arXiv and not to doi.org", async () => {
    await page.getByRole("button", { name: "Publish paper" }).click();
    const refused = page.getByTestId("error-summary");
    await Promise.race([page.waitForURL(/\/papers\/arxiv:2501\.00042$/, { timeout: 20_000 }), refused.waitFor({ timeout: 20_000 })]);
    expect(await refused.count(), (await refused.count()) ? ((await refused.textContent()) ?? "") : "").toBe(0);
    const identifier = page.getByTestId("paper-identifier").getByRole("link");
    expect(await identifier.getAttribute("href")).toBe("https://arxiv.org/abs/2501.00042");
    expect(await page.locator('a[href^="https://doi.org/"]').count()).toBe(0);
    await page.goto(`${app.url}/materials/arxiv:2501.00042/s-hcs`);
    expect(await page.locator("main").textContent()).toMatch(/cycle >200/);
    await shot("preprint");
  });
});

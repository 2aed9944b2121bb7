/**
 * An editor adds a paper through the forms only, in real Chromium against the production build:
 * account from the CLI, sign-in, four steps, a server restart mid-edit, publish, then the paper is
 * found with a metric filter and opened in a comparison.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Browser, Page } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startApp, launchBrowser, fieldSelector, SCREENSHOTS, type RunningApp } from "../helpers/app";
import { matlit } from "../helpers/cli";
import { createClient, type PrismaClient } from "../../lib/db";

const EMAIL = "editor@example.org";
const PASSWORD = "a good long password";
const DOI = "10.9999/matlit.e2e.2026.1";
const TITLE = "Bismuth-doped SnS₂ nanosheets for cold sodium storage";

const f = fieldSelector;

describe("adding a paper through the editor in Chromium", () => {
  let dir: string;
  let databaseUrl: string;
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let prisma: PrismaClient;

  const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `editor-${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The database lives outside the app's own temporary directory, so it outlives a restart.
    dir = mkdtempSync(join(tmpdir(), "matlit-editor-"));
    databaseUrl = `file:${join(dir, "matlit.db")}`;
    app = await startApp({ DATABASE_URL: databaseUrl });
    prisma = createClient(join(dir, "matlit.db"));
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await prisma?.$disconnect();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  type DraftState = { materials: { measurements: unknown[] }[]; paper: { title: string } };

  /** Waits until the server holds a draft for which `check` is true. */
  async function draftSaved(check: (state: DraftState) => boolean) {
    const states = async () => (await prisma.paperDraft.findMany()).map((d) => JSON.parse(d.json) as DraftState);
    await expect.poll(states, { timeout: 15_000 }).toSatisfy((saved: DraftState[]) => saved.some(check));
  }

  async function addMeasurement(
    mi: number,
    ki: number,
    m: {
      property: string;
      /** A single value, or a range [min, max] as the paper prints it. */
      value: string | { min: string; max: string; reported: string };
      unit: string;
      quote: string;
      temperature?: [string, string];
      current?: [string, string];
      cycle?: string;
    },
  ) {
    await page.getByRole("button", { name: /^\+ Add measurement to/ }).click();
    const p = `materials[${mi}].measurements[${ki}]`;
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(f(p + ".property").slice(1));
    await page.selectOption(f(p + ".property"), m.property);
    if (typeof m.value === "string") await page.fill(f(p + ".value"), m.value);
    else {
      // The value/range switch is a radio group: an arrow key moves from "a value" to "a range".
      await page.focus(f(p + ".given") + "-value");
      await page.keyboard.press("ArrowRight");
      expect(await page.isChecked(f(p + ".given") + "-range")).toBe(true);
      expect(await page.locator(f(p + ".value")).count()).toBe(0);
      await page.fill(f(p + ".min"), m.value.min);
      await page.fill(f(p + ".max"), m.value.max);
      await page.fill(f(p + ".reported"), m.value.reported);
    }
    await page.fill(f(p + ".unit"), m.unit);
    await page.fill(f(p + ".quote"), m.quote);
    if (m.temperature || m.current || m.cycle) {
      const row = page.getByTestId("measurement-row").nth(ki);
      const details = row.locator("details");
      if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await row.locator("summary").click();
      if (m.temperature) {
        await page.fill(f(p + ".conditions.temperature.value"), m.temperature[0]);
        await page.fill(f(p + ".conditions.temperature.unit"), m.temperature[1]);
      }
      if (m.current) {
        await page.fill(f(p + ".conditions.currentDensity.value"), m.current[0]);
        await page.fill(f(p + ".conditions.currentDensity.unit"), m.current[1]);
      }
      if (m.cycle) await page.fill(f(p + ".conditions.cycle"), m.cycle);
    }
  }

  it("creates an editor account with the CLI", async () => {
    const r = await matlit(["user", "add", EMAIL], databaseUrl, PASSWORD + "\n");
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/created editor editor@example.org/);
  });

  it("sends an anonymous visitor of Add paper to sign in, and back", async () => {
    await page.goto(app.url + "/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Add paper" }).click();
    await page.waitForURL(/\/login\?next=%2Fpapers%2Fnew$/);
    await page.fill("#email", EMAIL);
    await page.fill("#password", "not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/login\?error=/);
    expect(await page.getByTestId("login-error").textContent()).toBe("wrong e-mail or password");
    await page.fill("#password", PASSWORD);
    await shot("login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/papers\/new\?draft=[0-9a-f-]{36}$/);
    expect(await page.getByTestId("signed-in-as").textContent()).toBe(EMAIL);
    expect(await page.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
  });

  it("fills in the paper, flagging a DOI that is already known", async () => {
    await page.fill(f("doi"), "10.1007/s40820-025-01858-2");
    const conflict = page.getByTestId("doi-conflict");
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/already in the knowledge base/);
    expect(await conflict.getByRole("link").first().getAttribute("href")).toBe("/papers/10.1007/s40820-025-01858-2");
    await shot("doi-conflict");
    await page.fill(f("doi"), DOI);
    await conflict.waitFor({ state: "detached" });
    await page.fill(f("title"), TITLE);
    await page.fill(f("journal"), "Journal of Test Batteries");
    await page.fill(f("year"), "2026");
    await page.fill(f("volume"), "12");
    await page.fill(f("authors"), "Ada Lovelace\nMarie Curie");
    await page.fill(f("keywords"), "sodium-ion\nlow temperature");
    await page.getByText(/^Formulas the paper uses/).click();
    await page.getByLabel("Capacity retention", { exact: true }).check();
    await shot("paper");
    await page.getByRole("button", { name: /^Next: Materials/ }).click();
  });

  it("adds two materials, the key following the name", async () => {
    const materials = [
      { name: "Bi-SnS₂ NS", formula: "Bi0.05Sn0.95S2", role: "anode", system: "sodium-ion", cls: "conversion-type sulfide" },
      { name: "SnS₂ control", formula: "SnS2", role: "anode", system: "sodium-ion", cls: "conversion-type sulfide" },
    ];
    for (const [i, m] of materials.entries()) {
      await page.getByRole("button", { name: "+ Add material" }).click();
      const p = `materials[${i}]`;
      await page.fill(f(p + ".name"), m.name);
      await page.fill(f(p + ".formula"), m.formula);
      await page.selectOption(f(p + ".role"), m.role);
      await page.selectOption(f(p + ".batterySystem"), m.system);
      await page.selectOption(f(p + ".materialClass"), m.cls);
    }
    expect(await page.inputValue(f("materials[0].key"))).toBe("bi-sns2-ns");
    expect(await page.inputValue(f("materials[1].key"))).toBe("sns2-control");
    await page.getByTestId("material-row").nth(1).getByLabel("Control (not the paper's main material)").check();
    await shot("materials");
    await page.getByRole("button", { name: /^Next: Synthesis steps/ }).click();
    await page.getByRole("button", { name: /^\+ Add synthesis step to Bi-SnS₂ NS/ }).click();
    await page.fill(f("materials[0].synthesis[0].action"), "solvothermal");
    await page.fill(f("materials[0].synthesis[0].temperature.value"), "180");
    await page.fill(f("materials[0].synthesis[0].temperature.unit"), "°C");
    await page.fill(f("materials[0].synthesis[0].duration.value"), "720");
    await page.fill(f("materials[0].synthesis[0].duration.unit"), "min");
    expect(await page.getByTestId("step-row").first().getByTestId("canonical").nth(1).textContent()).toBe("= 12 h");
    await page.fill(f("materials[0].synthesis[0].reagents"), "SnCl4·5H2O | 2 mmol\nthioacetamide | 8 mmol");
    await page.getByRole("button", { name: /^Next: Measurements/ }).click();
  });

  it("adds measurements in paper notation and shows canonical values as one types", async () => {
    await addMeasurement(0, 0, {
      property: "specific_capacity",
      value: "0.3125",
      unit: "Ah g-1",
      quote: "delivers 312.5 mAh g−1 at 0.1 A g−1 and −25 °C",
      temperature: ["−25", "°C"],
      current: ["100", "mA g-1"],
      cycle: "100",
    });
    const row = page.getByTestId("measurement-row").first();
    expect(await row.getByTestId("canonical").first().textContent()).toBe("= 312.5 mAh g⁻¹ (canonical)");
    expect(await row.getByTestId("canonical").nth(1).textContent()).toBe("= 0.1 A g⁻¹");
    // A unit that does not fit its property says so next to the field once it is left.
    await page.fill(f("materials[0].measurements[0].unit"), "mS cm-1");
    await page.locator(f("materials[0].measurements[0].quote")).focus();
    await expect.poll(() => row.getByTestId("field-error").first().textContent()).toMatch(/unit "mS cm-1" does not fit Specific capacity/);
    expect(await row.getByTestId("canonical").first().textContent()).toBe(""); // said once, next to the field
    await shot("unit-error");
    await page.fill(f("materials[0].measurements[0].unit"), "Ah g-1");
    await addMeasurement(0, 1, { property: "initial_coulombic_efficiency", value: "71.2", unit: "%", quote: "an initial coulombic efficiency of 71.2%" });
    await addMeasurement(0, 2, {
      property: "capacity_retention",
      value: "91",
      unit: "%",
      quote: "91% of the capacity is retained after 500 cycles",
      cycle: "500",
    });
    await draftSaved((s) => s.materials[0]?.measurements.length === 3);
  });

  it("keeps the draft across a server restart", async () => {
    const draftUrl = new URL(page.url());
    const draftId = draftUrl.searchParams.get("draft")!;
    await app.stop();
    app = await startApp({ DATABASE_URL: databaseUrl });
    // A closed tab comes back through "Your drafts".
    await page.goto(app.url + "/papers/new");
    const link = page.getByTestId("draft-list").getByRole("link", { name: TITLE });
    expect(await link.getAttribute("href")).toBe(`/papers/new?draft=${draftId}`);
    await link.click();
    await page.waitForURL(new RegExp(`draft=${draftId}$`));
    expect(await page.inputValue(f("title"))).toBe(TITLE);
    expect(await page.getByTestId("save-status").textContent()).toMatch(/^Draft saved/);
    await page.getByRole("button", { name: /Measurements$/ }).click();
    expect(await page.getByTestId("measurement-row").count()).toBe(3);
    expect(await page.inputValue(f("materials[0].measurements[0].value"))).toBe("0.3125");
    expect(await page.inputValue(f("materials[0].measurements[0].conditions.temperature.value"))).toBe("−25");
  });

  it("reorders rows with the keyboard", async () => {
    await page.getByRole("button", { name: "Move measurement 3 of Bi-SnS₂ NS up" }).focus();
    await page.keyboard.press("Enter");
    const properties = () => page.getByTestId("measurement-row").evaluateAll((rows) => rows.map((r) => (r.querySelector("select") as HTMLSelectElement).value));
    expect(await properties()).toEqual(["specific_capacity", "capacity_retention", "initial_coulombic_efficiency"]);
    // Focus follows the moved row, so pressing again moves it further.
    await page.keyboard.press("Enter");
    expect(await properties()).toEqual(["capacity_retention", "specific_capacity", "initial_coulombic_efficiency"]);
    await page.getByRole("button", { name: "Move measurement 1 of Bi-SnS₂ NS down" }).press("Enter");
    expect(await properties()).toEqual(["specific_capacity", "capacity_retention", "initial_coulombic_efficiency"]);
  });

  it("shows every missing field before publishing, next to the field", async () => {
    await page.selectOption("#material-picker", "1");
    await page.getByRole("button", { name: /^\+ Add measurement to SnS₂ control/ }).click();
    await page.getByRole("button", { name: "Publish paper" }).click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    // Each problem names its field in words, not the record's path.
    expect(await summary.textContent()).toMatch(/SnS₂ control, measurement 1, property/);
    expect(await summary.textContent()).toMatch(/SnS₂ control, measurement 1, quote: must not be empty/);
    await expect.poll(() => page.getByTestId("measurement-row").first().getByTestId("field-error").count()).toBeGreaterThan(1);
    await shot("errors");
    await page.getByRole("button", { name: "Remove measurement 1 of SnS₂ control" }).click();
    await page.getByRole("button", { name: "Undo" }).click();
    expect(await page.getByTestId("measurement-row").count()).toBe(1);
    await page.selectOption(f("materials[1].measurements[0].property"), "specific_capacity");
    await page.fill(f("materials[1].measurements[0].value"), "201");
    await page.fill(f("materials[1].measurements[0].unit"), "mA h g^-1");
    await page.fill(f("materials[1].measurements[0].quote"), "bare SnS₂ retains only 201 mA h g^-1");
    await addMeasurement(1, 1, { property: "initial_coulombic_efficiency", value: "58", unit: "%", quote: "an ICE of 58%" });
    await addMeasurement(1, 2, {
      property: "capacity_retention",
      value: { min: "80", max: "85", reported: "80–85%" },
      unit: "%",
      quote: "bare SnS₂ retains 80–85% of its capacity after 200 cycles",
    });
    expect(await page.getByTestId("measurement-row").nth(2).getByTestId("canonical").first().textContent()).toBe("= 80 % to 85 % (canonical)");
    await expect.poll(() => page.getByText(/field\(s\) to fix before publishing/).count()).toBe(0);
    await shot("measurements");
  });

  it("publishes, with the revision naming the editor", async () => {
    await page.getByRole("button", { name: "Publish paper" }).click();
    await page.waitForURL(new RegExp(`/papers/${DOI.replace(/\./g, "\\.")}$`));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    expect(await page.getByRole("table").first().locator("tbody tr").count()).toBe(2);
    const revision = page.getByTestId("revision").first();
    expect(await revision.getByTestId("revision-user").textContent()).toBe(EMAIL);
    expect(await revision.textContent()).toMatch(/^Created by/);
    expect(await page.getByRole("link", { name: "Edit", exact: true }).getAttribute("href")).toBe(`/papers/edit/${DOI}`);
    await shot("published");
    expect(await prisma.paperDraft.count()).toBe(0);
    const measurements = await prisma.measurement.findMany({
      where: { material: { paper: { doi: DOI } } },
      orderBy: [{ materialId: "asc" }, { position: "asc" }],
    });
    // A single value is held as a range of one number: both canonical ends equal.
    expect(measurements.map((m) => [m.propertyKey, m.value, m.unit, m.canonicalMin, m.canonicalMax])).toEqual([
      ["specific_capacity", 0.3125, "Ah g-1", 312.5, 312.5],
      ["capacity_retention", 91, "%", 91, 91],
      ["initial_coulombic_efficiency", 71.2, "%", 71.2, 71.2],
      ["specific_capacity", 201, "mA h g^-1", 201, 201],
      ["initial_coulombic_efficiency", 58, "%", 58, 58],
      ["capacity_retention", null, "%", 80, 85],
    ]);
    expect(measurements[0]).toMatchObject({ temperature: -25, temperatureMax: -25, currentDensity: 0.1, cycle: 100, scope: "material", source: "stated" });
    expect(measurements[5]).toMatchObject({ value: null, min: 80, max: 85, reported: "80–85%" });
  });

  it("finds the new material on the search page with a metric filter", async () => {
    const query = { q: "SnS2", metrics: [{ property: "specific_capacity", min: 300, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }] };
    await page.goto(`${app.url}/?query=${encodeURIComponent(JSON.stringify(query))}`);
    const hit = page.locator(`[data-testid="result"][data-ref="${DOI}/bi-sns2-ns"]`);
    await hit.waitFor();
    expect(await hit.getByTestId("matched-measurement").first().textContent()).toMatch(/312\.5/);
    // The control (201 mAh g⁻¹, no temperature) does not meet the clause.
    expect(await page.locator(`[data-testid="result"][data-ref="${DOI}/sns2-control"]`).count()).toBe(0);
    await shot("search");
  });

  it("opens the two materials in a comparison", async () => {
    await page.goto(`${app.url}/compare?ids=${encodeURIComponent(`${DOI}/bi-sns2-ns`)}&ids=${encodeURIComponent(`${DOI}/sns2-control`)}`);
    const main = page.locator("main");
    await main.getByText("SnS₂ control").first().waitFor();
    expect(await main.getByText("Bi-SnS₂ NS").count()).toBeGreaterThan(0);
    expect(await main.getByText(/312\.5/).count()).toBeGreaterThan(0);
    await shot("compare");
  });

  it("edits the published paper and records before and after", async () => {
    await page.goto(`${app.url}/papers/edit/${DOI}`);
    await page.waitForURL(/\/papers\/edit\/.+\?draft=/);
    expect(await page.inputValue(f("title"))).toBe(TITLE);
    await page.fill(f("volume"), "13");
    await page.getByRole("button", { name: "Publish changes" }).click();
    await page.waitForURL(new RegExp(`/papers/${DOI.replace(/\./g, "\\.")}$`));
    const latest = page.getByTestId("revision").first();
    expect(await latest.textContent()).toMatch(/^Edited by editor@example\.org/);
    await latest.locator("summary").click();
    const row = latest.locator("tbody tr").filter({ hasText: "volume" });
    expect(await row.locator("td").allTextContents()).toEqual(["volume", "12", "13"]);
    await shot("history");
  });
});

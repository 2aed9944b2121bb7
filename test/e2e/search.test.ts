import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { browserSession, launchBrowser, phoneSession, sidewaysScroll, SCREENSHOTS, startApp, type RunningApp } from "../helpers/app";
import { matlit } from "../helpers/cli";
import { NANOFIBRES, nanofibreFile } from "../helpers/records";

/** The `query` parameter of the page's URL, parsed. */
function urlQuery(page: Page): Record<string, unknown> | null {
  const raw = new URL(page.url()).searchParams.get("query");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : null;
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[data-testid="search-results"][data-hydrated]')?.getAttribute("aria-busy") === "false");
}

/**
 * Waits until the URL's query satisfies `check`, then until the page shows what the API answers
 * for that query: the same materials with as many matched measurements each.
 */
async function waitForQuery(page: Page, check: (q: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  await expect.poll(() => urlQuery(page), { timeout: 10_000 }).toSatisfy((q: Record<string, unknown> | null) => q !== null && check(q));
  const query = urlQuery(page)!;
  const answer = (await (await fetch(new URL(`/api/search?query=${encodeURIComponent(JSON.stringify(query))}`, page.url()))).json()) as {
    materials: { ref: string; matched: unknown[] }[];
  };
  await page.waitForFunction(
    (expected) => {
      const results = document.querySelector('[data-testid="search-results"][data-hydrated]');
      const shown = [...(results?.querySelectorAll('[data-testid="result"]') ?? [])].map(
        (r) => `${r.getAttribute("data-ref")} ${r.querySelectorAll('[data-testid="matched-measurement"]').length}`,
      );
      return results?.getAttribute("aria-busy") === "false" && JSON.stringify(shown) === JSON.stringify(expected);
    },
    answer.materials.map((m) => `${m.ref} ${m.matched.length}`),
  );
  return query;
}

function result(page: Page, name: string): Locator {
  return page.getByTestId("result").filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
}

describe("searching the knowledge base in Chromium", () => {
  const ui = browserSession();
  let sharedUrl = "";

  it("shows every material, the facets and the papers before anything is typed", async () => {
    await ui.page.goto(ui.app.url + "/");
    await settled(ui.page);
    expect(await ui.page.getByRole("searchbox", { name: /Search materials/ }).inputValue()).toBe("");
    expect(await ui.page.getByRole("heading", { level: 2, name: /^\d+ materials$/ }).textContent()).toMatch(/^9\d materials$/);
    expect(await ui.page.getByTestId("result").count()).toBe(20);
    expect(await ui.page.getByRole("navigation", { name: "Pagination" }).isVisible()).toBe(true);
    for (const legend of ["Battery system", "Role", "Material class", "Year", "Journal", "Measured property"]) {
      expect(await ui.page.getByRole("group", { name: legend, exact: true }).count()).toBe(1);
    }
    expect(await ui.page.getByRole("checkbox", { name: /^anode \d+$/ }).isVisible()).toBe(true);
    expect(await ui.page.getByRole("list", { name: "Papers" }).locator(":scope > li").count()).toBe(5);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-home.png"), fullPage: false });
  });

  it("types, ticks a facet and builds a metric filter; the URL carries it all", async () => {
    const box = ui.page.getByRole("searchbox", { name: /Search materials/ });
    await box.click();
    await box.pressSequentially("FeS2", { delay: 60 });
    await waitForQuery(ui.page, (q) => q.q === "FeS2");
    expect(await result(ui.page, "FeS₂ QD/MXene").count()).toBe(1);
    const withText = await ui.page.getByTestId("result").count();

    await ui.page
      .getByRole("group", { name: "Role", exact: true })
      .getByRole("checkbox", { name: /^anode \d+$/ })
      .check();
    await waitForQuery(ui.page, (q) => JSON.stringify(q.facets) === JSON.stringify({ role: ["anode"] }));
    for (const role of await ui.page.getByTestId("hit-role").allTextContents()) expect(role).toBe("anode");
    expect(await ui.page.getByTestId("result").count()).toBeLessThanOrEqual(withText);

    await ui.page.getByRole("button", { name: "+ Add metric filter" }).click();
    const clause = ui.page.getByRole("group", { name: "Metric filter 1" });
    const property = clause.getByRole("combobox", { name: "Property" });
    expect(await property.evaluate((el) => el === document.activeElement)).toBe(true); // focus moved to the new filter
    await property.selectOption("specific_capacity");
    await clause.getByLabel("At least (specific capacity)").fill("250");
    expect(await clause.getByLabel("Unit for specific capacity").locator("option").allTextContents()).toEqual(["mAh g⁻¹", "Ah kg⁻¹"]);
    await clause.getByRole("combobox", { name: /^Add condition/ }).selectOption("temperature");
    const temperature = clause.getByRole("group", { name: "Temperature condition" });
    expect(await temperature.getByLabel("At least (temperature)").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await temperature.getByLabel("Unit for temperature").locator("option").allTextContents()).toEqual(["°C", "K", "°F"]);
    await temperature.getByLabel("At most (temperature)").fill("-20");
    await temperature.getByLabel("Unit for temperature").selectOption("degC");
    const q = await waitForQuery(ui.page, (q) => JSON.stringify(q.metrics ?? []).includes('"temperature"'));
    expect(q).toEqual({
      q: "FeS2",
      facets: { role: ["anode"] },
      metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }],
    });

    const hit = result(ui.page, "FeS₂ QD/MXene");
    expect(await hit.count()).toBe(1);
    expect(await hit.getByRole("link", { name: "FeS₂ QD/MXene" }).getAttribute("href")).toBe("/materials/10.1007/s40820-025-01858-2/fes2-qd-mxene");
    expect(await hit.getByTestId("hit-system").textContent()).toBe("sodium-ion");
    const cold = hit.getByTestId("matched-measurement").filter({ hasText: "255.2 mAh g⁻¹" });
    expect(await cold.count()).toBe(1);
    expect(await cold.textContent()).toContain("−35 °C");
    expect(await cold.textContent()).toContain("0.1 A g⁻¹");
    // Every matched measurement meets the clause: ≥ 250 mAh g⁻¹ and at −20 °C or colder.
    for (const text of await ui.page.getByTestId("matched-measurement").allTextContents()) {
      expect(Number(/([\d.]+) mAh g⁻¹/.exec(text)?.[1])).toBeGreaterThanOrEqual(250);
      expect(Number(/([−-]\d+) °C/.exec(text)?.[1]?.replace("−", "-"))).toBeLessThanOrEqual(-20);
    }
    // The quote opens from the keyboard.
    await cold.getByText("Quote").focus();
    await ui.page.keyboard.press("Enter");
    expect(await cold.locator("blockquote").isVisible()).toBe(true);
    expect(await cold.locator("blockquote").textContent()).toContain("255.2");
    sharedUrl = ui.page.url();
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-filtered.png"), fullPage: true });
    await ui.page.evaluate(() => window.scrollTo(0, 230));
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-filtered-view.png") });
  });

  it("renders a shared URL on the server and restores the same results and controls on reload", async () => {
    const html = await (await fetch(sharedUrl)).text();
    expect(html).toContain("FeS₂ QD/MXene");
    expect(html).toContain("255.2 mAh g⁻¹");

    const before = await ui.page.getByTestId("result").evaluateAll((els) => els.map((e) => e.getAttribute("data-ref")));
    await ui.page.reload();
    await settled(ui.page);
    expect(ui.page.url()).toBe(sharedUrl);
    expect(await ui.page.getByTestId("result").evaluateAll((els) => els.map((e) => e.getAttribute("data-ref")))).toEqual(before);
    expect(await ui.page.getByRole("searchbox", { name: /Search materials/ }).inputValue()).toBe("FeS2");
    expect(
      await ui.page
        .getByRole("group", { name: "Role", exact: true })
        .getByRole("checkbox", { name: /^anode \d+$/ })
        .isChecked(),
    ).toBe(true);
    const clause = ui.page.getByRole("group", { name: "Metric filter 1" });
    expect(await clause.getByRole("combobox", { name: "Property" }).inputValue()).toBe("specific_capacity");
    expect(await clause.getByLabel("At least (specific capacity)").inputValue()).toBe("250");
    expect(await clause.getByLabel("Unit for specific capacity").inputValue()).toBe("mAh/g");
    const temperature = clause.getByRole("group", { name: "Temperature condition" });
    expect(await temperature.getByLabel("At most (temperature)").inputValue()).toBe("-20");
    expect(await temperature.getByLabel("Unit for temperature").inputValue()).toBe("degC");
    const cold = result(ui.page, "FeS₂ QD/MXene").getByTestId("matched-measurement").filter({ hasText: "255.2 mAh g⁻¹" });
    expect(await cold.textContent()).toContain("−35 °C");
  });

  it("goes back one step in history to the search before the temperature bound", async () => {
    await ui.page.goBack();
    await waitForQuery(ui.page, (q) => !JSON.stringify(q).includes("temperature"));
    expect(urlQuery(ui.page)).toEqual({ q: "FeS2", facets: { role: ["anode"] }, metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g" }] });
    const clause = ui.page.getByRole("group", { name: "Metric filter 1" });
    expect(await clause.getByLabel("At least (specific capacity)").inputValue()).toBe("250");
    expect(await clause.getByRole("group", { name: "Temperature condition" }).count()).toBe(0);
    expect(await ui.page.getByRole("searchbox", { name: /Search materials/ }).inputValue()).toBe("FeS2");
    // Without the temperature bound, room-temperature capacities match too.
    const hit = result(ui.page, "FeS₂ QD/MXene");
    expect(await hit.getByTestId("matched-measurement").count()).toBeGreaterThan(0);
    expect((await hit.getByTestId("matched-measurement").allTextContents()).some((t) => !t.includes("−35 °C"))).toBe(true);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-back.png"), fullPage: false });
  });

  it("filters by elements on the periodic table, with both modes", async () => {
    await ui.page.goto(ui.app.url + "/");
    await settled(ui.page);
    await ui.page.getByRole("button", { name: /^Elements/ }).click();
    const table = ui.page.getByRole("group", { name: "Periodic table" });
    await table.getByRole("button", { name: /^Iron \(Fe\)/ }).click();
    await waitForQuery(ui.page, (q) => JSON.stringify(q.facets) === JSON.stringify({ elements: { all: ["Fe"] } }));
    await table.getByRole("button", { name: /^Sulfur \(S\)/ }).click();
    await waitForQuery(ui.page, (q) => JSON.stringify(q.facets) === JSON.stringify({ elements: { all: ["Fe", "S"] } }));
    expect(await table.getByRole("button", { name: /^Iron \(Fe\)/ }).getAttribute("aria-pressed")).toBe("true");
    expect(await result(ui.page, "FeS₂ QD/MXene").count()).toBe(1);
    // Elements absent from the knowledge base are not buttons.
    expect(await table.getByRole("button", { name: /^Uranium/ }).count()).toBe(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-elements.png"), fullPage: false });

    await ui.page.getByRole("radio", { name: "Contains only" }).check();
    await waitForQuery(ui.page, (q) => JSON.stringify(q.facets) === JSON.stringify({ elements: { only: ["Fe", "S"] } }));
    // FeS₂ QD/MXene also holds Ti, C and O: "only Fe and S" excludes it.
    expect(await result(ui.page, "FeS₂ QD/MXene").count()).toBe(0);
  });

  it("sorts by a metric and pages through the results", async () => {
    await ui.page.goto(ui.app.url + "/");
    await settled(ui.page);
    await ui.page.getByRole("combobox", { name: "Sort by" }).selectOption("specific_capacity");
    await waitForQuery(ui.page, (q) => JSON.stringify(q.sort) === JSON.stringify({ property: "specific_capacity", order: "desc" }));
    const shown = await ui.page.getByTestId("matched-measurement").allTextContents();
    const firstValues = shown.map((t) => Number(/([\d.]+) mA ?h g⁻¹/.exec(t)?.[1])).filter((n) => !Number.isNaN(n));
    expect(firstValues.length).toBeGreaterThan(1);

    await ui.page.goto(ui.app.url + "/");
    await settled(ui.page);
    const pager = ui.page.getByRole("navigation", { name: "Pagination" });
    const firstPage = await ui.page.getByTestId("result").first().getAttribute("data-ref");
    await pager.getByRole("link", { name: "Page 2" }).click();
    await waitForQuery(ui.page, (q) => q.page === 2);
    expect(await pager.getByRole("link", { name: "Page 2" }).getAttribute("aria-current")).toBe("page");
    expect(await ui.page.getByTestId("result").first().getAttribute("data-ref")).not.toBe(firstPage);
    await ui.page.goBack();
    await settled(ui.page);
    expect(new URL(ui.page.url()).search).toBe("");
    expect(await ui.page.getByTestId("result").first().getAttribute("data-ref")).toBe(firstPage);
  });

  it("reads ranges by overlap or containment, and other scopes on request", async () => {
    const query = { metrics: [{ property: "diffusion_coefficient", min: 1e-9, unit: "cm^2/s" }] };
    await ui.page.goto(ui.app.url + "/?query=" + encodeURIComponent(JSON.stringify(query)));
    await settled(ui.page);
    const heo = ui.page.locator('[data-testid="result"][data-ref="10.1007/s40820-023-01232-0/na095-lncfm"]');
    expect(await heo.getByTestId("matched-measurement").first().textContent()).toMatch(/6\.445 × 10⁻¹¹–2\.527 × 10⁻⁹.*range/);

    const clause = ui.page.getByRole("group", { name: "Metric filter 1" });
    await clause.getByLabel("A number stated as a range counts when it").selectOption("within");
    await waitForQuery(ui.page, (q) => (q.metrics as { ranges?: string }[])[0]?.ranges === "within");
    expect(await heo.count()).toBe(0);

    await ui.page.getByRole("checkbox", { name: "calculated models" }).check();
    await waitForQuery(ui.page, (q) => JSON.stringify(q.scope) === JSON.stringify(["material", "model"]));
    expect(await ui.page.locator('[data-testid="matched-measurement"]').filter({ hasText: "model" }).count()).toBeGreaterThan(0);
  });

  it("shows suggestions when nothing matches and the API's message when the query is wrong", async () => {
    await ui.page.goto(ui.app.url + "/?q=zzzxqqnotamaterial");
    // The short form is rewritten to the JSON form the page writes.
    expect(await waitForQuery(ui.page, (q) => q.q === "zzzxqqnotamaterial")).toEqual({ q: "zzzxqqnotamaterial" });
    const empty = ui.page.getByTestId("empty-state");
    expect(await empty.isVisible()).toBe(true);
    await empty.getByRole("button", { name: /Search everything instead of/ }).click();
    await settled(ui.page);
    expect(await ui.page.getByTestId("result").count()).toBeGreaterThan(0);
    await ui.page.goto(ui.app.url + "/?q=zzzxqqnotamaterial");
    await settled(ui.page);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-empty.png"), fullPage: false });

    const bad = { metrics: [{ property: "specific_capacity", min: 250, unit: "V" }] };
    await ui.page.goto(ui.app.url + "/?query=" + encodeURIComponent(JSON.stringify(bad)));
    await settled(ui.page);
    const alert = ui.page.getByTestId("search-error");
    expect(await alert.getAttribute("role")).toBe("alert");
    expect(await alert.textContent()).toContain('"V" is not a unit of specific capacity');
    expect(await alert.textContent()).toContain("metrics[0].unit");
    await ui.page.screenshot({ path: join(SCREENSHOTS, "search-error.png"), fullPage: false });
  });

  it("is usable from the keyboard: the search box, a facet and the element table take focus", async () => {
    await ui.page.goto(ui.app.url + "/");
    await settled(ui.page);
    await ui.page.keyboard.press("Tab"); // skip link
    await ui.page.keyboard.press("Tab"); // brand
    let name = "";
    for (let i = 0; i < 10 && name !== "INPUT:search"; i++) {
      await ui.page.keyboard.press("Tab");
      name = await ui.page.evaluate(() => `${document.activeElement?.tagName}:${(document.activeElement as HTMLInputElement).type}`);
    }
    expect(name).toBe("INPUT:search");
    await ui.page.keyboard.type("sodium");
    await waitForQuery(ui.page, (q) => q.q === "sodium");
    const anode = ui.page.getByRole("group", { name: "Role", exact: true }).getByRole("checkbox", { name: /^anode \d+$/ });
    await anode.focus();
    await ui.page.keyboard.press("Space");
    await waitForQuery(ui.page, (q) => JSON.stringify(q.facets) === JSON.stringify({ role: ["anode"] }));
    const outline = await anode.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
  });
});

describe("finding abbreviations, reagents and dopants in Chromium", () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    // A paper of its own on an app of its own: the text cases must hold for records the seed does not have.
    app = await startApp();
    dir = mkdtempSync(join(tmpdir(), "matlit-search-e2e-"));
    const file = join(dir, "nanofibres.json");
    writeFileSync(file, JSON.stringify(nanofibreFile()));
    const run = await matlit(["import", file], app.databaseUrl);
    expect(run.status, run.stderr).toBe(0);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const search = async (q: string) => {
    await page.goto(`${app.url}/?q=${encodeURIComponent(q)}`);
    await waitForQuery(page, (query) => query.q === q);
  };

  it("finds O3-Na₀.₉₅LNCFM by its abbreviation LNCFM", async () => {
    await search("LNCFM");
    expect(await result(page, "O3-Na₀.₉₅Li₀.₀₆Ni₀.₂₅Cu₀.₀₅Fe₀.₁₅Mn₀.₄₉O₂ (Na₀.₉₅LNCFM)").count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "search-abbreviation.png"), fullPage: false });
  });

  it("finds the N-CNFs made from polyacrylonitrile (PAN) by PAN", async () => {
    await search("PAN");
    expect(await result(page, NANOFIBRES).count()).toBe(1);
  });

  it("finds Nitrogen-doped materials by N-doped carbon", async () => {
    await search("N-doped carbon");
    expect(await result(page, NANOFIBRES).count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "search-dopant.png"), fullPage: false });
  });
});

describe("searching on a phone (390 px) in Chromium", () => {
  const phone = phoneSession();
  const sideways = () => sidewaysScroll(phone.page);

  it("shows results first, without scrolling sideways, the filters a tap away", async () => {
    await phone.page.goto(phone.app.url + "/");
    await settled(phone.page);
    expect(await sideways()).toBeLessThanOrEqual(0);
    const results = phone.page.getByTestId("search-results");
    const facets = phone.page.getByRole("group", { name: "Role", exact: true });
    const firstResult = phone.page.getByTestId("result").first();
    expect((await firstResult.boundingBox())!.y).toBeLessThan(844);
    expect(await facets.isVisible()).toBe(false);
    await phone.page.getByTestId("filters-toggle").tap();
    expect(await facets.isVisible()).toBe(true);
    expect(await sideways()).toBeLessThanOrEqual(0);
    // Opened, the filters still come after the toggle and the results after them; closed again, the results are first.
    await phone.page.getByRole("button", { name: /^Show \d+ materials$/ }).tap();
    expect(await facets.isVisible()).toBe(false);
    expect((await results.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "search-phone.png"), fullPage: true });
  });

  it("keeps a matched measurement's conditions on one readable line and opens its quote on a tap", async () => {
    await phone.page.goto(phone.app.url + "/?query=" + encodeURIComponent(JSON.stringify({ sort: { property: "specific_capacity", order: "desc" } })));
    await settled(phone.page);
    expect(await sideways()).toBeLessThanOrEqual(0);
    const matched = phone.page.getByTestId("matched-measurement").filter({ hasText: "S 5.4 mg cm⁻²" }).first();
    const conditions = matched.getByText(/S 5\.4 mg cm⁻²/);
    // One line is about 20 px: one word a line would be several times that.
    expect((await conditions.boundingBox())!.height).toBeLessThan(45);
    const quote = matched.locator("blockquote");
    expect(await quote.isVisible()).toBe(false);
    await matched.locator("summary").tap();
    expect(await quote.isVisible()).toBe(true);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "search-sorted-phone.png"), fullPage: false });
  });
});

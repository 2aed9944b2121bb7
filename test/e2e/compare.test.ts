import { describe, it, expect } from "vitest";
import type { Locator, Page } from "playwright-core";
import { join } from "node:path";
import { browserSession, SCREENSHOTS } from "../helpers/app";

const QD = "10.1007/s40820-025-01858-2/fes2-qd-mxene";
const BULK = "10.1007/s40820-025-01858-2/fes2-mxene";
const SB = "10.1002/smtd.202100188/sbqd-c";

const ids = (page: Page) => new URL(page.url()).searchParams.getAll("ids");

async function waitForIds(page: Page, expected: string[]) {
  await page.waitForFunction((want) => JSON.stringify(new URL(location.href).searchParams.getAll("ids")) === JSON.stringify(want), expected);
  await page
    .getByTestId("selected-material")
    .nth(expected.length - 1)
    .waitFor();
}

function row(page: Page, property: string, conditions: string): Locator {
  return page.locator(`tbody[data-property="${property}"] [data-testid="compare-row"][data-conditions="${conditions}"]`).first();
}

describe("comparing electrodes in Chromium", () => {
  const ui = browserSession({ width: 1400, height: 1000 });

  it("starts from search: FeS2 → material page → Add to compare", async () => {
    await ui.page.goto(ui.app.url + "/");
    const box = ui.page.getByRole("searchbox", { name: /Search materials/ });
    await box.click();
    await box.pressSequentially("FeS2", { delay: 40 });
    // The search page commits the query to the URL, then its results arrive.
    await ui.page.waitForFunction(() => JSON.parse(new URL(location.href).searchParams.get("query") ?? "{}").q === "FeS2");
    await ui.page.waitForFunction(() => document.querySelector('[data-testid="search-results"][data-hydrated]')?.getAttribute("aria-busy") === "false");
    const link = ui.page.getByTestId("result").getByRole("link", { name: "FeS₂ QD/MXene", exact: true });
    await link.waitFor();
    await link.click();
    await ui.page.waitForURL(/\/materials\/10\.1007\/s40820-025-01858-2\/fes2-qd-mxene$/);
    await ui.page.getByTestId("compare-selection-count").waitFor();
    expect(await ui.page.getByTestId("compare-selection-count").textContent()).toBe("starts a new comparison");
    await ui.page.getByRole("link", { name: "Add to compare" }).click();
    await ui.page.waitForURL(/\/compare\?/);
    await waitForIds(ui.page, [QD]);
    expect(await ui.page.getByTestId("compare-empty").textContent()).toMatch(/Add one more material/);
    expect(await ui.page.getByTestId("compare-table").count()).toBe(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare-empty.png"), fullPage: false });
  });

  it("adds SbQD@C through the picker, then FeS₂/MXene from its material page", async () => {
    const picker = ui.page.getByRole("combobox", { name: "Add a material" });
    await picker.click();
    await picker.pressSequentially("SbQD", { delay: 40 });
    const option = ui.page.getByRole("option", { name: /^SbQD@C/ });
    await option.waitFor();
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare-picker.png"), fullPage: false });
    await option.click();
    await waitForIds(ui.page, [QD, SB]);
    await ui.page.getByTestId("compare-table").first().waitFor();

    // The selection is remembered: "Add to compare" elsewhere adds to it.
    await ui.page.goto(ui.app.url + `/materials/${BULK}`);
    await ui.page.getByTestId("compare-selection-count").waitFor();
    expect(await ui.page.getByTestId("compare-selection-count").textContent()).toBe("with 2 materials already selected");
    await ui.page.getByRole("link", { name: "Add to compare" }).click();
    await waitForIds(ui.page, [QD, SB, BULK]);
    expect(await ui.page.getByTestId("selected-material").allTextContents()).toEqual([
      expect.stringContaining("FeS₂ QD/MXene"),
      expect.stringContaining("SbQD@C"),
      expect.stringContaining("FeS₂/MXene"),
    ]);
    // A bare /compare (the nav link) restores it.
    await ui.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare", exact: true }).click();
    await waitForIds(ui.page, [QD, SB, BULK]);
  });

  it("aligns rows by conditions, highlights the best and marks stand-ins", async () => {
    // The restored selection's comparison arrives after its chips and the page it replaces: wait for its three material columns.
    const headers = ui.page.getByTestId("compare-table").first().locator("thead th");
    await expect
      .poll(async () => (await headers.allTextContents()).slice(1))
      .toEqual([expect.stringContaining("FeS₂ QD/MXene"), expect.stringContaining("SbQD@C"), expect.stringContaining("FeS₂/MXene")]);

    const room = row(ui.page, "specific_capacity", "0.1 A g⁻¹ · 25 °C (or unstated)");
    const cells = room.locator("td").filter({ has: ui.page.getByTestId("compare-cell") });
    // Polled: the table may render once more as the page settles (a count read once can catch it between renders).
    await expect.poll(() => room.getByTestId("compare-cell").allTextContents()).toEqual(["464.3", "★ 573"]);
    expect(await room.locator('[data-best="true"]').textContent()).toContain("573");
    expect(await cells.count()).toBe(2);

    const cold = row(ui.page, "specific_capacity", "0.1 A g⁻¹ · −35 °C · cycle 100");
    const coldCells = cold.getByTestId("compare-cell");
    expect(await coldCells.allTextContents()).toEqual(["★ 255.2", "30.3"]);
    expect(await cold.locator("td").nth(1).textContent()).toBe("–"); // SbQD@C column: never tested cold

    // Inside the window (×3 of the row's current density) a stand-in shows, and says how far it is.
    const near = row(ui.page, "specific_capacity", "0.2 A g⁻¹");
    expect(await near.locator('[data-testid="compare-cell"][data-like-for-like="false"]').textContent()).toBe("stand-in: 464.3");
    expect(await near.getByTestId("stand-in-note").textContent()).toBe("stand-in: measured at 0.1 A g⁻¹, within ×3 of the row's 0.2 A g⁻¹");
    await near.scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare-stand-in.png"), fullPage: false });
    expect(await ui.page.getByTestId("stand-in-window").textContent()).toMatch(/current density.*within ×3 of the row's, temperature within 5 °C/);

    // Lower is better for charge-transfer resistance.
    expect(await row(ui.page, "charge_transfer_resistance", "no stated test conditions").locator('[data-best="true"]').textContent()).toBe("★ 193");
  });

  it("a compare stand-in outside its window is not shown", async () => {
    // FeS₂ QD/MXene's only room-temperature rate value is at 0.1 A g⁻¹: ×5 from 0.5 A g⁻¹, ×50 from 5 A g⁻¹.
    for (const conditions of ["0.5 A g⁻¹", "1 A g⁻¹", "2 A g⁻¹", "5 A g⁻¹"]) {
      const far = row(ui.page, "specific_capacity", conditions);
      await far.waitFor();
      expect(await far.locator("td").nth(0).textContent(), conditions).toBe("–");
      expect(await far.locator('[data-like-for-like="false"]').count(), conditions).toBe(0);
    }
    // No stand-in anywhere on the page is farther than the window.
    for (const note of await ui.page.getByTestId("stand-in-note").allTextContents())
      expect(note).toMatch(/^stand-in: (measured at .*, within (×3|5 °C|×1\.25) of the row's [^;]*(; |$))+$/);
  });

  it("the b-value row offers no %", async () => {
    const bValues = ui.page.locator('tbody[data-property="b_value"] [data-testid="compare-row"]');
    await bValues.first().waitFor();
    expect(await bValues.count()).toBe(3);
    // One row per redox peak, each labelled by it.
    expect(await bValues.getByTestId("row-distinction").allTextContents()).toEqual([
      "b-value, redox peak 1 of 3",
      "b-value, redox peak 2 of 3",
      "b-value, redox peak 3 of 3",
    ]);
    expect(await bValues.getByRole("combobox").count()).toBe(0);
    await bValues.first().scrollIntoViewIfNeeded();
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare-b-value.png"), fullPage: false });
    expect(await bValues.first().textContent()).not.toContain("%");
    // A percentage still offers the fraction.
    const retention = ui.page.locator('tbody[data-property="capacity_retention"] [data-testid="compare-row"]').first();
    expect(await retention.getByRole("combobox").locator("option").allTextContents()).toEqual(["%", "fraction"]);
  });

  it("shows only rows with two or more materials when asked, and keeps the choice in the URL", async () => {
    const option = ui.page.getByRole("checkbox", { name: "Only rows with two or more materials" });
    await option.check();
    await ui.page.waitForFunction(() => new URL(location.href).searchParams.get("shared") === "1");
    expect(await ui.page.locator('tbody[data-property="b_value"]').count()).toBe(0);
    const kept = ui.page.getByTestId("compare-row");
    for (let i = 0; i < (await kept.count()); i++) expect(await kept.nth(i).getByTestId("compare-cell").count()).toBeGreaterThanOrEqual(2);
    expect(ids(ui.page)).toEqual([QD, SB, BULK]);
    await ui.page.reload();
    await ui.page.getByTestId("compare-table").first().waitFor();
    expect(await ui.page.getByRole("checkbox", { name: "Only rows with two or more materials" }).isChecked()).toBe(true);
    expect(await ui.page.locator('tbody[data-property="b_value"]').count()).toBe(0);
    await ui.page.getByRole("checkbox", { name: "Only rows with two or more materials" }).uncheck();
    await ui.page.waitForFunction(() => !new URL(location.href).searchParams.has("shared"));
    await ui.page.locator('tbody[data-property="b_value"]').waitFor();
  });

  it("shows the quote on hover and focus, and switches a row's unit", async () => {
    const cell = row(ui.page, "specific_capacity", "0.1 A g⁻¹ · 25 °C (or unstated)").locator('[data-best="true"]');
    await cell.hover();
    const tip = ui.page.locator(`#${await cell.getAttribute("aria-describedby")}`);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/Reported: 573 mAh g.*SbQD@C.*573/s);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare-tooltip.png"), fullPage: false });

    const diffusion = row(ui.page, "diffusion_coefficient", "no stated test conditions");
    expect(await diffusion.getByTestId("compare-cell").first().textContent()).toBe("★ 1.17 × 10⁻⁸");
    await diffusion.getByRole("combobox").selectOption("m^2/s");
    expect(await diffusion.getByTestId("compare-cell").first().textContent()).toBe("★ 1.17 × 10⁻¹²");
    await diffusion.getByTestId("compare-cell").first().focus();
    expect(await ui.page.locator(`#${await diffusion.getByTestId("compare-cell").first().getAttribute("aria-describedby")}`).textContent()).toMatch(
      /shown in m² s⁻¹/,
    );
  });

  it("lists derived figures with formula links and audit flags", async () => {
    const sb = ui.page.getByRole("article", { name: "Derived figures for SbQD@C" });
    const rate = sb.locator('[data-testid="compare-derived"]').filter({ hasText: "rate retention at 5 A g⁻¹ vs 0.1 A g⁻¹" });
    expect(await rate.textContent()).toMatch(/48\.52 %/);
    expect(await rate.getByRole("link", { name: "Capacity retention" }).getAttribute("href")).toBe("/formulas#capacity_retention");
    expect(await rate.textContent()).toMatch(/C_n = 278 mAh g⁻¹; C_0 = 573 mAh g⁻¹/);
    expect(await sb.getByTestId("compare-flag").count()).toBeGreaterThan(0);
    const qd = ui.page.getByRole("article", { name: "Derived figures for FeS₂ QD/MXene" });
    expect(await qd.getByTestId("compare-derived").filter({ hasText: "capacity at −35 °C relative to 25 °C" }).count()).toBeGreaterThan(0);
    expect(await ui.page.getByRole("article", { name: "Derived figures for FeS₂/MXene" }).textContent()).toMatch(/Nothing to recompute/);
  });

  it("draws every chart with labelled axes", async () => {
    const charts = ui.page.getByTestId("chart");
    await charts.last().scrollIntoViewIfNeeded();
    await expect.poll(() => charts.count(), { timeout: 15_000 }).toBe(3); // the knowledge-base scatter loads after the page
    const expected: Record<string, string[]> = {
      rate: ["Current density (A g⁻¹)", "Specific capacity (mAh g⁻¹)"],
      temperature: ["Temperature (°C)", "Specific capacity (mAh g⁻¹)"],
      scatter: ["Current density (A g⁻¹)", "Specific capacity (mAh g⁻¹)"],
    };
    for (const [id, labels] of Object.entries(expected)) {
      const chart = ui.page.locator(`[data-chart="${id}"]`);
      const svg = chart.locator(".recharts-wrapper > svg.recharts-surface").first();
      await svg.waitFor();
      await expect.poll(() => chart.locator(".recharts-scatter-symbol").count(), { timeout: 10_000 }).toBeGreaterThan(2);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(200);
      const texts = await chart.locator(".recharts-label").allTextContents();
      for (const l of labels) expect(texts).toContain(l);
      expect(await chart.locator(".recharts-cartesian-axis-tick").count()).toBeGreaterThan(3);
    }
    // Legends sit under the plot, and the temperature chart tells rate-test values from capacities after cycling.
    const temperatureLegend = await ui.page.locator('[data-chart="temperature"]').getByTestId("chart-legend").textContent();
    expect(temperatureLegend).toContain("rate test or cycle not stated");
    expect(temperatureLegend).toContain("after cycling (cycle N > 1)");
    // SbQD@C states no temperature: its capacities sit at 25 °C, as in the table.
    await expect.poll(() => ui.page.locator('[data-chart="temperature"]').textContent()).not.toMatch(/No data for .*SbQD@C/);
    // The rate chart's x axis is logarithmic: 1-2-5 ticks over 0.1–5 A g⁻¹.
    const ticks = await ui.page.locator('[data-chart="rate"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label').allTextContents();
    expect(ticks).toEqual(["0.1", "0.2", "0.5", "1", "2", "5"]);
    await ui.page.locator('[data-chart="rate"]').screenshot({ path: join(SCREENSHOTS, "compare-chart-rate.png") });
    await ui.page.locator('[data-chart="temperature"]').screenshot({ path: join(SCREENSHOTS, "compare-chart-temperature.png") });

    // Another pair of properties for the knowledge-base scatter.
    const scatter = ui.page.locator('[data-chart="scatter"]');
    await scatter.getByRole("combobox", { name: "Scatter x axis" }).selectOption("charge_transfer_resistance");
    await scatter.getByRole("combobox", { name: "Scatter y axis" }).selectOption("diffusion_coefficient");
    await expect.poll(() => scatter.locator(".recharts-label").allTextContents()).toContain("Diffusion coefficient (cm² s⁻¹)");
    expect(await scatter.locator(".recharts-label").allTextContents()).toContain("Charge-transfer resistance (Rct) (Ω)");
    await expect.poll(() => scatter.locator(".recharts-scatter-symbol").count()).toBeGreaterThan(1);
    expect(await scatter.locator("figcaption").textContent()).toMatch(/\d+ points? from \d+ materials?;/);
    expect(await scatter.locator("figcaption").textContent()).not.toMatch(/\b1 (points|materials)\b/);
    await scatter.screenshot({ path: join(SCREENSHOTS, "compare-chart-scatter.png") });
    await ui.page.screenshot({ path: join(SCREENSHOTS, "compare.png"), fullPage: true });
  });

  it("downloads the comparison as CSV and JSON, and removes a material", async () => {
    const csvHref = await ui.page.getByTestId("downloads").getByRole("link", { name: "CSV" }).getAttribute("href");
    const csv = await ui.page.request.get(ui.app.url + csvHref!);
    expect(csv.headers()["content-type"]).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/^property,property_label,row_conditions/);
    const json = await ui.page.request.get(ui.app.url + (await ui.page.getByTestId("downloads").getByRole("link", { name: "JSON" }).getAttribute("href"))!);
    expect(((await json.json()) as { materials: { ref: string }[] }).materials.map((m) => m.ref)).toEqual([QD, SB, BULK]);

    const bad = await ui.page.request.get(ui.app.url + `/api/compare?ids=${QD},nope`);
    expect(bad.status()).toBe(404);
    expect(await bad.json()).toEqual({ error: { message: expect.stringMatching(/no material matches "nope"/), field: "ids[1]" } });

    await ui.page.getByRole("button", { name: "Remove FeS₂/MXene" }).click();
    await waitForIds(ui.page, [QD, SB]);
    expect(ids(ui.page)).toEqual([QD, SB]);
    await expect.poll(() => ui.page.getByTestId("selected-material").count()).toBe(2);
  });
});

describe("the compare page on a phone", () => {
  const phone = browserSession({ width: 390, height: 844 });

  it("the 390 px compare page has no horizontal scroll (document.documentElement.scrollWidth ≤ window.innerWidth)", async () => {
    await phone.page.goto(phone.app.url + `/compare?ids=${QD}&ids=${SB}&ids=${BULK}`);
    const table = phone.page.getByTestId("compare-table").first();
    await table.waitFor();
    const charts = phone.page.getByTestId("chart");
    await charts.last().scrollIntoViewIfNeeded();
    await expect.poll(() => charts.count(), { timeout: 15_000 }).toBe(3);
    await phone.page.locator('[data-chart="scatter"] .recharts-scatter-symbol').first().waitFor();
    const width = await phone.page.evaluate(() => ({ document: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(width.document).toBeLessThanOrEqual(width.viewport);

    // More than one column at a time: the conditions and the first material whole, the next one begun.
    await table.evaluate((el) => el.scrollIntoView({ block: "start" }));
    const heads = table.locator("thead th");
    const [conditions, first, second] = await Promise.all([0, 1, 2].map((i) => heads.nth(i).boundingBox()));
    expect(conditions!.x).toBeGreaterThanOrEqual(0);
    expect(first!.x + first!.width).toBeLessThanOrEqual(width.viewport);
    expect(second!.x).toBeLessThan(width.viewport);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "compare-phone.png"), fullPage: false });
    // Scrolled sideways, the conditions column stays in place beside the other materials.
    await table.locator("xpath=..").evaluate((scroller) => scroller.scrollBy({ left: 400 }));
    await expect.poll(async () => (await heads.nth(0).boundingBox())!.x).toBeCloseTo(conditions!.x, 0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "compare-phone-scrolled.png"), fullPage: false });

    // Each chart's legend sits below its plot, clear of the axis labels.
    for (const id of ["rate", "temperature", "scatter"]) {
      const chart = phone.page.locator(`[data-chart="${id}"]`);
      const svg = await chart.locator(".recharts-wrapper > svg.recharts-surface").first().boundingBox();
      const legend = await chart.getByTestId("chart-legend").boundingBox();
      expect(legend!.y, id).toBeGreaterThanOrEqual(svg!.y + svg!.height - 1);
      expect(svg!.x + svg!.width, id).toBeLessThanOrEqual(width.viewport);
    }
    for (const id of ["rate", "temperature", "scatter"])
      await phone.page.locator(`[data-chart="${id}"]`).screenshot({ path: join(SCREENSHOTS, `compare-phone-chart-${id}.png`) });
    await phone.page.evaluate(() => window.scrollTo(0, 0));
    await phone.page.screenshot({ path: join(SCREENSHOTS, "compare-phone-top.png"), fullPage: false });
  });
});

import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { browserSession, phoneSession, sidewaysScroll, SCREENSHOTS } from "../helpers/app";

describe("reading the knowledge base in Chromium", () => {
  const ui = browserSession();

  it("shows the seeded papers and their materials on the home page", async () => {
    await ui.page.goto(ui.app.url + "/");
    await expect(ui.page.getByRole("link", { name: "matlit" }).isVisible()).resolves.toBe(true);
    for (const name of ["Search", "Compare", "Formulas", "Add paper"]) {
      expect(await ui.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).count()).toBe(1);
    }
    const papers = ui.page.getByRole("list", { name: "Papers" }).locator(":scope > li");
    expect(await papers.count()).toBe(5);
    expect(await ui.page.getByText(/Quantum-Size FeS₂/).count()).toBeGreaterThan(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "home.png"), fullPage: true });
  });

  it("opens FeS₂ QD/MXene and shows the −35 °C capacity with its conditions and quote", async () => {
    await ui.page
      .getByRole("link", { name: /^FeS₂ QD\/MXene anode/ })
      .first()
      .click();
    await ui.page.waitForURL(/\/materials\/10\.1007\/s40820-025-01858-2\/fes2-qd-mxene$/);
    expect(await ui.page.getByRole("heading", { level: 1 }).textContent()).toBe("FeS₂ QD/MXene");
    expect(await ui.page.getByTestId("role").textContent()).toBe("anode");
    expect(await ui.page.getByTestId("battery-system").textContent()).toBe("sodium-ion");
    // The class from the list, and what the list alone does not say.
    expect(await ui.page.getByTestId("class-note").textContent()).toBe("transition-metal sulfide quantum dots on 3D MXene");
    const capacities = ui.page.locator('[data-property="specific_capacity"] [data-testid="measurement"]');
    expect(await capacities.count()).toBeGreaterThan(3);
    const row = capacities.filter({ hasText: "255.2 mAh g⁻¹" }).filter({ hasText: "−35 °C" }).first();
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("0.1 A g⁻¹");
    expect(text).toMatch(/255\.2/);
    expect(await row.locator("q").textContent()).toMatch(/255\.2/);
    expect(await ui.page.getByRole("heading", { name: "Synthesis" }).isVisible()).toBe(true);
    expect(await ui.page.locator("ol li").count()).toBeGreaterThan(2);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "material-fes2-qd-mxene.png"), fullPage: true });
  });

  it("keeps a material's own numbers apart from models, precursors and derived numbers, and marks ranges", async () => {
    await ui.page.goto(ui.app.url + "/materials/10.1007/s40820-025-01858-2/fes2-qd-mxene");
    const own = ui.page.locator('section[aria-labelledby="measurements"] [data-testid="measurement"]');
    // The DFT adsorption energies of the bare FeS₂ QD cluster sit under "Calculated models", not among its own numbers.
    expect(await own.filter({ hasText: "−3.73 eV" }).count()).toBe(0);
    const models = ui.page.getByTestId("scope-model");
    expect(await models.getByRole("heading", { name: "Calculated models" }).isVisible()).toBe(true);
    expect(await models.locator('[data-testid="measurement"]').filter({ hasText: "−3.73 eV" }).count()).toBe(1);
    // A derived peak shift says so and shows how it was computed.
    const shift = own.filter({ hasText: "0.21 eV" }).first();
    expect(await shift.textContent()).toMatch(/derived.*computed as after - before/);
    // A range reads as one; the paper's own text of it is shown apart only where it reads otherwise.
    const pores = own.filter({ hasText: "2–6 nm" }).first();
    expect(await pores.textContent()).toMatch(/2–6 nm\s*range/);
    expect(await pores.getByTestId("printed").count()).toBe(0);
    const operating = ui.page.locator('[data-property="operating_temperature"] [data-testid="measurement"]').first();
    expect(await operating.getByTestId("value").textContent()).toBe("−35 to 65 °C");
    expect(await operating.textContent()).toMatch(/−35 to 65 °C\s*range/);

    await ui.page.goto(ui.app.url + "/materials/10.1002/smtd.202100188/sbqd-c");
    const precursors = ui.page.getByTestId("scope-precursor");
    expect(await precursors.locator('[data-testid="measurement"]').filter({ hasText: "150 °C" }).count()).toBeGreaterThan(0);

    // A C-rate in a paper that defines no 1C says it cannot be converted.
    await ui.page.goto(ui.app.url + "/materials/10.1039/d5sc05720e/fe-co-nc");
    expect(await ui.page.getByTestId("rate-without-one-c").first().textContent()).toMatch(/does not define 1C/);
    await ui.page.goto(ui.app.url + "/papers/10.1002/smtd.202100188");
    expect(await ui.page.getByTestId("scope-precursor").locator("tbody tr").count()).toBeGreaterThan(0);
  });

  it("links a material to its paper page with DOI, authors and materials", async () => {
    await ui.page.goto(ui.app.url + "/papers/10.1007/s40820-025-01858-2");
    expect(await ui.page.getByRole("link", { name: "10.1007/s40820-025-01858-2" }).getAttribute("href")).toBe("https://doi.org/10.1007/s40820-025-01858-2");
    expect(await ui.page.getByText("Tianlin Li").count()).toBeGreaterThan(0);
    expect(await ui.page.getByRole("table").locator("tbody tr").count()).toBeGreaterThan(5);
  });

  it("prints every unit of a value cell the way its header does", async () => {
    await ui.page.goto(ui.app.url + "/materials/10.1007/s40820-025-01858-2/fes2-qd-mxene");
    const diffusion = ui.page.locator('[data-property="diffusion_coefficient"]');
    expect(await diffusion.locator("h3").textContent()).toContain("cm² s⁻¹");
    const value = (await diffusion.getByTestId("measurement").first().locator("td").first().textContent()) ?? "";
    expect(value).toContain("1.17 × 10⁻⁸ cm² s⁻¹");
    const values = await ui.page.getByTestId("value").allTextContents();
    expect(values.length).toBeGreaterThan(50);
    // No exponent left on the line: "cm2", "m2 g-1", "Å-1".
    expect(values.filter((t) => /\p{L}-?\d/u.test(t.replace(/\d+(\.\d+)? × 10/g, "")))).toEqual([]);
  });

  it("jumps to a property group from the list at the top, and folds groups from the keyboard", async () => {
    await ui.page.goto(ui.app.url + "/materials/10.1007/s40820-025-01858-2/fes2-qd-mxene");
    const jump = ui.page.getByRole("navigation", { name: "On this page" });
    const link = jump.getByRole("link", { name: "Diffusion coefficient" });
    expect(await link.evaluate((a) => a.parentElement?.textContent)).toMatch(/Diffusion coefficient\s*\d+/);
    await link.click();
    await expect.poll(() => ui.page.url()).toMatch(/#p-diffusion_coefficient$/);
    const group = ui.page.locator("#p-diffusion_coefficient");
    expect(await group.evaluate((d) => d.getBoundingClientRect().top)).toBeLessThan(100);
    // Enter on the focused summary folds the group; the numbers stay a click away.
    const rows = group.getByTestId("measurement");
    expect(await rows.first().isVisible()).toBe(true);
    await group.locator("summary").focus();
    await ui.page.keyboard.press("Enter");
    expect(await rows.first().isVisible()).toBe(false);
    await ui.page.keyboard.press("Enter");
    expect(await rows.first().isVisible()).toBe(true);
    await jump.getByRole("button", { name: "Collapse all" }).click();
    expect(await ui.page.locator('details[data-fold="measurements"][open]').count()).toBe(0);
    await jump.getByRole("button", { name: "Expand all" }).click();
    expect(await ui.page.locator('details[data-fold="measurements"]:not([open])').count()).toBe(0);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "material-desktop.png"), fullPage: true });
  });

  it("shows a paper's abstract typeset and every quote with the numbers read from it", async () => {
    await ui.page.goto(ui.app.url + "/papers/10.1007/s40820-025-01858-2");
    const abstract = ui.page.getByTestId("abstract");
    expect(await abstract.textContent()).not.toMatch(/[\^_]\{|\$/);
    expect(await abstract.locator("sup").first().textContent()).toBe("−1");
    const material = ui.page.getByTestId("paper-quotes").filter({ hasText: /^FeS₂ QD\/MXene\s+\d+ quotes/ });
    await material.locator("summary").click();
    const quote = material.getByTestId("paper-quote").filter({ hasText: "255.2" }).first();
    expect(await quote.isVisible()).toBe(true);
    expect(await quote.locator("q").textContent()).toMatch(/255\.2/);
    expect(await quote.textContent()).toMatch(/Specific capacity\s*255\.2 mAh g⁻¹/);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "paper-desktop.png"), fullPage: true });

    // A publisher's private-use bond glyph reads as the bond.
    await ui.page.goto(ui.app.url + "/papers/10.1002/smtd.202100188");
    await ui.page.getByRole("button", { name: "Expand all" }).click();
    const bonds = ui.page.getByTestId("paper-quote").filter({ hasText: "Sb–O–C" });
    expect(await bonds.count()).toBeGreaterThan(0);
    expect(await ui.page.locator("main").innerText()).not.toMatch(/[\uE000-\uF8FF]/);
  });

  it("answers an unknown material with a 404 page", async () => {
    const response = await ui.page.goto(ui.app.url + "/materials/10.1007/s40820-025-01858-2/no-such-material");
    expect(response?.status()).toBe(404);
    expect(await ui.page.getByRole("heading", { name: "Not found" }).isVisible()).toBe(true);
  });
});

describe("reading on a phone (390 px) in Chromium", () => {
  const phone = phoneSession();
  const sideways = () => sidewaysScroll(phone.page);

  it("shows a material page without scrolling sideways, each quote opening on a tap", async () => {
    await phone.page.goto(phone.app.url + "/materials/10.1007/s40820-025-01858-2/fes2-qd-mxene", { waitUntil: "networkidle" });
    expect(await sideways()).toBeLessThanOrEqual(0);
    const row = phone.page.locator('[data-property="specific_capacity"] [data-testid="measurement"]').first();
    const quote = row.getByTestId("quote");
    expect(await quote.isVisible()).toBe(false);
    await row.getByTestId("quote-toggle").tap();
    expect(await quote.isVisible()).toBe(true);
    expect(await row.getByTestId("quote-toggle").getAttribute("aria-expanded")).toBe("true");
    expect(await sideways()).toBeLessThanOrEqual(0);
    await phone.page.screenshot({ path: join(SCREENSHOTS, "material-phone.png"), fullPage: true });
  });

  it("shows paper pages without scrolling sideways", async () => {
    for (const doi of ["10.1007/s40820-025-01858-2", "10.1039/d5sc05720e", "10.1002/smtd.202100188"]) {
      await phone.page.goto(phone.app.url + "/papers/" + doi, { waitUntil: "networkidle" });
      await phone.page.getByRole("button", { name: "Expand all" }).tap();
      expect(await sideways(), doi).toBeLessThanOrEqual(0);
    }
    await phone.page.goto(phone.app.url + "/papers/10.1007/s40820-025-01858-2", { waitUntil: "networkidle" });
    await phone.page.getByTestId("paper-quotes").first().locator("summary").tap();
    await phone.page.screenshot({ path: join(SCREENSHOTS, "paper-phone.png"), fullPage: true });
  });
});

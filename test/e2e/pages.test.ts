import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { browserSession, SCREENSHOTS } from "../helpers/app";

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
    // A range reads as one, with the paper's own text.
    const pores = own.filter({ hasText: "2–6 nm" }).first();
    expect(await pores.textContent()).toMatch(/range.*as printed: 2–6 nm/);

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

  it("answers an unknown material with a 404 page", async () => {
    const response = await ui.page.goto(ui.app.url + "/materials/10.1007/s40820-025-01858-2/no-such-material");
    expect(response?.status()).toBe(404);
    expect(await ui.page.getByRole("heading", { name: "Not found" }).isVisible()).toBe(true);
  });
});

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

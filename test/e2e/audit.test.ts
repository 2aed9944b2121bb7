import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { browserSession, SCREENSHOTS } from "../helpers/app";

describe("audit flags and derived figures in Chromium", () => {
  const ui = browserSession();

  it("shows the O 1s shift slip of Qiu et al. on the paper page with both numbers and the formula", async () => {
    await ui.page.goto(ui.app.url + "/papers/10.1002/smtd.202100188");
    const flag = ui.page.getByTestId("audit-flag").filter({ hasText: "O 1s peak shifts by 1.2 eV" });
    expect(await flag.count()).toBe(1);
    const text = (await flag.textContent()) ?? "";
    expect(text).toContain("1.2 eV");
    expect(text).toContain("1.1 eV");
    expect(await flag.getByRole("link", { name: "Binding-energy shift" }).getAttribute("href")).toBe("/formulas#binding_energy_shift");
    await ui.page.screenshot({ path: join(SCREENSHOTS, "paper-audit.png") });
  });

  it("lists the recomputed rate retention of SbQD@C with its inputs", async () => {
    await ui.page.goto(ui.app.url + "/materials/10.1002/smtd.202100188/sbqd-c");
    const row = ui.page.getByTestId("derived-figure").filter({ hasText: "rate retention at 5 A g⁻¹ vs 0.1 A g⁻¹" });
    expect(await row.count()).toBe(1);
    const text = (await row.textContent()) ?? "";
    expect(text).toContain("48.52 %");
    expect(text).toContain("C_n = 278");
    expect(text).toContain("C_0 = 573");
  });
});

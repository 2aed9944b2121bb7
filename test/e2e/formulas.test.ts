import { describe, it, expect } from "vitest";
import { join } from "node:path";
import { browserSession, SCREENSHOTS } from "../helpers/app";
import { FORMULAS } from "@/lib/formulas/catalogue";

describe("the formula catalogue and its calculators in Chromium", () => {
  const ui = browserSession();

  it("lists every formula in its own section with rendered LaTeX", async () => {
    const response = await ui.page.goto(ui.app.url + "/formulas");
    expect(response?.status()).toBe(200);
    expect(await ui.page.getByRole("heading", { level: 1 }).textContent()).toBe("Formulas");
    for (const f of FORMULAS) {
      expect(await ui.page.locator(`section#${f.key}`).count(), f.key).toBe(1);
      expect(await ui.page.getByTestId(`calc-${f.key}`).count(), f.key).toBe(1);
    }
    const section = ui.page.locator("section#energy_density");
    expect(await section.locator(".katex").count()).toBeGreaterThan(0);
    expect(await section.getByRole("heading", { level: 2 }).textContent()).toBe("Gravimetric energy density");
    expect(await section.textContent()).toContain("mAh/g");
  });

  it("computes energy density live from C in Ah/g and V_avg", async () => {
    const calc = ui.page.getByTestId("calc-energy_density");
    const result = calc.getByTestId("result");
    await calc.getByLabel("Unit of C", { exact: true }).fill("Ah/g");
    await calc.locator("#energy_density-C").fill("0.2");
    await calc.locator("#energy_density-V_avg").fill("3.4");
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toMatch(/680/);
    const text = (await result.textContent()) ?? "";
    expect(text).toMatch(/Wh\/kg|Wh kg⁻¹/);
    expect(text).toContain("200 mAh/g");
    await ui.page.locator("section#energy_density").screenshot({ path: join(SCREENSHOTS, "formulas-energy-density.png") });
  });

  it("shows the API's message next to a unit that does not fit", async () => {
    const calc = ui.page.getByTestId("calc-energy_density");
    const unit = calc.getByLabel("Unit of C", { exact: true });
    await unit.fill("V");
    await expect.poll(() => unit.getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    const describedBy = await unit.getAttribute("aria-describedby");
    expect(describedBy).toBeTruthy();
    const message = ui.page.locator(`[id="${describedBy}"]`);
    expect(await message.textContent()).toMatch(/"V" does not fit specific capacity/);
    expect(await message.isVisible()).toBe(true);
    expect(await calc.getByTestId("result").textContent()).not.toMatch(/680/);
    await ui.page.locator("section#energy_density").screenshot({ path: join(SCREENSHOTS, "formulas-unit-error.png") });

    // back to a fitting unit: the error goes and the result returns
    await unit.fill("mAh/g");
    await calc.locator("#energy_density-C").fill("200");
    await expect.poll(() => calc.getByTestId("result").textContent(), { timeout: 10_000 }).toMatch(/680/);
    expect(await unit.getAttribute("aria-invalid")).toBe("false");
  });

  it("fits the b-value from pasted columns and plots log i against log v", async () => {
    const v = [0.1, 0.2, 0.5, 1, 2];
    const i = v.map((x) => 1.5e-3 * x ** 0.8);
    const calc = ui.page.getByTestId("calc-b_value_fit");
    await calc.scrollIntoViewIfNeeded();
    // paste two columns (tab separated, with a header line) into the first box
    const tsv = "v (mV/s)\ti (A)\n" + v.map((x, n) => `${x}\t${i[n]}`).join("\n");
    await calc.locator("#b_value_fit-v").focus();
    await ui.page.evaluate((text) => {
      const box = document.getElementById("b_value_fit-v")!;
      const data = new DataTransfer();
      data.setData("text/plain", text);
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    await expect.poll(() => calc.locator("#b_value_fit-i").inputValue()).toContain("0.0015");
    expect((await calc.locator("#b_value_fit-v").inputValue()).split("\n")).toEqual(v.map(String));

    const result = calc.getByTestId("result");
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toMatch(/b = 0\.8(?!\d)/);
    expect(await result.textContent()).toMatch(/R² = 1\.0000/);

    const chart = calc.locator("svg.recharts-surface").first();
    await chart.waitFor({ state: "visible", timeout: 10_000 });
    const labels = (await calc.locator("svg .recharts-label").allTextContents()).join(" | ");
    expect(labels).toContain("log₁₀(v / mV s⁻¹)");
    expect(labels).toContain("log₁₀(i / A)");
    expect(await calc.locator("svg .recharts-scatter-symbol").count()).toBeGreaterThanOrEqual(v.length);
    await ui.page.locator("section#b_value_fit").screenshot({ path: join(SCREENSHOTS, "formulas-b-value.png") });
  });

  it("fits Arrhenius data in °C and mS/cm, and computes configurational entropy", async () => {
    const calc = ui.page.getByTestId("calc-arrhenius_fit");
    await calc.getByRole("button", { name: "Fill in an example" }).click();
    await expect.poll(() => calc.getByTestId("result").textContent(), { timeout: 10_000 }).toMatch(/Eₐ = 0\.\d+ eV/);
    // The chart draws after the result arrives: wait for its axis labels.
    const labels = () =>
      calc
        .locator("svg .recharts-label")
        .allTextContents()
        .then((t) => t.join(" | "));
    await expect.poll(labels, { timeout: 10_000 }).toContain("1000/T");
    expect(await labels()).toContain("ln(σ");
    await ui.page.locator("section#arrhenius_fit").screenshot({ path: join(SCREENSHOTS, "formulas-arrhenius_fit.png") });

    const entropy = ui.page.getByTestId("calc-configurational_entropy");
    await entropy.getByLabel(/Site fractions/).fill("0.2, 0.2, 0.2, 0.2, 0.2");
    await expect.poll(() => entropy.getByTestId("result").textContent(), { timeout: 10_000 }).toMatch(/13\.38\d* J\/\(mol K\)/);
    await entropy.getByLabel(/Site fractions/).fill("0.5, 0.4");
    await expect.poll(() => entropy.getByLabel(/Site fractions/).getAttribute("aria-invalid"), { timeout: 10_000 }).toBe("true");
    expect(await entropy.textContent()).toContain("add up to 0.9");
    await ui.page.locator("section#configurational_entropy").screenshot({ path: join(SCREENSHOTS, "formulas-configurational_entropy.png") });

    await ui.page.goto(ui.app.url + "/formulas");
    await ui.page.getByTestId("calc-energy_density").getByLabel("Unit of C", { exact: true }).fill("Ah/g");
    await ui.page.locator("#energy_density-C").fill("0.2");
    await ui.page.locator("#energy_density-V_avg").fill("3.4");
    await ui.page.getByTestId("calc-b_value_fit").getByRole("button", { name: "Fill in an example" }).click();
    await ui.page.getByTestId("calc-capacitive_contribution_fit").getByRole("button", { name: "Fill in an example" }).click();
    await expect
      .poll(() => ui.page.getByTestId("calc-capacitive_contribution_fit").getByTestId("result").textContent(), { timeout: 10_000 })
      .toMatch(/capacitive share/);
    await expect.poll(() => ui.page.getByTestId("calc-energy_density").getByTestId("result").textContent(), { timeout: 10_000 }).toMatch(/680/);
    await ui.page.screenshot({ path: join(SCREENSHOTS, "formulas.png"), fullPage: true });
    await ui.page.evaluate(() => window.scrollTo(0, 0));
    await ui.page.screenshot({ path: join(SCREENSHOTS, "formulas-top.png") });
    for (const key of ["capacitive_contribution_fit", "diffusion_gitt"]) {
      await ui.page.locator(`section#${key}`).screenshot({ path: join(SCREENSHOTS, `formulas-${key}.png`) });
    }
  });
});

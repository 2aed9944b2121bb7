import { describe, it, expect } from "vitest";
import { formatAmount, formatQuantity, formatRange, prettyUnit, unitText } from "../../lib/units/display";
import { formatValue } from "../../lib/materials";
import { synthesisStepView } from "../../lib/materials/synthesis";

describe("one unit formatter for every displayed unit", () => {
  it("raises every exponent, the first factor's included", () => {
    expect(unitText("cm2 s-1")).toBe("cm² s⁻¹");
    expect(unitText("m2 g-1")).toBe("m² g⁻¹");
    expect(unitText("Å-1")).toBe("Å⁻¹");
    expect(unitText("Å2 ns-1")).toBe("Å² ns⁻¹");
    expect(unitText("cm2")).toBe("cm²");
    expect(unitText("m² g−1")).toBe("m² g⁻¹");
    expect(unitText("mAh g^{−1}")).toBe("mAh g⁻¹");
    expect(unitText("S cm<sup>-1</sup>")).toBe("S cm⁻¹");
  });

  it("reads a paper's spelling the same as the catalogue's", () => {
    expect(unitText("cm2 s-1")).toBe(unitText("cm^2/s"));
    expect(unitText("m2 g-1")).toBe(unitText("m^2/g"));
    expect(unitText("Å-1")).toBe(unitText("angstrom^-1"));
  });

  it("leaves units without exponents alone", () => {
    for (const u of ["wt%", "at%", "°C", "mAh", "nΩ m", "μL", "Li+/Li", ""]) expect(prettyUnit(u)).toBe(u);
  });

  it("formats value cells, derivation inputs and synthesis steps through it", () => {
    expect(formatValue({ value: 1.17e-8, min: null, max: null, unit: "cm2 s-1", unitReadAs: null, qualifier: null })).toBe("1.17 × 10⁻⁸ cm² s⁻¹");
    expect(formatValue({ value: 3.2, min: null, max: null, unit: "S cm-2", unitReadAs: "S cm-1", qualifier: "≈" })).toBe("≈ 3.2 S cm⁻² (read as S cm⁻¹)");
    expect(formatQuantity(1.44, "cm2")).toBe("1.44 cm²");
    const step = synthesisStepView({
      id: 1,
      position: 0,
      action: "Anneal",
      reagentsJson: null,
      temperatureValue: 300,
      temperatureUnit: "°C",
      durationValue: null,
      durationUnit: null,
      rampRateValue: 2,
      rampRateUnit: "°C min-1",
      atmosphere: "Ar",
      notes: null,
      quote: null,
    });
    expect(step.parameters).toEqual(["300 °C", "ramp 2 °C min⁻¹", "Ar"]);
  });
});

describe("ranges read as ranges", () => {
  it("uses “to” where an end is negative, so −35–65 never reads as one number", () => {
    expect(formatRange(-35, 65)).toBe("−35 to 65");
    expect(formatAmount({ min: -35, max: 65 }, "°C")).toBe("−35 to 65 °C");
    expect(formatAmount({ min: -20, max: -5 }, "°C")).toBe("−20 to −5 °C");
  });
  it("keeps the en dash between positive ends", () => {
    expect(formatAmount({ min: 2, max: 6 }, "nm")).toBe("2–6 nm");
    expect(formatAmount({ min: 0.4, max: 0.7 }, "")).toBe("0.4–0.7");
  });
});

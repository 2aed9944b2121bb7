import { describe, it, expect } from "vitest";
import { byQuote, printedText, type MeasurementView } from "../../lib/materials";

const m = (id: number, quote: string, location: string | null = null) => ({ id, quote, location }) as MeasurementView;

describe("a paper's quotes", () => {
  it("show each sentence once with every number recorded from it, in the record's order", () => {
    const groups = byQuote([m(1, "A states 1 and 2", "Fig. 1"), m(2, "B states 3"), m(3, "A states 1 and 2", "Fig. 1")]);
    expect(groups.map((g) => [g.quote, g.location, g.measurements.map((x) => x.id)])).toEqual([
      ["A states 1 and 2", "Fig. 1", [1, 3]],
      ["B states 3", null, [2]],
    ]);
  });
});

describe("a number as the paper prints it", () => {
  it("is shown apart only where it reads otherwise than matlit's text", () => {
    expect(printedText("−35 to 65 °C", "−35 to 65 °C")).toBeNull();
    expect(printedText("2-6 nm", "2–6 nm")).toBeNull();
    expect(printedText("between 6.445×10⁻¹¹ and 2.527×10⁻⁹", "6.445 × 10⁻¹¹–2.527 × 10⁻⁹ cm² s⁻¹")).toBe("between 6.445×10⁻¹¹ and 2.527×10⁻⁹");
    expect(printedText(null, "1 V")).toBeNull();
  });
});

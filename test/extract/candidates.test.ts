/** Candidate measurements of a pasted text: the property its words name, the conditions beside it, the sentence as its quote. */
import { describe, it, expect } from "vitest";
import { measurementCandidates } from "../../lib/extract/candidates";

const TEXT = `The FeS2 QD/MXene anode delivers a reversible capacity of 464.3 mA h g1 at 0.1 A g 1 and retains 255.2 mAh g−1 at −35 °C after 100 cycles. The initial discharge capacity is 1,200.2 mAh g−1. Rate capacities of 573, 478 and 278 mAh g−1 were obtained at 0.1, 0.5 and 5.0 A g−1, respectively. The ionic conductivity reaches 1.2 × 10−3 S cm 1 at 25 °C. Fig. 2 shows particles with a diameter of 5–8 nm and a BET surface area of 145 m2 g 1.`;

const summary = () => measurementCandidates(TEXT).map((c) => [c.property, c.value ?? [c.min, c.max], c.unit, c.conditions] as const);

describe("candidate measurements of a text", () => {
  it("names each number's property from the words right before it, the more specific words first", () => {
    expect(summary().map(([property, value]) => [property, value])).toEqual([
      ["specific_capacity", 464.3],
      ["specific_capacity", 255.2],
      ["initial_discharge_capacity", 1200.2],
      ["specific_capacity", 573],
      ["specific_capacity", 478],
      ["specific_capacity", 278],
      ["ionic_conductivity", 0.0012],
      ["particle_size", [5, 8]],
      ["specific_surface_area", 145],
    ]);
  });

  it("gives each its own conditions: those after it up to the next number, pairs for 'respectively', the nearest before it", () => {
    const [first, cold, , a, b, c, conductivity] = summary();
    expect(first![3]).toEqual({ currentDensity: { value: 0.1, unit: "A g-1" } });
    expect(cold![3]).toEqual({ currentDensity: { value: 0.1, unit: "A g-1" }, temperature: { value: -35, unit: "°C" }, cycle: 100 });
    expect([a, b, c].map((x) => (x![3].currentDensity as { value: number }).value)).toEqual([0.1, 0.5, 5]);
    expect(conductivity![3]).toEqual({ temperature: { value: 25, unit: "°C" } });
  });

  it("keeps the sentence as the quote, where the number stands, and how sure it is", () => {
    const [first] = measurementCandidates(TEXT);
    expect(first!.quote).toMatch(/^The FeS2 QD\/MXene anode delivers .* after 100 cycles\.$/);
    expect(first!.confidence).toBeGreaterThan(0.8);
    expect(first!.reason).toMatch(/capacity of/);
    expect(first!.end).toBeGreaterThan(first!.start);
  });
});

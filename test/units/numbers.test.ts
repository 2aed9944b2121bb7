/** The one number reader of forms and the calculator. */
import { describe, it, expect } from "vitest";
import { parseNumber } from "../../lib/units/numbers";

describe("reading a typed number", () => {
  it("reads the notations papers and keyboards use", () => {
    expect(parseNumber("−35")).toBe(-35);
    expect(parseNumber(" 1.2e-3 ")).toBe(0.0012);
    expect(parseNumber("2.5 × 10^-3")).toBe(0.0025);
    expect(parseNumber("2.69x10-5")).toBe(2.69e-5);
    expect(parseNumber("6.4×10⁻¹¹")).toBe(6.4e-11);
    expect(parseNumber("1.5*10^(3)")).toBe(1500);
    expect(parseNumber(".5")).toBe(0.5);
  });

  it("answers null for empty text, words, commas and numbers too large to hold", () => {
    for (const text of ["", "  ", "abc", "1,5", "1.2.3", "10^", "1e400", "12 mAh"]) expect(parseNumber(text), text).toBeNull();
  });
});

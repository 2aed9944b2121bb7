/** Units whose superscript minus copying lost: read back, and suggested when a unit cannot be read. */
import { describe, it, expect } from "vitest";
import { withLostMinus } from "../../lib/units/notation";
import { readUnit, toCanonical } from "../../lib/units/convert";

const problem = (f: () => unknown) => {
  try {
    f();
    return "";
  } catch (e) {
    return (e as Error).message;
  }
};

describe("a unit that lost its minus signs", () => {
  it("gets them back on every factor after the first, the first keeping its own exponent", () => {
    expect(withLostMinus("mAh g 1")).toBe("mAh g-1");
    expect(withLostMinus("mA h g1")).toBe("mA h g-1");
    expect(withLostMinus("S cm 1")).toBe("S cm-1");
    expect(withLostMinus("m 2 g 1")).toBe("m2 g-1");
    expect(withLostMinus("g −1")).toBe("g-1");
    expect(withLostMinus("mAh g-1")).toBe("mAh g-1");
  });

  it("is suggested when the unit cannot be read, or reads but does not fit its property", () => {
    expect(problem(() => readUnit("mAh g 1"))).toMatch(/cannot read the unit "mAh g 1" — did you mean mAh g⁻¹ \("mAh g-1"\)\?/);
    expect(problem(() => toCanonical("specific_capacity", 1, "mA h g1"))).toMatch(/does not fit Specific capacity .* did you mean mA h g⁻¹/);
    // A unit carrying a magnitude is a different mistake, said as such.
    expect(problem(() => readUnit("1000 mAh g-1"))).toMatch(/carries a number/);
    expect(problem(() => readUnit("xyz"))).toBe('cannot read the unit "xyz"');
  });
});

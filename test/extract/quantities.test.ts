/** Numbers with units found in a sentence, with the units read the way the property catalogue needs them. */
import { describe, it, expect } from "vitest";
import { findQuantities } from "../../lib/extract/quantities";
import { repairText } from "../../lib/extract/repair";

const found = (text: string) =>
  findQuantities(repairText(text)).map(({ value, min, max, qualifier, unit, printed, fits }) => ({ value, min, max, qualifier, unit, printed, fits }));

describe("finding numbers with units", () => {
  it("restores minus signs a PDF lost in a unit, where only that fits a property", () => {
    expect(found("delivers 1,296.8 mA h g1 at 0.1 A g 1")).toEqual([
      expect.objectContaining({ value: 1296.8, unit: "mA h g-1", printed: "mA h g1", fits: expect.arrayContaining(["specific_capacity"]) }),
      expect.objectContaining({ value: 0.1, unit: "A g-1", printed: "A g 1", fits: ["current_density"] }),
    ]);
    expect(found("an areal capacity of 5.08 mA h cm 2")[0]).toMatchObject({ unit: "mA h cm-2", fits: ["areal_capacity"] });
    expect(found("a surface area of 145 m2 g 1")[0]).toMatchObject({ unit: "m2 g-1", fits: ["specific_surface_area"] });
  });

  it("keeps a unit as printed when it already fits, a positive exponent included", () => {
    expect(found("an area-specific resistance of 12 Ω cm2")[0]).toMatchObject({ value: 12, unit: "Ω cm2", printed: undefined, fits: ["areal_resistance"] });
  });

  it("reads powers of ten, ranges and qualifiers", () => {
    expect(found("The ionic conductivity is 1.2 × 10−3 S cm 1 at 25 °C.")[0]).toMatchObject({ value: 0.0012, unit: "S cm-1" });
    expect(found("between 6.445×10−11 and 2.527×10−9 cm2 s−1")[0]).toMatchObject({ min: 6.445e-11, max: 2.527e-9, fits: ["diffusion_coefficient"] });
    expect(found("a pore size of 2–6 nm")[0]).toMatchObject({ min: 2, max: 6, unit: "nm" });
    expect(found("a loading of ~ 1.2 mg cm−2")[0]).toMatchObject({ value: 1.2, qualifier: "~" });
    expect(found("up to 2600 W h kg−1")[0]).toMatchObject({ value: 2600, qualifier: "≤", fits: expect.arrayContaining(["energy_density"]) });
  });

  it("leaves a number without a unit alone, and says where each one stands", () => {
    const sentence = "Of the 3 samples, 2 cells gave 464.3 mAh g−1.";
    const quantities = findQuantities(sentence);
    expect(quantities.map((q) => q.text)).toEqual(["464.3 mAh g−1"]);
    expect(sentence.slice(quantities[0]!.start, quantities[0]!.end)).toBe("464.3 mAh g−1");
  });
});

describe("numbers that are not amounts, and units that are counts", () => {
  it("reads an exponent set apart from its unit and a unit ended by a word of the sentence", () => {
    expect(found("gives 715 mA h g −1 at 5C")[0]).toMatchObject({ value: 715, unit: "mA h g-1" });
    // "at" and "in" are units to mathjs (attotonne, inch), not here; and the "−1" of "g−1" is no number.
    expect(found("370.1 mAh g−1 at 1 A g−1 in 2 h").map((q) => [q.value, q.unit])).toEqual([
      [370.1, "mAh g−1"],
      [1, "A g−1"],
      [2, "h"],
    ]);
  });

  it("skips labels and names: figure panels, tables, equations, sample names", () => {
    expect(found("As Fig. 3e and Table 2 show, NC-800 nm fibres").map((q) => q.value)).toEqual([]);
    expect(found("the 1.5 nm pores of Li2S6 5 nm").map((q) => q.value)).toEqual([1.5, 5]);
  });

  it("reads cycles, C-rates and scan rates as counts and conditions, not shares in %", () => {
    expect(findQuantities("after 100 cycles at 0.5 C and 0.1 mV s−1")).toEqual([
      expect.objectContaining({ value: 100, count: "cycles", fits: ["cycles_tested", "cycle_life"] }),
      expect.objectContaining({ value: 0.5, count: "C-rate", fits: [] }),
      expect.objectContaining({ value: 0.1, count: "scan-rate", unit: "mV s−1" }),
    ]);
    expect(found("a conductivity of 3.1×10−4 S cm 1")[0]).toMatchObject({ value: 3.1e-4, unit: "S cm-1" });
  });
});

describe("lists and slashes", () => {
  const read = (s: string) => findQuantities(s).map((q) => [q.value, q.unit, q.count, q.slash]);

  it("shares a unit among numbers listed with slashes, and marks them", () => {
    expect(read("gives 1058/950/760 mA h g−1")).toEqual([
      [1058, "mA h g−1", undefined, true],
      [950, "mA h g−1", undefined, true],
      [760, "mA h g−1", undefined, undefined],
    ]);
  });

  it("ends a unit at a slash before a number: '300 cycles/0.5C' is a count and a C-rate", () => {
    expect(read("retains 90% after 300 cycles/0.5C")).toEqual([
      [90, "%", undefined, undefined],
      [300, "cycles", "cycles", undefined],
      [0.5, "C", "C-rate", undefined],
    ]);
  });
});

describe("exponents set apart", () => {
  it("does not list a unit's exponent as a number before a slash", () => {
    expect(findQuantities("5.8 mg cm −2 /3 μL mg −1").map((q) => [q.value, q.unit])).toEqual([
      [5.8, "mg cm-2"],
      [3, "μL mg-1"],
    ]);
  });
});

describe("negative numbers in lists", () => {
  it("keeps a negative number listed after a word", () => {
    expect(findQuantities("under −35 and 65 °C").map((q) => q.value)).toEqual([-35, 65]);
  });
});

describe("negative numbers listed with slashes", () => {
  it("keeps −35/25/65 °C as three temperatures", () => {
    expect(findQuantities("under −35/25/65 °C").map((q) => q.value)).toEqual([-35, 25, 65]);
  });
});

describe("an exponent a PDF set apart, before a list", () => {
  it("does not list the '1' of 'A g 1' as a number when another quantity follows ('1 A g 1 and 150 mAh g 1')", () => {
    expect(findQuantities("retains 210 mAh g 1 at 1 A g 1 and 150 mAh g 1 at 2 A g 1").map((q) => [q.value, q.unit])).toEqual([
      [210, "mAh g-1"],
      [1, "A g-1"],
      [150, "mAh g-1"],
      [2, "A g-1"],
    ]);
  });
});

import { describe, it, expect } from "vitest";
import { evaluateFormula } from "../../lib/formulas/evaluate";
import { FORMULAS } from "../../lib/formulas/catalogue";
import { FORMULA_EXAMPLES } from "./examples";

describe("worked examples, with units converted in and out", () => {
  it("cover every formula of the catalogue", () => {
    expect(FORMULA_EXAMPLES.map((e) => e.key).sort()).toEqual(FORMULAS.map((f) => f.key).sort());
  });
  it.each(FORMULA_EXAMPLES.map((e) => [e.key, e] as const))("%s", (_key, example) => {
    const result = evaluateFormula(example.key, example.request as never);
    expect(result.unit).toBe(example.unit);
    expect(Math.abs(result.value - example.value) / Math.abs(example.value)).toBeLessThan(example.tolerance ?? 1e-9);
  });
});

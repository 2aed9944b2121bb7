/** Synthesis steps of a text: each verb of making with its temperature, duration, heating rate, atmosphere and reagents. */
import { describe, it, expect } from "vitest";
import { assembleDocument, type DocumentBlock } from "../../lib/extract/document";
import { synthesisCandidates } from "../../lib/extract/synthesis";

const steps = (blocks: DocumentBlock[]) => synthesisCandidates(assembleDocument("text", blocks, {})).map((c) => c.step);

const METHODS: DocumentBlock[] = [
  { kind: "heading", text: "2.1 Preparation of Co-NC" },
  {
    kind: "paragraph",
    text:
      "Typically, 2.0 mmol of cobalt nitrate and 8 mmol of 2-methylimidazole were dissolved in 40 mL of methanol and stirred for 6 h. " +
      "The purple powder was collected by centrifugation; it was then annealed at 900 °C for 3 h under flowing argon with a ramp of 5 °C min−1. " +
      "XRD patterns were recorded at 25 °C with Cu Kα radiation.",
  },
];

describe("synthesis steps", () => {
  it("reads each clause of a methods section with a verb of making as a step, numbers told apart by their unit's dimension", () => {
    const found = steps(METHODS);
    expect(found.map((s) => s.action)).toEqual(["dissolve and stir", "centrifuge", "anneal"]);
    expect(found[0]).toMatchObject({
      reagents: [
        { name: "cobalt nitrate", amount: { value: 2, unit: "mmol" } },
        { name: "2-methylimidazole", amount: { value: 8, unit: "mmol" } },
        { name: "methanol", amount: { value: 40, unit: "mL" } },
      ],
      duration: { value: 6, unit: "h" },
    });
    expect(found[2]).toMatchObject({
      temperature: { value: 900, unit: "°C" },
      duration: { value: 3, unit: "h" },
      rampRate: { value: 5, unit: "°C min-1" },
      atmosphere: "Ar",
    });
  });

  it("leaves out what measures rather than makes, and a number without a verb of making", () => {
    expect(steps(METHODS).some((s) => s.quote?.includes("XRD"))).toBe(false);
    expect(
      steps([
        { kind: "heading", text: "Experimental" },
        { kind: "paragraph", text: "The electrolyte was 1 M NaPF6 in diglyme." },
      ]),
    ).toEqual([]);
  });

  it("outside a methods section takes a verb only when its number follows it: 'carbonized at 800 °C', not 'the heated sample showed 5 nm pores'", () => {
    const found = steps([
      { kind: "paragraph", text: "N-CNFs carbonized at 800 °C delivered 293 mAh g−1. The heated samples show pores of 5 nm after 2 h of cycling." },
    ]);
    expect(found).toHaveLength(1);
    // The step is the verb phrase, not the sentence's results.
    expect(found[0]).toMatchObject({ action: "carbonize", temperature: { value: 800, unit: "°C" }, quote: "N-CNFs carbonized at 800 °C" });
  });

  it("reads a reagent named before its amount in brackets, and English words that are unit symbols as words", () => {
    const [wash] = steps([
      { kind: "heading", text: "Methods" },
      { kind: "paragraph", text: "The product was washed with HCl (1 M) at room temperature." },
    ]);
    expect(wash).toMatchObject({ action: "wash", reagents: [{ name: "HCl", concentration: { value: 1, unit: "M" } }] });
    expect(wash!.temperature).toBeUndefined();
  });

  it("keeps the clause as the quote and its place in the text", () => {
    const document = assembleDocument("text", METHODS, {});
    const anneal = synthesisCandidates(document).at(-1)!;
    expect(document.text.slice(anneal.start, anneal.end)).toBe(anneal.step.quote);
    expect(anneal.location).toBe("2.1 Preparation of Co-NC");
  });
});

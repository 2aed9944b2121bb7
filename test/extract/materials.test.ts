/** The materials a text names, and which one a number belongs to. */
import { describe, it, expect } from "vitest";
import { materialBefore, materialMentions } from "../../lib/extract/materials";
import { measurementCandidates } from "../../lib/extract/candidates";

const TEXT =
  "We prepared nitrogen-doped carbon nanofibers (N-CNFs) from polyacrylonitrile (PAN) and Sb quantum dots in carbon (SbQD@C). The NC-700/800/900 samples were annealed. N-CNFs deliver 400 mAh g−1 while NC-800 gives 300 mAh g−1. Single-atom catalysts (SACs) help.";

describe("materials a text names", () => {
  it("reads the abbreviations it defines, spelled by their long forms, and the members of a series", () => {
    const materials = materialMentions(TEXT);
    expect(materials.map((m) => [m.name, m.longForm])).toEqual([
      ["N-CNFs", "nitrogen-doped carbon nanofibers"],
      ["PAN", "polyacrylonitrile"],
      ["SbQD@C", "Sb quantum dots in carbon"],
      ["NC-700", undefined],
      ["NC-900", undefined],
      ["NC-800", undefined],
      ["SACs", "Single-atom catalysts"],
    ]);
    expect(materialBefore(materials, TEXT.indexOf("300"))?.name).toBe("NC-800");
  });

  it("does not take a parenthesis that the words before it do not spell", () => {
    expect(materialMentions("The cells were cycled at room temperature (Fig. 2) and in air (RT).")).toEqual([]);
  });

  it("files each candidate under the material named last before it", () => {
    expect(measurementCandidates(TEXT).map((c) => [c.material, c.value])).toEqual([
      ["N-CNFs", 400],
      ["NC-800", 300],
    ]);
  });
});

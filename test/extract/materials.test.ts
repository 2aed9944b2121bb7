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

describe("names written as formulas and sample names", () => {
  const names = (text: string) => materialMentions(text).map((m) => m.name);

  it("reads formulas and formula-like sample names with their modifiers", () => {
    expect(names("The LiFePO4 cathode, a CoS2 QD/graphene hybrid, Sb@C, Fe–N4/C, Na0.9LNMO and the Mo-SA QSE were compared.")).toEqual([
      "LiFePO4",
      "CoS2 QD/graphene",
      "Sb@C",
      "Fe–N4/C",
      "Na0.9LNMO",
      "Mo-SA QSE",
    ]);
    expect(names("We used Na3V2(PO4)3 (NVP) as the cathode; NVP is stable.")).toEqual(["NVP"]);
  });

  it("does not take techniques, generic abbreviations, elements, ions, chemistries or labels for materials", () => {
    expect(
      names(
        "X-ray diffraction (XRD), XPS, TEM, EIS and DFT of sodium-ion batteries (SIBs) with a solid electrolyte interphase (SEI); Na+ and Li ions in Li–S cells (Fig. S14) with an initial Coulombic efficiency (ICE).",
      ),
    ).toEqual([]);
  });
});

describe("the material a number is about", () => {
  const materialsOf = (text: string) => measurementCandidates(text).map((c) => [c.value, c.material]);

  it("prefers the material its sentence names before the number, then one it names after, not one it is compared with", () => {
    expect(materialsOf("NiO was added. The MoS2/rGO electrode delivers 520 mAh g−1 at 0.1 A g−1, higher than MoS2 (310 mAh g−1).")).toEqual([
      [520, "MoS2/rGO"],
      [310, "MoS2"],
    ]);
    expect(materialsOf("A capacity of 610 mAh g−1 at 0.1 A g−1 was delivered by the SnO2@C anode.")).toEqual([[610, "SnO2@C"]]);
  });

  it("falls back to the material named last in the paragraph, then to the paper's main material", () => {
    const text =
      "The Co3O4/CNT hybrid was prepared. Co3O4/CNT is porous and Co3O4/CNT is stable.\n\nThe XRD pattern shows no impurity. The electrode retains 92% of its capacity after 200 cycles.";
    expect(materialsOf(text)).toEqual([[92, "Co3O4/CNT"]]);
    expect(measurementCandidates(text)[0]!.reason).toMatch(/main material/);
  });
});

describe("telling samples from what a sentence mentions in passing", () => {
  const materialsOf = (text: string) => measurementCandidates(text).map((c) => [c.value, c.material]);

  it("pairs the materials a sentence lists with its values, respectively", () => {
    expect(materialsOf("The Si/C, SnO2@C and Fe3O4/rGO electrodes deliver 620, 700 and 900 mAh g−1, respectively.")).toEqual([
      [620, "Si/C"],
      [700, "SnO2@C"],
      [900, "Fe3O4/rGO"],
    ]);
  });

  it("does not file a number under a reaction product or what a peak is assigned to", () => {
    const text = "The CoSe2@NC electrode was studied.\n\nThe CoSe2@NC anode shows a peak at 1.2 V attributed to the formation of Na2Se and Li2S.";
    expect(materialsOf(text)).toEqual([[1.2, "CoSe2@NC"]]);
    expect(materialsOf("A reduction peak at 0.8 V corresponds to the formation of NaxSb in the Sb@C electrode.")).toEqual([[0.8, "Sb@C"]]);
  });

  it("takes an undefined capitals word for a material only where the text calls it one", () => {
    expect(materialMentions("Purchased from ACS and TCI. The TCI powder was used.").map((m) => m.name)).toEqual(["TCI"]);
  });

  it("reads a formula's short name, and the formula with its phase prefix, as one material", () => {
    const materials = materialMentions("The O3-NaNi0.5Mn0.5O2 (NNM) cathode; NaNi0.5Mn0.5O2 is layered and NNM is stable.");
    expect(materials.map((m) => [m.name, m.mentions.length])).toEqual([["NNM", 4]]);
  });
});

describe("passing mentions and abbreviations that are not samples", () => {
  it("skips an impurity named once in the paragraph for the paper's main material", () => {
    const text =
      "The SnO2@C composite was made. SnO2@C is porous. SnO2@C is stable. SnO2@C works.\n\nA trace of Sn3O4 was found. Raman peaks appear at 630 cm−1.";
    expect(measurementCandidates(text).map((c) => [c.value, c.material])).toEqual([[630, "SnO2@C"]]);
  });

  it("reads an all-capitals word as an abbreviation even when its letters are elements, and a defined polysulfide as no material", () => {
    expect(materialMentions("Lithium polysulfides (LiPSs) and the CNS precursor were studied.").map((m) => m.name)).toEqual([]);
  });
});

describe("cells named by what they are built with", () => {
  it("reads 'the X full cell' as a material of its own, the cell", () => {
    const text = "The LiFePO4/C cathode was paired with the PEO-LLZO electrolyte. The PEO-LLZO full cells retain 91% capacity after 300 cycles.";
    expect(measurementCandidates(text).map((c) => [c.value, c.material])).toEqual([[91, "PEO-LLZO full cell"]]);
  });
});

describe("names with a word before or after", () => {
  it("reads 'commercial Sb' as a sample and 'the NCM-based full cell' as the cell", () => {
    expect(materialMentions("Commercial antimony and commercial Sb were compared with the NCM-based full cell.").map((m) => m.name)).toEqual([
      "commercial Sb",
      "NCM full cell",
    ]);
  });
});

describe("a cell test in a paragraph about a cell", () => {
  it("files a result of X under 'the X full cell' its paragraph named", () => {
    const text = "The PEO-LLZO full cells were cycled at 1C. After 500 cycles, PEO-LLZO retains 88% of its capacity.";
    expect(measurementCandidates(text).map((c) => [c.value, c.material])).toEqual([[88, "PEO-LLZO full cell"]]);
  });
});

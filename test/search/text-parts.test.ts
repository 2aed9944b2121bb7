/** What the text builder adds so a chemist's abbreviations, reagents and dopants are found. */
import { describe, it, expect } from "vitest";
import { searchableText, subTokens } from "../../lib/search/text";
import { synonymsOf, synonymTable } from "../../lib/search/synonyms";
import { validateRecordFile } from "../../lib/records";
import { validFile } from "../helpers/records";

describe("the searchable text", () => {
  it("adds the parts of compound names and formulas that no tokenizer cuts out", () => {
    expect(subTokens("O3-Na₀.₉₅LNCFM")).toEqual(["Na", "LNCFM"]);
    expect(subTokens("NaLNCFM")).toEqual(["Na", "LNCFM"]);
    expect(subTokens("SbQD@C")).toEqual(["Sb", "QD"]);
    expect(subTokens("Na3V2(PO4)3")).toEqual(["Na", "PO"]);
    // Numbers, single letters and whole tokens are not added again.
    expect(subTokens("FeS2/C")).toEqual(["Fe"]);
    expect(subTokens("MXene nanosheets")).toEqual([]);
  });

  it("reads reagents and the class note as details, below the name and formula", () => {
    const text = searchableText(
      {
        name: "N-CNFs",
        materialClass: "doped carbon",
        classNote: "from electrospun fibres",
        role: "anode",
        batterySystem: "sodium-ion",
        reagents: ["polyacrylonitrile (PAN)"],
      },
      { title: "T", journal: "J", keywords: [], authors: [] },
    );
    expect(text.details).toContain("polyacrylonitrile (PAN)");
    expect(text.details).toContain("from electrospun fibres");
    expect(text.name).not.toContain("PAN");
  });
});

describe("dopant synonyms", () => {
  it("pair every element's symbol and name, either way", () => {
    expect(synonymsOf("N-doped")).toEqual(["nitrogen-doped"]);
    expect(synonymsOf("Nitrogen-doped")).toEqual(["N-doped"]);
    expect(synonymsOf("S-doping")).toEqual(["sulfur-doping"]);
    expect(synonymsOf("Zr-doped")).toEqual(["zirconium-doped"]);
    expect(synonymTable()["P-doped"]).toEqual(["phosphorus-doped"]);
  });

  it("leave co-doped alone: it means two dopants, not cobalt", () => {
    expect(synonymsOf("co-doped")).toEqual([]);
  });
});

describe("the material class of a record", () => {
  it("is one of the list; free text from before the list reads as 'other' with the text as its note", () => {
    const file = validFile();
    const [listed, free] = file.papers[0]!.materials!;
    listed!.materialClass = "Conversion-type sulfide";
    free!.materialClass = "Ti3C2Tx MXene flakes";
    free!.classNote = "etched with HF";
    const parsed = validateRecordFile(file).papers[0]!.materials;
    expect(parsed[0]).toMatchObject({ materialClass: "conversion-type sulfide" });
    expect(parsed[0]!.classNote).toBeUndefined();
    expect(parsed[1]).toMatchObject({ materialClass: "other", classNote: "Ti3C2Tx MXene flakes; etched with HF" });
  });
});

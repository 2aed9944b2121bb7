import { describe, it, expect } from "vitest";
import { repairGlyphs, repairRecordGlyphs, UNREADABLE_GLYPH } from "../../lib/records/glyphs";
import { foldText } from "../../lib/records/provenance";
import { validateRecordFile, type FieldError } from "../../lib/records";

describe("publishers' private-use glyphs", () => {
  it("reads Wiley's bond glyphs as the bonds they stand for", () => {
    expect(repairGlyphs("the Sb\uF8FFO\uF8FFC bond").text).toBe("the Sb–O–C bond");
    expect(repairGlyphs("C\uF8FEC, C\uF8FFO").text).toBe("C=C, C–O");
  });

  it("marks any other private-use character visibly and names it", () => {
    expect(repairGlyphs("Li\uE0A3 ion")).toEqual({ text: `Li${UNREADABLE_GLYPH} ion`, unknown: ["U+E0A3"] });
    expect(repairGlyphs("plain text, Ω and µ kept")).toEqual({ text: "plain text, Ω and µ kept", unknown: [] });
  });

  it("repairs every string of a record file and warns with the field's path", () => {
    const { value, warnings } = repairRecordGlyphs({ papers: [{ title: "a\uE001b", authors: ["X\uF8FFY"] }] });
    expect(value).toEqual({ papers: [{ title: `a${UNREADABLE_GLYPH}b`, authors: ["X–Y"] }] });
    expect(warnings.map((w) => w.path)).toEqual(["papers[0].title"]);
    expect(warnings[0]!.message).toMatch(/U\+E001/);
  });

  it("are repaired on import, with a warning for the unknown ones", () => {
    const warnings: FieldError[] = [];
    const file = validateRecordFile(
      {
        papers: [
          {
            doi: "10.1234/glyph.1",
            title: "Sb\uF8FFO\uF8FFC coupling \uE123",
            journal: "J",
            year: 2021,
            authors: ["A. B."],
            kind: "research article",
          },
        ],
      },
      warnings,
    );
    expect(file.papers[0]!.title).toBe(`Sb–O–C coupling ${UNREADABLE_GLYPH}`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.path).toBe("papers[0].title");
  });

  it("fold the same on both sides, so a repaired quote still matches the paper's raw text", () => {
    expect(foldText("the Sb–O–C bond")).toBe(foldText("the Sb\uF8FFO\uF8FFC bond"));
    expect(foldText("C=C")).toBe(foldText("C\uF8FEC"));
  });
});

/** A document's candidates gathered into a draft record file the import format accepts, with the side list for review. */
import { describe, it, expect } from "vitest";
import { assembleDocument, type PaperMetadata } from "../../lib/extract/document";
import { extractPaper } from "../../lib/extract/record";
import { checkRecordFile } from "../../lib/records/checks";

const ABSTRACT =
  "Nitrogen-doped carbon nanofibers (N-CNFs) were prepared as anodes for sodium-ion batteries. " +
  "N-CNFs carbonized at 800 °C delivered a reversible capacity of 293 mAh g 1 at a current density of 50 mA g 1 in the first cycle. " +
  "Pores of 12 to 4 nm were seen.";

const METADATA: PaperMetadata = { doi: "10.1000/xyz123", title: "Nitrogen-doped carbon nanofibers", authors: ["A. Author"], journal: "J. Test", year: 2024 };
const extractionOf = (metadata: PaperMetadata = {}) => extractPaper(assembleDocument("text", [{ kind: "paragraph", text: ABSTRACT }], metadata));

describe("a draft record from a document", () => {
  it("is a record file matlit import accepts unchanged when the document states the paper's metadata, as a draft", () => {
    const { record, missing } = extractionOf(METADATA);
    expect(missing).toEqual([]);
    const parsed = checkRecordFile(record);
    expect(parsed.papers[0]!.status).toBe("draft");
    const [material] = parsed.papers[0]!.materials;
    expect(material).toMatchObject({ key: "n-cnfs", name: "N-CNFs", role: "anode", batterySystem: "sodium-ion" });
    expect(material!.measurements.find((m) => m.property === "specific_capacity")).toMatchObject({
      value: 293,
      unit: "mAh g-1",
      conditions: { currentDensity: { value: 50, unit: "mA g-1" } },
    });
    expect(material!.synthesis[0]).toMatchObject({ action: "carbonize", temperature: { value: 800, unit: "°C" } });
  });

  it("names what the document does not state, for the reviewer to add", () => {
    expect(extractionOf().missing.map((m) => m.path)).toEqual(["doi", "title", "authors", "journal", "year"]);
    expect(extractionOf().missing[0]!.message).toMatch(/does not state the DOI/);
  });

  it("keeps every candidate in the side list with its span, confidence and reason; one the schema refuses is left out of the record with its problem", () => {
    const { candidates, record, text } = extractionOf(METADATA);
    for (const c of candidates) {
      expect(c.quote).toContain(text.slice(c.start, c.end).split(" ")[0]);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.reason).toBeTruthy();
    }
    const pores = candidates.find((c) => c.measurement?.min === 12);
    expect(pores?.problem).toMatch(/min must not exceed max/);
    expect(record.papers[0]!.materials!.flatMap((m) => m.measurements ?? []).some((m) => m.min === 12)).toBe(false);
  });
});

describe("material suggestions", () => {
  it("read a formula's elements, never an abbreviation's capitals ('HCS' is hard carbon spheres, not H, C and S)", () => {
    const { record } = extractPaper(
      assembleDocument(
        "text",
        [{ kind: "paragraph", text: "Hard carbon spheres (HCS) show 210 mAh g−1 at 1 A g−1, and FeS2 shows 410 mAh g−1 at 1 A g−1." }],
        {},
      ),
    );
    const byName = Object.fromEntries(record.papers[0]!.materials!.map((m) => [m.name, m]));
    expect(byName.HCS).toMatchObject({ materialClass: "hard carbon" });
    expect(byName.HCS!.elements).toBeUndefined();
    expect(byName.FeS2).toMatchObject({ formula: "FeS2", elements: ["Fe", "S"] });
  });
});

import { describe, expect, it } from "vitest";
import { readDocument } from "@/lib/extract/documents";

const paper = `Hierarchical N-doped carbon nanofibers for sodium storage

Received: 12 March 2023 / Accepted: 2 May 2023 / Published online: 20 May 2023
https://doi.org/10.1007/s40820-023-01234-5.

ABSTRACT
Carbon nanofibers deliver 293 mAh g⁻¹ after 100 cycles.

# Methods
The fibers were annealed at 800 °C
for 2 h under argon.

2. Experimental
2.1 Synthesis of N-CNFs
PAN was electrospun and carbonised.

Results and discussion

- The first bullet point.
- A second bullet point.

References
1. A. Author, J. Power Sources 2020, doi:10.1016/j.jpowsour.2020.000001.`;

describe("reading plain text", () => {
  it("splits paragraphs on blank lines and joins the lines inside one", async () => {
    const document = await readDocument(paper, { format: "text" });
    expect(document.format).toBe("text");
    expect(document.text).toContain("The fibers were annealed at 800 °C for 2 h under argon.");
  });

  it("makes short heading-like lines headings, also when a paragraph follows on the next line", async () => {
    const { sections } = await readDocument(paper);
    expect(sections.map((s) => s.title)).toEqual([
      "",
      "ABSTRACT",
      "Methods",
      "2. Experimental",
      "2.1 Synthesis of N-CNFs",
      "Results and discussion",
      "References",
    ]);
  });

  it("keeps sentences that merely end without a full stop as text", async () => {
    const { sections, text } = await readDocument("The capacity was measured at 0.1 C\n\nIt faded after 100 cycles.");
    expect(sections.map((s) => s.title)).toEqual([""]);
    expect(text).toBe("The capacity was measured at 0.1 C\n\nIt faded after 100 cycles.");
  });

  it("makes each list item a paragraph of its own", async () => {
    const { text } = await readDocument(paper);
    expect(text).toContain("Results and discussion\n\nThe first bullet point.\n\nA second bullet point.");
  });

  it("finds the paper's DOI before the reference list and its year of publication", async () => {
    const { metadata } = await readDocument(paper);
    expect(metadata).toEqual({ doi: "10.1007/s40820-023-01234-5", year: 2023 });
  });

  it("takes the year from the copyright line when nothing says published", async () => {
    const { metadata } = await readDocument("Title of a paper\n\n© The Author(s) 2024\n\nSome text.");
    expect(metadata.year).toBe(2024);
  });

  it("turns superscript characters into the plain characters the unit reader reads", async () => {
    const { text } = await readDocument(paper);
    expect(text).toContain("293 mAh g−1");
  });
});

import { describe, expect, it } from "vitest";
import { readDocument } from "@/lib/extract/documents";

describe("reading a BibTeX entry", () => {
  const bibtex = `% exported from a reference manager
@string{sm = "Small Methods"}
@article{qiu2021,
  title = {Heterogeneous Interface Design: {Sb} Quantum Dots in Na$_{3}$Sb},
  author = {Qiu, Tianyun and Yang, Li and M{\\"u}ller, J{\\"o}rg and {Materials Consortium}},
  journal = sm,
  year = 2021,
  month = jul,
  volume = "5",
  number = {7},
  pages = {2100188--2100201},
  doi = {10.1002/smtd.202100188},
  keywords = {antimony, sodium-ion batteries},
  abstract = {Sb quantum dots deliver 430 mAh g$^{-1}$ after 100 cycles.},
}`;

  it("takes title, authors as 'Given Family', journal (macros expanded), year, volume, issue, pages and DOI", async () => {
    const document = await readDocument(bibtex, { name: "qiu.bib" });
    expect(document.format).toBe("bibtex");
    expect(document.metadata).toEqual({
      doi: "10.1002/smtd.202100188",
      title: "Heterogeneous Interface Design: Sb Quantum Dots in Na3Sb",
      authors: ["Tianyun Qiu", "Li Yang", "Jörg Müller", "Materials Consortium"],
      journal: "Small Methods",
      year: 2021,
      volume: "5",
      issue: "7",
      pages: "2100188–2100201",
      abstract: "Sb quantum dots deliver 430 mAh g-1 after 100 cycles.",
      keywords: ["antimony", "sodium-ion batteries"],
    });
  });

  it("makes the abstract the document's text", async () => {
    const { text } = await readDocument(bibtex);
    expect(text).toBe("Sb quantum dots deliver 430 mAh g-1 after 100 cycles.");
  });

  it("says where an entry breaks", async () => {
    await expect(readDocument("@article{x,\n title = {Unclosed,\n year = 2020\n")).rejects.toThrow(
      /the BibTeX does not parse at line \d+: a brace is not closed/,
    );
  });
});

describe("reading an RIS record", () => {
  const ris = `TY  - JOUR
TI  - Sb Quantum Dots Confined by Functional Carbon
AU  - Qiu, Tianyun
AU  - Ji, Xiaobo
T2  - Small Methods
PY  - 2021/07/15
VL  - 5
IS  - 7
SP  - 2100188
DO  - https://doi.org/10.1002/smtd.202100188
KW  - antimony
KW  - sodium-ion batteries
AB  - Sb quantum dots deliver 430 mAh g−1
  after 100 cycles.
ER  - 
`;

  it("takes the tagged fields, authors as 'Given Family'", async () => {
    const document = await readDocument(ris);
    expect(document.format).toBe("ris");
    expect(document.metadata).toEqual({
      doi: "10.1002/smtd.202100188",
      title: "Sb Quantum Dots Confined by Functional Carbon",
      authors: ["Tianyun Qiu", "Xiaobo Ji"],
      journal: "Small Methods",
      year: 2021,
      volume: "5",
      issue: "7",
      pages: "2100188",
      abstract: "Sb quantum dots deliver 430 mAh g−1 after 100 cycles.",
      keywords: ["antimony", "sodium-ion batteries"],
    });
    expect(document.text).toBe("Sb quantum dots deliver 430 mAh g−1 after 100 cycles.");
  });

  it("refuses a file given as RIS that has no record", async () => {
    await expect(readDocument("Just some words.", { format: "ris" })).rejects.toThrow(/the RIS has no record/);
  });
});

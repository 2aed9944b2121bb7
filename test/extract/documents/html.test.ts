import { describe, expect, it } from "vitest";
import { readDocument } from "@/lib/extract/documents";

const page = `<!DOCTYPE html>
<html lang="en"><head>
  <title>Sodium storage | Journal</title>
  <meta name="citation_title" content="Sb Quantum Dots Confined by Functional Carbon">
  <meta name="citation_author" content="Qiu, Tianyun">
  <meta name="citation_author" content="Xiaobo Ji">
  <meta name="citation_journal_title" content="Small Methods">
  <meta name="citation_publication_date" content="2021/07/15">
  <meta name="citation_volume" content="5">
  <meta name="citation_issue" content="7">
  <meta name="citation_firstpage" content="2100188">
  <meta name="citation_doi" content="doi:10.1002/smtd.202100188">
  <meta name="citation_keywords" content="antimony; sodium-ion batteries">
  <meta property="og:title" content="A shorter title">
  <script>window.tracking = "mAh g-1 123";</script>
  <style>p { color: red }</style>
</head><body>
  <header><nav><a href="/">Home</a> <a href="/journals">Journals</a></nav></header>
  <main><article>
    <h1>Sb Quantum Dots Confined by Functional Carbon</h1>
    <section><h2>Abstract</h2><p>SbQD@C keeps 430 mAh g<sup>−1</sup> at 1&nbsp;A&nbsp;g<sup>−1</sup>.</p></section>
    <section><h2>1 Introduction</h2>
      <p>Sb has a capacity of 660 mAh g<sup>−1</sup>.<sup><a href="#ref-CR1">1</a></sup> It forms Na<sub>3</sub>Sb.</p>
      <figure><img src="f1.png" alt="XRD"><figcaption><b>Fig. 1</b> XRD at 10 °C min<sup>−1</sup>.</figcaption></figure>
      <ul><li>First point.</li><li>Second point.</li></ul>
      <table><caption>Table 1 Anodes</caption><tr><th>Material</th><th>Capacity</th></tr><tr><td>SbQD@C</td><td>430</td></tr></table>
    </section>
    <aside class="promo"><p>Subscribe now</p></aside>
    <section id="Bib1"><h2>References</h2><ol><li>A. Other, Nature 2020, 10.1038/other.</li></ol></section>
    <section><h2>Acknowledgements</h2><p>Funded.</p></section>
  </article></main>
  <footer><p>© Publisher</p></footer>
</body></html>`;

describe("reading a publisher's saved HTML page", () => {
  it("takes the metadata from the citation_ meta tags", async () => {
    const document = await readDocument(page);
    expect(document.format).toBe("html");
    expect(document.metadata).toEqual({
      doi: "10.1002/smtd.202100188",
      title: "Sb Quantum Dots Confined by Functional Carbon",
      authors: ["Tianyun Qiu", "Xiaobo Ji"],
      journal: "Small Methods",
      year: 2021,
      volume: "5",
      issue: "7",
      pages: "2100188",
      keywords: ["antimony", "sodium-ion batteries"],
    });
  });

  it("reads the article's headings, paragraphs, list items, captions and table rows", async () => {
    const { sections, text } = await readDocument(page);
    expect(sections.map((s) => s.title)).toEqual(["Sb Quantum Dots Confined by Functional Carbon", "Abstract", "1 Introduction", "Acknowledgements"]);
    expect(text).toContain("SbQD@C keeps 430 mAh g−1 at 1 A g−1.");
    expect(text).toContain("Sb has a capacity of 660 mAh g−1. It forms Na3Sb.");
    expect(text).toContain("Fig. 1 XRD at 10 °C min−1.");
    expect(text).toContain("First point.\n\nSecond point.");
    expect(text).toContain("Table 1 Anodes\n\nMaterial | Capacity\n\nSbQD@C | 430");
  });

  it("leaves out scripts, navigation, asides, the footer and the reference list", async () => {
    const { text } = await readDocument(page);
    for (const left of ["tracking", "Journals", "Subscribe", "Publisher", "Nature", "color"]) expect(text).not.toContain(left);
  });

  it("falls back to og:title and the body when a page has no citation_ tags or <article>", async () => {
    const { metadata, text } = await readDocument(
      '<html><head><meta property="og:title" content="A paper"></head><body><div>Loose text<p>A paragraph.</p></div></body></html>',
    );
    expect(metadata.title).toBe("A paper");
    expect(text).toBe("Loose text\n\nA paragraph.");
  });
});

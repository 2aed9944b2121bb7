import { describe, expect, it } from "vitest";
import { findQuantities } from "@/lib/extract";
import { readDocument } from "@/lib/extract/documents";

const jats = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2 20190208//EN" "JATS-journalpublishing1.dtd">
<article xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article">
  <front>
    <journal-meta><journal-title-group><journal-title>Nano-Micro Letters</journal-title></journal-title-group></journal-meta>
    <article-meta>
      <article-id pub-id-type="pmid">12345</article-id>
      <article-id pub-id-type="doi">10.1007/s40820-025-01858-2</article-id>
      <title-group><article-title>Quantum-Size FeS<sub>2</sub> for Sodium-Ion Batteries</article-title></title-group>
      <contrib-group>
        <contrib contrib-type="author"><name><surname>Li</surname><given-names>Tianlin</given-names></name></contrib>
        <contrib contrib-type="author"><name><surname>Zhao</surname><given-names>Danyang</given-names></name><xref ref-type="aff" rid="aff1">1</xref></contrib>
        <contrib contrib-type="editor"><name><surname>Editor</surname><given-names>An</given-names></name></contrib>
      </contrib-group>
      <pub-date pub-type="epub"><year>2025</year></pub-date>
      <pub-date pub-type="ppub"><year>2026</year></pub-date>
      <volume>18</volume><issue>1</issue><elocation-id>15</elocation-id>
      <abstract><p>FeS<sub>2</sub> quantum dots deliver 452 mAh g<sup>−1</sup>.</p></abstract>
      <abstract abstract-type="graphical"><p>A picture.</p></abstract>
      <kwd-group><kwd>FeS2</kwd><kwd>Sodium-ion batteries</kwd></kwd-group>
    </article-meta>
  </front>
  <body>
    <sec id="s1"><label>1</label><title>Introduction</title>
      <p>Sodium-ion batteries are cheap.<xref ref-type="bibr" rid="b1">1</xref> Na<sup>+</sup> diffuses at 10<sup>−12</sup> cm<sup>2</sup> s<sup>−1</sup>.</p>
    </sec>
    <sec id="s2"><label>2</label><title>Experimental</title>
      <sec id="s2.1"><label>2.1</label><title>Synthesis of FeS<sub>2</sub></title>
        <p>The powder was heated at 5 °C min<sup>−1</sup> to 600 °C.
          <disp-formula id="e1"><label>(1)</label><mml:math><mml:mrow><mml:mi>i</mml:mi><mml:mo>=</mml:mo><mml:mi>a</mml:mi><mml:msup><mml:mi>v</mml:mi><mml:mi>b</mml:mi></mml:msup></mml:mrow></mml:math></disp-formula>
        </p>
      </sec>
    </sec>
    <sec id="s3"><label>3</label><title>Results</title>
      <fig id="f1"><label>Fig. 1</label><caption><p>Rate capability at 0.1–5 A g<sup>−1</sup>.</p></caption><graphic xlink:href="f1.png"/></fig>
      <table-wrap id="t1"><label>Table 1</label><caption><title>Comparison of anodes</title></caption>
        <table><thead><tr><th>Material</th><th>Capacity (mAh g<sup>−1</sup>)</th></tr></thead>
        <tbody><tr><td>FeS<sub>2</sub> QD/MXene</td><td>452</td></tr></tbody></table>
      </table-wrap>
    </sec>
  </body>
  <back>
    <ack><title>Acknowledgements</title><p>Funded by a grant.</p></ack>
    <ref-list><title>References</title><ref id="b1"><mixed-citation>A. Other, Nature 2020, 10.1038/other.</mixed-citation></ref></ref-list>
  </back>
</article>`;

const wiley = `<component xmlns="http://www.wiley.com/namespaces/wiley" version="2.0" type="serialArticle">
<header>
  <publicationMeta level="product"><doi>10.1002/(ISSN)2366-9608</doi><titleGroup><title type="main">Small Methods</title></titleGroup></publicationMeta>
  <publicationMeta level="part"><doi>10.1002/smtd.v5.7</doi><numberingGroup><numbering type="journalVolume">5</numbering><numbering type="journalIssue">7</numbering></numberingGroup><coverDate startDate="2021-07">July 15, 2021</coverDate></publicationMeta>
  <publicationMeta level="unit"><doi>10.1002/smtd.202100188</doi><idGroup><id type="eLocator" value="2100188"/></idGroup>
    <eventGroup><event type="firstOnline" date="2021-06-16"/></eventGroup>
    <selfCitationGroup><citation type="self"><author><givenNames>T.</givenNames><familyName>Qiu</familyName></author></citation></selfCitationGroup>
  </publicationMeta>
  <contentMeta>
    <titleGroup><title type="main">Sb Quantum Dots Confined by Functional Carbon</title></titleGroup>
    <creators>
      <creator creatorRole="author"><personName><givenNames>Tianyun</givenNames><familyName>Qiu</familyName></personName></creator>
      <creator creatorRole="author"><personName><givenNames>Xiaobo</givenNames><familyName>Ji</familyName></personName></creator>
    </creators>
    <keywordGroup><keyword>Sb quantum dots</keyword><keyword>sodium-ion batteries</keyword></keywordGroup>
    <abstractGroup><abstract type="main"><title type="main">Abstract</title><p>SbQD@C keeps 430 mAh g<sup>−1</sup>.</p></abstract></abstractGroup>
  </contentMeta>
</header>
<body>
  <section><title type="main">Introduction</title><p>Sb has a capacity of 660 mAh g<sup>−1</sup>.<sup>[</sup><link href="#smtd-bib-0001"><sup>1</sup></link><sup>]</sup> It forms Na<sub>3</sub>Sb.</p></section>
  <section><title type="main">Results</title>
    <p>The cell was cycled.<figure><label>1</label><title type="figureName">Figure</title><mediaResourceGroup><mediaResource href="f1.png"/></mediaResourceGroup><caption>XRD heated at 10 °C min<sup>−1</sup>.</caption></figure></p>
  </section>
  <bibliography><bib><citation><author><familyName>Other</familyName></author><journalTitle>Nature</journalTitle></citation></bib></bibliography>
</body>
</component>`;

describe("reading JATS XML", () => {
  it("takes the paper's metadata from <article-meta>", async () => {
    const document = await readDocument(jats);
    expect(document.format).toBe("xml");
    expect(document.metadata).toEqual({
      doi: "10.1007/s40820-025-01858-2",
      title: "Quantum-Size FeS2 for Sodium-Ion Batteries",
      authors: ["Tianlin Li", "Danyang Zhao"],
      journal: "Nano-Micro Letters",
      year: 2026,
      volume: "18",
      issue: "1",
      articleNumber: "15",
      abstract: "FeS₂ quantum dots deliver 452 mAh g⁻¹.",
      keywords: ["FeS2", "Sodium-ion batteries"],
    });
  });

  it("starts the text with title and abstract, then the body's numbered sections", async () => {
    const { sections, text } = await readDocument(jats);
    expect(sections.map((s) => s.title)).toEqual([
      "",
      "Abstract",
      "1 Introduction",
      "2 Experimental",
      "2.1 Synthesis of FeS2",
      "3 Results",
      "Acknowledgements",
    ]);
    expect(text.startsWith("Quantum-Size FeS2 for Sodium-Ion Batteries\n\nAbstract\n\nFeS2 quantum dots deliver 452 mAh g−1.")).toBe(true);
  });

  it("leaves out citations and the reference list", async () => {
    const { text } = await readDocument(jats);
    expect(text).toContain("Sodium-ion batteries are cheap. Na+ diffuses");
    expect(text).not.toContain("10.1038/other");
  });

  it("writes super- and subscripts so that the unit reader reads the units", async () => {
    const { text } = await readDocument(jats);
    expect(text).toContain("10−12 cm2 s−1");
    expect(text).toContain("The powder was heated at 5 °C min−1 to 600 °C.");
    const abstract = text.split("\n\n")[2]!;
    expect(findQuantities(abstract)).toMatchObject([{ value: 452, unit: "mAh g−1", fits: expect.arrayContaining(["specific_capacity"]) }]);
  });

  it("keeps a displayed equation as a line of text with its number after it", async () => {
    const { text } = await readDocument(jats);
    expect(text).toContain("\n\ni=avb (1)\n\n");
  });

  it("keeps figure captions, table captions and each table row as a paragraph", async () => {
    const { text } = await readDocument(jats);
    expect(text).toContain("Fig. 1. Rate capability at 0.1–5 A g−1.");
    expect(text).toContain("Table 1. Comparison of anodes\n\nMaterial | Capacity (mAh g−1)\n\nFeS2 QD/MXene | 452");
    expect(text).not.toContain("A picture.");
  });
});

describe("reading WileyML", () => {
  it("takes the article's metadata from the unit, the journal's from the product", async () => {
    const { metadata } = await readDocument(wiley, { format: "xml" });
    expect(metadata).toEqual({
      doi: "10.1002/smtd.202100188",
      title: "Sb Quantum Dots Confined by Functional Carbon",
      authors: ["Tianyun Qiu", "Xiaobo Ji"],
      journal: "Small Methods",
      year: 2021,
      volume: "5",
      issue: "7",
      articleNumber: "2100188",
      abstract: "SbQD@C keeps 430 mAh g⁻¹.",
      keywords: ["Sb quantum dots", "sodium-ion batteries"],
    });
  });

  it("reads sections and figure captions, without bracketed citation links or the bibliography", async () => {
    const { sections, text } = await readDocument(wiley);
    expect(sections.map((s) => s.title)).toEqual(["", "Abstract", "Introduction", "Results"]);
    expect(text).toContain("Sb has a capacity of 660 mAh g−1. It forms Na3Sb.");
    expect(text).toContain("The cell was cycled.\n\nFigure 1. XRD heated at 10 °C min−1.");
    expect(text).not.toContain("Nature");
  });
});

describe("XML that is not", () => {
  it("names where the XML breaks", async () => {
    await expect(readDocument("<article>\n<body><p>text</body>\n</article>")).rejects.toThrow(/the XML does not parse at line 2, column \d+/);
  });

  it("reads undeclared HTML entities that publishers' XML uses", async () => {
    const { text } = await readDocument("<article><body><p>Heated to 600&nbsp;&deg;C at 5&nbsp;&deg;C&nbsp;min<sup>&minus;1</sup>.</p></body></article>");
    expect(text).toBe("Heated to 600 °C at 5 °C min−1.");
  });
});

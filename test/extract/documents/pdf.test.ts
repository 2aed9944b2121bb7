import { afterAll, describe, expect, it } from "vitest";
import { findQuantities } from "@/lib/extract";
import { readDocument } from "@/lib/extract/documents";
import { closeBrowser, printPdf } from "./pdf-helpers";

afterAll(closeBrowser);

/** A 1×1 transparent PNG, drawn large: a page with a picture and no text. */
const PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

const paper = `<html><head><title>Quantum-Size FeS2 Anodes for Sodium-Ion Batteries</title><meta name="author" content="Tianlin Li"></head>
<body style="font: 11pt serif">
  <h2>1 Introduction</h2>
  <p>Sodium-ion batteries are a cheaper alternative to lithium-ion batteries for storage in the grid, and iron sulfides are cheap anodes for them because iron and sulfur are abundant everywhere.</p>
  <p>The FeS<sub>2</sub> anode delivered 293 mAh g<sup>−1</sup> at 0.1 A g<sup>−1</sup> and kept 90.5% of it after 500 cycles. Its ionic conductivity was 1.2 × 10<sup>−3</sup> S cm<sup>−1</sup> at 25 °C.</p>
  <h2>2 Experimental Section</h2>
  <p>DOI: 10.1007/s40820-025-01858-2. Published online: 3 July 2025.</p>
</body></html>`;

describe("reading a PDF's text layer", () => {
  it("rebuilds paragraphs and headings, keeping superscript units readable", async () => {
    const document = await readDocument(await printPdf(paper), { name: "paper.pdf" });
    expect(document.format).toBe("pdf");
    expect(document.sections.map((s) => s.title)).toEqual(["1 Introduction", "2 Experimental Section"]);
    expect(document.text).toContain("The FeS2 anode delivered 293 mAh g−1 at 0.1 A g−1 and kept 90.5% of it after 500 cycles.");
    expect(document.text).toContain("1.2 × 10−3 S cm−1 at 25 °C");
    const sentence = document.text.split("\n\n").find((p) => p.startsWith("The FeS2"))!;
    expect(findQuantities(sentence)[0]).toMatchObject({ value: 293, unit: "mAh g−1" });
  });

  it("joins the lines of a paragraph that wraps", async () => {
    const { text } = await readDocument(await printPdf(paper));
    expect(text).toContain(
      "Sodium-ion batteries are a cheaper alternative to lithium-ion batteries for storage in the grid, and iron sulfides are cheap anodes for them because iron and sulfur are abundant everywhere.",
    );
  });

  it("takes the title and author from the PDF's information and the DOI and year from its text", async () => {
    const { metadata } = await readDocument(await printPdf(paper));
    expect(metadata).toEqual({ doi: "10.1007/s40820-025-01858-2", title: "Quantum-Size FeS2 Anodes for Sodium-Ion Batteries", year: 2025 });
  });

  it("refuses a PDF of pictures only", async () => {
    const scanned = await printPdf(`<body><img src="${PNG}" style="width:15cm;height:20cm"></body>`);
    await expect(readDocument(scanned)).rejects.toThrow("the PDF has no text layer (a scanned image?): matlit reads the text of a PDF, not its pictures");
  });

  it("refuses a PDF locked with a password", async () => {
    // The standard security handler with a user password: the empty password does not open it.
    const key = (n: number) => Array.from({ length: n }, (_, i) => ((i * 37 + 11) % 256).toString(16).padStart(2, "0")).join("");
    const locked = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
4 0 obj << /Filter /Standard /V 1 /R 2 /O <${key(32)}> /U <${key(32)}> /P -4 >> endobj
trailer << /Root 1 0 R /Size 5 /Encrypt 4 0 R /ID [<${key(16)}> <${key(16)}>] >>
%%EOF`;
    await expect(readDocument(new TextEncoder().encode(locked))).rejects.toThrow(
      "the PDF is encrypted with a password: save an unprotected copy and read that",
    );
  });

  it("refuses an empty file given as a PDF", async () => {
    await expect(readDocument(new Uint8Array(), { format: "pdf" })).rejects.toThrow("the file is empty");
  });

  it("refuses a damaged PDF", async () => {
    const pdf = await printPdf(paper);
    const damaged = Uint8Array.from([...pdf.subarray(0, 20), ...new Uint8Array(400).fill(0x41)]);
    await expect(readDocument(damaged)).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/^the PDF cannot be read/) });
  });
});

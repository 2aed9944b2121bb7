/**
 * The issue's acceptance test: a paper read from a PDF yields the candidates its text yields. Seed
 * 000's text is printed to a PDF by Chromium and read back; the (property, value, unit) triples that
 * measurementCandidates finds in the two texts differ by at most 5 % of the text's count. And seed
 * 002, Wiley's XML of a paper, fills the paper's bibliographic data.
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { measurementCandidates } from "@/lib/extract";
import { readDocument } from "@/lib/extract/documents";
import { closeBrowser, escapeHtml, printPdf } from "./pdf-helpers";

const SEEDS = new URL("../../../../shared/seeds/", import.meta.url);
const seed = (name: string) => readFileSync(new URL(name, SEEDS));

afterAll(closeBrowser);

const triples = (text: string) => new Set(measurementCandidates(text).map((c) => `${c.property} | ${c.value ?? `${c.min}–${c.max}`} | ${c.unit}`));

describe.skipIf(!existsSync(SEEDS))("the seed papers", () => {
  it("finds the same candidates in seed 000 printed to a PDF as in its text, within 5 %", { timeout: 120_000 }, async () => {
    const source = seed("000_471d105144fb4524.txt");
    const paragraphs = source
      .toString("utf8")
      .split(/\n\s*\n/)
      .filter((p) => p.trim())
      .map((p) => `<p>${escapeHtml(p.trim())}</p>`);
    const html = `<html><body style="font: 10pt serif; white-space: pre-wrap">${paragraphs.join("\n")}</body></html>`;

    const fromPdf = await readDocument(await printPdf(html), { format: "pdf" });
    const fromText = await readDocument(source, { format: "text" });
    const inPdf = triples(fromPdf.text);
    const inText = triples(fromText.text);
    const differing = [...inText].filter((t) => !inPdf.has(t)).concat([...inPdf].filter((t) => !inText.has(t)));

    expect(inText.size).toBeGreaterThan(20);
    expect(differing.length, `differing: ${differing.join("; ")}`).toBeLessThanOrEqual(0.05 * inText.size);
  });

  it("reads seed 002's WileyML into the paper's DOI, title, authors, journal and year", async () => {
    const { format, metadata, sections } = await readDocument(seed("002_23e0f594a95452bb.txt"));
    expect(format).toBe("xml");
    expect(metadata.doi).toBe("10.1002/smtd.202100188");
    expect(metadata.title).toContain("Sb Quantum Dots");
    expect(metadata.authors?.length).toBeGreaterThanOrEqual(5);
    expect(metadata.authors?.some((a) => a.endsWith("Qiu"))).toBe(true);
    expect(metadata.journal).toBe("Small Methods");
    expect(metadata.year).toBe(2021);
    expect(sections.map((s) => s.title)).toContain("Experimental Section");
  });
});

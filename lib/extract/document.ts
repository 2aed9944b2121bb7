/**
 * A paper as the extractor reads it, whatever file it came from: its text (repaired, ./repair.ts),
 * the sections that text falls into, and the bibliographic data the file carries. Each reader
 * (./documents/) turns its format into blocks — headings and paragraphs in reading order — plus
 * metadata; `assembleDocument` joins the blocks so every offset a candidate keeps points into
 * one text, the one the reviewer sees.
 */
import { repairText } from "./repair";

export const DOCUMENT_FORMATS = ["text", "pdf", "xml", "html", "bibtex", "ris"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** What a file says about the paper itself; any part may be missing. */
export interface PaperMetadata {
  doi?: string;
  title?: string;
  authors?: string[];
  journal?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  articleNumber?: string;
  abstract?: string;
  keywords?: string[];
}

/** A heading starts a section; paragraphs belong to the section of the heading before them. */
export interface DocumentBlock {
  kind: "heading" | "paragraph";
  text: string;
}

export interface DocumentSection {
  /** The heading as printed ("2.1 Synthesis of N-CNFs"), or "" for text before the first heading. */
  title: string;
  start: number;
  end: number;
}

export interface PaperDocument {
  format: DocumentFormat;
  /** The whole text, repaired, blocks separated by a blank line. */
  text: string;
  sections: DocumentSection[];
  metadata: PaperMetadata;
}

/** Joins a reader's blocks into one repaired text with its sections. */
export function assembleDocument(format: DocumentFormat, blocks: DocumentBlock[], metadata: PaperMetadata): PaperDocument {
  let text = "";
  const sections: DocumentSection[] = [];
  for (const block of blocks) {
    const repaired = repairText(block.text);
    if (!repaired) continue;
    if (text) text += "\n\n";
    const start = text.length;
    text += repaired;
    if (block.kind === "heading") {
      const open = sections.at(-1);
      if (open) open.end = start;
      sections.push({ title: repaired, start, end: text.length });
    } else if (!sections.length) sections.push({ title: "", start, end: text.length });
    else sections.at(-1)!.end = text.length;
  }
  return { format, text, sections, metadata };
}

/** The section a position of the text falls in. */
export function sectionAt(document: Pick<PaperDocument, "sections">, position: number): DocumentSection | undefined {
  return document.sections.findLast((s) => s.start <= position);
}

/**
 * Plain text as pasted or saved: paragraphs are separated by blank lines; a short line that reads as
 * a heading ("2.1 Synthesis of X", "Results and discussion", "# Methods") heads a section, also when a
 * paragraph follows it on the next line; list items ("- …", "• …") are paragraphs of their own.
 */
import type { DocumentBlock } from "../document";
import { findDoi, findYear, headingText, looksLikeHeading, optional, type DocumentParts } from "./common";

const BULLET = /^\s*[-*•▪●◦]\s+/;

export function readText(text: string): DocumentParts {
  const blocks: DocumentBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/)) {
    let paragraph: string[] = [];
    const endParagraph = () => {
      if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join("\n") });
      paragraph = [];
    };
    const lines = chunk.split("\n").filter((line) => line.trim());
    for (const [i, line] of lines.entries()) {
      // A heading stands alone or starts its chunk; inside a paragraph a short line is just a short line.
      if ((i === 0 || !paragraph.length) && looksLikeHeading(line)) {
        endParagraph();
        blocks.push({ kind: "heading", text: headingText(line) });
      } else if (BULLET.test(line)) {
        endParagraph();
        paragraph.push(line.replace(BULLET, ""));
      } else paragraph.push(line);
    }
    endParagraph();
  }
  return { blocks, metadata: { ...optional("doi", findDoi(text)), ...optional("year", findYear(text)) } };
}

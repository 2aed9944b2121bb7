/**
 * A PDF's text layer, read with pdf.js (pdfjs-dist, legacy build for Node; in Node it runs its
 * worker in the same thread, so no worker file is set). pdf.js gives positioned runs of text; lines
 * are rebuilt from their baselines, super- and subscripts (smaller runs raised or lowered on the
 * line) kept attached to their base as script characters ("g" + "−1" → "g⁻¹", read "g−1" after
 * repair), paragraphs split where the space between lines grows or the type size changes, larger
 * type and lines that read as headings made headings, and running heads and page numbers dropped.
 */
import { AppError } from "../../errors";
import type { DocumentBlock, PaperMetadata } from "../document";
import { cleanDoi, findDoi, findYear, isCitationMarker, looksLikeHeading, optional, personName, scriptText, type DocumentParts } from "./common";

interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  endsLine: boolean;
}

interface Line {
  text: string;
  x: number;
  /** Where the last run ended, for the space before the next one. */
  right: number;
  y: number;
  size: number;
  page: number;
}

/** Lines of one page in the order the PDF draws them (publishers draw columns one after the other). */
function linesOf(runs: Run[], page: number): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  let lineEnded = true;
  for (const run of runs) {
    if (!run.text.trim()) {
      // A run of spaces separates words; a bare end-of-line mark ends the line.
      if (line && !lineEnded && run.text && !/\s$/.test(line.text)) line.text += " ";
      if (line && run.text) line.right = Math.max(line.right, run.x + run.width);
      if (run.endsLine) lineEnded = true;
      continue;
    }
    const rise = line ? run.y - line.y : 0;
    const onLine = line && !lineEnded && Math.abs(rise) < 0.6 * Math.max(line.size, run.size) && run.x > line.x - line.size;
    if (!line || !onLine) {
      line = { text: run.text, x: run.x, right: run.x + run.width, y: run.y, size: run.size, page };
      lines.push(line);
    } else {
      const smaller = run.size < 0.9 * line.size;
      const script = smaller && rise > 0.15 * line.size ? "sup" : smaller && rise < -0.1 * line.size ? "sub" : undefined;
      const gap = run.x - line.right;
      if (script) {
        // A superscript after punctuation or in brackets is a citation, not an exponent.
        const citation = script === "sup" && (/[.,;)\]]$/.test(line.text) || isCitationMarker(run.text));
        if (!citation) line.text += (gap > 0.3 * line.size ? " " : "") + scriptText(run.text, script);
      } else {
        if (run.size > 1.1 * line.size) {
          // The line began with a smaller run (a footnote mark): the larger type sets the baseline.
          line.size = run.size;
          line.y = run.y;
        }
        if (gap > 0.15 * run.size && !/\s$/.test(line.text) && !/^\s/.test(run.text)) line.text += " ";
        line.text += run.text;
      }
      line.right = Math.max(line.right, run.x + run.width);
    }
    lineEnded = run.endsLine;
  }
  return lines;
}

/** The type size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Running heads, running feet and page numbers: the same line (digits aside) on several pages, or a bare number. */
function withoutPageFurniture(lines: Line[], pages: number): Line[] {
  const key = (l: Line) => l.text.replace(/\d+/g, "#").trim();
  const pagesWith = new Map<string, Set<number>>();
  for (const l of lines) pagesWith.set(key(l), (pagesWith.get(key(l)) ?? new Set()).add(l.page));
  return lines.filter((l) => !/^\d{1,4}$/.test(l.text.trim()) && !(pages >= 3 && (pagesWith.get(key(l))?.size ?? 0) >= Math.max(3, pages / 2)));
}

function blocksOf(lines: Line[]): DocumentBlock[] {
  const body = bodySize(lines);
  // The line spacing of body text: a low quantile of the drops between body lines, since the drops
  // between paragraphs are larger and, in a short text, may be as many as the lines.
  const spacings = lines
    .slice(1)
    .map((l, i) => ({ drop: lines[i]!.y - l.y, same: lines[i]!.page === l.page && Math.abs(l.size - body) < 0.5 && Math.abs(lines[i]!.size - body) < 0.5 }))
    .filter((s) => s.same && s.drop > 0.5 * body)
    .map((s) => s.drop)
    .sort((a, b) => a - b);
  const spacing = spacings[Math.floor(spacings.length / 4)] ?? body * 1.2;

  const groups: Line[][] = [];
  for (const [i, l] of lines.entries()) {
    const previous = lines[i - 1];
    const group = groups.at(-1);
    const drop = previous && previous.page === l.page ? previous.y - l.y : 0;
    const sameType = previous && Math.abs(previous.size - l.size) < 0.1 * body;
    // Moving up the page (a new column) or to a new page goes on with the paragraph.
    // A heading-like line starts a block only where a paragraph may end, not inside one.
    const heading = looksLikeHeading(l.text) && (drop > 1.15 * spacing || drop <= 0 || /[.:!?]$/.test(previous?.text.trim() ?? ""));
    const continues = group && previous && sameType && drop < 1.4 * spacing && !heading && !(group.length === 1 && looksLikeHeading(previous.text));
    if (continues) group.push(l);
    else groups.push([l]);
  }
  return groups.map((group) => {
    // Lines join with a space: markup the text carries ("$…$" TeX) is one line again for the repair
    // step. A line ending in a hyphen keeps its break, so that repair can tell "electro-\nchemical" from "Li-\nS".
    const text = group.map((l) => l.text.trim()).reduce((joined, line) => `${joined}${joined.endsWith("-") ? "\n" : " "}${line}`);
    const larger = group[0]!.size > 1.15 * body;
    const heading = (larger && group.length <= 3 && text.length < 200) || (group.length === 1 && looksLikeHeading(text));
    return { kind: heading ? "heading" : "paragraph", text };
  });
}

/** Titles that PDF makers write for a file rather than a paper. */
const PLACEHOLDER_TITLE = /^(?:about:blank|untitled|microsoft word\b|document\d*$|.*\.(?:docx?|pdf|tex|dvi)$)/i;

function metadataOf(info: Record<string, unknown>, text: string): PaperMetadata {
  const field = (name: string) => (typeof info[name] === "string" ? (info[name] as string).replace(/\s+/g, " ").trim() : "");
  const title = field("Title");
  const author = field("Author");
  const authors = author
    ? (author.includes(";") ? author.split(";") : author.split(/,\s*(?:and\s+)?|\s+and\s+/)).map((a) => personName(a.trim())).filter(Boolean)
    : [];
  const described = `${field("Subject")} ${field("Keywords")}`;
  return {
    ...optional("doi", (described.match(/10\.\d{4,9}\/\S+/)?.[0] && cleanDoi(described.match(/10\.\d{4,9}\/\S+/)![0])) ?? findDoi(text)),
    ...optional("title", title.length >= 10 && !PLACEHOLDER_TITLE.test(title) ? title : undefined),
    ...(authors.length ? { authors } : {}),
    ...optional("year", findYear(text)),
  };
}

export async function readPdf(bytes: Uint8Array): Promise<DocumentParts> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // A copy as a plain Uint8Array: pdf.js takes its buffer over, and refuses a Node Buffer (what a
  // file read or a request body is).
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException")
      throw new AppError("invalid", "the PDF is encrypted with a password: save an unprotected copy and read that", { cause: error });
    throw new AppError("invalid", `the PDF cannot be read (${name === "InvalidPDFException" ? "it is damaged or not a PDF" : (error as Error).message})`, {
      cause: error,
    });
  }
  try {
    const lines: Line[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item)) continue;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(a, b) || item.height, endsLine: item.hasEOL });
      }
      lines.push(...linesOf(runs, n));
      page.cleanup();
    }
    const kept = withoutPageFurniture(lines, pdf.numPages);
    if (!kept.some((l) => /\p{L}{2}/u.test(l.text))) {
      throw new AppError("invalid", "the PDF has no text layer (a scanned image?): matlit reads the text of a PDF, not its pictures");
    }
    const blocks = blocksOf(kept);
    const { info } = await pdf.getMetadata().catch(() => ({ info: {} }));
    return { blocks, metadata: metadataOf((info ?? {}) as Record<string, unknown>, blocks.map((b) => b.text).join("\n\n")) };
  } finally {
    await pdf.destroy();
  }
}

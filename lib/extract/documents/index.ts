/**
 * A paper's file, whatever its format, as one PaperDocument (../document.ts). The format is told by
 * the content first (a PDF's "%PDF-", XML's and HTML's tags, BibTeX's "@article{", RIS's "TY  - ")
 * and by the file's name only where the content leaves it open; a format the caller declares must
 * agree with the content.
 */
import { AppError } from "../../errors";
import { assembleDocument, DOCUMENT_FORMATS, type DocumentFormat, type PaperDocument } from "../document";
import { readBibtex } from "./bibtex";
import type { DocumentParts } from "./common";
import { readHtml } from "./html";
import { readRis } from "./ris";
import { readText } from "./text";
import { readXml } from "./xml";

const NOT_A_DOCUMENT = "this file is not a text, PDF, XML, HTML, BibTeX or RIS document (it looks like binary data)";

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: "pdf",
  xml: "xml",
  nxml: "xml",
  jats: "xml",
  html: "html",
  htm: "html",
  xhtml: "html",
  bib: "bibtex",
  bibtex: "bibtex",
  ris: "ris",
  txt: "text",
  md: "text",
  text: "text",
};

/** "%PDF-" within the first kilobyte, where the format puts it (some writers lead with junk). */
function isPdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/** The bytes as UTF-8 text (a byte-order mark dropped), or undefined when they are binary. */
function textOf(bytes: Uint8Array): string | undefined {
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Elements a saved page or a fragment of one starts with (not <article>: that is JATS's root too). */
const HTML_ROOTS = new Set(["html", "head", "body", "meta", "title", "link", "script", "style", "div", "p", "h1", "h2", "h3", "span"]);

/** The format the content shows, if it shows one. */
function sniff(text: string): DocumentFormat | undefined {
  const start = text.trimStart();
  if (start.startsWith("<")) {
    // The first element tells: a page starts with <html> (or a fragment of one), publisher XML with its own root.
    const prolog = /^(?:<\?xml[^>]*>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?>|<\?[^>]*>)\s*)*/i.exec(start)![0];
    const root = /^<([a-zA-Z][\w:.-]*)/.exec(start.slice(prolog.length))?.[1]?.toLowerCase();
    const html = /<!doctype html/i.test(prolog) || (!/^<\?xml/.test(start) && HTML_ROOTS.has(root ?? "")) || root === "html";
    return html ? "html" : "xml";
  }
  if (/^(?:%[^\n]*\n\s*)*@[a-zA-Z]+\s*[{(]/.test(start)) return "bibtex";
  if (/^TY {2}- /.test(start)) return "ris";
  return undefined;
}

function extensionOf(name: string | undefined): DocumentFormat | undefined {
  const extension = name?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  return extension ? EXTENSIONS[extension] : undefined;
}

/** The format of a file: from its content first, its name's extension second, plain text last. */
export function detectFormat(input: Uint8Array, name?: string): DocumentFormat {
  if (!input.length) throw new AppError("invalid", "the file is empty");
  if (isPdf(input)) return "pdf";
  const text = textOf(input);
  if (text === undefined) throw new AppError("invalid", NOT_A_DOCUMENT);
  if (!text.trim()) throw new AppError("invalid", "the file is empty");
  const byName = extensionOf(name);
  return sniff(text) ?? (byName && byName !== "pdf" ? byName : "text");
}

/** Where a declared format and the content disagree, the content is believed and the caller told. */
function checkDeclared(declared: DocumentFormat, detected: DocumentFormat): void {
  if (!DOCUMENT_FORMATS.includes(declared))
    throw new AppError("invalid", `"${declared}" is not a document format (one of ${DOCUMENT_FORMATS.join(", ")})`, { field: "format" });
  const markup = (f: DocumentFormat) => f === "xml" || f === "html";
  const agrees =
    declared === detected ||
    (markup(declared) && markup(detected)) ||
    // Any text may be read as plain text; BibTeX and RIS are checked by their readers.
    (declared === "text" && detected !== "pdf") ||
    ((declared === "bibtex" || declared === "ris") && detected === "text");
  if (!agrees)
    throw new AppError("invalid", `the file was given as ${declared} but its content is ${detected === "text" ? "plain text" : detected}`, { field: "format" });
}

const READERS: Record<Exclude<DocumentFormat, "pdf">, (text: string) => DocumentParts> = {
  text: readText,
  xml: readXml,
  html: readHtml,
  bibtex: readBibtex,
  ris: readRis,
};

/** Read a paper's file (bytes, or text already decoded) into its repaired text, sections and metadata. */
export async function readDocument(input: Uint8Array | string, options: { format?: DocumentFormat; name?: string } = {}): Promise<PaperDocument> {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  if (options.format === "pdf" && bytes.length && !isPdf(bytes))
    throw new AppError("invalid", "the file was given as pdf but is not a PDF (it does not start with %PDF-)", { field: "format" });
  const detected = detectFormat(bytes, options.name);
  const format = options.format ?? detected;
  if (options.format) checkDeclared(options.format, detected);
  if (format === "pdf") {
    const { readPdf } = await import("./pdf");
    const { blocks, metadata } = await readPdf(bytes);
    return assembleDocument("pdf", blocks, metadata);
  }
  const { blocks, metadata } = READERS[format](textOf(bytes)!.replace(/^\uFEFF/, ""));
  return assembleDocument(format, blocks, metadata);
}

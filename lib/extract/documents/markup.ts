/**
 * Publisher XML and saved HTML read the same way once parsed: a tree of elements walked in reading
 * order, where section titles and h1–h6 become headings, paragraph-like elements and loose runs of
 * text become paragraphs, a figure its caption, a table its caption and one paragraph per row
 * ("cell | cell | cell"), and references, graphics and citation markers are left out. Super- and
 * subscripts become Unicode script characters and MathML readable text, so "g<sup>−1</sup>" ends
 * up "g−1" after repair, as the unit reader wants it.
 */
import type { DocumentBlock } from "../document";
import { texToText } from "../repair";
import { isCitationMarker, scriptText } from "./common";

export interface MarkupElement {
  /** Local name, lower case, without a namespace prefix: "ce:para" → "para". */
  name: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
}
export type MarkupNode = MarkupElement | string;

export const isElement = (node: MarkupNode): node is MarkupElement => typeof node !== "string";

/** What tells one markup language's structure: the rest of the walk is shared. */
export interface Vocabulary {
  /** Left out with everything inside: scripts, navigation, reference lists, graphics. */
  skip(element: MarkupElement): boolean;
  /** A heading's level, when the element is one ("h2" → 2, a section's title → its depth). */
  headingLevel(element: MarkupElement, parent: MarkupElement | undefined, depth: number): number | undefined;
  /** Elements whose content is running text: p, para, li … */
  paragraphs: ReadonlySet<string>;
  /** Elements that are part of a line of text: sup, i, a, span … */
  inline: ReadonlySet<string>;
  /** Elements that nest a level of sections (for headings by depth). */
  sections: ReadonlySet<string>;
}

const FIGURES = new Set(["fig", "figure", "chem-struct-wrap", "scheme"]);
const TABLES = new Set(["table-wrap", "tabular", "table"]);
const ROWS = new Set(["tr", "row"]);
const CELLS = new Set(["td", "th", "entry"]);
const CAPTIONS = new Set(["caption", "figcaption", "title", "table-wrap-foot", "tablefooter", "legend"]);
const FORMULAS = new Set(["disp-formula", "displayeditem", "display", "formula"]);
/** Blocks that publishers nest inside a paragraph; they follow it as blocks of their own. */
const BLOCKS_IN_TEXT = new Set([
  ...FIGURES,
  ...TABLES,
  ...FORMULAS,
  "list",
  "ul",
  "ol",
  "dl",
  "fig-group",
  "table-wrap-group",
  "boxed-text",
  "blockquote",
  "div",
]);
const REFERENCE_HEADING = /^(?:\d+\.?\s*)?(?:references?(?: and notes)?|bibliography|literature cited|notes and references)$/i;

/** The text of an element's descendants, joined. */
export function plainText(node: MarkupNode): string {
  return typeof node === "string" ? node : node.children.map(plainText).join("");
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function firstChild(element: MarkupElement, name: string): MarkupElement | undefined {
  return element.children.find((c): c is MarkupElement => isElement(c) && c.name === name);
}

/** Every descendant element (depth first, document order) that `test` accepts; not inside accepted ones. */
export function findAll(element: MarkupElement, test: (e: MarkupElement) => boolean, found: MarkupElement[] = []): MarkupElement[] {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (test(child)) found.push(child);
    else findAll(child, test, found);
  }
  return found;
}

export function find(element: MarkupElement, test: (e: MarkupElement) => boolean): MarkupElement | undefined {
  for (const child of element.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const inner = find(child, test);
    if (inner) return inner;
  }
  return undefined;
}

/** A link to an entry of the reference list: a citation, not words of the sentence. */
function isCitationLink(e: MarkupElement): boolean {
  if (e.name === "xref") return /^(?:bibr|ref)$/.test(e.attrs["ref-type"] ?? "");
  if (e.name === "cross-ref" || e.name === "cross-refs") return /\bb(?:ib)?\d/i.test(e.attrs.refid ?? "");
  if (e.name === "link" || e.name === "a") return /#(?:.*[-_])?(?:bib|ref|cr|b)[-_]?\d/i.test(e.attrs.href ?? "");
  return false;
}

/** MathML as a line of text: "v^{1/2}" for <msup><mi>v</mi><mfrac>…, tokens as printed. */
function mathText(e: MarkupElement): string {
  const parts = e.children.filter(isElement);
  const text = (i: number) => (parts[i] ? mathText(parts[i]) : "");
  switch (e.name) {
    case "annotation":
    case "annotation-xml":
      return "";
    case "semantics":
      return text(0);
    case "msup":
      return text(0) + scriptText(text(1), "sup");
    case "msub":
      return text(0) + scriptText(text(1), "sub");
    case "msubsup":
      return text(0) + scriptText(text(1), "sub") + scriptText(text(2), "sup");
    case "mfrac":
      return `${text(0)}/${text(1)}`;
    case "msqrt":
      return `√(${parts.map(mathText).join("")})`;
    case "mfenced":
      return `${e.attrs.open ?? "("}${parts.map(mathText).join(e.attrs.separators ?? "")}${e.attrs.close ?? ")"}`;
    case "mspace":
      return " ";
    case "mtr":
    case "mtd":
      return `${parts.map(mathText).join(" ")} `;
    default:
      return parts.length ? parts.map(mathText).join("") : plainText(e);
  }
}

export function readMarkup(roots: MarkupElement[], vocabulary: Vocabulary): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  /** While inside a reference list headed by a heading of this level, nothing is kept. */
  let skippingBelow: number | undefined;

  const isBlock = (e: MarkupElement) => !vocabulary.inline.has(e.name) && e.name !== "math";

  const emit = (kind: DocumentBlock["kind"], raw: string, level?: number) => {
    const text = collapse(raw);
    if (kind === "heading" && level !== undefined) {
      if (skippingBelow !== undefined && level <= skippingBelow) skippingBelow = undefined;
      if (REFERENCE_HEADING.test(text)) skippingBelow = level;
    }
    if (text && skippingBelow === undefined) blocks.push({ kind, text });
  };

  /** Running text of an element; block elements met inside it are set aside in `later`, or read in line without it. */
  const inlineText = (node: MarkupNode, later?: MarkupElement[]): string => {
    if (!isElement(node)) return node;
    if (vocabulary.skip(node) || isCitationLink(node)) return "";
    if (node.name === "math") return ` ${mathText(node)} `;
    if (node.name === "tex-math") return ` ${texToText(plainText(node).replace(/^\s*\$+|\$+\s*$/g, ""))} `;
    if (node.name === "alternatives") {
      const preferred = node.children.find((c) => isElement(c) && c.name === "math") ?? node.children.find(isElement);
      return preferred ? inlineText(preferred, later) : "";
    }
    if (node.name === "br" || node.name === "break") return " ";
    if (node.name === "sup" || node.name === "sub" || node.name === "inf") {
      // A superscript of links only is a citation ("<sup><a href="#ref-CR1">1</a></sup>").
      const elements = node.children.filter(isElement);
      if (node.name === "sup" && elements.length && elements.every(isCitationLink)) return "";
      const text = collapse(node.children.map((c) => inlineText(c, later)).join(""));
      if (node.name === "sup" && isCitationMarker(text)) return "";
      return scriptText(text, node.name === "sup" ? "sup" : "sub");
    }
    if (later && (BLOCKS_IN_TEXT.has(node.name) || vocabulary.paragraphs.has(node.name) || vocabulary.sections.has(node.name))) {
      later.push(node);
      return " ";
    }
    return node.children.map((c) => inlineText(c, later)).join("");
  };

  const paragraph = (nodes: MarkupNode[], depth: number, parent: MarkupElement | undefined) => {
    const later: MarkupElement[] = [];
    emit("paragraph", nodes.map((n) => inlineText(n, later)).join(""));
    for (const element of later) walk(element, depth, parent);
  };

  const labelled = (element: MarkupElement, text: string) => {
    const name = element.children.find((c): c is MarkupElement => isElement(c) && c.name === "title" && /name/i.test(c.attrs.type ?? ""));
    const label = collapse([name, firstChild(element, "label")].map((e) => (e ? plainText(e) : "")).join(" "));
    return label && text ? `${label}${/[.:]$/.test(label) ? "" : "."} ${text}` : label || text;
  };

  const captionOf = (element: MarkupElement) =>
    element.children
      .filter((c): c is MarkupElement => isElement(c) && CAPTIONS.has(c.name) && !/name/i.test(c.attrs.type ?? ""))
      .map((c) => collapse(inlineText(c)))
      .join(" ");

  const walk = (element: MarkupElement, depth: number, parent: MarkupElement | undefined) => {
    if (vocabulary.skip(element)) return;
    const level = vocabulary.headingLevel(element, parent, depth);
    if (level !== undefined) {
      // "<label>2.1</label><title>Synthesis</title>" is the heading "2.1 Synthesis".
      const label = parent && parent.children.find((c): c is MarkupElement => isElement(c) && c.name === "label");
      const number = label && !FIGURES.has(parent!.name) && !TABLES.has(parent!.name) ? `${collapse(plainText(label))} ` : "";
      emit("heading", number + inlineText(element), level);
      return;
    }
    if (FIGURES.has(element.name)) return emit("paragraph", labelled(element, captionOf(element)));
    if (TABLES.has(element.name) && !(element.name === "table" && parent && TABLES.has(parent.name))) {
      emit("paragraph", labelled(element, captionOf(element)));
      for (const row of findAll(element, (e) => ROWS.has(e.name))) {
        const cells = row.children.filter((c): c is MarkupElement => isElement(c) && CELLS.has(c.name));
        emit("paragraph", cells.map((c) => collapse(inlineText(c))).join(" | "));
      }
      return;
    }
    if (FORMULAS.has(element.name)) {
      // A displayed equation reads as printed: its number after it, "i = k1v + k2v1/2 (3)".
      const label = firstChild(element, "label");
      const rest = element.children.filter((c) => c !== label);
      const number = label && collapse(plainText(label)).replace(/^\((.*)\)$/, "$1");
      return paragraph(number ? [...rest, ` (${number})`] : rest, depth, element);
    }
    if (vocabulary.paragraphs.has(element.name)) return paragraph(element.children, depth, element);
    const inner = vocabulary.sections.has(element.name) ? depth + 1 : depth;
    // Loose text between blocks ("<div>Some text<p>…</p></div>") is a paragraph of its own.
    let run: MarkupNode[] = [];
    const flush = () => {
      if (run.some((n) => collapse(isElement(n) ? plainText(n) : n))) paragraph(run, inner, element);
      run = [];
    };
    for (const child of element.children) {
      // A section's, figure's or table's label is read with its title or caption.
      if (isElement(child) && child.name === "label") continue;
      if (isElement(child) && isBlock(child)) {
        flush();
        walk(child, inner, element);
      } else run.push(child);
    }
    flush();
    if (skippingBelow !== undefined && vocabulary.sections.has(element.name) && skippingBelow >= inner) skippingBelow = undefined;
  };

  for (const root of roots) walk(root, 0, undefined);
  return blocks;
}

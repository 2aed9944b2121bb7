/**
 * Publisher XML: JATS (PubMed Central, most society publishers), WileyML and Elsevier's CE/PRISM,
 * and other XML of the same build, read by element names (namespace prefixes dropped) so that a
 * publisher's variant mostly reads too. Parsed with @xmldom/xmldom: a standards DOM parser with no
 * dependencies that rejects XML that is not well formed and says where (line, column), where
 * lenient HTML parsers would read on silently.
 */
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { AppError } from "../../errors";
import type { DocumentBlock, PaperMetadata } from "../document";
import { cleanDoi, findDoi, optional, personName, type DocumentParts } from "./common";
import { collapse, find, findAll, firstChild, isElement, plainText, readMarkup, type MarkupElement, type MarkupNode, type Vocabulary } from "./markup";

/** HTML entities that XML from publishers uses without declaring them (xmldom leaves them as written). */
const ENTITIES: Record<string, string> = {
  nbsp: " ",
  thinsp: " ",
  ensp: " ",
  emsp: " ",
  ndash: "–",
  mdash: "—",
  minus: "−",
  deg: "°",
  times: "×",
  plusmn: "±",
  micro: "µ",
  middot: "·",
  le: "≤",
  ge: "≥",
  asymp: "≈",
  sim: "∼",
  prime: "′",
  Aring: "Å",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  Delta: "Δ",
  theta: "θ",
  lambda: "λ",
  mu: "μ",
  sigma: "σ",
  Omega: "Ω",
  rarr: "→",
  hellip: "…",
};

function toMarkup(node: Element): MarkupElement {
  const attrs: Record<string, string> = {};
  for (let i = 0; i < node.attributes.length; i++) {
    const a = node.attributes.item(i)!;
    attrs[a.localName ?? a.name] = a.value;
  }
  const children: MarkupNode[] = [];
  for (let child: Node | null = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) children.push(toMarkup(child as Element));
    else if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE)
      children.push((child.nodeValue ?? "").replace(/&([a-zA-Z]+);/g, (whole, name: string) => ENTITIES[name] ?? whole));
  }
  return { name: (node.localName ?? node.nodeName).toLowerCase(), attrs, children };
}

export function parseXml(source: string): MarkupElement {
  let document;
  try {
    document = new DOMParser({
      onError: (level, message) => {
        if (level === "fatalError") throw new Error(message);
      },
    }).parseFromString(source, "text/xml");
  } catch (error) {
    const where = (error as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const cause = ((error as Error).cause as Error | undefined)?.message ?? (error as Error).message;
    const at = where?.lineNumber ? ` at line ${where.lineNumber}${where.columnNumber ? `, column ${where.columnNumber}` : ""}` : "";
    throw new AppError("invalid", `the XML does not parse${at}: ${cause.replace(/^Reporting fatalError "|" caused .*$/gs, "")}`, { cause: error });
  }
  if (!document.documentElement) throw new AppError("invalid", "the XML has no root element");
  return toMarkup(document.documentElement);
}

const SECTIONS = new Set(["sec", "section", "sections", "body", "back", "app", "app-group", "ack", "abstract", "boxed-text", "floats-group", "glossary"]);
const SKIPPED = new Set([
  "ref-list",
  "bibliography",
  "references",
  "citation",
  "graphic",
  "inline-graphic",
  "media",
  "mediaresource",
  "mediaresourcegroup",
  "mediaobject",
  "supplementary-material",
  "supportinginformation",
  "object-id",
  "alt-text",
  "fn-group",
  "notegroup",
  "processing-meta",
  "front",
  "header",
  "head",
]);

const VOCABULARY: Vocabulary = {
  skip: (e) => SKIPPED.has(e.name) || (e.name === "abstract" && /graphical|teaser|toc/i.test(e.attrs["abstract-type"] ?? e.attrs.type ?? "")),
  headingLevel: (e, parent, depth) => ((e.name === "title" || e.name === "section-title") && parent && SECTIONS.has(parent.name) ? depth : undefined),
  paragraphs: new Set(["p", "para", "simple-para", "statement", "verse-line", "line", "def", "term"]),
  inline: new Set([
    "sup",
    "sub",
    "inf",
    "i",
    "b",
    "u",
    "italic",
    "bold",
    "underline",
    "sc",
    "small-caps",
    "monospace",
    "roman",
    "sans-serif",
    "overline",
    "strike",
    "span",
    "a",
    "em",
    "strong",
    "link",
    "xref",
    "cross-ref",
    "cross-refs",
    "ext-link",
    "inter-ref",
    "uri",
    "url",
    "email",
    "inline-formula",
    "inlineformula",
    "alternatives",
    "tex-math",
    "named-content",
    "styled-content",
    "abbrev",
    "chem",
    "chemicalstructure",
    "break",
    "br",
    "label",
    "fn",
    "footnote",
    "hi",
  ]),
  sections: SECTIONS,
};

const text = (e: MarkupElement | undefined) => (e ? collapse(plainText(e)) : "");
const named = (name: string) => (e: MarkupElement) => e.name === name;
const within = (outer: MarkupElement | undefined, e: MarkupElement) => Boolean(outer && find(outer, (x) => x === e));

function metadataOf(document: MarkupElement, bodyText: () => string): PaperMetadata {
  const root = withoutReferences(document);
  // JATS keeps the paper in <article-meta>; WileyML in <publicationMeta level="unit"> and <contentMeta>.
  const articleMeta = find(root, named("article-meta"));
  const unitMeta = find(root, (e) => e.name === "publicationmeta" && e.attrs.level === "unit");
  const productMeta = find(root, (e) => e.name === "publicationmeta" && e.attrs.level === "product");
  const partMeta = find(root, (e) => e.name === "publicationmeta" && e.attrs.level === "part");
  const contentMeta = find(root, named("contentmeta"));
  const scope = articleMeta ?? root;

  const doi =
    cleanDoi(text(articleMeta && find(articleMeta, (e) => e.name === "article-id" && e.attrs["pub-id-type"] === "doi"))) ??
    cleanDoi(text(unitMeta && firstChild(unitMeta, "doi"))) ??
    cleanDoi(text(find(root, (e) => e.name === "doi" && !within(productMeta, e) && !within(partMeta, e)))) ??
    findDoi(bodyText());

  const titleGroup = find(scope, named("title-group")) ?? (contentMeta && firstChild(contentMeta, "titlegroup"));
  const title =
    text(titleGroup && (find(titleGroup, named("article-title")) ?? find(titleGroup, (e) => e.name === "title" && (e.attrs.type ?? "main") === "main"))) ||
    text(find(root, named("article-title"))) ||
    text(find(root, (e) => e.name === "title" && e.attrs.type === undefined && !within(productMeta, e)));

  const authorElements = findAll(
    (articleMeta && find(articleMeta, named("contrib-group"))) ?? (contentMeta && find(contentMeta, named("creators"))) ?? withoutReferences(root),
    (e) =>
      (e.name === "contrib" && (e.attrs["contrib-type"] ?? "author") === "author") ||
      (e.name === "creator" && (e.attrs.creatorrole ?? e.attrs.creatorRole ?? "author") === "author") ||
      e.name === "author",
  );
  const authors = authorElements
    .map((a) => {
      const name = find(a, (e) => e.name === "name" || e.name === "personname" || e.name === "string-name") ?? a;
      const given = text(find(name, (e) => e.name === "given-names" || e.name === "givennames" || e.name === "given-name"));
      const family = text(find(name, (e) => e.name === "surname" || e.name === "familyname"));
      return family ? collapse(`${given} ${family}`) : text(find(a, named("collab"))) || personName(text(name));
    })
    .filter(Boolean);

  const journal =
    text(find(root, named("journal-title"))) ||
    text(productMeta && find(productMeta, (e) => e.name === "title" && (e.attrs.type ?? "main") === "main")) ||
    text(find(root, named("publicationname")));

  const numbering = (type: string) => text(find(root, (e) => e.name === "numbering" && e.attrs.type === type));
  const volume = text(find(scope, named("volume"))) || numbering("journalVolume");
  const issue = text(find(scope, named("issue"))) || numbering("journalIssue") || text(find(root, named("issueidentifier")));
  const first = text(find(scope, named("fpage"))) || numbering("pageFirst") || text(find(root, named("startingpage")));
  const last = text(find(scope, named("lpage"))) || numbering("pageLast") || text(find(root, named("endingpage")));
  const articleNumber =
    text(find(scope, named("elocation-id"))) || (find(unitMeta ?? root, (e) => e.name === "id" && e.attrs.type === "eLocator")?.attrs.value ?? "");

  const abstractElement = find(scope, (e) => e.name === "abstract" && !/graphical|teaser|toc|short/i.test(e.attrs["abstract-type"] ?? e.attrs.type ?? "main"));
  const abstract = abstractElement && abstractParagraphs(abstractElement).join("\n\n");
  const keywords = findAll(root, (e) => e.name === "kwd" || e.name === "keyword")
    .map(text)
    .filter(Boolean);

  return {
    ...optional("doi", doi),
    ...optional("title", title),
    ...(authors.length ? { authors } : {}),
    ...optional("journal", journal),
    ...optional("year", yearOf(root, articleMeta, partMeta, unitMeta)),
    ...optional("volume", volume),
    ...optional("issue", issue),
    ...optional("pages", /\d/.test(first) ? (last && last !== first && /\d/.test(last) ? `${first}–${last}` : first) : undefined),
    ...optional("articleNumber", articleNumber),
    ...optional("abstract", abstract),
    ...(keywords.length ? { keywords } : {}),
  };
}

/** Citations name authors, journals and DOIs of other papers: the paper's own are looked for outside them. */
const REFERENCES = /^(?:ref-list|ref|bibliography|bib|bib-reference|citation|mixed-citation|element-citation|selfcitationgroup|references)$/;
function withoutReferences(element: MarkupElement): MarkupElement {
  return {
    ...element,
    children: element.children.filter((c) => !isElement(c) || !REFERENCES.test(c.name)).map((c) => (isElement(c) ? withoutReferences(c) : c)),
  };
}

const abstractParagraphs = (abstract: MarkupElement) =>
  readMarkup([abstract], VOCABULARY)
    .filter((b) => b.kind === "paragraph")
    .map((b) => b.text);

/** The issue's date first (JATS print/issue pub-date, WileyML coverDate), then the first online date. */
function yearOf(root: MarkupElement, ...scopes: (MarkupElement | undefined)[]): number | undefined {
  const yearIn = (s: string | undefined) => (s ? Number(/\b(1[89]\d\d|20\d\d)\b/.exec(s)?.[1]) || undefined : undefined);
  const dates = findAll(scopes.find(Boolean) ?? root, (e) => e.name === "pub-date");
  const byType = (types: RegExp) => dates.find((d) => types.test(d.attrs["pub-type"] ?? d.attrs["date-type"] ?? ""));
  const pubDate = byType(/ppub|print|collection|issue/) ?? byType(/epub|pub/) ?? dates[0];
  const fromJats = pubDate && yearIn(text(firstChild(pubDate, "year")) || pubDate.attrs["iso-8601-date"]);
  if (fromJats) return fromJats;
  const coverDate = find(root, named("coverdate"));
  const fromCover = coverDate && (yearIn(coverDate.attrs.startdate ?? coverDate.attrs.startDate) ?? yearIn(text(coverDate)));
  if (fromCover) return fromCover;
  const events = findAll(root, named("event"));
  const online = events.find((e) => /firstOnline|publishedOnline/i.test(e.attrs.type ?? ""));
  return yearIn(online?.attrs.date) ?? yearIn(text(find(root, (e) => e.name === "coverdisplaydate" || e.name === "coverdate")));
}

export function readXml(source: string): DocumentParts {
  const root = parseXml(source);
  const bodies = findAll(root, (e) => e.name === "body" || e.name === "back" || e.name === "floats-group");
  const blocks: DocumentBlock[] = [];
  const body = readMarkup(bodies.length ? bodies : [root], VOCABULARY);
  const metadata = metadataOf(root, () => body.map((b) => b.text).join("\n\n"));
  if (metadata.title) blocks.push({ kind: "paragraph", text: metadata.title });
  // The abstract sits with the metadata, outside the body; the text starts with it.
  if (metadata.abstract)
    blocks.push({ kind: "heading", text: "Abstract" }, ...metadata.abstract.split("\n\n").map((text) => ({ kind: "paragraph" as const, text })));
  blocks.push(...body);
  return { blocks, metadata };
}

/**
 * A paper's page saved from a publisher's site. Parsed with htmlparser2 (small, forgiving like a
 * browser, no DOM emulation): the citation_* and Dublin Core meta tags that publishers add for
 * indexers give the bibliographic data; the text comes from <article> or <main> (else <body>), less
 * navigation, page furniture, figures' images and the reference list.
 */
import { parseDocument } from "htmlparser2";
import type { PaperMetadata } from "../document";
import { cleanDoi, findDoi, findYear, optional, personName, type DocumentParts } from "./common";
import { collapse, find, findAll, plainText, readMarkup, type MarkupElement, type MarkupNode, type Vocabulary } from "./markup";

/** The part of htmlparser2's node shape read here. */
interface HtmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: HtmlNode[];
  data?: string;
}

function toMarkup(node: HtmlNode): MarkupElement {
  const children: MarkupNode[] = [];
  for (const child of node.children ?? []) {
    if (child.type === "text") children.push(child.data ?? "");
    else if (child.type === "tag" || child.type === "script" || child.type === "style") children.push(toMarkup(child));
  }
  return { name: (node.name ?? "#document").toLowerCase(), attrs: node.attribs ?? {}, children };
}

const SKIPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "form",
  "button",
  "svg",
  "img",
  "picture",
  "video",
  "audio",
  "iframe",
  "canvas",
  "select",
  "head",
  "title",
]);
/** Reference lists and page furniture that publishers mark by id, class or role. */
const SKIPPED_BY_NAME =
  /(?:^|[\s_-])(?:references?|bibliography|ref-list|citations?-list|cited-by|related|recommended|metrics|cookie|banner|breadcrumbs?|toolbar|sidebar|share|social|footnotes?)(?:$|[\s_-])/i;

const VOCABULARY: Vocabulary = {
  skip: (e) =>
    SKIPPED.has(e.name) ||
    SKIPPED_BY_NAME.test(`${e.attrs.id ?? ""} ${e.attrs.class ?? ""}`) ||
    /^(?:navigation|banner|contentinfo|complementary|doc-bibliography)$/.test(e.attrs.role ?? "") ||
    e.attrs.hidden !== undefined ||
    e.attrs["aria-hidden"] === "true",
  headingLevel: (e) => (/^h[1-6]$/.test(e.name) ? Number(e.name[1]) : undefined),
  paragraphs: new Set(["p", "li", "dd", "dt", "pre", "address"]),
  inline: new Set([
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "cite",
    "code",
    "data",
    "dfn",
    "em",
    "i",
    "kbd",
    "mark",
    "q",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "time",
    "u",
    "var",
    "wbr",
    "br",
    "font",
    "label",
    "math",
    "ins",
    "del",
  ]),
  sections: new Set(),
};

function metadataOf(document: MarkupElement, text: string): PaperMetadata {
  const metas = findAll(document, (e) => e.name === "meta");
  const values = (...names: string[]) =>
    metas
      .filter((m) => names.includes((m.attrs.name ?? m.attrs.property ?? "").toLowerCase()))
      .map((m) => collapse(m.attrs.content ?? ""))
      .filter(Boolean);
  const value = (...names: string[]) => values(...names)[0];

  const authors = values("citation_author");
  const dcAuthors = values("dc.creator", "dc.contributor", "dcterms.creator");
  const first = value("citation_firstpage");
  const last = value("citation_lastpage");
  const date = value(
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date",
    "dcterms.issued",
    "prism.publicationdate",
    "article:published_time",
  );
  const year = date ? Number(/\b(1[89]\d\d|20\d\d)\b/.exec(date)?.[1]) || undefined : findYear(text);
  const doi = [value("citation_doi"), value("dc.identifier", "prism.doi", "dcterms.identifier")].map((d) => d && cleanDoi(d)).find(Boolean) ?? findDoi(text);
  const heading = find(document, (e) => e.name === "h1");
  const keywords = values("citation_keywords", "keywords", "dc.subject")
    .flatMap((k) => k.split(/\s*[;,]\s*/))
    .filter(Boolean);

  return {
    ...optional("doi", doi),
    ...optional("title", value("citation_title", "dc.title", "og:title") ?? (heading && collapse(plainText(heading)))),
    ...(authors.length || dcAuthors.length ? { authors: (authors.length ? authors : dcAuthors).map(personName) } : {}),
    ...optional("journal", value("citation_journal_title", "prism.publicationname", "citation_conference_title")),
    ...optional("year", year),
    ...optional("volume", value("citation_volume", "prism.volume")),
    ...optional("issue", value("citation_issue", "prism.number")),
    ...optional("pages", first && last && first !== last ? `${first}–${last}` : first),
    ...optional("articleNumber", value("citation_article_number", "prism.elocationid")),
    ...optional("abstract", value("citation_abstract", "dc.description", "description")),
    ...(keywords.length ? { keywords } : {}),
  };
}

export function readHtml(source: string): DocumentParts {
  const document = toMarkup(parseDocument(source, { decodeEntities: true, lowerCaseTags: true }) as HtmlNode);
  const content =
    find(document, (e) => e.name === "article") ?? find(document, (e) => e.name === "main") ?? find(document, (e) => e.name === "body") ?? document;
  const blocks = readMarkup([content], VOCABULARY);
  return { blocks, metadata: metadataOf(document, blocks.map((b) => b.text).join("\n\n")) };
}

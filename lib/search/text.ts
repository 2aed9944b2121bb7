/** Turning what a chemist types into an FTS5 query: folded, prefix-matching, with synonyms. */
import { searchForm } from "../records/chemistry";
import { synonymsOf } from "./synonyms";

/** Tokens as FTS5's unicode61 tokenizer would cut them. */
export function tokens(text: string): string[] {
  return searchForm(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function phrase(word: string, prefix: boolean): string | null {
  const t = tokens(word);
  if (!t.length) return null;
  // Tokens are letters and digits only, so quoting is safe; the last one matches as a prefix while typing.
  return t.length === 1 ? `"${t[0]}"${prefix ? "*" : ""}` : `"${t.join(" ")}"${prefix ? " *" : ""}`;
}

/**
 * The words of a query that carry a searchable token, each once (case and notation folded): a
 * repeated word adds no meaning but would make the index walk its postings again.
 */
export function queryWords(q: string): string[] {
  const seen = new Set<string>();
  return searchForm(q)
    .split(/\s+/)
    .filter((word) => {
      const key = tokens(word).join(" ");
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * At most this many different words per query: each word costs a walk of its postings, so an
 * unbounded list would let one request occupy the server (a title pasted whole still fits).
 */
export const MAX_QUERY_WORDS = 16;

/** FTS5 MATCH expression for a query's words (queryWords), or null when they hold no searchable token. */
export function ftsQuery(words: string[]): string | null {
  const parts = words
    .map((word, i) => {
      const own = phrase(word, i === words.length - 1);
      if (!own) return null;
      const alternatives = synonymsOf(word)
        .map((s) => phrase(s, false))
        .filter(Boolean);
      return alternatives.length ? `(${[own, ...alternatives].join(" OR ")})` : own;
    })
    .filter(Boolean);
  return parts.length ? parts.join(" AND ") : null;
}

/** Bump when `searchableText` changes: `matlit setup` then rewrites the embedded text index. */
export const SEARCH_TEXT_VERSION = 1;

/** What of a material the text search reads, and of its paper. */
export interface SearchableMaterial {
  name: string;
  formula?: string | null;
  materialClass: string;
  role: string;
  batterySystem: string;
  description?: string | null;
  citedReference?: string | null;
}
export interface SearchablePaper {
  title: string;
  journal: string;
  abstract?: string | null;
  keywords: string[];
  authors: string[];
}

/** The searchable text of a material, ranked name > formula > details > paper text. */
export interface SearchableText {
  name: string;
  formula: string;
  details: string;
  paper: string;
}

/**
 * The one builder of the text both indexes search (the embedded FTS table and the Meilisearch
 * documents), folded the same way as a query (FeS₂ and FeS2, Li–S and Li-S read alike).
 */
export function searchableText(m: SearchableMaterial, p: SearchablePaper): SearchableText {
  const join = (...parts: (string | null | undefined)[]) => searchForm(parts.filter(Boolean).join(" "));
  return {
    name: join(m.name),
    formula: join(m.formula),
    details: join(m.materialClass, m.role, m.batterySystem, m.description, m.citedReference),
    paper: join(p.title, p.journal, p.abstract, ...p.keywords, ...p.authors),
  };
}

/** Turning what a chemist types into a text query (full-text.ts renders it per engine): folded, prefix-matching, with synonyms. */
import { searchForm } from "../records/chemistry";
import { synonymsOf } from "./synonyms";

/** Tokens as FTS5's unicode61 tokenizer would cut them. */
export function tokens(text: string): string[] {
  return searchForm(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
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

/** One way a query word may appear: a run of adjacent tokens, the last one a prefix while the user types. */
export interface TermPhrase {
  tokens: string[];
  prefix: boolean;
}

/**
 * What a text search asks for, whichever engine answers: every word (AND), each as itself or one
 * of its synonyms (OR); a word that folds to several tokens ("N-doped") is a phrase of them. The
 * last word is matched as a prefix; synonyms whole.
 */
export function matchTerms(words: string[]): TermPhrase[][] {
  return words
    .map((word, i) => {
      const own = tokens(word);
      if (!own.length) return [];
      const alternatives = synonymsOf(word)
        .map((s) => tokens(s))
        .filter((t) => t.length)
        .map((t) => ({ tokens: t, prefix: false }));
      return [{ tokens: own, prefix: i === words.length - 1 }, ...alternatives];
    })
    .filter((alternatives) => alternatives.length);
}

/** FTS5 MATCH expression for a query's words (queryWords), or null when they hold no searchable token. */
export function ftsQuery(words: string[]): string | null {
  // Tokens are letters and digits only, so quoting is safe.
  const phrase = ({ tokens: t, prefix }: TermPhrase) => (t.length === 1 ? `"${t[0]}"${prefix ? "*" : ""}` : `"${t.join(" ")}"${prefix ? " *" : ""}`);
  const parts = matchTerms(words).map((alternatives) => (alternatives.length > 1 ? `(${alternatives.map(phrase).join(" OR ")})` : phrase(alternatives[0]!)));
  return parts.length ? parts.join(" AND ") : null;
}

/** Bump when `searchableText` changes: `matlit setup` then rewrites the embedded text index. */
/** 3: PostgreSQL keeps the text as words too (its full-text column). */
export const SEARCH_TEXT_VERSION = 3;

/** What of a material the text search reads, and of its paper. */
export interface SearchableMaterial {
  name: string;
  formula?: string | null;
  materialClass: string;
  classNote?: string | null;
  role: string;
  batterySystem: string;
  description?: string | null;
  citedReference?: string | null;
  /** Names of the reagents of its synthesis, as written ("polyacrylonitrile (PAN)"). */
  reagents: string[];
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

/** Reagent names from stored synthesis steps (their `reagentsJson`: [{ name, … }]). */
export function reagentNames(reagentsJson: (string | null)[]): string[] {
  return reagentsJson.flatMap((json) => (json ? (JSON.parse(json) as { name: string }[]).map((r) => r.name) : []));
}

/**
 * The parts of a name's or formula's tokens that no tokenizer cuts out: where a lower-case letter
 * meets a capital (NaLNCFM → Na, LNCFM; SbQD → Sb, QD) and where letters meet digits (element
 * counts: Na0.95LNCFM → LNCFM, Na3V2 → Na, V). Indexed beside the whole tokens, so an abbreviation
 * or a formula part is found inside a compound name on both backends. Numbers and single letters
 * are left out: on their own they would match nearly every formula.
 */
export function subTokens(text: string): string[] {
  const whole = new Set(tokens(text));
  const parts = new Set<string>();
  for (const token of searchForm(text).split(/[^\p{L}\p{N}]+/u))
    for (const part of token.split(/(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)) {
      const key = part.toLowerCase();
      if (part.length > 1 && /^\p{L}+$/u.test(part) && !whole.has(key)) parts.add(part);
    }
  return [...parts];
}

/**
 * The one builder of the text both indexes search (the embedded FTS table and the Meilisearch
 * documents), folded the same way as a query (FeS₂ and FeS2, Li–S and Li-S read alike). Synthesis
 * reagents count as details: found, but below a match in the name or formula.
 */
export function searchableText(m: SearchableMaterial, p: SearchablePaper): SearchableText {
  const join = (...parts: (string | null | undefined)[]) => searchForm(parts.filter(Boolean).join(" "));
  const withParts = (text: string | null | undefined) => join(text, ...subTokens(text ?? ""));
  return {
    name: withParts(m.name),
    formula: withParts(m.formula),
    details: join(m.materialClass, m.classNote, m.role, m.batterySystem, m.description, m.citedReference, ...m.reagents),
    paper: join(p.title, p.journal, p.abstract, ...p.keywords, ...p.authors),
  };
}

/** Turning what a chemist types into an FTS5 query: folded, prefix-matching, with synonyms. */
import { searchForm } from "../records/chemistry";
import { synonymsOf } from "./synonyms";

/** Tokens as FTS5's unicode61 tokenizer would cut them. */
export function tokens(text: string): string[] {
  return searchForm(text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function phrase(word: string, prefix: boolean): string | null {
  const t = tokens(word);
  if (!t.length) return null;
  // Tokens are letters and digits only, so quoting is safe; the last one matches as a prefix while typing.
  return t.length === 1 ? `"${t[0]}"${prefix ? "*" : ""}` : `"${t.join(" ")}"${prefix ? " *" : ""}`;
}

/** FTS5 MATCH expression for a query, or null when it holds no searchable token. */
export function ftsQuery(q: string): string | null {
  const words = searchForm(q).split(/\s+/).filter(Boolean);
  const parts = words
    .map((word, i) => {
      const own = phrase(word, i === words.length - 1);
      if (!own) return null;
      const alternatives = synonymsOf(word).map((s) => phrase(s, false)).filter(Boolean);
      return alternatives.length ? `(${[own, ...alternatives].join(" OR ")})` : own;
    })
    .filter(Boolean);
  return parts.length ? parts.join(" AND ") : null;
}

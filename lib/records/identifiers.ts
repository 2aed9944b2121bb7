/**
 * How a paper is named when it has no DOI (a preprint, a book chapter, a thesis, a lab report): an
 * arXiv id, an ISBN, a URL, or a local id the knowledge base makes up and says it made up. Each is
 * turned into the paper's key — "arxiv:2401.01234", "isbn:9783161484100", "url:example.org/report",
 * "local:smith-lab-2024-03" — which names the paper in paths and references as a DOI does; a DOI is
 * its own key. Browser-safe: the editor checks identifiers as they are typed.
 */

export const IDENTIFIER_KINDS = ["arxiv", "isbn", "url", "local"] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** What an identifier may look like, for messages and hints. */
export const IDENTIFIER_FORMS =
  'an arXiv id ("arXiv:2401.01234"), an ISBN ("ISBN 978-3-16-148410-0"), a URL ("https://…") or a local id ("local:lab-report-7")';

/** Text that names a paper by its key: a DOI or another identifier's key (as in "DOI/key" material references). */
export const isPaperKey = (text: string): boolean => /^(?:10\.|arxiv:|isbn:|url:|local:)/.test(text);

/** A key that is a DOI (every DOI starts "10."); other identifiers' keys start with their kind. */
export const isDoiKey = (key: string): boolean => key.startsWith("10.");

function isbnKey(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "").toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((s, c, i) => s + (c === "X" ? 10 : Number(c)) * (10 - i), 0);
    if (sum % 11 !== 0) return null;
    // One key per book: an ISBN-10 is written as the ISBN-13 it became.
    const thirteen = `978${digits.slice(0, 9)}`;
    const check = (10 - ([...thirteen].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0) % 10)) % 10;
    return `isbn:${thirteen}${check}`;
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    const sum = [...digits].reduce((s, c, i) => s + Number(c) * (i % 2 ? 3 : 1), 0);
    return sum % 10 === 0 ? `isbn:${digits}` : null;
  }
  return null;
}

/**
 * The key of an identifier, or an explanation of what is wrong with it. A URL's key drops its
 * scheme ("//" cannot stand in a path); keys are lower case, as references to them are read.
 */
export function identifierKey(raw: string): { key: string } | { problem: string } {
  const text = raw.trim();
  const arxiv = /^(?:arxiv:\s*|https?:\/\/arxiv\.org\/abs\/)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?)$/i.exec(text);
  if (arxiv) return { key: `arxiv:${arxiv[1]!.toLowerCase()}` };
  const isbn = /^isbn(?:-1[03])?[:\s]*(.+)$/i.exec(text);
  if (isbn) {
    const key = isbnKey(isbn[1]!);
    return key ? { key } : { problem: `"${text}" is not a valid ISBN (10 or 13 digits whose check digit adds up)` };
  }
  const url = /^https?:\/\/([^/\s?#]+)([^\s]*)$/i.exec(text);
  if (url) return { key: `url:${url[1]}${url[2]!.replace(/\/$/, "")}`.toLowerCase() };
  const local = /^local:([a-z0-9][a-z0-9._-]{0,80})$/i.exec(text);
  if (local) return { key: `local:${local[1]!.toLowerCase()}` };
  return { problem: `"${text}" is not an identifier matlit reads: give ${IDENTIFIER_FORMS}` };
}

/** A paper's key: its DOI (lower case), else its other identifier's key. */
export function paperKey(paper: { doi?: string; identifier?: string }): string {
  if (paper.doi) return paper.doi.toLowerCase();
  const read = identifierKey(paper.identifier ?? "");
  if ("problem" in read) throw new Error(read.problem);
  return read.key;
}

/** Where a reader finds the paper: doi.org for a DOI, arxiv.org for an arXiv id, the URL itself; none for an ISBN or a local id. */
export function paperLink(key: string, identifier?: string | null): { href: string; label: string } | null {
  if (isDoiKey(key)) return { href: `https://doi.org/${key}`, label: `doi:${key}` };
  if (key.startsWith("arxiv:")) return { href: `https://arxiv.org/abs/${key.slice(6)}`, label: `arXiv:${key.slice(6)}` };
  if (key.startsWith("url:")) return { href: identifier?.trim() || `https://${key.slice(4)}`, label: identifier?.trim() || key.slice(4) };
  return null;
}

/** How a paper's identifier reads on its page: "doi:10.…", "arXiv:2401.01234", "ISBN 9783161484100", "local id lab-report-7 (no DOI)". */
export function identifierText(key: string, identifier?: string | null): string {
  if (key.startsWith("isbn:")) return `ISBN ${key.slice(5)}`;
  if (key.startsWith("local:")) return `local id ${key.slice(6)} (no DOI; named in this knowledge base)`;
  return paperLink(key, identifier)?.label ?? key;
}

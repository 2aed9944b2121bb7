/**
 * A BibTeX entry: bibliographic data only; its abstract, when it has one, is the document's text.
 * Parsed here rather than by a package: the maintained BibTeX parser on npm
 * (@retorquere/bibtex-parser) brings a natural-language toolkit with it, and the grammar a paper's
 * entry needs — fields in braces or quotes, @string macros, "#" joins, TeX accents — is small.
 */
import { AppError } from "../../errors";
import { texToText } from "../repair";
import { cleanDoi, optional, personName, type DocumentParts } from "./common";

type Fields = Record<string, string>;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Every entry of a .bib file with its fields, names lower case, macros expanded. */
export function parseBibtex(source: string): { type: string; key: string; fields: Fields }[] {
  const macros: Fields = Object.fromEntries(MONTHS.map((m, i) => [m, String(i + 1)]));
  const entries: { type: string; key: string; fields: Fields }[] = [];
  let i = 0;
  const fail = (what: string): never => {
    const line = source.slice(0, i).split("\n").length;
    throw new AppError("invalid", `the BibTeX does not parse at line ${line}: ${what}`);
  };
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source.charAt(i))) i++;
  };
  const braced = (): string => {
    const start = ++i;
    for (let depth = 1; i < source.length; i++) {
      if (source[i] === "\\") i++;
      else if (source[i] === "{") depth++;
      else if (source[i] === "}" && --depth === 0) return source.slice(start, i++);
    }
    return fail("a brace is not closed");
  };
  const quoted = (): string => {
    const start = ++i;
    for (let depth = 0; i < source.length; i++) {
      if (source[i] === "\\") i++;
      else if (source[i] === "{") depth++;
      else if (source[i] === "}") depth--;
      else if (source[i] === '"' && depth === 0) return source.slice(start, i++);
    }
    return fail("a quote is not closed");
  };
  const value = (): string => {
    let out = "";
    for (;;) {
      skipSpace();
      if (source[i] === "{") out += braced();
      else if (source[i] === '"') out += quoted();
      else {
        const word = /^[^\s,#}\)"{]+/.exec(source.slice(i))?.[0] ?? fail("a field has no value");
        i += word.length;
        out += macros[word.toLowerCase()] ?? word;
      }
      skipSpace();
      if (source[i] !== "#") return out;
      i++;
    }
  };

  while ((i = source.indexOf("@", i)) !== -1) {
    i++;
    const type = /^[a-zA-Z]+/.exec(source.slice(i))?.[0]?.toLowerCase();
    if (!type) continue;
    i += type.length;
    skipSpace();
    const open = source[i];
    if (open !== "{" && open !== "(") continue;
    const close = open === "{" ? "}" : ")";
    i++;
    if (type === "comment" || type === "preamble") {
      i--;
      if (open === "{") braced();
      continue;
    }
    const fields: Fields = {};
    let key = "";
    if (type !== "string") {
      const k = /^[^,\s}]*/.exec(source.slice(i))![0];
      key = k;
      i += k.length;
      skipSpace();
      if (source[i] === ",") i++;
    }
    for (;;) {
      skipSpace();
      if (source[i] === close) {
        i++;
        break;
      }
      if (i >= source.length) fail(`the entry ${key || type} is not closed`);
      const name = /^[^\s=,{}]+/.exec(source.slice(i))?.[0] ?? fail(`a field of ${key || type} has no name`);
      i += name.length;
      skipSpace();
      if (source[i] !== "=") fail(`the field "${name}" has no "="`);
      i++;
      fields[name.toLowerCase()] = value();
      skipSpace();
      if (source[i] === ",") i++;
    }
    if (type === "string") Object.assign(macros, Object.fromEntries(Object.entries(fields)));
    else entries.push({ type, key, fields });
  }
  return entries;
}

/** TeX accent commands as the combining marks they print: \"u → ü, \'{e} → é, \c{c} → ç. */
const ACCENTS: Record<string, string> = {
  '"': "\u0308",
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  u: "\u0306",
  v: "\u030c",
  H: "\u030b",
  c: "\u0327",
  k: "\u0328",
  r: "\u030a",
};
const LETTERS: Record<string, string> = { ss: "ß", o: "ø", O: "Ø", aa: "å", AA: "Å", ae: "æ", AE: "Æ", oe: "œ", OE: "Œ", l: "ł", L: "Ł", i: "ı" };

/** A field's TeX as plain text: accents and special letters, escaped characters, math, braces. */
export function bibtexText(tex: string): string {
  const accented = tex
    .replace(/\\([`'^"~=.])\s*\{?\\?([a-zA-Z])\}?/g, (_m, accent: string, letter: string) => letter + (ACCENTS[accent] ?? ""))
    .replace(/\\([uvHckr])\s*\{\\?([a-zA-Z])\}/g, (_m, accent: string, letter: string) => letter + (ACCENTS[accent] ?? ""))
    .replace(/\{?\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i)\}?(?![a-zA-Z])/g, (_m, name: string) => LETTERS[name] ?? name)
    .replace(/\\([&%$#_{}])/g, "$1")
    .replace(/---/g, "—")
    .replace(/--/g, "–")
    .normalize("NFC");
  // Math ($Li_{2}S$) and remaining commands (\textsubscript{2}, \emph{…}) read as the text they print.
  return texToText(accented.replace(/\$([^$]*)\$/g, "$1").replace(/\\(?:textsubscript|textsuperscript|emph|textit|textbf|mathrm)\s*\{([^{}]*)\}/g, "$1"))
    .replace(/\s+/g, " ")
    .trim();
}

/** "and" at brace depth 0 separates BibTeX names; "{Team Name}" is one. */
function splitNames(field: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < field.length; i++) {
    if (field[i] === "{") depth++;
    else if (field[i] === "}") depth--;
    else if (depth === 0 && /^\sand\s/i.test(field.slice(i, i + 5))) {
      names.push(field.slice(start, i));
      start = i + 5;
    }
  }
  names.push(field.slice(start));
  return names.map((n) => personName(bibtexText(n))).filter((n) => n && n.toLowerCase() !== "others");
}

export function readBibtex(source: string): DocumentParts {
  const entry = parseBibtex(source)[0];
  if (!entry) throw new AppError("invalid", "the BibTeX has no entry (an @article{…} or similar)");
  const f = entry.fields;
  const text = (name: string) => (f[name] ? bibtexText(f[name]) : undefined);
  const abstract = text("abstract");
  const year = Number(/\b(1[89]\d\d|20\d\d)\b/.exec(f.year ?? f.date ?? "")?.[1]) || undefined;
  const keywords = (text("keywords") ?? text("keyword"))?.split(/\s*[;,]\s*/).filter(Boolean);
  return {
    blocks: abstract ? [{ kind: "paragraph", text: abstract }] : [],
    metadata: {
      ...optional("doi", f.doi && cleanDoi(f.doi.replace(/\\_/g, "_"))),
      ...optional("title", text("title")),
      ...(f.author ? { authors: splitNames(f.author) } : {}),
      ...optional("journal", text("journal") ?? text("journaltitle") ?? text("booktitle")),
      ...optional("year", year),
      ...optional("volume", text("volume")),
      ...optional("issue", text("number") ?? text("issue")),
      ...optional("pages", text("pages")),
      ...optional("articleNumber", text("eid") ?? text("articleno")),
      ...optional("abstract", abstract),
      ...(keywords?.length ? { keywords } : {}),
    },
  };
}

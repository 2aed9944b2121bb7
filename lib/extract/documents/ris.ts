/**
 * An RIS record ("TY  - JOUR" … "ER  - "): bibliographic data only, its abstract as the document's
 * text. The format is one tag per line, so a few lines read it.
 */
import { AppError } from "../../errors";
import { cleanDoi, optional, personName, type DocumentParts } from "./common";

export function readRis(source: string): DocumentParts {
  const tags = new Map<string, string[]>();
  let last: string[] | undefined;
  let started = false;
  for (const line of source.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    const tagged = /^([A-Z][A-Z0-9])  -(?: (.*))?$/.exec(line);
    if (tagged) {
      const [, tag = "", value = ""] = tagged;
      if (tag === "TY") started = true;
      if (tag === "ER") break;
      if (!started) continue;
      last = tags.get(tag) ?? [];
      tags.set(tag, last);
      last.push(value.trim());
    } else if (last && line.trim()) last[last.length - 1] += ` ${line.trim()}`; // a value wrapped onto the next line
  }
  if (!started) throw new AppError("invalid", 'the RIS has no record (a line "TY  - JOUR" starts one)');
  const first = (...names: string[]) => names.map((n) => tags.get(n)?.find(Boolean)).find(Boolean);
  const all = (...names: string[]) => names.flatMap((n) => tags.get(n) ?? []).filter(Boolean);

  const abstract = first("AB", "N2");
  const year = Number(/\b(1[89]\d\d|20\d\d)\b/.exec(first("PY", "Y1", "DA") ?? "")?.[1]) || undefined;
  const startPage = first("SP");
  const endPage = first("EP");
  const authors = all("AU", "A1").map(personName);
  const keywords = all("KW");
  return {
    blocks: abstract ? [{ kind: "paragraph", text: abstract }] : [],
    metadata: {
      ...optional("doi", cleanDoi(first("DO") ?? "") ?? (first("UR") && cleanDoi(first("UR")!.replace(/^.*?(?=10\.)/, "")))),
      ...optional("title", first("TI", "T1")),
      ...(authors.length ? { authors } : {}),
      ...optional("journal", first("T2", "JF", "JO", "JA")),
      ...optional("year", year),
      ...optional("volume", first("VL")),
      ...optional("issue", first("IS")),
      ...optional("pages", startPage && endPage && startPage !== endPage ? `${startPage}–${endPage}` : startPage),
      ...optional("articleNumber", first("C7", "M1")),
      ...optional("abstract", abstract),
      ...(keywords.length ? { keywords } : {}),
    },
  };
}

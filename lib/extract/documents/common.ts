/**
 * What every reader shares: the parts a reader hands to `assembleDocument`, the bibliographic facts
 * found in running text (a DOI, a year), which short lines are headings, and how names and
 * super-/subscripts are written.
 */
import { inScript, SUBSCRIPT, SUPERSCRIPT } from "../../text/scripts";
import type { DocumentBlock, PaperMetadata } from "../document";

export interface DocumentParts {
  blocks: DocumentBlock[];
  metadata: PaperMetadata;
}

const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/g;

/** A DOI as printed, without the punctuation of the sentence around it ("…-2>.", "(doi:10.1/x)"). */
export function cleanDoi(raw: string): string | undefined {
  let doi = raw.trim().replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, "");
  for (;;) {
    const trimmed = doi.replace(/[.,;:'"\]}>]+$/, "");
    // A closing parenthesis belongs to the DOI only when the DOI opened one: "10.1002/(SICI)…(1999)".
    const unbalanced = trimmed.endsWith(")") && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === doi) break;
    doi = next;
  }
  return /^10\.\d{4,9}\/\S+$/.test(doi) ? doi : undefined;
}

/**
 * The paper's own DOI in its text: the first one before the reference list, since every reference
 * after it carries a DOI of another paper.
 */
export function findDoi(text: string): string | undefined {
  const references = /^\s*(?:#+\s*)?(?:\d+\.?\s*)?(?:references|bibliography|literature cited|notes and references)\s*$/im.exec(text);
  const head = references ? text.slice(0, references.index) : text;
  for (const match of head.matchAll(DOI)) {
    const doi = cleanDoi(match[0]);
    if (doi) return doi;
  }
  return undefined;
}

/** The year of publication near the words a paper's front matter dates it with; publication before receipt. */
export function findYear(text: string): number | undefined {
  const head = text.slice(0, 20_000);
  for (const cue of [/published(?: online)?|available online|©|copyright|\(c\)/i, /accepted/i, /received/i]) {
    const near = new RegExp(String.raw`(?:${cue.source})[^\n]{0,60}?\b(19[5-9]\d|20\d\d)\b`, "i").exec(head);
    if (near) return Number(near[1]);
  }
  return undefined;
}

const SECTION_WORDS =
  /^(?:abstract|introduction|background|experimental(?: section| details| methods| procedures)?|experiment(?:al)?|materials and methods|methods?|materials|results(?: and discussion)?|discussion|conclusions?|summary|acknowledge?ments?|references|bibliography|supporting information|supplementary (?:information|material)|author contributions|conflicts? of interest|declarations?|highlights|keywords|notes|funding|data availability(?: statement)?|outlook|theoretical|computational (?:details|methods))$/i;

/**
 * A line that heads a section: numbered ("2. Experimental", "2.1 Synthesis of N-CNFs", "III. Results"),
 * a known section name ("Results and discussion", "ABSTRACT"), or a markdown heading ("# Methods").
 * Short and without a final full stop, since a sentence is not a heading.
 */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (/^#{1,6}\s+\S/.test(text)) return true;
  const unnumbered = text.replace(/^(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+/, "");
  if (!text || text.length > 100 || /[.:;,]$/.test(text) || /[.!?]\s+\p{Lu}/u.test(unnumbered)) return false;
  const words = text.split(/\s+/);
  if (words.length > 12) return false;
  if (SECTION_WORDS.test(unnumbered)) return true;
  // "2 Experimental Section", "2.1. Synthesis of X", "III. RESULTS": a number, then a capitalised phrase.
  const numbered = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.)\s+(\p{Lu}.*)$/u.exec(text);
  return Boolean(numbered?.[1] && !/\d\s*[%°]|\b(?:mA|mAh|V|nm|°C)\b/.test(numbered[1]));
}

/** A heading as printed, less its markdown marks. */
export function headingText(line: string): string {
  return line.trim().replace(/^#{1,6}\s+/, "");
}

/** "Qiu, Tianyun" → "Tianyun Qiu"; "Smith, Jr., John" → "John Smith Jr."; "Tianyun Qiu" stays. */
export function personName(raw: string): string {
  const parts = raw
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3) return `${parts[2]} ${parts[0]} ${parts[1]}`;
  return raw.replace(/\s+/g, " ").trim();
}

/**
 * A superscript or subscript as Unicode script characters ("−1" → "⁻¹", "2" → "₂"), which the repair
 * step's NFKC turns back into plain characters attached to their base ("g⁻¹" → "g−1", "Li₂S" → "Li2S"),
 * the way the unit reader expects them. Text with no script form keeps "^{…}"/"_{…}", which the repair
 * step also unwraps.
 */
export function scriptText(text: string, kind: "sup" | "sub"): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  // "." has no script form: "0.5" stays "^{0.5}", which the repair step unwraps.
  return inScript(trimmed, kind === "sup" ? SUPERSCRIPT : SUBSCRIPT) ?? `${kind === "sup" ? "^" : "_"}{${trimmed}}`;
}

/** A citation marker set as a superscript ("12", "3,4", "5–8", "[1]"), not a unit's exponent. */
export function isCitationMarker(text: string): boolean {
  const t = text.trim();
  return /^\[[\d,–\-\s]+\]$/.test(t) || /^\d+(?:\s*[,–-]\s*\d+)+$/.test(t) || /^[[\],–\s]+$/.test(t);
}

/** `{ key: value }` when there is a value, `{}` otherwise: metadata keeps no undefined fields. */
export function optional<K extends string, V>(key: K, value: V | undefined | null | ""): { [P in K]?: V } {
  return value === undefined || value === null || value === "" ? {} : ({ [key]: value } as { [P in K]?: V });
}

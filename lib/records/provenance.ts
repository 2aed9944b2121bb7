/**
 * Provenance checks: a quote must occur in its paper, and a stated value must occur in its quote.
 * Papers arrive with markup (mAh g^{−1}, <sup>−1</sup>, _2), Unicode sub/superscripts and odd
 * dashes and spaces; folding both sides the same way compares what a reader sees.
 */
import { repairGlyphs } from "./glyphs";

export function foldText(s: string, keepSpaces = false): string {
  // A paper's text keeps its publisher's private-use glyphs; records hold them repaired (./glyphs.ts).
  return repairGlyphs(s)
    .text.normalize("NFKC")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/[\^_]\{([^}]*)\}/g, "$1")
    .replace(/[\^_{}]/g, "")
    .replace(/[−–—‒‐‑]/g, "-")
    .replace(/[‘’′]/g, "'")
    .replace(/[“”″]/g, '"')
    .replace(/(\d),(\d{3})/g, "$1$2")
    .replace(/\s+/g, keepSpaces ? " " : "")
    .toLowerCase();
}

/** The digit strings a number is written with: 255.2 → ["255.2"]; 1.2e-11 → ["1.2", "-11"]. */
export function numberSpellings(value: number): string[] {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) {
    const [mantissa, exponent] = value.toExponential().split("e");
    return [mantissa!, exponent!.replace("+", "")];
  }
  return [String(value)];
}

/**
 * Whether a quote states a number: each of its spellings stands whole in the quote ("150" is not
 * in "1150" or "150.5", 105 is not stated by "150"); trailing zeros may follow ("3" in "3.0", "464.3"
 * in "464.30"), and a minus may be lost to typography.
 */
export function quoteStatesValue(quote: string, value: number): boolean {
  // Spaces kept: folded away, "cm−2 90%" would run the exponent into the number after it.
  const folded = foldText(quote, true);
  const stands = (spelling: string) => {
    const digits = foldText(spelling).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![\\d.])${digits}${spelling.includes(".") ? "0*" : "(?:\\.0+)?"}(?!\\d|\\.\\d)`).test(folded);
  };
  return numberSpellings(value).every((s) => stands(s) || stands(s.replace(/^-/, "")));
}

export function quoteOccursIn(paperText: string, quote: string): boolean {
  return quoteFinder(paperText)(quote);
}

/** Folds a paper once, for checking many quotes against it. */
export function quoteFinder(paperText: string): (quote: string) => boolean {
  const folded = foldText(paperText);
  return (quote) => folded.includes(foldText(quote));
}

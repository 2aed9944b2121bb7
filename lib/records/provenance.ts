/**
 * Provenance checks: a quote must occur in its paper, and a stated value must occur in its quote.
 * Papers arrive with markup (mAh g^{−1}, <sup>−1</sup>, _2), Unicode sub/superscripts and odd
 * dashes and spaces; folding both sides the same way compares what a reader sees.
 */
import { repairGlyphs } from "./glyphs";

export function foldText(s: string): string {
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
    .replace(/\s+/g, "")
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

export function quoteStatesValue(quote: string, value: number): boolean {
  const folded = foldText(quote);
  return numberSpellings(value).every((s) => folded.includes(foldText(s)) || folded.includes(foldText(s.replace(/^-/, ""))));
}

export function quoteOccursIn(paperText: string, quote: string): boolean {
  return quoteFinder(paperText)(quote);
}

/** Folds a paper once, for checking many quotes against it. */
export function quoteFinder(paperText: string): (quote: string) => boolean {
  const folded = foldText(paperText);
  return (quote) => folded.includes(foldText(quote));
}

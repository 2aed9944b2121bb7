/** Chemistry-aware text helpers: search forms of names and element sets from formulas. */
import { isElement } from "./elements";

/**
 * Fold a name to the ASCII form people type: FeS₂ → FeS2, Na⁺ → Na+, en dash → hyphen.
 * NFKC turns sub/superscript digits and signs into plain ones.
 */
export function searchForm(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[−–—‒‐‑]/g, "-")
    .replace(/[‖∥]/g, "||")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Elements of a formula such as "FeS2/Ti3C2Tx" → Fe, S, Ti, C (in order of appearance). Tokens that
 * are not element symbols (the T of Tx terminations, "x") are skipped.
 */
export function elementsOf(formula: string): string[] {
  const found: string[] = [];
  for (const match of searchForm(formula).matchAll(/[A-Z][a-z]?/g)) {
    let symbol = match[0];
    // "Co" vs "C"+"o": a two-letter token that is not an element may be a one-letter element.
    if (!isElement(symbol) && symbol.length === 2 && isElement(symbol[0]!)) symbol = symbol[0]!;
    if (isElement(symbol) && !found.includes(symbol)) found.push(symbol);
  }
  return found;
}

/**
 * What PDFs and copy-paste do to a paper's text, undone before numbers are read: ligatures and
 * compatibility characters (NFKC: "ﬁ" → "fi", "⁻¹" → "−1", no-break and thin spaces → spaces), words
 * hyphenated across lines, lines broken inside a paragraph, and thousands separators in numbers
 * ("1,296.8"). Markup that text converted from PDF, XML or HTML keeps is read as the plain text it
 * stands for: TeX math ("$1.2\times 10^{-3}\text{ S cm}^{-1}$", "25\text{ }^{\circ}C"), TeX-style
 * super- and subscripts ("mAh g^{−1}", "Li_{2}S", "Na^+") and HTML <sup>/<sub>. Lost superscripts
 * in units ("mA h g1") are repaired where a unit is read (./quantities.ts), since only the property
 * a unit must fit tells "cm2" (cm²) from "cm 2" (cm⁻²).
 */
import { TEX_CHARACTERS } from "../text/scripts";

/** TeX commands papers write in running text, as the characters they print. */
const TEX_SYMBOLS: Record<string, string> = {
  ...TEX_CHARACTERS,
  quad: " ",
  qquad: " ",
  ",": " ",
  ";": " ",
  ":": " ",
  " ": " ",
  "!": "",
};

/** The plain text of a TeX math snippet: commands as their characters, groups, scripts and fractions unwrapped. */
export function texToText(tex: string): string {
  // Symbols first, so "\circ\text{C}" does not become "\circC".
  let s = tex.replace(/\\([a-zA-Z]+)(?![a-zA-Z])/g, (whole, name: string) => TEX_SYMBOLS[name] ?? whole);
  // \frac{a}{b} → a/b; \text{…}, \mathrm{…} and friends → their content; \bar{1} → 1.
  for (let i = 0; i < 4 && /\\[a-zA-Z]+\s*\{/.test(s); i++) {
    s = s
      .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, "$1/$2")
      .replace(
        /\\(?:text|mathrm|mathit|mathbf|mathsf|textrm|textit|textbf|operatorname|rm|bar|overline|hat|tilde|vec|boldsymbol|left|right)\s*\{([^{}]*)\}/g,
        "$1",
      );
  }
  s = s
    .replace(/\\(left|right|big|Big|bigg|Bigg)\b\s*/g, "")
    .replace(/\\([a-zA-Z]+|[,;:! %])/g, (whole, name: string) => TEX_SYMBOLS[name] ?? (/^[a-zA-Z]+$/.test(name) ? name : whole));
  return scriptsToText(s)
    .replace(/\^\s*(?=°)/g, "")
    .replace(/[{}]/g, "");
}

/** "g^{−1}" → "g−1", "Li_{2}S" → "Li2S", "Na^+" → "Na+", "10^{-4}" → "10-4", "^{\circ}C" already "°C". */
function scriptsToText(s: string): string {
  return s.replace(/[\^_]\{([^{}]*)\}/g, "$1").replace(/(?<=[\p{L}\p{N})\]])[\^_]([\p{L}\p{N}+\-−])/gu, "$1");
}

export function repairText(raw: string): string {
  return (
    raw
      // A subscript set apart by spaces ("Ti ₃ C ₂ T _x", "Mn–N ₃ –Cl") belongs to its formula.
      .replace(/(?<=[\p{L})\]]) +([₀-₉ₓᵧ]+|_[\p{L}\p{N}])(?: +(?=[\p{Lu}(/–—-]))?/gu, "$1")
      // A table row (cells split by tabs) stays a row of its own, its cells split by " | ".
      .replace(/^[^\n]*\t[^\n]*$/gm, (row) => `\n\n${row.replace(/[ ]*\t[ ]*/g, " | ").trim()}\n\n`)
      .normalize("NFKC")
      .replace(/\r\n?/g, "\n")
      // TeX math in running text ("$1.17 \times 10^{-8}\text{ cm}^2\text{ s}^{-1}$"), one line at most.
      .replace(/\$\$?([^$\n]{1,400}?)\$\$?/g, (_m, tex: string) => texToText(tex).trim())
      // HTML super- and subscripts left in the text: "Na<sup>+</sup>", "Li<sub>2</sub>S".
      .replace(/<\/?su[pb]>/gi, "")
      // A script set apart from its unit ("mg cm ^{−2}") belongs to it.
      .replace(/(?<=\p{L})[ \t]+(?=[\^_]\{)/gu, "")
      .replace(/\^\{\\circ\}|\\circ\b/g, "°")
      .replace(/[\^_]\{([^{}\n]*)\}|(?<=[\p{L}\p{N})\]])[\^_]([\p{L}\p{N}+\-−])/gu, (_m, group?: string, one?: string) => group ?? one ?? "")
      // A word broken at a line end: "electro-\nchemical" (a lower-case continuation; "Li-\nS" keeps its hyphen).
      .replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2")
      // A compound broken after its hyphen ("Li-\nS", "Fe-\nN4") keeps the hyphen and loses the break.
      .replace(/(\p{L})-\n(?=[\p{Lu}\d])/gu, "$1-")
      // Lines broken inside a paragraph join; a blank line still ends it.
      .replace(/\n[ \t]*\n\s*/g, "\u2029")
      .replace(/[ \t]*\n[ \t]*/g, " ")
      .replace(/\s*\u2029\s*/g, "\n\n")
      .replace(/[ \t\u00a0\u2000-\u200a\u202f]+/g, " ")
      // A micro sign set apart from its unit ("10 μ L mg−1") belongs to it.
      .replace(/([µμ]) +(?=(?:L|m|A|g|s|V|W|F|Ω|mol|M)(?![\p{L}]))/gu, "$1")
      // A degree sign set apart from its letter ("25 ° C") is one unit.
      .replace(/°\s+(?=[CFK]\b)/g, "°")
      // "1,296.8" and "48,783": a comma followed by exactly three digits inside a number groups thousands.
      .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
      .trim()
  );
}

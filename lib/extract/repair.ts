/**
 * What PDFs and copy-paste do to a paper's text, undone before numbers are read: ligatures and
 * compatibility characters (NFKC: "ﬁ" → "fi", "⁻¹" → "−1", no-break and thin spaces → spaces), words
 * hyphenated across lines, lines broken inside a paragraph, and thousands separators in numbers
 * ("1,296.8"). Lost superscripts in units ("mA h g1") are repaired where a unit is read
 * (./quantities.ts), since only the property a unit must fit tells "cm2" (cm²) from "cm 2" (cm⁻²).
 */
export function repairText(raw: string): string {
  return (
    raw
      .normalize("NFKC")
      .replace(/\r\n?/g, "\n")
      // A word broken at a line end: "electro-\nchemical" (a lower-case continuation; "Li-\nS" keeps its hyphen).
      .replace(/(\p{L})-\n(\p{Ll})/gu, "$1$2")
      // A compound broken after its hyphen ("Li-\nS", "Fe-\nN4") keeps the hyphen and loses the break.
      .replace(/(\p{L})-\n(?=[\p{Lu}\d])/gu, "$1-")
      // Lines broken inside a paragraph join; a blank line still ends it.
      .replace(/\n[ \t]*\n\s*/g, "\u2029")
      .replace(/[ \t]*\n[ \t]*/g, " ")
      .replace(/\s*\u2029\s*/g, "\n\n")
      .replace(/[ \t\u00a0\u2000-\u200a\u202f]+/g, " ")
      // "1,296.8" and "48,783": a comma followed by exactly three digits inside a number groups thousands.
      .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
      .trim()
  );
}

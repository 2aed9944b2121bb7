/**
 * Private-use characters (U+E000–U+F8FF, and the supplementary private-use planes) from publishers'
 * fonts: text copied from a PDF or exported by a publisher keeps the code point, which no reader's
 * font has, so "Sb–O–C" shows as "Sb□O□C". Known ones become the character they stand for; any
 * other becomes U+FFFD, a visible marker, and a warning for the person importing.
 */
import type { FieldError } from "../errors";

/** Publishers' private-use glyphs with the character each stands for, and where it was seen. */
export const PRIVATE_USE_GLYPHS: Record<string, string> = {
  // Wiley's chemistry font: a single bond ("Sb\uF8FFO\uF8FFC" is Sb–O–C) and a double bond ("C\uF8FEC" is C=C).
  "\uF8FF": "–",
  "\uF8FE": "=",
};

/** What an unknown private-use character becomes: visible, and searchable as "something was here". */
export const UNREADABLE_GLYPH = "\uFFFD";

const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

/** The text with private-use characters repaired, and the code points ("U+E0A3") that had no known reading. */
export function repairGlyphs(text: string): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const repaired = text.replace(PRIVATE_USE, (c) => {
    const known = PRIVATE_USE_GLYPHS[c];
    if (known !== undefined) return known;
    unknown.push(`U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
    return UNREADABLE_GLYPH;
  });
  return { text: repaired, unknown };
}

/**
 * Every string of a record file (as read, before validation) with private-use characters
 * repaired; a warning per field that held one with no known reading.
 */
export function repairRecordGlyphs(input: unknown): { value: unknown; warnings: FieldError[] } {
  const warnings: FieldError[] = [];
  const walk = (x: unknown, path: string): unknown => {
    if (typeof x === "string") {
      const { text, unknown } = repairGlyphs(x);
      if (unknown.length)
        warnings.push({
          path,
          message: `private-use character${unknown.length > 1 ? "s" : ""} ${[...new Set(unknown)].join(", ")} from the publisher's font, shown as ${UNREADABLE_GLYPH}: write the character the paper means`,
        });
      return text;
    }
    if (Array.isArray(x)) return x.map((v, i) => walk(v, `${path}[${i}]`));
    if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    return x;
  };
  return { value: walk(input, ""), warnings };
}

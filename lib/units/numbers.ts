const SUPERSCRIPT: Record<string, string> = {
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9",
  "⁻": "-",
  "⁺": "+",
};

/**
 * A number as papers and keyboards write it — "−35", "1.2e-3", "2.5 × 10^-3", "2.69x10-5",
 * "6.4×10⁻¹¹" — or null when the text is empty or not one number. A comma is never a decimal point.
 * Free of unit code, so forms in the browser use it too.
 */
export function parseNumber(raw: string): number | null {
  const t = raw
    .trim()
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]/g, (c) => SUPERSCRIPT[c]!)
    .replace(/[−–]/g, "-")
    .replace(/\s+/g, "")
    .replace(/^([-+]?(?:\d+\.?\d*|\.\d+))[×xX*]10\^?\(?([-+]?\d+)\)?$/, "$1e$2");
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * A number as papers and keyboards write it — "−35", "1.2e-3", "2.5 × 10^-3", "2.69x10-5",
 * "6.4×10⁻¹¹" — or null when the text is empty or not one number. A comma is never a decimal point.
 * Free of unit code, so forms in the browser use it too.
 */
export function parseNumber(raw: string): number | null {
  const t = raw
    // NFKC turns superscript digits and signs into plain ones: "10⁻¹¹" → "10−11".
    .normalize("NFKC")
    .trim()
    .replace(/[−–]/g, "-")
    .replace(/\s+/g, "")
    .replace(/^([-+]?(?:\d+\.?\d*|\.\d+))[×xX*]10\^?\(?([-+]?\d+)\)?$/, "$1e$2");
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

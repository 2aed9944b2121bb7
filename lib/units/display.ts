/** How units and values read on screen: "mAh g^{−1}" → "mAh g⁻¹", "degC" → "°C". */
const SUP: Record<string, string> = { "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻", "−": "⁻", "+": "⁺", ".": "·", "/": "ᐟ" };

export function prettyUnit(raw: string): string {
  return raw
    .replace(/[−–]/g, "-")
    .replace(/<sup>([^<]*)<\/sup>/gi, "^$1")
    .replace(/<sub>([^<]*)<\/sub>/gi, "$1")
    .replace(/\^\{([^}]*)\}/g, "^$1")
    .replace(/\^\(?([-−+]?\d+(?:[./]\d+)?)\)?/g, (_m, e: string) => [...e].map((c) => SUP[c] ?? c).join(""))
    .replace(/([a-zA-Z])(-\d+)\b/g, (_m, u: string, e: string) => u + [...e].map((c) => SUP[c] ?? c).join(""))
    .replace(/\bdegC\b/g, "°C")
    .replace(/\bohm\b/g, "Ω")
    .replace(/\bpercent\b/g, "%")
    .replace(/\bu([LAmgsV])\b/g, "µ$1")
    .replace(/\bangstrom\b/g, "Å");
}

export function prettyNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e6)) {
    const [m, e] = value.toExponential(3).split("e");
    return `${Number(m)} × 10${[...String(Number(e))].map((c) => SUP[c] ?? c).join("")}`;
  }
  return String(Number(value.toPrecision(6))).replace(/^-/, "−");
}

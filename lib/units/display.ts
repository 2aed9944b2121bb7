/** How units and values read on screen: "mAh g^{−1}" → "mAh g⁻¹", "degC" → "°C". */
import { SUPERSCRIPT } from "../text/scripts";

// An exponent's decimal point and slash get raised forms of their own ("s^-0.5" → s⁻⁰·⁵).
const SUP: Record<string, string> = { ...SUPERSCRIPT, ".": "·", "/": "ᐟ" };

/**
 * How units read, as researchers write them, by their mathjs syntax: the one table every label,
 * unit picker and formatted value takes its unit text from. Units not listed read as prettyUnit
 * makes them (papers' own spellings: "mA h g^-1" → "mA h g⁻¹").
 */
const UNIT_TEXT: Record<string, string> = {
  "mAh/g": "mAh g⁻¹",
  "Ah/kg": "Ah kg⁻¹",
  "mAh/cm^2": "mAh cm⁻²",
  "uAh/cm^2": "µAh cm⁻²",
  "mAh/cm^3": "mAh cm⁻³",
  "Ah/L": "Ah L⁻¹",
  percent: "%",
  "Wh/kg": "Wh kg⁻¹",
  "kWh/kg": "kWh kg⁻¹",
  "J/g": "J g⁻¹",
  "Wh/L": "Wh L⁻¹",
  "kWh/L": "kWh L⁻¹",
  "W/kg": "W kg⁻¹",
  "kW/kg": "kW kg⁻¹",
  "mA/cm^2": "mA cm⁻²",
  "uA/cm^2": "µA cm⁻²",
  "A/cm^2": "A cm⁻²",
  "A/g": "A g⁻¹",
  "mA/g": "mA g⁻¹",
  uA: "µA",
  ohm: "Ω",
  kohm: "kΩ",
  mohm: "mΩ",
  "ohm cm^2": "Ω cm²",
  "kohm cm^2": "kΩ cm²",
  "cm^2/s": "cm² s⁻¹",
  "m^2/s": "m² s⁻¹",
  "S/cm": "S cm⁻¹",
  "mS/cm": "mS cm⁻¹",
  "S/m": "S m⁻¹",
  "kJ/mol": "kJ mol⁻¹",
  um: "µm",
  angstrom: "Å",
  "m^2/g": "m² g⁻¹",
  "cm^2/g": "cm² g⁻¹",
  "cm^3/g": "cm³ g⁻¹",
  "mL/g": "mL g⁻¹",
  "uL/mg": "µL mg⁻¹",
  "mg/cm^2": "mg cm⁻²",
  "g/m^2": "g m⁻²",
  "angstrom^-1": "Å⁻¹",
  "nm^-1": "nm⁻¹",
  "g/mol": "g mol⁻¹",
  "kg/mol": "kg mol⁻¹",
  degC: "°C",
  degF: "°F",
  "mV/s": "mV s⁻¹",
  "V/s": "V s⁻¹",
  "J/(mol K)": "J mol⁻¹ K⁻¹",
  "kJ/(mol K)": "kJ mol⁻¹ K⁻¹",
  "cm^-1": "cm⁻¹",
  deg: "°",
  "s/g": "s g⁻¹",
  "degC/min": "°C min⁻¹",
};

/** A unit's text: "mAh g⁻¹" for mAh/g; "" (a plain number) has none. */
export function unitText(unit: string): string {
  return UNIT_TEXT[unit] ?? prettyUnit(unit);
}

/** A value with its unit, as it reads: "255.2 mAh g⁻¹", "−35 °C", "0.91" for a plain number. */
export function formatQuantity(value: number, unit: string): string {
  const text = unitText(unit);
  return text ? `${prettyNumber(value)} ${text}` : prettyNumber(value);
}

/** Two ends as a range: "2–6", or "−35 to 65" where an en dash beside a minus sign would read as one number. */
export function formatRange(min: number, max: number): string {
  return min < 0 || max < 0 ? `${prettyNumber(min)} to ${prettyNumber(max)}` : `${prettyNumber(min)}–${prettyNumber(max)}`;
}

/** A value or a range with its unit, as it reads: "255.2 mAh g⁻¹", "2–6 nm", "−35 to 65 °C", "0.4–0.7" for plain numbers. */
export function formatAmount(q: { value?: number | null; min?: number | null; max?: number | null }, unit: string): string {
  if (q.value !== undefined && q.value !== null) return formatQuantity(q.value, unit);
  const text = unitText(unit);
  const range = formatRange(q.min!, q.max!);
  return text ? `${range} ${text}` : range;
}

const superscript = (e: string) => [...e].map((c) => SUP[c] ?? c).join("");

/**
 * A unit as papers print it, exponents raised: "cm2 s-1" → "cm² s⁻¹", "Å-1" → "Å⁻¹",
 * "mAh g^{−1}" → "mAh g⁻¹". A count straight after a unit symbol is its exponent (units carry no
 * other numbers: the record checks refuse them).
 */
export function prettyUnit(raw: string): string {
  return raw
    .replace(/[−–]/g, "-")
    .replace(/<sup>([^<]*)<\/sup>/gi, "^$1")
    .replace(/<sub>([^<]*)<\/sub>/gi, "$1")
    .replace(/\^\{([^}]*)\}/g, "^$1")
    .replace(/\^\(?([-−+]?\d+(?:[./]\d+)?)\)?/g, (_m, e: string) => superscript(e))
    .replace(/(\p{L})(-?\d+)(?![\p{L}\d.])/gu, (_m, u: string, e: string) => u + superscript(e))
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
    return `${Number(m)} × 10${superscript(String(Number(e)))}`;
  }
  return String(Number(value.toPrecision(6))).replace(/^-/, "−");
}

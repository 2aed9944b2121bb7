/**
 * The units a researcher may pick for a property or condition (search bounds, comparison rows), and
 * the conversion the browser uses for them: the same `convert` as the server (mathjs, isomorphic),
 * so what the browser shows agrees with the API.
 */
import { compatible, convert } from "./index";
import { prettyUnit } from "./display";

/** Units researchers write, by kind, as [mathjs syntax, how it reads]. */
const FAMILIES: [string, string][][] = [
  [["mAh/g", "mAh g⁻¹"], ["Ah/kg", "Ah kg⁻¹"]],
  [["mAh/cm^2", "mAh cm⁻²"], ["uAh/cm^2", "µAh cm⁻²"]],
  [["mAh/cm^3", "mAh cm⁻³"], ["Ah/L", "Ah L⁻¹"]],
  [["percent", "%"], ["", "fraction"]],
  [["h", "h"], ["min", "min"], ["s", "s"], ["ms", "ms"]],
  [["Wh/kg", "Wh kg⁻¹"], ["kWh/kg", "kWh kg⁻¹"], ["J/g", "J g⁻¹"]],
  [["Wh/L", "Wh L⁻¹"], ["kWh/L", "kWh L⁻¹"]],
  [["W/kg", "W kg⁻¹"], ["kW/kg", "kW kg⁻¹"]],
  [["V", "V"], ["mV", "mV"]],
  [["mA/cm^2", "mA cm⁻²"], ["uA/cm^2", "µA cm⁻²"], ["A/cm^2", "A cm⁻²"]],
  [["A/g", "A g⁻¹"], ["mA/g", "mA g⁻¹"]],
  [["mA", "mA"], ["uA", "µA"], ["A", "A"]],
  [["ohm", "Ω"], ["kohm", "kΩ"], ["mohm", "mΩ"]],
  [["ohm cm^2", "Ω cm²"], ["kohm cm^2", "kΩ cm²"]],
  [["cm^2/s", "cm² s⁻¹"], ["m^2/s", "m² s⁻¹"]],
  [["S/cm", "S cm⁻¹"], ["mS/cm", "mS cm⁻¹"], ["S/m", "S m⁻¹"]],
  [["eV", "eV"], ["meV", "meV"], ["kJ/mol", "kJ mol⁻¹"]],
  [["nm", "nm"], ["um", "µm"], ["angstrom", "Å"], ["mm", "mm"]],
  [["m^2/g", "m² g⁻¹"], ["cm^2/g", "cm² g⁻¹"]],
  [["cm^3/g", "cm³ g⁻¹"], ["mL/g", "mL g⁻¹"]],
  [["uL/mg", "µL mg⁻¹"], ["mL/g", "mL g⁻¹"]],
  [["mg/cm^2", "mg cm⁻²"], ["g/m^2", "g m⁻²"]],
  [["angstrom^-1", "Å⁻¹"], ["nm^-1", "nm⁻¹"]],
  [["g/mol", "g mol⁻¹"], ["kg/mol", "kg mol⁻¹"]],
  [["MPa", "MPa"], ["GPa", "GPa"], ["kPa", "kPa"], ["Pa", "Pa"]],
  [["degC", "°C"], ["K", "K"], ["degF", "°F"]],
  [["mPa s", "mPa s"], ["Pa s", "Pa s"]],
  [["mV/s", "mV s⁻¹"], ["V/s", "V s⁻¹"]],
  [["J/(mol K)", "J mol⁻¹ K⁻¹"], ["kJ/(mol K)", "kJ mol⁻¹ K⁻¹"]],
];

export interface UnitChoice {
  value: string;
  label: string;
}

/** How a unit reads, as researchers write it ("mAh g⁻¹" for mAh/g). */
export function unitLabel(unit: string): string {
  return FAMILIES.flat().find(([u]) => u === unit)?.[1] ?? prettyUnit(unit);
}

/** The canonical unit first (as the catalogue writes it), then the compatible units of its kind. */
export function unitChoices(canonical: string, display: string): UnitChoice[] {
  const family = FAMILIES.find((f) => f.some(([u]) => u === canonical)) ?? [];
  const others = family.filter(([u]) => u !== canonical).filter(([u]) => {
    try {
      return u === "" || canonical === "" ? canonical === "percent" || u === "percent" : compatible(u, canonical);
    } catch {
      return false;
    }
  });
  return [{ value: canonical, label: display }, ...others.map(([value, label]) => ({ value, label }))];
}

/** Convert a canonical value for display in another unit ("" is a plain fraction). */
export function convertFor(value: number, from: string, to: string): number {
  if (from === to) return value;
  return convert(value, from === "" ? "unity" : from, to === "" ? "unity" : to);
}

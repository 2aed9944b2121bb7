/**
 * The units a researcher may pick for a property or condition (search bounds, comparison rows),
 * each with the conversion of canonical values into it, worked out here: the browser applies it
 * as plain numbers (lib/units/affine.ts) and agrees with the server's `convert`.
 */
import { compatible, conversion } from "./convert";
import { unitText } from "./display";
import type { UnitChoice } from "./affine";

export type { UnitChoice };

/** A percentage may also be read as a plain fraction (95.9 % → 0.959); mathjs syntax for "fraction" is "". */
const FRACTION = "";

/**
 * Units researchers write, by kind (mathjs syntax). A dimensionless property ("" canonical: a
 * count of cycles, a b-value, a ratio) is in none: it is a number of its own kind, and "%" would
 * turn 160 cycles into 16000.
 */
const FAMILIES: string[][] = [
  ["mAh/g", "Ah/kg"],
  ["mAh/cm^2", "uAh/cm^2"],
  ["mAh/cm^3", "Ah/L"],
  ["percent", FRACTION],
  ["h", "min", "s", "ms"],
  ["Wh/kg", "kWh/kg", "J/g"],
  ["Wh/L", "kWh/L"],
  ["W/kg", "kW/kg"],
  ["V", "mV"],
  ["mA/cm^2", "uA/cm^2", "A/cm^2"],
  ["A/g", "mA/g"],
  ["mA", "uA", "A"],
  ["ohm", "kohm", "mohm"],
  ["ohm cm^2", "kohm cm^2"],
  ["cm^2/s", "m^2/s"],
  ["S/cm", "mS/cm", "S/m"],
  ["eV", "meV", "kJ/mol"],
  ["nm", "um", "angstrom", "mm"],
  ["m^2/g", "cm^2/g"],
  ["cm^3/g", "mL/g"],
  ["uL/mg", "mL/g"],
  ["mg/cm^2", "g/m^2"],
  ["angstrom^-1", "nm^-1"],
  ["g/mol", "kg/mol"],
  ["MPa", "GPa", "kPa", "Pa"],
  ["degC", "K", "degF"],
  ["mPa s", "Pa s"],
  ["mV/s", "V/s"],
  ["J/(mol K)", "kJ/(mol K)"],
];

/** The canonical unit first (read as the catalogue writes it), then the compatible units of its kind. */
export function unitChoices(canonical: string, display: string): UnitChoice[] {
  const family = canonical === "" ? [] : (FAMILIES.find((f) => f.includes(canonical)) ?? []);
  // A fraction is in the percent family only; every other unit must convert.
  const others = family.filter((u) => u !== canonical && (u === FRACTION || compatible(u, canonical)));
  // mathjs has no unit for a plain number: "unity" stands in.
  const syntax = (u: string) => u || "unity";
  return [
    { value: canonical, label: display, fromCanonical: { scale: 1, offset: 0 } },
    ...others.map((value) => ({ value, label: value ? unitText(value) : "fraction", fromCanonical: conversion(syntax(canonical), syntax(value)) })),
  ];
}

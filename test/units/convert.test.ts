/**
 * lib/units/convert.ts reads and converts units without mathjs (the browser runs it too); here it is
 * held to mathjs itself: same table, same units read or refused, same numbers.
 */
import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Unit } from "mathjs";
import { math } from "../../lib/units/parse";
import { checkedSyntax, UnitError, UnitNotationError } from "../../lib/units/notation";
import { conversion, convert } from "../../lib/units/convert";
import { PREFIXES, UNITS } from "../../lib/units/unit-table";
import { PROPERTIES } from "../../lib/units";
import { columnsOf } from "../../lib/units/conditions";

const mathUnit = math.Unit as unknown as {
  UNITS: Record<string, { value: unknown; offset: number; dimensions: number[]; prefixes: Record<string, { value: number }> }>;
  PREFIXES: Record<string, Record<string, { value: number }>>;
  typeConverters: { number: (x: unknown) => unknown };
};

/** What lib/units did with mathjs before it read the table itself. */
function mathjsConvert(value: number, unit: string, target: string): number {
  const read = (raw: string, v?: number): Unit => {
    const syntax = checkedSyntax(raw);
    try {
      return v === undefined ? math.unit(syntax) : math.unit(v, syntax);
    } catch {
      throw new UnitNotationError(`cannot read the unit "${raw}"`);
    }
  };
  const from = read(unit, value);
  const to = read(target);
  const syntax = checkedSyntax(target);
  if (from.equalBase(to)) return from.toNumber(syntax);
  if (from.equalBase(math.unit(1, "J/mol")) && to.equalBase(math.unit(1, "J"))) return math.unit(from.toNumber("J/mol") / 96485.33212, "eV").toNumber(syntax);
  if (from.equalBase(math.unit(1, "J")) && to.equalBase(math.unit(1, "J/mol"))) return math.unit(from.toNumber("eV") * 96485.33212, "J/mol").toNumber(syntax);
  throw new UnitError("cannot be converted");
}

function mathjsAffine(unit: string, target: string) {
  const offset = mathjsConvert(0, unit, target);
  return { scale: mathjsConvert(1, unit, target) - offset, offset };
}

function seedUnits(): string[] {
  const dir = join(import.meta.dirname, "..", "..", "seed");
  const found = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) k === "unit" && typeof v === "string" ? found.add(v) : walk(v);
  };
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) walk(JSON.parse(readFileSync(join(dir, f), "utf8")));
  return [...found];
}

const TARGETS = [
  ...new Set([
    ...PROPERTIES.map((p) => p.unit),
    ...columnsOf().flatMap((c) => (c.unit === undefined ? [] : [c.unit])),
    "h",
    "degC/min",
    "g",
    "mL",
    "mol",
    "mol/L",
    "g/L",
    "mol/kg",
    "K",
    "degF",
    "J",
    "kJ/mol",
  ]),
];

const SPELLINGS = [
  ...seedUnits(),
  ...TARGETS,
  ...Object.keys(UNITS),
  "mA h g^{−1}",
  "mAh g<sup>-1</sup>",
  "cm² s⁻¹",
  "µL mg-1",
  "wt%",
  "at%",
  "vol %",
  "Ω cm2",
  "kΩ",
  "ohm s^-0.5",
  "s-1/2",
  "J/(mol K)",
  "J mol-1 K-1",
  "kJ/(mol K)",
  "(mol K)/J",
  "kg m^-3",
  "W h kg-1",
  "mW h g-1",
  "uA cm-2",
  "mS/cm",
  "nm^-1",
  "1/s",
  "°C",
  "℃",
  "°F",
  "K min-1",
  "°C/min",
  "mmol L-1",
  "mM",
  "kDa",
  "ppm",
  "% per cycle",
  "cycles",
  "e",
  "C",
  "mV dec-1",
  "A/g",
  "Ah/kg",
  "kWh/L",
  "MPa",
  "mPa s",
  "deg",
  "rad",
  "kcal/mol",
  "meV",
  "hours",
  "min",
  // not units
  "furlong per fortnight",
  "1/0",
  "1000 mAh g-1",
  "×10⁻³ S cm⁻¹",
  "m^(2)",
  "m/",
  "(m",
  "m)",
  "g**2",
  "%%",
  "mAh//g",
  "m^",
  "m ^ -1",
  "kg^2.5 m^-1.25",
  "Ωm",
  "μ",
  "",
  "  ",
];

describe("unit reading and conversion without mathjs", () => {
  it("reads mathjs's own tables, which scripts/unit-table.js wrote", () => {
    const groupOf = new Map(Object.entries(mathUnit.PREFIXES).map(([name, group]) => [group, name]));
    const names = Object.keys(mathUnit.UNITS).filter((n) => typeof mathUnit.typeConverters.number(mathUnit.UNITS[n]!.value) === "number");
    expect(Object.keys(UNITS)).toEqual(names);
    for (const name of names) {
      const u = mathUnit.UNITS[name]!;
      expect(UNITS[name], name).toEqual([u.dimensions, mathUnit.typeConverters.number(u.value), u.offset, groupOf.get(u.prefixes)]);
    }
    for (const [name, group] of Object.entries(mathUnit.PREFIXES))
      expect(PREFIXES[name], name).toEqual(Object.fromEntries(Object.entries(group).map(([p, v]) => [p, v.value])));
  });

  it("reads and refuses the units mathjs reads and refuses, and converts them to the same numbers", () => {
    const prefixed = Object.entries(UNITS).flatMap(([name, [, , , group]]) =>
      Object.keys(PREFIXES[group]!)
        .slice(0, 6)
        .map((p) => p + name),
    );
    let pairs = 0;
    const inexact: string[] = [];
    for (const unit of [...SPELLINGS, ...prefixed]) {
      for (const target of TARGETS) {
        let expected: { scale: number; offset: number } | string;
        try {
          expected = mathjsAffine(unit, target);
        } catch (e) {
          expected = e instanceof UnitNotationError ? "unreadable" : e instanceof UnitError ? "incompatible" : `mathjs: ${String(e)}`;
        }
        let actual: { scale: number; offset: number } | string;
        try {
          actual = conversion(unit, target);
        } catch (e) {
          actual = e instanceof UnitNotationError ? "unreadable" : e instanceof UnitError ? "incompatible" : String(e);
        }
        if (typeof expected === "string" && expected.startsWith("mathjs:")) continue; // mathjs itself fails (a complex-valued unit)
        if (typeof expected === "string" || typeof actual === "string") {
          expect(actual, `${unit} → ${target}`).toEqual(expected);
          continue;
        }
        pairs++;
        if (actual.scale !== expected.scale || actual.offset !== expected.offset) inexact.push(`${unit} → ${target}`);
        for (const v of [0, 1, -35, 0.3125, 6.9, 273.15, 1e-9, 1e12]) {
          expect(convert(v, unit, target), `${v} ${unit} → ${target}`).toBe(Number((v * expected.scale + expected.offset).toPrecision(12)));
        }
      }
    }
    expect(pairs).toBeGreaterThan(1000);
    // Bit for bit, but between °C and °F: mathjs works their offsets out in exact fractions (°F is 5/9 K), this in binary, 6e-14 °C apart.
    expect(inexact.filter((p) => !/(degC|°C|℃|celsius) → degF|(degF|°F|fahrenheit) → degC/.test(p))).toEqual([]);
  });
});

import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { convert, toCanonical, compatible, isShare, parseUnit, PROPERTIES, UnitNotationError } from "../../lib/units";
import { columnsOf } from "../../lib/units/conditions";
import { prettyUnit } from "../../lib/units/display";
import { seedFiles } from "../../seed/load";
import type { RecordFile } from "../../lib/records/schema";

describe("paper unit notation", () => {
  it.each([
    ["mAh g-1", "mAh/g", 1],
    ["mA h g⁻¹", "mAh/g", 1],
    ["mA h g^{−1}", "mAh/g", 1],
    ["mA·h/g", "mAh/g", 1],
    ["mAh g<sup>−1</sup>", "mAh/g", 1],
    ["Ah kg-1", "mAh/g", 1],
    ["A g-1", "mA/g", 1000],
    ["mS cm-1", "S/cm", 0.001],
    ["cm2 s-1", "cm^2/s", 1],
    ["cm² s⁻¹", "cm^2/s", 1],
    ["m2 s-1", "cm^2/s", 10000],
    ["Ω", "ohm", 1],
    ["kΩ", "ohm", 1000],
    ["µL mg-1", "uL/mg", 1],
    ["μL mg^{−1}", "uL/mg", 1],
    ["mL g-1", "uL/mg", 1],
    ["wt%", "percent", 1],
    ["%", "", 0.01],
    ["Wh kg^{−1}", "Wh/kg", 1],
    ["W kg-1", "W/kg", 1],
    ["mV s^{−1}", "mV/s", 1],
    ["mg cm⁻²", "mg/cm^2", 1],
    ["Å", "nm", 0.1],
    ["min", "h", 1 / 60],
    ["°C min^{−1}", "degC/min", 1],
    ["Ω s^{−1/2}", "ohm s^-0.5", 1],
  ])("reads %s", (raw, target, factor) => {
    expect(convert(1, raw, target)).toBeCloseTo(factor, 9);
  });

  it("converts temperatures with their offset", () => {
    expect(convert(-35, "°C", "K")).toBeCloseTo(238.15, 9);
    expect(convert(298.15, "K", "degC")).toBeCloseTo(25, 9);
  });

  it("keeps the paper's S cm-2 typo readable but refuses it as a conductivity", () => {
    expect(() => parseUnit("S cm-2")).not.toThrow();
    expect(() => toCanonical("ionic_conductivity", 5.85e-4, "S cm-2")).toThrow(/does not fit Ionic conductivity/);
  });

  it("converts molar energies to eV", () => {
    expect(toCanonical("activation_energy", 96.485332, "kJ mol-1")).toBeCloseTo(1, 6);
  });

  it("rejects a unit that does not fit its property, saying which", () => {
    expect(() => toCanonical("specific_capacity", 1, "S cm-1")).toThrow(/unit "S cm-1" does not fit Specific capacity/);
    expect(() => toCanonical("specific_capacity", 1, "furlongs")).toThrow(/cannot read the unit "furlongs"/);
  });

  it("treats a C-rate as not a current", () => {
    expect(compatible("C", "A/g")).toBe(false);
  });

  it("gives every catalogue property a canonical unit mathjs can read", () => {
    for (const p of PROPERTIES) expect(() => parseUnit(p.unit), p.key).not.toThrow();
    for (const c of columnsOf()) if (c.unit !== undefined) expect(() => parseUnit(c.unit!), c.column).not.toThrow();
  });

  it("prints units the way papers do", () => {
    expect(prettyUnit("mAh g^{−1}")).toBe("mAh g⁻¹");
    expect(prettyUnit("cm2 s-1")).toBe("cm² s⁻¹");
    expect(prettyUnit("degC")).toBe("°C");
    expect(prettyUnit("mAh g−1")).toBe("mAh g⁻¹");
  });
});

describe("a unit carries no number", () => {
  it('refuses a magnitude that conversion would silently drop (0.5 with "1000 mAh g-1" read as 0.5 mAh g⁻¹)', () => {
    expect(() => toCanonical("specific_capacity", 0.5, "1000 mAh g-1")).toThrow('cannot read the unit "1000 mAh g-1": it carries a number');
    expect(() => convert(0.5, "mAh g-1", "1000 mAh/g")).toThrow(UnitNotationError);
  });

  it.each(["×10⁻³ S cm⁻¹", "10^-3 S cm-1", "10-3 S cm-1", "1e3 mAh g-1", "mAh/(1000 g)", "g/100 mL", "0.5 M", "1/0", "42"])("refuses %j", (unit) => {
    expect(() => parseUnit(unit)).toThrow(/carries a number; put the magnitude, including a power of ten such as ×10⁻³, into the value/);
  });

  it.each([
    ["g-1", "1/g", 1],
    ["cm2", "cm^2", 1],
    ["cm^2", "cm^2", 1],
    ["s-1/2", "s^-0.5", 1],
    ["Å2 ns-1", "angstrom^2/ns", 1],
    ["1/s", "s^-1", 1],
    ["1/K", "K^-1", 1],
  ])("keeps the exponents of %j", (raw, target, factor) => {
    expect(convert(1, raw, target)).toBeCloseTo(factor, 9);
  });
});

describe("concentrations and shares", () => {
  it("reads molar and millimolar", () => {
    expect(convert(1, "M", "mol/L")).toBe(1);
    expect(convert(1, "mM", "mol/L")).toBe(0.001);
    expect(convert(1, "µM", "mol/L")).toBe(0.000001);
  });

  it("tells a share of a mixture from other plain numbers", () => {
    for (const unit of ["%", "wt%", "at%", "vol%", "ppm"]) expect(isShare(unit), unit).toBe(true);
    for (const unit of ["", "cycles", "e", "C", "g"]) expect(isShare(unit), unit).toBe(false);
  });
});

describe("every unit string in the seed records (as each record reads it)", () => {
  const seen = new Map<string, Set<string>>();
  for (const file of seedFiles()) {
    const records = JSON.parse(readFileSync(file, "utf8")) as RecordFile;
    for (const paper of records.papers)
      for (const material of paper.materials ?? [])
        for (const m of material.measurements ?? []) {
          if (!seen.has(m.property)) seen.set(m.property, new Set());
          seen.get(m.property)!.add(m.unitReadAs ?? m.unit);
        }
  }
  const cases = [...seen].flatMap(([property, units]) => [...units].map((unit) => [property, unit] as const));

  it("are there to test", () => expect(cases.length).toBeGreaterThan(20));
  it.each(cases)("%s in %j converts to the canonical unit", (property, unit) => {
    expect(Number.isFinite(toCanonical(property, 1, unit))).toBe(true);
  });
});

import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { convert, toCanonical, compatible, parseUnit, PROPERTIES, CONDITION_UNITS } from "../../lib/units";
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
    for (const u of Object.values(CONDITION_UNITS)) expect(() => parseUnit(u)).not.toThrow();
  });

  it("prints units the way papers do", () => {
    expect(prettyUnit("mAh g^{−1}")).toBe("mAh g⁻¹");
    expect(prettyUnit("cm2 s-1")).toBe("cm2 s⁻¹");
    expect(prettyUnit("degC")).toBe("°C");
    expect(prettyUnit("mAh g−1")).toBe("mAh g⁻¹");
  });
});

describe("every unit string in the seed records", () => {
  const seen = new Map<string, Set<string>>();
  for (const file of seedFiles()) {
    const records = JSON.parse(readFileSync(file, "utf8")) as RecordFile;
    for (const paper of records.papers)
      for (const material of paper.materials ?? [])
        for (const m of material.measurements ?? []) {
          if (!seen.has(m.property)) seen.set(m.property, new Set());
          seen.get(m.property)!.add(m.unit);
        }
  }
  const cases = [...seen].flatMap(([property, units]) => [...units].map((unit) => [property, unit] as const));

  it("are there to test", () => expect(cases.length).toBeGreaterThan(20));
  it.each(cases)("%s in %j converts to the canonical unit", (property, unit) => {
    expect(Number.isFinite(toCanonical(property, 1, unit))).toBe(true);
  });
});

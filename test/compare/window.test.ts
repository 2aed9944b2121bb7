/**
 * The stand-in window: a measurement stands in for a comparison row only when every aligned
 * condition is inside STAND_IN_WINDOW, and the page, the notes and the README state that window.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it, expect } from "vitest";
import { STAND_IN_WINDOW, STAND_IN_WINDOW_TEXT, standInDifferences, standInGap } from "../../lib/compare/window";
import type { AlignmentConditions } from "../../lib/compare/types";

const at = (c: Partial<AlignmentConditions>): AlignmentConditions => ({
  currentDensity: null,
  arealCurrentDensity: null,
  cRate: null,
  temperature: null,
  cycle: null,
  scanRate: null,
  ...c,
});

describe("the stand-in window", () => {
  it("takes a rate within ×3 of the row's, either way, and nothing farther", () => {
    expect(STAND_IN_WINDOW.currentDensity).toEqual({ factor: 3 });
    expect(standInGap(at({ currentDensity: 0.2 }), at({ currentDensity: 0.1 }))).not.toBeNull();
    expect(standInGap(at({ currentDensity: 0.3 }), at({ currentDensity: 0.1 }))).not.toBeNull();
    expect(standInGap(at({ currentDensity: 0.04 }), at({ currentDensity: 0.1 }))).not.toBeNull();
    expect(standInGap(at({ currentDensity: 0.03 }), at({ currentDensity: 0.1 }))).toBeNull();
    expect(standInGap(at({ currentDensity: 0.5 }), at({ currentDensity: 0.1 }))).toBeNull();
    expect(standInGap(at({ currentDensity: 2 }), at({ currentDensity: 0.1 }))).toBeNull();
    expect(standInGap(at({ cRate: 2 }), at({ cRate: 0.5 }))).toBeNull();
    expect(standInGap(at({ scanRate: 0.3 }), at({ scanRate: 0.1 }))).not.toBeNull();
  });

  it("takes a temperature within 5 °C, an unstated one as room temperature", () => {
    expect(standInGap(at({ temperature: 25 }), at({ temperature: 20 }))).not.toBeNull();
    expect(standInGap(at({ temperature: 25 }), at({ temperature: 0 }))).toBeNull();
    expect(standInGap(at({ temperature: 25 }), at({ temperature: -35 }))).toBeNull();
    expect(standInGap(at({ temperature: 22 }), at({}))).not.toBeNull();
    expect(standInGap(at({ temperature: 65 }), at({}))).toBeNull();
  });

  it("takes nearly the same cycle, never cycle 1 for a later one, and nothing stated on one side only", () => {
    expect(standInGap(at({ cycle: 100 }), at({ cycle: 120 }))).not.toBeNull();
    expect(standInGap(at({ cycle: 100 }), at({ cycle: 160 }))).toBeNull();
    expect(standInGap(at({ cycle: 2 }), at({ cycle: 1 }))).toBeNull();
    expect(standInGap(at({ currentDensity: 0.1, cycle: 100 }), at({ currentDensity: 0.1 }))).toBeNull();
    expect(standInGap(at({ currentDensity: 0.1 }), at({ currentDensity: 0.1, cycle: 100 }))).toBeNull();
    expect(standInGap(at({ currentDensity: 0.1 }), at({ cRate: 0.1 }))).toBeNull();
  });

  it("prefers the nearer of two stand-ins, condition by condition in units of the window", () => {
    const row = at({ currentDensity: 0.2, temperature: 25 });
    expect(standInGap(row, at({ currentDensity: 0.2, temperature: 23 }))!).toBeLessThan(standInGap(row, at({ currentDensity: 0.1, temperature: 25 }))!);
    expect(standInGap(row, at({ currentDensity: 0.2, temperature: 25 }))).toBe(0);
  });

  it("says where a stand-in differs and which window it is inside", () => {
    expect(standInDifferences(at({ currentDensity: 0.2 }), at({ currentDensity: 0.1 }))).toEqual(["measured at 0.1 A g⁻¹, within ×3 of the row's 0.2 A g⁻¹"]);
    expect(standInDifferences(at({ temperature: 22 }), at({}))).toEqual(["measured at 25 °C (unstated: room temperature), within 5 °C of the row's 22 °C"]);
  });

  it("is stated in words from the table, and the README states those words", () => {
    expect(STAND_IN_WINDOW_TEXT).toBe(
      "current density, areal current density, C-rate and scan rate within ×3 of the row's, temperature within 5 °C and cycle number within ×1.25; never across a condition stated on one side only (an unstated temperature is room temperature, 25 °C)",
    );
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(STAND_IN_WINDOW_TEXT);
  });
});

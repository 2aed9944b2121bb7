import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateRecordFile } from "../../lib/records/validate";
import { coerceState, emptyState, formToRecord, recordToForm, validateForm, emptyMaterial, emptyMeasurement } from "../../lib/editing/form";
import { parseNumber } from "../../lib/units/numbers";
import { validFile } from "../helpers/records";

const SEED = join(import.meta.dirname, "..", "..", "seed");

describe("the editor's form model", () => {
  const files = readdirSync(SEED).filter((f) => f.endsWith(".json"));

  it.each(files)("loses nothing of seed record %s through form and back", (file) => {
    const parsed = validateRecordFile(JSON.parse(readFileSync(join(SEED, file), "utf8")));
    for (const paper of parsed.papers) {
      const form = recordToForm(paper);
      const { record, issues } = formToRecord(form);
      expect(issues).toEqual([]);
      expect(validateForm(form)).toEqual([]);
      expect(validateRecordFile({ papers: [record] }).papers[0]).toEqual({ ...paper, status: "published" });
      // A draft round-trips through JSON (the server stores it as text) unchanged.
      expect(coerceState(JSON.parse(JSON.stringify(form)))).toEqual(form);
    }
  });

  it("keeps the test record's reagents, conditions and flags", () => {
    const paper = validateRecordFile(validFile()).papers[0]!;
    const back = validateRecordFile({ papers: [formToRecord(recordToForm(paper)).record] }).papers[0];
    expect(back).toEqual(paper);
  });

  it("reports fields that are not numbers in its own words, at their paths", () => {
    const state = emptyState();
    state.paper.year = "20x5";
    const m = emptyMaterial();
    const x = emptyMeasurement("specific_capacity");
    x.value = "25O";
    x.unit = "mAh g-1";
    x.conditions.temperature = { value: "−35", unit: "°C" };
    m.measurements.push(x);
    state.materials.push(m);
    const errors = validateForm(state);
    const at = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message);
    expect(at("year")).toEqual(['"20x5" is not a number']);
    expect(at("materials[0].measurements[0].value")).toEqual(['"25O" is not a number']);
    expect(at("materials[0].measurements[0].conditions.temperature.value")).toEqual([]);
    expect(at("title")).toEqual(["must not be empty"]);
    expect(at("materials[0].role").length).toBe(1);
    expect(at("materials[0].measurements[0].quote")).toEqual(["must not be empty"]);
  });

  it("flags a unit that does not fit its property", () => {
    const state = recordToForm(validateRecordFile(validFile()).papers[0]!);
    state.materials[0]!.measurements[0]!.unit = "mS cm-1";
    expect(validateForm(state).map((e) => e.path)).toEqual(["materials[0].measurements[0].unit"]);
  });

  it("reads numbers as papers write them", () => {
    expect(parseNumber("−35")).toBe(-35);
    expect(parseNumber("1.2e-3")).toBe(0.0012);
    expect(parseNumber("2.5 × 10^-3")).toBe(0.0025);
    expect(parseNumber("1,5")).toBeNull();
    expect(parseNumber("")).toBeNull();
    expect(parseNumber("Infinity")).toBeNull();
  });

  it("makes a usable state of any saved draft", () => {
    const state = coerceState({
      paper: { title: 42, formulas: ["x", 3] },
      materials: [{ name: "A", measurements: [{ value: 1 }], synthesis: "nope" }],
      extra: true,
    });
    expect(state.paper.title).toBe("42");
    expect(state.paper.formulas).toEqual(["x"]);
    expect(state.materials[0]!.synthesis).toEqual([]);
    expect(state.materials[0]!.measurements[0]!.value).toBe("1");
    expect(state.materials[0]!.measurements[0]!.conditions.temperature).toEqual({ value: "", unit: "" });
    expect(coerceState(null)).toMatchObject({ version: 1, materials: [] });
  });
});

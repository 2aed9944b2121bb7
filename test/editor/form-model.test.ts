import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { validateRecordFile, RecordValidationError } from "../../lib/records/validate";
import {
  coerceState,
  emptyState,
  formToRecord,
  recordToForm,
  validateForm,
  emptyMaterial,
  emptyMeasurement,
  emptyInput,
  formPath,
} from "../../lib/editing/form";
import type { MeasurementRecord, RecordFile } from "../../lib/records/schema";
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
    x.conditions.temperature = { ...x.conditions.temperature, value: "−35", unit: "°C" };
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
    expect(state.materials[0]!.measurements[0]!.conditions.temperature).toEqual({ given: "value", value: "", min: "", max: "", unit: "", reported: "" });
    expect(coerceState(null)).toMatchObject({ version: 1, materials: [] });
  });

  /** The test record with these measurements on its first material. */
  function fileWith(...measurements: MeasurementRecord[]): RecordFile {
    const file = validFile();
    file.papers[0]!.materials![0]!.measurements = measurements;
    return file;
  }

  const range: MeasurementRecord = {
    property: "ionic_conductivity",
    min: 6.4e-11,
    max: 2.5e-9,
    reported: "between 6.4×10⁻¹¹ and 2.5×10⁻⁹",
    unit: "S cm-2",
    unitReadAs: "S cm-1",
    quote: "between 6.4×10⁻¹¹ and 2.5×10⁻⁹ S cm⁻²",
    conditions: {
      massLoading: { min: 1, max: 4.1, unit: "mg cm-2", reported: "1–4.1 mg cm⁻²" },
      temperature: { value: 25, unit: "°C" },
      workingElectrode: "Cu",
    },
  };
  const model: MeasurementRecord = {
    property: "specific_capacity",
    value: 1200,
    unit: "mAh g-1",
    scope: "model",
    quote: "a theoretical capacity of 1200 mAh g-1",
  };
  const derived: MeasurementRecord = {
    property: "mass_loading",
    min: 0.347,
    max: 0.694,
    reported: "0.5–1.0 mg",
    unit: "mg cm-2",
    quote: "a mass loading range of 0.5–1.0 mg",
    source: "derived",
    derivation: {
      formula: "m / A",
      inputs: {
        m: { min: 0.5, max: 1.0, unit: "mg", reported: "0.5–1.0 mg", quote: "a mass loading range of 0.5–1.0 mg" },
        A: { value: 1.44, unit: "cm2" },
      },
    },
  };

  it("carries ranges, printed text, units read otherwise, scope and derivations through form and back", () => {
    const paper = validateRecordFile(fileWith(range, model, derived)).papers[0]!;
    const form = recordToForm(paper);
    const [r, m, d] = form.materials[0]!.measurements;
    expect(r).toMatchObject({ given: "range", value: "", min: "6.4e-11", max: "2.5e-9", unit: "S cm-2", unitReadAs: "S cm-1", scope: "material" });
    expect(r!.conditions.massLoading).toEqual({ given: "range", value: "", min: "1", max: "4.1", unit: "mg cm-2", reported: "1–4.1 mg cm⁻²" });
    expect(r!.conditions.temperature).toMatchObject({ given: "value", value: "25" });
    expect(r!.conditions.workingElectrode).toBe("Cu");
    expect(m).toMatchObject({ given: "value", value: "1200", scope: "model" });
    expect(d!.derivation.formula).toBe("m / A");
    expect(d!.derivation.inputs.map((i) => [i.name, i.given, i.value, i.min, i.max, i.unit])).toEqual([
      ["m", "range", "", "0.5", "1", "mg"],
      ["A", "value", "1.44", "", "", "cm2"],
    ]);
    const { record, issues } = formToRecord(form);
    expect(issues).toEqual([]);
    expect(validateForm(form)).toEqual([]);
    expect(validateRecordFile({ papers: [record] }).papers[0]).toEqual({ ...paper, status: "published" });
    expect(coerceState(JSON.parse(JSON.stringify(form)))).toEqual(form);
  });

  it("keeps what was typed for the other choice of value or range, but records only the chosen one", () => {
    const state = recordToForm(validateRecordFile(fileWith(model)).papers[0]!);
    const x = state.materials[0]!.measurements[0]!;
    x.given = "range";
    x.min = "1100";
    x.max = "1300";
    x.conditions.temperature = { ...x.conditions.temperature, given: "range", value: "25", unit: "°C" };
    const { record } = formToRecord(state);
    const measurement = (record.materials as { measurements: Record<string, unknown>[] }[])[0]!.measurements[0]!;
    expect(measurement).toMatchObject({ min: 1100, max: 1300 });
    expect(measurement).not.toHaveProperty("value");
    // Only a unit typed for a range: the range's ends are asked for, the hidden value not used.
    expect(validateForm(state).map((e) => [e.path, e.message])).toEqual([
      ["materials[0].measurements[0].conditions.temperature.min", "a range needs its min"],
      ["materials[0].measurements[0].conditions.temperature.max", "a range needs its max"],
    ]);
    expect(coerceState(JSON.parse(JSON.stringify(state))).materials[0]!.measurements[0]).toEqual(x);
  });

  it("puts each problem of a range, a read-as unit and a derivation on its own field", () => {
    const state = recordToForm(validateRecordFile(fileWith(range, derived)).papers[0]!);
    const [r, d] = state.materials[0]!.measurements;
    r!.min = "";
    r!.unitReadAs = "mS";
    d!.max = "0.9";
    d!.derivation.inputs[1]!.unit = "";
    d!.derivation.inputs.push({ ...emptyInput(), name: "m", value: "x" });
    const at = (path: string) =>
      validateForm(state)
        .filter((e) => e.path === `materials[0].measurements[${path}`)
        .map((e) => e.message);
    expect(at("0].min")).toEqual(["a range needs its min"]);
    expect(at("1].derivation.inputs[1].unit")).toEqual(["unit is required"]);
    expect(at("1].derivation.inputs[2].name")).toEqual(['another input is named "m"']);
    expect(at("1].derivation.inputs[2].value")).toEqual(['"x" is not a number']);
    r!.min = "1e-11";
    d!.derivation.inputs = d!.derivation.inputs.slice(0, 2);
    d!.derivation.inputs[1]!.unit = "cm2";
    expect(at("0].unitReadAs").length).toBe(1);
    // The server recomputes a derivation; the editor puts its answer on the form's own fields.
    const published = () => {
      try {
        validateRecordFile({ papers: [formToRecord(state).record] });
        return [];
      } catch (e) {
        return (e as RecordValidationError).errors.map((x) => [formPath(state, x.path.replace(/^papers\[0\]\./, "")), x.message]);
      }
    };
    r!.unitReadAs = "S cm-1";
    expect(published()).toEqual([
      ["materials[0].measurements[1].derivation", expect.stringMatching(/^the derivation gives 0\.347\d* to 0\.694\d* mg cm-2, but 0\.347 to 0\.9 is stored/)],
    ]);
    d!.max = "0.694";
    d!.derivation.formula = "m /";
    expect(published()).toEqual([["materials[0].measurements[1].derivation.formula", expect.stringMatching(/^cannot evaluate "m \/"/)]]);
    d!.derivation.formula = "m / A";
    d!.derivation.inputs[1]!.unit = "";
    expect(published()).toEqual([["materials[0].measurements[1].derivation.inputs[1].unit", "unit is required"]]);
    d!.derivation.inputs[1]!.unit = "cm2";
    r!.min = "3e-9";
    expect(validateForm(state).map((e) => [e.path, e.message])).toEqual([["materials[0].measurements[0].max", "min must not exceed max"]]);
  });

  it("asks for the derivation of a derived number", () => {
    const state = recordToForm(validateRecordFile(fileWith(model)).papers[0]!);
    state.materials[0]!.measurements[0]!.source = "derived";
    expect(validateForm(state).map((e) => [e.path, e.message])).toEqual([["materials[0].measurements[0].derivation.formula", "must not be empty"]]);
  });

  it("loads a draft saved before a measurement was a value or a range", () => {
    const old = {
      paper: { title: "Old" },
      materials: [
        {
          name: "A",
          measurements: [
            {
              property: "specific_capacity",
              value: "250",
              min: "240",
              max: "260",
              unit: "mAh g-1",
              note: "at 0.1C",
              conditions: { temperature: { value: "25", unit: "°C" } },
            },
            { property: "specific_capacity", value: "250", min: "", max: "", unit: "mAh g-1" },
            { property: "specific_capacity", value: "", min: "240", max: "260", unit: "mAh g-1" },
          ],
        },
      ],
    };
    const [both, value, onlyRange] = coerceState(old).materials[0]!.measurements;
    expect(both).toMatchObject({ given: "range", value: "", min: "240", max: "260", note: "at 0.1C; value 250 (given beside the range in an earlier draft)" });
    expect(both!.conditions.temperature).toEqual({ given: "value", value: "25", min: "", max: "", unit: "°C", reported: "" });
    expect(both).toMatchObject({ scope: "material", source: "stated", unitReadAs: "", reported: "", derivation: { formula: "", inputs: [] } });
    expect(value).toMatchObject({ given: "value", value: "250", note: "" });
    expect(onlyRange).toMatchObject({ given: "range", min: "240", max: "260", note: "" });
    const record = formToRecord(coerceState(old)).record as { materials: { measurements: Record<string, unknown>[] }[] };
    expect(record.materials[0]!.measurements[0]).toMatchObject({ min: 240, max: 260, note: "at 0.1C; value 250 (given beside the range in an earlier draft)" });
    expect(record.materials[0]!.measurements[0]).not.toHaveProperty("value");
  });
});

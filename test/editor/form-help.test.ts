/** The form's own help: problems named in words, a duplicated row, what publishing needs, and conditions that count only once a number is typed. */
import { describe, it, expect } from "vitest";
import { duplicateMeasurement, emptyMaterial, emptyMeasurement, emptyState, fieldLabel, formToRecord, validateForm } from "../../lib/editing/form";

function stateWith(name: string) {
  const state = emptyState();
  state.materials.push({ ...emptyMaterial(), name });
  return state;
}

describe("the form's help", () => {
  it("names a problem's field in words: material, row and field", () => {
    const state = stateWith("S@HCS");
    expect(fieldLabel(state, "materials[0].measurements[1].conditions.cycle")).toBe("S@HCS, measurement 2, cycle number");
    expect(fieldLabel(state, "materials[0].synthesis[0].rampRate")).toBe("S@HCS, synthesis step 1, heating rate");
    expect(fieldLabel(state, "doi")).toBe("DOI");
  });

  it("duplicates a measurement with its property, unit and conditions, and an empty number and quote", () => {
    const row = { ...emptyMeasurement("specific_capacity"), value: "150", unit: "mAh g-1", quote: "150 mAh g−1 at 1C" };
    row.conditions.cRate = "1";
    row.conditions.qualifiers.cycle = ">";
    const copy = duplicateMeasurement(row);
    expect(copy).toMatchObject({ property: "specific_capacity", unit: "mAh g-1", value: "", quote: "" });
    expect(copy.conditions.cRate).toBe("1");
    expect(copy.conditions.qualifiers.cycle).toBe(">");
    expect(copy.uid).not.toBe(row.uid);
    copy.conditions.cRate = "2";
    expect(row.conditions.cRate).toBe("1");
  });

  it("writes a condition only once its number is typed (its usual unit comes filled in), with its qualifier", () => {
    const state = stateWith("S@HCS");
    const row = { ...emptyMeasurement("specific_capacity"), value: "150", unit: "mAh g-1", quote: "over 200 cycles, 150 mAh g−1" };
    expect(row.conditions.temperature).toMatchObject({ unit: "°C", value: "" });
    row.conditions.cycle = "200";
    row.conditions.qualifiers.cycle = ">";
    row.conditions.qualifiers.temperature = "≈";
    state.materials[0]!.measurements.push(row);
    const material = (formToRecord(state).record.materials as { measurements: { conditions?: unknown }[] }[])[0]!;
    expect(material.measurements[0]!.conditions).toEqual({ cycle: 200, qualifiers: { cycle: ">" } });
  });

  it("needs a material with a measurement before publishing", () => {
    expect(validateForm(stateWith("S@HCS")).map((e) => e.path)).toContain("materials");
  });
});

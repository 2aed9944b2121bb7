/**
 * Values a record may not carry: a unit holding a magnitude (which conversion would silently drop),
 * a reagent amount or concentration of no such dimension, a number that overflows when converted
 * to the unit it is stored in, an unusable DOI. Every refusal names the field by its path.
 */
import { describe, it, expect } from "vitest";
import { validFile } from "../helpers/records";
import { validateRecordFile, parseRecordJson, RecordValidationError, DOI_MAX_LENGTH, type RecordFile } from "../../lib/records";

type Paper = RecordFile["papers"][number];
type Edit = (paper: Paper) => void;

function errorsOf(edit: Edit) {
  const file = validFile();
  edit(file.papers[0]!);
  try {
    validateRecordFile(file);
  } catch (e) {
    if (e instanceof RecordValidationError) return e.errors;
    throw e;
  }
  return [];
}

const anode = (p: Paper) => p.materials![0]!;
const capacity = (p: Paper) => anode(p).measurements![0]!;
const conditions = (p: Paper) => capacity(p).conditions!;
const step = (p: Paper) => anode(p).synthesis![0]!;
const reagent = (p: Paper) => (step(p).reagents ??= [{ name: "thiourea" }])[0]!;

const M = "papers[0].materials[0].measurements[0]";
const S = "papers[0].materials[0].synthesis[0]";

describe("a unit that carries a number", () => {
  // Every place a record holds a unit, with "1000 <unit>" where the unit alone is right.
  it.each<[string, Edit]>([
    [`${M}.unit`, (p) => Object.assign(capacity(p), { value: 0.5, unit: "1000 mAh g-1" })],
    [`${M}.conditions.currentDensity.unit`, (p) => (conditions(p).currentDensity = { value: 0.1, unit: "1000 mA g-1" })],
    [`${M}.conditions.oneC.unit`, (p) => (conditions(p).oneC = { value: 1, unit: "200 mA g-1" })],
    [`${M}.conditions.temperature.unit`, (p) => (conditions(p).temperature = { value: 1, unit: "25 °C" })],
    [`${M}.conditions.scanRate.unit`, (p) => (conditions(p).scanRate = { value: 1, unit: "0.1 mV s-1" })],
    [`${M}.conditions.massLoading.unit`, (p) => (conditions(p).massLoading = { value: 1, unit: "2 mg cm-2" })],
    [`${M}.conditions.sulfurLoading.unit`, (p) => (conditions(p).sulfurLoading = { value: 1, unit: "5 mg cm-2" })],
    [`${M}.conditions.esRatio.unit`, (p) => (conditions(p).esRatio = { value: 1, unit: "10 µL mg-1" })],
    [`${M}.conditions.voltageWindow.unit`, (p) => (conditions(p).voltageWindow = { min: 0.01, max: 3, unit: "10 mV" })],
    [`${S}.temperature.unit`, (p) => (step(p).temperature = { value: 1, unit: "350 °C" })],
    [`${S}.duration.unit`, (p) => (step(p).duration = { value: 1, unit: "2 h" })],
    [`${S}.rampRate.unit`, (p) => (step(p).rampRate = { value: 1, unit: "5 °C min-1" })],
    [`${S}.reagents[0].amount.unit`, (p) => (reagent(p).amount = { value: 1, unit: "0.5 g" })],
    [`${S}.reagents[0].concentration.unit`, (p) => (reagent(p).concentration = { value: 1, unit: "0.1 M" })],
  ])("is refused at %s", (path, edit) => {
    expect(errorsOf(edit)).toEqual([{ path, message: expect.stringMatching(/it carries a number; put the magnitude/) }]);
  });

  it("is refused when the number is a power of ten, which belongs in the value", () => {
    const errors = errorsOf((p) => Object.assign(anode(p).measurements![2]!, { value: 1.2, unit: "×10⁻³ S cm⁻¹" }));
    expect(errors).toEqual([
      { path: "papers[0].materials[0].measurements[2].unit", message: expect.stringContaining("a power of ten such as ×10⁻³, into the value") },
    ]);
    expect(errorsOf((p) => Object.assign(anode(p).measurements![2]!, { value: 1.2, unit: "10^-3 S cm-1" }))).toHaveLength(1);
  });

  it("still accepts exponents however papers write them", () => {
    expect(
      errorsOf((p) => {
        Object.assign(capacity(p), { unit: "mA h g^{−1}" });
        Object.assign(anode(p).measurements![2]!, { unit: "S cm⁻¹" });
        conditions(p).currentDensity = { value: 0.1, unit: "A/g" };
        conditions(p).massLoading = { value: 1.2, unit: "mg cm^-2" };
        step(p).rampRate = { value: 2, unit: "°C min-1" };
      }),
    ).toEqual([]);
  });
});

describe("reagent amounts and concentrations", () => {
  it.each(["g", "mg", "mL", "µL", "mmol", "wt%", "%"])("accept an amount in %j", (unit) => {
    expect(errorsOf((p) => (reagent(p).amount = { value: 2, unit }))).toEqual([]);
  });

  it.each(["M", "mM", "mol L-1", "mg mL-1", "g L-1", "mol kg-1", "wt%", "vol%", "ppm"])("accept a concentration in %j", (unit) => {
    expect(errorsOf((p) => (reagent(p).concentration = { value: 2, unit }))).toEqual([]);
  });

  it.each<[string, string, RegExp]>([
    ["amount", "furlong per fortnight", /cannot read the unit "furlong per fortnight"/],
    ["amount", "1/0", /cannot read the unit "1\/0"/],
    ["amount", "m/s", /does not fit a reagent amount/],
    ["amount", "cycles", /does not fit a reagent amount/],
    ["concentration", "K", /does not fit a concentration/],
    ["concentration", "g", /does not fit a concentration/],
  ])("refuse a %s in %j", (field, unit, message) => {
    expect(errorsOf((p) => (reagent(p)[field as "amount" | "concentration"] = { value: 1, unit }))).toEqual([
      { path: `${S}.reagents[0].${field}.unit`, message: expect.stringMatching(message) },
    ]);
  });
});

describe("a value that is no finite number once converted", () => {
  it.each<[string, Edit]>([
    [`${M}.value`, (p) => Object.assign(capacity(p), { value: 1e308, unit: "Ah g⁻¹" })],
    [`${M}.max`, (p) => Object.assign(capacity(p), { value: undefined, min: 1, max: 1e308, unit: "Ah g⁻¹" })],
    [`${M}.conditions.sulfurLoading.max`, (p) => (conditions(p).sulfurLoading = { min: 1, max: 1e308, unit: "kg cm-2" })],
    [`${M}.conditions.currentDensity.value`, (p) => (conditions(p).currentDensity = { value: 1e308, unit: "kA g-1" })],
    [`${M}.conditions.oneC.value`, (p) => (conditions(p).oneC = { value: 1e308, unit: "A g-1" })],
    [`${M}.conditions.cRate`, (p) => Object.assign(conditions(p), { cRate: 1e306, oneC: { value: 1000, unit: "mA g-1" } })],
    [`${M}.conditions.voltageWindow.max`, (p) => (conditions(p).voltageWindow = { min: 0, max: 1e308, unit: "kV" })],
    [`${S}.duration.value`, (p) => (step(p).duration = { value: 1e308, unit: "day" })],
    [`${S}.reagents[0].amount.value`, (p) => (reagent(p).amount = { value: 1e308, unit: "kg" })],
  ])("is refused at %s", (path, edit) => {
    expect(errorsOf(edit)).toEqual([{ path, message: expect.stringMatching(/is out of range: it is not a finite/) }]);
  });

  it("names the unit it overflows in", () => {
    expect(errorsOf((p) => Object.assign(capacity(p), { value: 1e308, unit: "Ah g⁻¹" }))[0]!.message).toBe(
      "1e+308 Ah g⁻¹ is out of range: it is not a finite number in mAh g⁻¹",
    );
  });
});

describe("the DOI", () => {
  it("has at most 200 characters, and says how many it has", () => {
    expect(errorsOf((p) => (p.doi = `10.1234/${"x".repeat(100_000)}`))).toEqual([
      { path: "papers[0].doi", message: `a DOI has at most ${DOI_MAX_LENGTH} characters (this one has 100008)` },
    ]);
    expect(errorsOf((p) => (p.doi = `10.1234/${"x".repeat(DOI_MAX_LENGTH - 8)}`))).toEqual([]);
  });

  it.each(["10.1234/a b", "10.1234/a\u0000b", "10.1234/", "11.1234/abc", "10.12/abc"])("refuses %j, which is not shaped like a DOI", (doi) => {
    expect(errorsOf((p) => (p.doi = doi))).toEqual([{ path: "papers[0].doi", message: expect.stringMatching(/^a DOI such as 10\.1007\/s40820-025-01858-2/) }]);
  });

  it("accepts a registrant with sub-divisions", () => {
    expect(errorsOf((p) => (p.doi = "10.1000.10/ABC-1"))).toEqual([]);
  });
});

describe("record file text", () => {
  it("may start with a UTF-8 byte-order mark", () => {
    const text = JSON.stringify(validFile());
    expect(parseRecordJson(`\uFEFF${text}`)).toEqual(JSON.parse(text));
  });
});

describe("a value or a range", () => {
  it("accepts a range without a value, and a range condition", () => {
    expect(
      errorsOf((p) => {
        Object.assign(capacity(p), { value: undefined, min: 250, max: 300, reported: "250–300 mAh g−1" });
        conditions(p).sulfurLoading = { min: 1, max: 4.1, unit: "mg cm-2", reported: "1–4.1 mg cm⁻²" };
      }),
    ).toEqual([]);
  });

  it.each<[string, Edit, RegExp]>([
    [`${M}.value`, (p) => Object.assign(capacity(p), { min: 250, max: 300 }), /either a value or a range/],
    [`${M}.value`, (p) => Object.assign(capacity(p), { value: undefined }), /value is required/],
    [`${M}.max`, (p) => Object.assign(capacity(p), { value: undefined, min: 250 }), /needs both min and max \(max is missing\)/],
    [`${M}.max`, (p) => Object.assign(capacity(p), { value: undefined, min: 300, max: 250 }), /min must not exceed max/],
    [`${M}.conditions.sulfurLoading.value`, (p) => (conditions(p).sulfurLoading = { value: 2, min: 1, max: 4, unit: "mg cm-2" }), /either a value or a range/],
  ])("is refused at %s when it is neither or both", (path, edit, message) => {
    expect(errorsOf(edit)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });

  it("is refused for a condition that cannot be a range", () => {
    const errors = errorsOf((p) => (conditions(p).oneC = { min: 100, max: 200, unit: "mA g-1" } as never));
    expect(errors.map((e) => e.path)).toContain(`${M}.conditions.oneC.value`);
  });
});

describe("a unit read otherwise than printed", () => {
  it("converts with unitReadAs, keeping the printed unit", () => {
    expect(errorsOf((p) => Object.assign(anode(p).measurements![2]!, { unit: "S cm-2", unitReadAs: "S cm-1" }))).toEqual([]);
  });

  it("names unitReadAs when that is the unit that does not fit", () => {
    expect(errorsOf((p) => Object.assign(anode(p).measurements![2]!, { unit: "S cm-1", unitReadAs: "mAh g-1" }))).toEqual([
      { path: "papers[0].materials[0].measurements[2].unitReadAs", message: expect.stringMatching(/cannot be converted|does not fit/) },
    ]);
  });
});

describe("a derived number", () => {
  const shift = (p: Paper) =>
    Object.assign(capacity(p), {
      property: "peak_shift",
      value: 0.21,
      unit: "eV",
      conditions: undefined,
      source: "derived",
      derivation: { formula: "after - before", inputs: { after: { value: 458.33, unit: "eV" }, before: { value: 458.12, unit: "eV" } } },
    });

  it("is accepted when its derivation gives the stored number", () => {
    expect(errorsOf(shift)).toEqual([]);
  });

  it("spans the range its inputs' ranges give: 0.5–1.0 mg on 1.44 cm² is 0.347–0.694 mg cm⁻²", () => {
    const loading = (p: Paper, min: number, max: number) =>
      Object.assign(capacity(p), {
        property: "mass_loading",
        value: undefined,
        min,
        max,
        unit: "mg cm-2",
        conditions: undefined,
        source: "derived",
        derivation: { formula: "m / A", inputs: { m: { min: 0.5, max: 1.0, unit: "mg" }, A: { value: 1.44, unit: "cm^2" } } },
      });
    expect(errorsOf((p) => loading(p, 0.347, 0.694))).toEqual([]);
    expect(errorsOf((p) => loading(p, 0.347, 0.75))).toEqual([
      { path: `${M}.derivation`, message: expect.stringMatching(/gives 0\.347\d* to 0\.694\d* mg cm-2, but 0\.347 to 0\.75 is stored/) },
    ]);
  });

  it.each<[string, Edit, RegExp]>([
    [`${M}.derivation`, (p) => Object.assign(shift(p), { value: 0.3 }), /gives 0\.21\d* eV, but 0\.3 is stored/],
    [`${M}.derivation`, (p) => Object.assign(shift(p), { derivation: undefined }), /needs its derivation/],
    [`${M}.derivation`, (p) => Object.assign(shift(p), { source: "stated" }), /belongs to a derived number/],
    [
      `${M}.derivation.formula`,
      (p) => Object.assign(shift(p), { derivation: { formula: "after - nothing", inputs: { after: { value: 1, unit: "eV" } } } }),
      /cannot evaluate/,
    ],
  ])("is refused at %s when its derivation is missing, misplaced or disagrees", (path, edit, message) => {
    expect(errorsOf(edit)).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});

describe("what a number is about", () => {
  it("defaults to the material itself and refuses an unknown scope", () => {
    expect(validateRecordFile(validFile()).papers[0]!.materials[0]!.measurements[0]!.scope).toBe("material");
    expect(errorsOf((p) => Object.assign(capacity(p), { scope: "hearsay" }))).toEqual([
      { path: `${M}.scope`, message: expect.stringMatching(/unknown scope "hearsay"/) },
    ]);
  });
});

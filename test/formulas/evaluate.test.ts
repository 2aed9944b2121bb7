import { describe, it, expect } from "vitest";
import { evaluateFormula, FormulaError, linearFit } from "../../lib/formulas/evaluate";
import { FORMULAS } from "../../lib/formulas/catalogue";

const F = 96485.33212;
const ev = (key: string, inputs: Record<string, unknown>, unit?: string) => evaluateFormula(key, { inputs: inputs as never, unit });

describe("closed-form formulas against worked examples", () => {
  it("theoretical_capacity: Sb → Na3Sb (3 e⁻, 121.76 g/mol) gives the 660 mAh g⁻¹ Qiu et al. state", () => {
    const r = ev("theoretical_capacity", { n: 3, M: 121.76 });
    expect(r.unit).toBe("mAh/g");
    expect(r.value).toBeCloseTo(660.4, 1);
  });
  it("theoretical_capacity: sulfur to Li2S (2 e⁻, 32.06 g/mol) ≈ 1672 mAh g⁻¹, in Ah/kg on request", () => {
    expect(ev("theoretical_capacity", { n: 2, M: { value: 0.03206, unit: "kg/mol" } }, "Ah/kg").value).toBeCloseTo(1672.0, 0);
  });
  it("capacity_retention accepts any capacity unit as long as both agree", () => {
    expect(ev("capacity_retention", { C_n: 374.8, C_0: 403.9 }).value).toBeCloseTo(92.8, 1);
    expect(ev("capacity_retention", { C_n: { value: 0.3748, unit: "Ah/g" }, C_0: { value: 403.9, unit: "mAh/g" } }).value).toBeCloseTo(92.8, 1);
    expect(() => ev("capacity_retention", { C_n: { value: 1, unit: "mAh/g" }, C_0: { value: 1, unit: "V" } })).toThrow(/cannot be compared/);
  });
  it("decay_per_cycle: 80 % after 500 cycles is 0.04 % per cycle", () => {
    expect(ev("decay_per_cycle", { C_n: 800, C_0: 1000, N: 500 }).value).toBeCloseTo(0.04, 10);
  });
  it("coulombic_efficiency and capacity_utilization", () => {
    expect(ev("coulombic_efficiency", { Q_out: 951.4, Q_in: 1525.6 }).value).toBeCloseTo(62.36, 2);
    expect(ev("capacity_utilization", { C: 1200, C_theo: 1675 }).value).toBeCloseTo(71.64, 2);
  });
  it("areal_capacity and its inverse", () => {
    expect(ev("areal_capacity", { C_spec: 1000, loading: 5 }).value).toBeCloseTo(5, 10);
    expect(ev("specific_capacity_from_areal", { C_areal: 5.28, loading: 2.3 }).value).toBeCloseTo(2295.65, 1);
  });
  it("energy, power, discharge time", () => {
    expect(ev("energy_density", { C: 200, V_avg: 3.5 }).value).toBeCloseTo(700, 9);
    expect(ev("power_density", { E: 162.4, t: { value: 30, unit: "min" } }).value).toBeCloseTo(324.8, 9);
    expect(ev("discharge_time", { E: 162.4, P: 324.8 }).value).toBeCloseTo(0.5, 12);
  });
  it("C-rates with the paper's 1C (Cai et al.: 1C = 200 mA g⁻¹)", () => {
    expect(ev("c_rate_current", { rate: 5, Q_1C: 200 }, "A/g").value).toBeCloseTo(1, 12);
    expect(ev("c_rate_from_current", { I: { value: 4, unit: "A/g" }, Q_1C: 200 }).value).toBeCloseTo(20, 12);
  });
  it("e_s_ratio, ionic_conductivity", () => {
    expect(ev("e_s_ratio", { V_e: { value: 0.02, unit: "mL" }, m_S: 4 }).value).toBeCloseTo(5, 12);
    expect(ev("ionic_conductivity", { L: { value: 100, unit: "um" }, R_b: 10, S: 2 }, "mS/cm").value).toBeCloseTo(0.5, 12);
  });
  it("transference_number_bv (Bruce–Vincent)", () => {
    const r = ev("transference_number_bv", {
      I_0: { value: 10, unit: "uA" },
      I_ss: { value: 8, unit: "uA" },
      dV: { value: 10, unit: "mV" },
      R_0: 100,
      R_ss: 120,
    });
    expect(r.value).toBeCloseTo((8e-6 * (0.01 - 1e-3)) / (1e-5 * (0.01 - 8e-6 * 120)), 12);
  });
  it("diffusion coefficients: GITT, EIS, Randles–Ševčík", () => {
    const gitt = ev("diffusion_gitt", {
      tau: { value: 10, unit: "min" },
      m_B: { value: 2, unit: "mg" },
      V_M: 30,
      M_B: 120,
      S: 1.13,
      dE_s: { value: 5, unit: "mV" },
      dE_tau: { value: 20, unit: "mV" },
    });
    expect(gitt.value).toBeCloseTo((4 / (Math.PI * 600)) * ((0.002 * 30) / (120 * 1.13)) ** 2 * 0.25 ** 2, 20);
    const R = 8.314462618;
    const eis = ev("diffusion_eis", { T: { value: 25, unit: "degC" }, A: 1.13, n: 1, C: 1e-3, sigma: 50 });
    expect(eis.value / ((R * R * 298.15 * 298.15) / (2 * 1.13 ** 2 * F ** 4 * 1e-6 * 2500))).toBeCloseTo(1, 10);
    const rs = ev("diffusion_randles_sevcik", { i_p: { value: 1, unit: "mA" }, n: 1, A: 1.13, C: 1e-3, v: { value: 0.1, unit: "mV/s" } });
    expect(rs.value / (1e-3 / (2.69e5 * 1.13 * 1e-3 * Math.sqrt(1e-4))) ** 2).toBeCloseTo(1, 10);
  });
  it("adsorption_energy, gibbs_free_energy, polydispersity_index, relative_change", () => {
    expect(ev("adsorption_energy", { E_total: -250.5, E_substrate: -247.2, E_adsorbate: -1.1 }).value).toBeCloseTo(-2.2, 10);
    expect(ev("gibbs_free_energy", { dE: 0.5, dZPE: 0.05, T: 298.15, dS: 0.0005 }).value).toBeCloseTo(0.5 + 0.05 - 0.149075, 10);
    expect(ev("polydispersity_index", { M_w: { value: 120, unit: "kg/mol" }, M_n: { value: 80000, unit: "g/mol" } }).value).toBeCloseTo(1.5, 12);
    // Qiu et al. state an O 1s shift of 1.2 eV between 532.5 and 531.4 eV: the difference is 1.1 eV.
    expect(ev("relative_change", { x1: 532.5, x0: 531.4 }).value).toBeCloseTo(0.207, 3);
  });
});

describe("fits on synthetic data with known answers", () => {
  it("b_value_fit recovers b and a from i = a·v^b", () => {
    const v = [0.1, 0.2, 0.5, 1, 2];
    const r = ev("b_value_fit", { v, i: v.map((x) => 2e-4 * x ** 0.82) });
    expect(r.value).toBeCloseTo(0.82, 10);
    expect(r.parameters!.a!.value).toBeCloseTo(2e-4, 12);
    expect(r.r2).toBeCloseTo(1, 12);
  });
  it("capacitive_contribution_fit recovers k1, k2 and the capacitive share per scan rate", () => {
    const v = [0.1, 0.3, 0.5, 0.7, 0.9];
    const i = v.map((x) => 3e-4 * x + 1e-4 * Math.sqrt(x));
    const r = ev("capacitive_contribution_fit", { v, i });
    expect(r.parameters!.k1!.value).toBeCloseTo(3e-4, 12);
    expect(r.parameters!.k2!.value).toBeCloseTo(1e-4, 12);
    expect(r.series!.map((s) => s.value)).toEqual(v.map((x) => expect.closeTo(((3e-4 * x) / (3e-4 * x + 1e-4 * Math.sqrt(x))) * 100, 8)));
    expect(r.unit).toBe("percent");
  });
  it("arrhenius_fit recovers E_a = 0.3 eV from σ(T), temperatures in °C", () => {
    const T = [0, 20, 40, 60, 80];
    const sigma = T.map((t) => 10 * Math.exp(-0.3 / (8.617333262e-5 * (t + 273.15))));
    const r = ev("arrhenius_fit", { T: { values: T, unit: "degC" }, sigma });
    expect(r.value).toBeCloseTo(0.3, 10);
    expect(r.parameters!.E_a_molar!.value).toBeCloseTo(28.946, 2);
    expect(ev("arrhenius_fit", { T: { values: T, unit: "degC" }, sigma }, "kJ/mol").value).toBeCloseTo(28.946, 2);
  });
  it("configurational_entropy of the high-entropy TM site of Cai et al. is 1.30 R", () => {
    const r = ev("configurational_entropy", { x: [0.06, 0.25, 0.05, 0.15, 0.49] });
    expect(r.parameters!.in_R!.value).toBeCloseTo(1.3, 2);
    expect(r.value).toBeCloseTo(1.3 * 8.314, 0);
    expect(ev("configurational_entropy", { x: [[0.5, 0.5], [1]] }).parameters!.in_R!.value).toBeCloseTo(Math.log(2), 12);
  });
  it("linearFit reports R² below 1 for scattered data", () => {
    expect(linearFit([1, 2, 3, 4], [1, 3, 2, 4]).r2).toBeCloseTo(0.64, 10);
  });
});

describe("bad input gives a clear error, never NaN or Infinity", () => {
  const cases: [string, string, Record<string, unknown>, RegExp, string?][] = [
    ["missing variable", "energy_density", { C: 200 }, /missing input "V_avg"/, "inputs.V_avg"],
    [
      "wrong dimension",
      "energy_density",
      { C: { value: 200, unit: "mAh/g" }, V_avg: { value: 3, unit: "mA" } },
      /does not fit average voltage/,
      "inputs.V_avg.unit",
    ],
    ["unreadable unit", "energy_density", { C: { value: 200, unit: "bananas" }, V_avg: 3 }, /cannot read the unit "bananas"/],
    ["zero divisor", "capacity_retention", { C_n: 100, C_0: 0 }, /undefined for these inputs \(C_0 is 0\)/],
    ["empty array", "b_value_fit", { v: [], i: [] }, /"v" is empty/],
    ["mismatched arrays", "b_value_fit", { v: [1, 2, 3], i: [1, 2] }, /same length \(3 vs 2\)/],
    ["single point", "arrhenius_fit", { T: [300], sigma: [1e-3] }, /at least two points/],
    ["non-positive log", "b_value_fit", { v: [1, 2], i: [-1, 2] }, /must be positive/],
    ["unknown input", "energy_density", { C: 1, V_avg: 1, X: 2 }, /unknown input "X"/],
    ["text instead of number", "energy_density", { C: "lots", V_avg: 3 }, /finite number/],
    ["site fractions not summing to 1", "configurational_entropy", { x: [0.5, 0.2] }, /add up to 0.7/],
  ];
  it.each(cases)("%s", (_label, key, inputs, message, field) => {
    let error: unknown;
    try {
      ev(key, inputs);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as Error).message).toMatch(message);
    if (field) expect((error as FormulaError).field).toBe(field);
  });

  it("refuses an output unit of the wrong kind, and unknown formulas", () => {
    expect(() => ev("energy_density", { C: 1, V_avg: 1 }, "mAh/g")).toThrow(/cannot be given in "mAh\/g"/);
    expect(() => ev("warp_drive", {})).toThrow(/unknown formula "warp_drive"/);
  });
});

describe("the catalogue", () => {
  it("holds every public formula key with LaTeX, variables and an output unit", () => {
    expect(FORMULAS.map((f) => f.key).sort()).toEqual(
      [
        "theoretical_capacity",
        "capacity_retention",
        "decay_per_cycle",
        "coulombic_efficiency",
        "capacity_utilization",
        "areal_capacity",
        "specific_capacity_from_areal",
        "energy_density",
        "power_density",
        "discharge_time",
        "c_rate_current",
        "c_rate_from_current",
        "e_s_ratio",
        "ionic_conductivity",
        "transference_number_bv",
        "diffusion_gitt",
        "diffusion_eis",
        "diffusion_randles_sevcik",
        "b_value_fit",
        "capacitive_contribution_fit",
        "arrhenius_fit",
        "configurational_entropy",
        "adsorption_energy",
        "gibbs_free_energy",
        "polydispersity_index",
        "relative_change",
        "binding_energy_shift",
      ].sort(),
    );
    for (const f of FORMULAS) {
      expect(f.latex.length, f.key).toBeGreaterThan(3);
      expect(f.variables.length, f.key).toBeGreaterThan(0);
      expect(f.references.length, f.key).toBeGreaterThan(0);
    }
  });
});

/**
 * One worked example per catalogue formula, each with inputs in non-default units and the result
 * asked for in another unit: the same cases run through the library, the CLI and the HTTP API.
 */
export interface FormulaExample {
  key: string;
  request: { inputs: Record<string, unknown>; unit?: string };
  value: number;
  unit: string;
  /** Relative tolerance. */
  tolerance?: number;
}

const R = 8.314462618;
const F = 96485.33212;
const kB = 8.617333262e-5;

export const FORMULA_EXAMPLES: FormulaExample[] = [
  {
    key: "theoretical_capacity",
    request: { inputs: { n: 3, M: { value: 0.12176, unit: "kg/mol" } }, unit: "Ah/kg" },
    value: (3 * F) / (3.6 * 121.76),
    unit: "Ah/kg",
  },
  {
    key: "capacity_retention",
    request: { inputs: { C_n: { value: 0.3748, unit: "Ah/g" }, C_0: { value: 403.9, unit: "mAh/g" } } },
    value: (374.8 / 403.9) * 100,
    unit: "percent",
  },
  {
    key: "decay_per_cycle",
    request: { inputs: { C_n: { value: 0.8, unit: "Ah/g" }, C_0: { value: 1000, unit: "mAh/g" }, N: 500 } },
    value: 0.04,
    unit: "percent",
  },
  {
    key: "coulombic_efficiency",
    request: { inputs: { Q_out: { value: 951.4, unit: "mA h g-1" }, Q_in: { value: 1.5256, unit: "Ah/g" } }, unit: "" },
    value: 951.4 / 1525.6,
    unit: "",
  },
  {
    key: "capacity_utilization",
    request: { inputs: { C: { value: 1.2, unit: "Ah/g" }, C_theo: { value: 1675, unit: "mAh/g" } } },
    value: (1200 / 1675) * 100,
    unit: "percent",
  },
  {
    key: "areal_capacity",
    request: { inputs: { C_spec: { value: 1, unit: "Ah/g" }, loading: { value: 0.05, unit: "g/dm^2" } }, unit: "Ah/m^2" },
    value: 5,
    unit: "Ah/m^2",
  },
  {
    key: "specific_capacity_from_areal",
    request: { inputs: { C_areal: { value: 5.28, unit: "mA h cm-2" }, loading: { value: 2.3, unit: "mg cm-2" } }, unit: "Ah/kg" },
    value: (5.28 / 2.3) * 1000,
    unit: "Ah/kg",
  },
  {
    key: "energy_density",
    request: { inputs: { C: { value: 0.2, unit: "Ah/g" }, V_avg: { value: 3400, unit: "mV" } }, unit: "kWh/kg" },
    value: 0.68,
    unit: "kWh/kg",
  },
  { key: "power_density", request: { inputs: { E: 162.4, t: { value: 30, unit: "min" } }, unit: "kW/kg" }, value: 0.3248, unit: "kW/kg" },
  { key: "discharge_time", request: { inputs: { E: 162.4, P: { value: 0.3248, unit: "kW/kg" } }, unit: "min" }, value: 30, unit: "min" },
  { key: "c_rate_current", request: { inputs: { rate: 5, Q_1C: { value: 0.2, unit: "A/g" } }, unit: "A/g" }, value: 1, unit: "A/g" },
  { key: "c_rate_from_current", request: { inputs: { I: { value: 4, unit: "A/g" }, Q_1C: 200 } }, value: 20, unit: "" },
  { key: "e_s_ratio", request: { inputs: { V_e: { value: 0.02, unit: "mL" }, m_S: { value: 0.004, unit: "g" } }, unit: "mL/g" }, value: 5, unit: "mL/g" },
  {
    key: "ionic_conductivity",
    request: { inputs: { L: { value: 100, unit: "um" }, R_b: { value: 0.01, unit: "kohm" }, S: 2 }, unit: "mS/cm" },
    value: 0.5,
    unit: "mS/cm",
  },
  {
    key: "transference_number_bv",
    request: { inputs: { I_0: { value: 10, unit: "uA" }, I_ss: { value: 8, unit: "uA" }, dV: { value: 10, unit: "mV" }, R_0: 100, R_ss: 120 } },
    value: (8e-6 * (0.01 - 1e-3)) / (1e-5 * (0.01 - 8e-6 * 120)),
    unit: "",
  },
  {
    key: "diffusion_gitt",
    request: {
      inputs: {
        tau: { value: 10, unit: "min" },
        m_B: { value: 2, unit: "mg" },
        V_M: 30,
        M_B: 120,
        S: 1.13,
        dE_s: { value: 5, unit: "mV" },
        dE_tau: { value: 20, unit: "mV" },
      },
      unit: "m^2/s",
    },
    value: (4 / (Math.PI * 600)) * ((0.002 * 30) / (120 * 1.13)) ** 2 * 0.0625 * 1e-4,
    unit: "m^2/s",
  },
  {
    key: "diffusion_eis",
    request: { inputs: { T: { value: 25, unit: "degC" }, A: 1.13, n: 1, C: { value: 1, unit: "mol/L" }, sigma: 50 } },
    value: (R * R * 298.15 ** 2) / (2 * 1.13 ** 2 * F ** 4 * 1e-6 * 2500),
    unit: "cm^2/s",
  },
  {
    key: "diffusion_randles_sevcik",
    request: { inputs: { i_p: { value: 1, unit: "mA" }, n: 1, A: 1.13, C: 1e-3, v: { value: 0.1, unit: "mV/s" } } },
    value: (1e-3 / (2.69e5 * 1.13 * 1e-3 * Math.sqrt(1e-4))) ** 2,
    unit: "cm^2/s",
  },
  {
    key: "b_value_fit",
    request: {
      inputs: { v: { values: [0.0001, 0.0002, 0.0005, 0.001], unit: "V/s" }, i: { values: [0.1, 0.2, 0.5, 1].map((x) => 200 * x ** 0.82), unit: "uA" } },
    },
    value: 0.82,
    unit: "",
  },
  {
    key: "capacitive_contribution_fit",
    request: { inputs: { v: [0.1, 0.3, 0.5], i: { values: [0.1, 0.3, 0.5].map((x) => 0.3 * x + 0.1 * Math.sqrt(x)), unit: "mA" } }, unit: "" },
    value: (0.3 * 0.5) / (0.3 * 0.5 + 0.1 * Math.sqrt(0.5)),
    unit: "",
  },
  {
    key: "arrhenius_fit",
    request: {
      inputs: {
        T: { values: [0, 20, 40, 60], unit: "degC" },
        sigma: { values: [0, 20, 40, 60].map((t) => 1e4 * Math.exp(-0.3 / (kB * (t + 273.15)))), unit: "mS/cm" },
      },
      unit: "kJ/mol",
    },
    value: 0.3 * 96.48533212,
    unit: "kJ/mol",
  },
  {
    key: "configurational_entropy",
    request: { inputs: { x: [0.06, 0.25, 0.05, 0.15, 0.49] }, unit: "J/(mol K)" },
    value: -R * [0.06, 0.25, 0.05, 0.15, 0.49].reduce((a, x) => a + x * Math.log(x), 0),
    unit: "J/(mol K)",
  },
  {
    key: "adsorption_energy",
    request: { inputs: { E_total: { value: -250.5, unit: "eV" }, E_substrate: -247.2, E_adsorbate: { value: -1.1, unit: "eV" } }, unit: "kJ/mol" },
    value: -2.2 * 96.48533212,
    unit: "kJ/mol",
    tolerance: 1e-6,
  },
  {
    key: "gibbs_free_energy",
    request: { inputs: { dE: 0.5, dZPE: { value: 50, unit: "meV" }, T: { value: 25, unit: "degC" }, dS: { value: 0.5, unit: "meV/K" } } },
    value: 0.55 - 298.15 * 0.0005,
    unit: "eV",
  },
  { key: "polydispersity_index", request: { inputs: { M_w: { value: 120, unit: "kg/mol" }, M_n: { value: 80000, unit: "g/mol" } } }, value: 1.5, unit: "" },
  { key: "binding_energy_shift", request: { inputs: { E_1: 532.5, E_0: { value: 531400, unit: "meV" } }, unit: "meV" }, value: 1100, unit: "meV" },
  { key: "relative_change", request: { inputs: { x1: { value: 0.45, unit: "Ah/g" }, x0: { value: 400, unit: "mAh/g" } } }, value: 12.5, unit: "percent" },
];

/**
 * The shared analysis formulas, as data. Keys are public API (the CLI, /api/formulas and records name them).
 * `expression` is mathjs syntax over the variable names; fits name their method instead.
 */
export interface FormulaVariable {
  name: string;
  label: string;
  /**
   * Unit the expression expects, mathjs syntax; "" for a plain number; "*" for any unit, as long as
   * every "*" input of the formula has the same dimension (ratios such as retention).
   */
  unit: string;
  /** Array input (fits). */
  array?: boolean;
}

export interface FormulaDefinition {
  key: string;
  name: string;
  expression: string;
  latex: string;
  variables: FormulaVariable[];
  outputUnit: string;
  kind: "closed form" | "fit";
  references: string[];
}

const v = (name: string, label: string, unit: string, array = false): FormulaVariable => ({ name, label, unit, ...(array ? { array } : {}) });

export const FORMULAS: readonly FormulaDefinition[] = [
  {
    key: "theoretical_capacity",
    name: "Theoretical specific capacity",
    expression: "n * F / M",
    latex: "C_{theo} = \\frac{nF}{3.6\\,M}",
    variables: [v("n", "electrons transferred per formula unit", ""), v("M", "molar mass", "g/mol")],
    outputUnit: "mAh/g",
    kind: "closed form",
    references: ["Faraday's law; F = 96485.332 C mol⁻¹"],
  },
  {
    key: "capacity_retention",
    name: "Capacity retention",
    expression: "C_n / C_0 * 100",
    latex: "R = \\frac{C_n}{C_0}\\times 100\\%",
    variables: [v("C_n", "capacity after cycling (or under the other condition)", "*"), v("C_0", "reference capacity", "*")],
    outputUnit: "percent",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "decay_per_cycle",
    name: "Capacity decay per cycle",
    expression: "(1 - C_n / C_0) / N * 100",
    latex: "d = \\frac{1 - C_n/C_0}{N}\\times 100\\%",
    variables: [v("C_n", "capacity after N cycles", "*"), v("C_0", "initial capacity", "*"), v("N", "number of cycles", "")],
    outputUnit: "percent",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "coulombic_efficiency",
    name: "Coulombic efficiency",
    expression: "Q_out / Q_in * 100",
    latex: "CE = \\frac{Q_{out}}{Q_{in}}\\times 100\\%",
    variables: [v("Q_out", "charge out (discharge of a cathode, charge of an anode half cell)", "*"), v("Q_in", "charge in", "*")],
    outputUnit: "percent",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "capacity_utilization",
    name: "Capacity utilization",
    expression: "C / C_theo * 100",
    latex: "U = \\frac{C}{C_{theo}}\\times 100\\%",
    variables: [v("C", "measured capacity", "*"), v("C_theo", "theoretical capacity", "*")],
    outputUnit: "percent",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "areal_capacity",
    name: "Areal capacity",
    expression: "C_spec * loading",
    latex: "C_A = C_{spec}\\,m_A",
    variables: [v("C_spec", "specific capacity", "mAh/g"), v("loading", "mass loading", "mg/cm^2")],
    outputUnit: "mAh/cm^2",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "specific_capacity_from_areal",
    name: "Specific capacity from areal capacity",
    expression: "C_areal / loading",
    latex: "C_{spec} = \\frac{C_A}{m_A}",
    variables: [v("C_areal", "areal capacity", "mAh/cm^2"), v("loading", "mass loading", "mg/cm^2")],
    outputUnit: "mAh/g",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "energy_density",
    name: "Gravimetric energy density",
    expression: "C * V_avg",
    latex: "E = C\\,\\bar V",
    variables: [v("C", "specific capacity", "mAh/g"), v("V_avg", "average voltage", "V")],
    outputUnit: "Wh/kg",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "power_density",
    name: "Gravimetric power density",
    expression: "E / t",
    latex: "P = \\frac{E}{t}",
    variables: [v("E", "energy density", "Wh/kg"), v("t", "discharge time", "h")],
    outputUnit: "W/kg",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "discharge_time",
    name: "Discharge time",
    expression: "E / P",
    latex: "t = \\frac{E}{P}",
    variables: [v("E", "energy density", "Wh/kg"), v("P", "power density", "W/kg")],
    outputUnit: "h",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "c_rate_current",
    name: "Current of a C-rate",
    expression: "rate * Q_1C",
    latex: "I = r\\,I_{1C}",
    variables: [v("rate", "C-rate (number of C)", ""), v("Q_1C", "current of 1C as the paper defines it", "mA/g")],
    outputUnit: "mA/g",
    kind: "closed form",
    references: ["Cai et al., Nano-Micro Lett. 16:10 (2024): 1C = 200 mA g⁻¹"],
  },
  {
    key: "c_rate_from_current",
    name: "C-rate of a current",
    expression: "I / Q_1C",
    latex: "r = \\frac{I}{I_{1C}}",
    variables: [v("I", "current density", "mA/g"), v("Q_1C", "current of 1C as the paper defines it", "mA/g")],
    outputUnit: "",
    kind: "closed form",
    references: ["Standard definition"],
  },
  {
    key: "e_s_ratio",
    name: "Electrolyte-to-sulfur ratio",
    expression: "V_e / m_S",
    latex: "E/S = \\frac{V_e}{m_S}",
    variables: [v("V_e", "electrolyte volume", "uL"), v("m_S", "sulfur mass", "mg")],
    outputUnit: "uL/mg",
    kind: "closed form",
    references: ["Wang et al., Chem. Sci. 16, 21677 (2025)"],
  },
  {
    key: "ionic_conductivity",
    name: "Ionic conductivity from EIS",
    expression: "L / (R_b * S)",
    latex: "\\sigma = \\frac{L}{R_b\\,S}",
    variables: [v("L", "electrolyte thickness", "cm"), v("R_b", "bulk resistance", "ohm"), v("S", "electrode area", "cm^2")],
    outputUnit: "S/cm",
    kind: "closed form",
    references: ["Zhang et al., Nano-Micro Lett. 18:381 (2026)"],
  },
  {
    key: "transference_number_bv",
    name: "Transference number (Bruce–Vincent)",
    expression: "I_ss * (dV - I_0 * R_0) / (I_0 * (dV - I_ss * R_ss))",
    latex: "t_+ = \\frac{I_{ss}(\\Delta V - I_0R_0)}{I_0(\\Delta V - I_{ss}R_{ss})}",
    variables: [
      v("I_0", "initial current", "A"),
      v("I_ss", "steady-state current", "A"),
      v("dV", "applied polarization", "V"),
      v("R_0", "initial interfacial resistance", "ohm"),
      v("R_ss", "steady-state interfacial resistance", "ohm"),
    ],
    outputUnit: "",
    kind: "closed form",
    references: ["Bruce & Vincent, J. Electroanal. Chem. 225, 1 (1987)"],
  },
  {
    key: "diffusion_gitt",
    name: "Diffusion coefficient from GITT",
    expression: "4 / (pi * tau) * (m_B * V_M / (M_B * S))^2 * (dE_s / dE_tau)^2",
    latex: "D = \\frac{4}{\\pi\\tau}\\left(\\frac{m_BV_M}{M_BS}\\right)^2\\left(\\frac{\\Delta E_s}{\\Delta E_\\tau}\\right)^2",
    variables: [
      v("tau", "pulse duration", "s"),
      v("m_B", "active mass", "g"),
      v("V_M", "molar volume", "cm^3/mol"),
      v("M_B", "molar mass", "g/mol"),
      v("S", "electrode area", "cm^2"),
      v("dE_s", "steady-state voltage change", "V"),
      v("dE_tau", "transient voltage change", "V"),
    ],
    outputUnit: "cm^2/s",
    kind: "closed form",
    references: ["Weppner & Huggins, J. Electrochem. Soc. 124, 1569 (1977)"],
  },
  {
    key: "diffusion_eis",
    name: "Diffusion coefficient from EIS (Warburg)",
    expression: "R^2 * T^2 / (2 * A^2 * n^4 * F^4 * C^2 * sigma^2)",
    latex: "D = \\frac{R^2T^2}{2A^2n^4F^4C^2\\sigma^2}",
    variables: [
      v("T", "absolute temperature", "K"),
      v("A", "electrode area", "cm^2"),
      v("n", "electrons per ion", ""),
      v("C", "ion concentration", "mol/cm^3"),
      v("sigma", "Warburg factor", "ohm s^-0.5"),
    ],
    outputUnit: "cm^2/s",
    kind: "closed form",
    references: ["Bard & Faulkner, Electrochemical Methods"],
  },
  {
    key: "diffusion_randles_sevcik",
    name: "Diffusion coefficient from CV (Randles–Ševčík)",
    expression: "(i_p / (K_RS * n^1.5 * A * C * v^0.5))^2",
    latex: "D = \\left(\\frac{i_p}{2.69\\times10^5\\,n^{3/2}AC\\,v^{1/2}}\\right)^2",
    variables: [
      v("i_p", "peak current", "A"),
      v("n", "electrons", ""),
      v("A", "electrode area", "cm^2"),
      v("C", "ion concentration", "mol/cm^3"),
      v("v", "scan rate", "V/s"),
    ],
    outputUnit: "cm^2/s",
    kind: "closed form",
    references: ["Randles (1948); Ševčík (1948); 25 °C constant 2.69×10⁵"],
  },
  {
    key: "b_value_fit",
    name: "b-value from CV peak currents",
    expression: "log10(i) = b * log10(v) + log10(a)",
    latex: "i = a\\,v^{b}",
    variables: [v("v", "scan rates", "mV/s", true), v("i", "peak currents", "A", true)],
    outputUnit: "",
    kind: "fit",
    references: ["Augustyn et al., Energy Environ. Sci. 7, 1597 (2014)"],
  },
  {
    key: "capacitive_contribution_fit",
    name: "Capacitive contribution (Dunn method)",
    expression: "i = k1 * v + k2 * v^0.5",
    latex: "i(V) = k_1v + k_2v^{1/2}",
    variables: [v("v", "scan rates", "mV/s", true), v("i", "currents at one potential", "A", true)],
    outputUnit: "percent",
    kind: "fit",
    references: ["Wang et al., J. Phys. Chem. C 111, 14925 (2007)"],
  },
  {
    key: "arrhenius_fit",
    name: "Activation energy (Arrhenius)",
    expression: "ln(sigma) = ln(A) - E_a / (k_B * T)",
    latex: "\\sigma = A\\exp\\left(-\\frac{E_a}{k_BT}\\right)",
    variables: [v("T", "temperatures", "K", true), v("sigma", "conductivities", "S/cm", true)],
    outputUnit: "eV",
    kind: "fit",
    references: ["Arrhenius equation"],
  },
  {
    key: "configurational_entropy",
    name: "Configurational entropy",
    expression: "-R * sum(x_i * ln(x_i))",
    latex: "S_{config} = -R\\sum_i x_i\\ln x_i",
    variables: [v("x", "site fractions (one list per crystallographic site, or one list)", "", true)],
    outputUnit: "J/(mol K)",
    kind: "closed form",
    references: ["Cai et al., Nano-Micro Lett. 16:10 (2024)"],
  },
  {
    key: "adsorption_energy",
    name: "Adsorption energy",
    expression: "E_total - E_substrate - E_adsorbate",
    latex: "E_{ads} = E_{total} - E_{sub} - E_{ads}",
    variables: [
      v("E_total", "energy of substrate with adsorbate", "eV"),
      v("E_substrate", "energy of substrate", "eV"),
      v("E_adsorbate", "energy of adsorbate", "eV"),
    ],
    outputUnit: "eV",
    kind: "closed form",
    references: ["Standard DFT definition"],
  },
  {
    key: "gibbs_free_energy",
    name: "Gibbs free energy change",
    expression: "dE + dZPE - T * dS",
    latex: "\\Delta G = \\Delta E + \\Delta ZPE - T\\Delta S",
    variables: [v("dE", "reaction energy", "eV"), v("dZPE", "zero-point energy change", "eV"), v("T", "temperature", "K"), v("dS", "entropy change", "eV/K")],
    outputUnit: "eV",
    kind: "closed form",
    references: ["Nørskov et al., J. Phys. Chem. B 108, 17886 (2004)"],
  },
  {
    key: "polydispersity_index",
    name: "Polydispersity index",
    expression: "M_w / M_n",
    latex: "PDI = \\frac{M_w}{M_n}",
    variables: [v("M_w", "weight-average molar mass", "*"), v("M_n", "number-average molar mass", "*")],
    outputUnit: "",
    kind: "closed form",
    references: ["IUPAC"],
  },
  {
    key: "binding_energy_shift",
    name: "Binding-energy shift",
    expression: "E_1 - E_0",
    latex: "\\Delta E_B = E_{B,1} - E_{B,0}",
    variables: [v("E_1", "binding energy of the shifted peak", "eV"), v("E_0", "binding energy of the reference peak", "eV")],
    outputUnit: "eV",
    kind: "closed form",
    references: ["Qiu et al., Small Methods 5, 2100188 (2021): O 1s at 532.5 vs 531.4 eV"],
  },
  {
    key: "relative_change",
    name: "Relative change",
    expression: "(x1 - x0) / x0 * 100",
    latex: "\\Delta = \\frac{x_1 - x_0}{x_0}\\times 100\\%",
    variables: [v("x1", "new value", "*"), v("x0", "reference value", "*")],
    outputUnit: "percent",
    kind: "closed form",
    references: ["Standard definition"],
  },
];

export const FORMULA_KEYS = FORMULAS.map((f) => f.key);
const byKey = new Map(FORMULAS.map((f) => [f.key, f]));
export function formulaDefinition(key: string): FormulaDefinition | undefined {
  return byKey.get(key);
}

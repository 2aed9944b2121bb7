/** Physical constants (CODATA 2018), in the units the formulas use; shared by evaluation and the calculator's charts. */
export const CONSTANTS = {
  /** Faraday constant, C mol⁻¹ */
  F: 96485.33212,
  /** Gas constant, J mol⁻¹ K⁻¹ */
  R: 8.314462618,
  /** Boltzmann constant, eV K⁻¹ */
  k_B: 8.617333262e-5,
  pi: Math.PI,
} as const;

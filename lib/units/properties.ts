/**
 * The property catalogue: every measurable quantity matlit knows, with its canonical unit.
 * One source of truth read by validation, import, search, the UI and the tests.
 * `unit` is mathjs syntax; `display` is how a researcher writes it.
 */
import { unitText } from "./display";

export type PropertyGroup = "electrochemical" | "kinetics" | "transport" | "cell" | "structure" | "computation" | "mechanical-thermal" | "composition";

/** How each group is headed where properties are listed (the editor's and the search form's property pickers). */
export const PROPERTY_GROUP_LABELS: Record<PropertyGroup, string> = {
  electrochemical: "Electrochemical",
  kinetics: "Kinetics",
  transport: "Transport",
  cell: "Cell",
  structure: "Structure",
  computation: "Computation (DFT)",
  "mechanical-thermal": "Mechanical and thermal",
  composition: "Composition",
};

export interface PropertyDefinition {
  key: string;
  label: string;
  /** Canonical unit in mathjs syntax; "" means dimensionless (a plain number). */
  unit: string;
  /** How the canonical unit reads for this property: the unit's text, "–" for a plain number, or the property's own ("% per cycle"). */
  display: string;
  group: PropertyGroup;
  /** For sorting "best": whether a larger value is better, where that is meaningful. */
  better?: "higher" | "lower";
  description: string;
}

/** `display` only where the property reads its unit its own way ("mV dec⁻¹" for a Tafel slope). */
const p = (
  key: string,
  label: string,
  unit: string,
  group: PropertyGroup,
  better: "higher" | "lower" | undefined,
  description: string,
  display: string = unitText(unit) || "–",
): PropertyDefinition => ({ key, label, unit, display, group, better, description });

export const PROPERTIES: readonly PropertyDefinition[] = [
  // electrochemical performance
  p(
    "specific_capacity",
    "Specific capacity",
    "mAh/g",
    "electrochemical",
    "higher",
    "Gravimetric charge or discharge capacity after the first cycle (reversible); first-cycle capacities have their own properties.",
  ),
  p(
    "initial_discharge_capacity",
    "Initial discharge capacity",
    "mAh/g",
    "electrochemical",
    "higher",
    "Gravimetric capacity of the first discharge (includes any irreversible first-cycle loss).",
  ),
  p("initial_charge_capacity", "Initial charge capacity", "mAh/g", "electrochemical", "higher", "Gravimetric capacity of the first charge."),
  p("areal_capacity", "Areal capacity", "mAh/cm^2", "electrochemical", "higher", "Capacity per electrode area."),
  p("volumetric_capacity", "Volumetric capacity", "mAh/cm^3", "electrochemical", "higher", "Capacity per electrode volume."),
  p("theoretical_capacity", "Theoretical capacity", "mAh/g", "electrochemical", undefined, "Capacity from the reaction's electron count and molar mass."),
  p("initial_coulombic_efficiency", "Initial coulombic efficiency", "percent", "electrochemical", "higher", "Coulombic efficiency of the first cycle."),
  p("coulombic_efficiency", "Coulombic efficiency", "percent", "electrochemical", "higher", "Charge out over charge in, at a given cycle or averaged."),
  p(
    "capacity_retention",
    "Capacity retention",
    "percent",
    "electrochemical",
    "higher",
    "Capacity after cycling (or at another rate or temperature) relative to a reference capacity.",
  ),
  p(
    "capacity_decay_per_cycle",
    "Capacity decay per cycle",
    "percent",
    "electrochemical",
    "lower",
    "Average fractional capacity loss per cycle.",
    "% per cycle",
  ),
  p("cycle_life", "Cycle life (cycles)", "", "electrochemical", "higher", "Number of cycles sustained before failure or a stated end point.", "cycles"),
  p("cycles_tested", "Cycles tested", "", "electrochemical", undefined, "Number of cycles a test ran (its length), not a cycle life reached.", "cycles"),
  p("cycling_duration", "Cycling duration", "h", "electrochemical", "higher", "Time a cell cycles stably (symmetric cells, plating/stripping)."),
  p(
    "observation_time",
    "Observation time",
    "h",
    "electrochemical",
    undefined,
    "Length of an observation (in-situ plating, soaking), not a stable-cycling time.",
  ),
  p("energy_density", "Energy density", "Wh/kg", "cell", "higher", "Gravimetric energy density."),
  p(
    "theoretical_energy_density",
    "Theoretical energy density",
    "Wh/kg",
    "cell",
    undefined,
    "Theoretical gravimetric energy density of a chemistry, not of a cell.",
  ),
  p("volumetric_energy_density", "Volumetric energy density", "Wh/L", "cell", "higher", "Energy per volume."),
  p("power_density", "Power density", "W/kg", "cell", "higher", "Gravimetric power density."),
  p("average_voltage", "Average voltage", "V", "cell", "higher", "Average (or plateau/median) working voltage."),
  p("voltage", "Potential", "V", "electrochemical", undefined, "A stated potential: redox peak, plateau, onset, cut-off."),
  p("overpotential", "Overpotential", "mV", "electrochemical", "lower", "Overpotential, polarization or voltage hysteresis."),
  p(
    "electrochemical_stability_window",
    "Electrochemical stability window",
    "V",
    "transport",
    "higher",
    "Upper (oxidative) limit of electrolyte stability vs the stated reference.",
  ),
  p("critical_current_density", "Critical current density", "mA/cm^2", "transport", "higher", "Highest current density before short circuit."),
  p("current_density", "Current density", "A/g", "electrochemical", undefined, "A current density stated as a result (e.g. highest rate reached)."),
  p("areal_current_density", "Areal current density", "mA/cm^2", "electrochemical", undefined, "An areal current density stated as a result."),
  p("exchange_current_density", "Exchange current density", "mA/cm^2", "kinetics", "higher", "Exchange current density from Tafel or EIS analysis."),
  p("tafel_slope", "Tafel slope", "mV", "kinetics", "lower", "Tafel slope (per decade of current).", "mV dec⁻¹"),
  p("peak_current", "Peak current", "mA", "kinetics", undefined, "CV peak current."),
  p(
    "rate_capability",
    "Rate capability",
    "mAh/g",
    "electrochemical",
    "higher",
    "Capacity at the highest rate of a rate test (use specific_capacity with conditions where possible).",
  ),
  // kinetics and transport
  p("charge_transfer_resistance", "Charge-transfer resistance (Rct)", "ohm", "kinetics", "lower", "Charge-transfer resistance from EIS."),
  p("interfacial_resistance", "Interfacial resistance", "ohm", "kinetics", "lower", "Interfacial / SEI resistance from EIS."),
  p("bulk_resistance", "Bulk / ohmic resistance", "ohm", "transport", "lower", "Bulk or ohmic resistance (Rb, Rs)."),
  p("areal_resistance", "Area-specific resistance", "ohm cm^2", "transport", "lower", "Area-specific resistance."),
  p("diffusion_coefficient", "Diffusion coefficient", "cm^2/s", "kinetics", "higher", "Ion diffusion coefficient (method in the note: GITT, EIS, CV)."),
  p("b_value", "b-value", "", "kinetics", undefined, "Exponent of i = a·v^b from CV at several scan rates."),
  p("capacitive_contribution", "Capacitive contribution", "percent", "kinetics", undefined, "Share of capacitive (surface) charge storage at a scan rate."),
  p("ionic_conductivity", "Ionic conductivity", "S/cm", "transport", "higher", "Ionic conductivity."),
  p("electronic_conductivity", "Electronic conductivity", "S/cm", "transport", undefined, "Electronic conductivity."),
  p("resistivity", "Electrical resistivity", "ohm m", "transport", undefined, "Electrical resistivity."),
  p("transference_number", "Transference number", "", "transport", "higher", "Cation transference number."),
  p(
    "activation_energy",
    "Activation energy",
    "eV",
    "kinetics",
    "lower",
    "Activation energy (Arrhenius or computed); kJ mol⁻¹ converts at 96.485 kJ mol⁻¹ per eV.",
  ),
  // computation (DFT)
  p("adsorption_energy", "Adsorption / binding energy", "eV", "computation", undefined, "Adsorption or binding energy of a species on a surface."),
  p("energy_barrier", "Energy barrier", "eV", "computation", "lower", "Migration, diffusion or decomposition barrier."),
  p("gibbs_free_energy", "Gibbs free energy change", "eV", "computation", "lower", "ΔG of a reaction step (e.g. rate-determining step)."),
  p("band_gap", "Band gap", "eV", "computation", undefined, "Electronic band gap."),
  p("d_band_center", "d-band centre", "eV", "computation", undefined, "d-band centre relative to the Fermi level."),
  p("work_function", "Work function", "eV", "computation", undefined, "Work function."),
  p("charge_transfer_amount", "Charge transfer (Bader)", "", "computation", undefined, "Electrons transferred (Bader or similar analysis).", "e"),
  p("binding_energy_xps", "XPS binding energy", "eV", "structure", undefined, "Binding energy of an XPS peak."),
  p("energy_level", "Orbital energy level", "eV", "computation", undefined, "HOMO, LUMO or other orbital energy."),
  // structure and composition
  p("particle_size", "Particle / crystallite size", "nm", "structure", undefined, "Particle, quantum-dot or crystallite size."),
  p("thickness", "Thickness", "um", "structure", undefined, "Film, membrane or layer thickness."),
  p("lattice_spacing", "Lattice spacing / parameter", "nm", "structure", undefined, "Interplanar spacing or lattice parameter."),
  p("ionic_radius", "Ionic radius", "angstrom", "structure", undefined, "Ionic radius of a charge carrier."),
  p("bond_length", "Bond length", "angstrom", "structure", undefined, "Coordination bond length (EXAFS or DFT)."),
  p("coordination_number", "Coordination number", "", "structure", undefined, "Coordination number from EXAFS."),
  p("specific_surface_area", "Specific surface area", "m^2/g", "structure", "higher", "BET surface area."),
  p("pore_volume", "Pore volume", "cm^3/g", "structure", undefined, "Pore volume."),
  p("pore_size", "Pore size", "nm", "structure", undefined, "Pore diameter."),
  p("porosity", "Porosity", "percent", "structure", undefined, "Porosity."),
  p("mass_fraction", "Mass fraction / content", "percent", "composition", undefined, "Mass fraction of a component (e.g. sulfur or metal content).", "wt%"),
  p("atomic_fraction", "Atomic fraction / loading", "percent", "composition", undefined, "Atomic or molar fraction of a component.", "at%"),
  p("mass_loading", "Mass loading", "mg/cm^2", "cell", undefined, "Active-material mass loading."),
  p("sulfur_loading", "Sulfur loading", "mg/cm^2", "cell", "higher", "Sulfur mass loading of a Li–S cathode."),
  p("es_ratio", "E/S ratio", "uL/mg", "cell", "lower", "Electrolyte volume per sulfur mass."),
  p("intensity_ratio", "Intensity ratio", "", "structure", undefined, "Ratio of two peak intensities (e.g. Raman ID/IG)."),
  p("peak_shift", "Peak shift", "eV", "structure", undefined, "Shift of a spectroscopic peak."),
  p("wavenumber", "Vibrational peak position", "cm^-1", "structure", undefined, "Raman or FTIR band position (or its shift)."),
  p("diffraction_angle", "Diffraction angle (2θ)", "deg", "structure", undefined, "XRD peak position 2θ."),
  p("chemical_shift", "NMR chemical shift", "ppm", "structure", undefined, "NMR chemical shift."),
  p("g_factor", "EPR g-factor", "", "structure", undefined, "EPR g-factor."),
  p("wavevector", "Wavevector (EXAFS k)", "angstrom^-1", "structure", undefined, "Wavelet-transform or EXAFS k-space maximum."),
  p("refinement_r_factor", "Refinement R-factor", "percent", "structure", "lower", "Rietveld Rp, Rwp or similar agreement factor."),
  p("time_constant", "Time constant", "s", "kinetics", undefined, "Relaxation time constant (e.g. EIS τ0)."),
  p("mass_ratio", "Mass ratio", "", "composition", undefined, "Mass ratio of two components (e.g. 1.12:1 → 1.12)."),
  p("conversion", "Conversion / yield", "percent", "composition", undefined, "Monomer conversion or reaction yield."),
  p("sulfur_utilization", "Sulfur utilization", "percent", "electrochemical", "higher", "Delivered capacity as a share of sulfur's theoretical 1675 mAh g⁻¹."),
  p("capacity_share", "Capacity share", "percent", "electrochemical", undefined, "Share of the capacity delivered in a voltage region or phase."),
  p("intensity_fraction", "Relative peak area", "percent", "structure", undefined, "Share of a spectroscopic peak area (e.g. XPS component)."),
  p("configurational_entropy", "Configurational entropy", "J/(mol K)", "composition", undefined, "Configurational (mixing) entropy."),
  p("molecular_weight", "Molecular weight", "g/mol", "composition", undefined, "Molar mass or polymer molecular weight."),
  p("polydispersity_index", "Polydispersity index", "", "composition", undefined, "Mw/Mn."),
  // mechanical and thermal
  p("tensile_strength", "Tensile strength", "MPa", "mechanical-thermal", "higher", "Tensile strength."),
  p("elastic_modulus", "Elastic (Young's) modulus", "GPa", "mechanical-thermal", "higher", "Young's or elastic modulus."),
  p("elongation", "Elongation at break", "percent", "mechanical-thermal", "higher", "Elongation at break."),
  p("hardness", "Hardness", "GPa", "mechanical-thermal", undefined, "Hardness from nanoindentation."),
  p("glass_transition_temperature", "Glass-transition temperature", "degC", "mechanical-thermal", undefined, "Tg from DSC."),
  p("puncture_strength", "Puncture strength", "kPa", "mechanical-thermal", "higher", "Puncture or penetration strength."),
  p("mass_retention", "Mass retention", "percent", "mechanical-thermal", "higher", "Mass remaining in TGA."),
  p("thickness_change", "Thickness change", "percent", "mechanical-thermal", "lower", "Electrode thickness expansion during cycling."),
  p("decomposition_temperature", "Decomposition temperature", "degC", "mechanical-thermal", "higher", "Thermal decomposition or onset temperature."),
  p(
    "transformation_temperature",
    "Transformation temperature",
    "degC",
    "mechanical-thermal",
    undefined,
    "Temperature where a phase appears or disappears, a solid melts or a reaction starts or ends on heating.",
  ),
  p("mass_loss", "Mass loss", "percent", "mechanical-thermal", "lower", "Mass loss in TGA."),
  p("operating_temperature", "Operating temperature", "degC", "cell", undefined, "Temperature limit of operation (range as min/max)."),
  p("volume_change", "Volume change", "percent", "mechanical-thermal", "lower", "Volume expansion during cycling."),
  p("contact_angle", "Contact angle", "deg", "structure", undefined, "Contact angle."),
  p("self_extinguishing_time", "Self-extinguishing time", "s/g", "mechanical-thermal", "lower", "Flammability: burning time per mass."),
  p("pressure", "Pressure", "kPa", "mechanical-thermal", undefined, "Pressure (e.g. stack or mechanical load)."),
  p("strain", "Strain", "percent", "mechanical-thermal", undefined, "Lattice or mechanical strain."),
  p("viscosity", "Viscosity", "mPa s", "transport", "lower", "Dynamic viscosity."),
];

const byKey = new Map(PROPERTIES.map((d) => [d.key, d]));

export function property(key: string): PropertyDefinition | undefined {
  return byKey.get(key);
}

export const PROPERTY_KEYS = PROPERTIES.map((d) => d.key) as [string, ...string[]];

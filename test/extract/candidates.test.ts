/** Candidate measurements of a pasted text: the property its words name, the conditions beside it, the sentence as its quote. */
import { describe, it, expect } from "vitest";
import { measurementCandidates } from "../../lib/extract/candidates";

const TEXT = `The FeS2 QD/MXene anode delivers a reversible capacity of 464.3 mA h g1 at 0.1 A g 1 and retains 255.2 mAh g−1 at −35 °C after 100 cycles. The initial discharge capacity is 1,200.2 mAh g−1. Rate capacities of 573, 478 and 278 mAh g−1 were obtained at 0.1, 0.5 and 5.0 A g−1, respectively. The ionic conductivity reaches 1.2 × 10−3 S cm 1 at 25 °C. Fig. 2 shows particles with a diameter of 5–8 nm and a BET surface area of 145 m2 g 1.`;

const summary = () => measurementCandidates(TEXT).map((c) => [c.property, c.value ?? [c.min, c.max], c.unit, c.conditions] as const);

describe("candidate measurements of a text", () => {
  it("names each number's property from the words right before it, the more specific words first", () => {
    expect(summary().map(([property, value]) => [property, value])).toEqual([
      ["specific_capacity", 464.3],
      ["specific_capacity", 255.2],
      ["initial_discharge_capacity", 1200.2],
      ["specific_capacity", 573],
      ["specific_capacity", 478],
      ["specific_capacity", 278],
      ["ionic_conductivity", 0.0012],
      ["particle_size", [5, 8]],
      ["specific_surface_area", 145],
    ]);
  });

  it("gives each its own conditions: those after it up to the next number, pairs for 'respectively', the nearest before it", () => {
    const [first, cold, , a, b, c, conductivity] = summary();
    expect(first![3]).toEqual({ currentDensity: { value: 0.1, unit: "A g-1" } });
    expect(cold![3]).toEqual({ currentDensity: { value: 0.1, unit: "A g-1" }, temperature: { value: -35, unit: "°C" }, cycle: 100 });
    expect([a, b, c].map((x) => (x![3].currentDensity as { value: number }).value)).toEqual([0.1, 0.5, 5]);
    expect(conductivity![3]).toEqual({ temperature: { value: 25, unit: "°C" } });
  });

  it("keeps the sentence as the quote, where the number stands, and how sure it is", () => {
    const [first] = measurementCandidates(TEXT);
    expect(first!.quote).toMatch(/^The FeS2 QD\/MXene anode delivers .* after 100 cycles\.$/);
    expect(first!.confidence).toBeGreaterThan(0.8);
    expect(first!.reason).toMatch(/capacity of/);
    expect(first!.end).toBeGreaterThan(first!.start);
  });
});

describe("naming properties a battery researcher names", () => {
  const named = (text: string, options = {}) => measurementCandidates(text, options).map((c) => [c.property, c.value ?? [c.min, c.max], c.conditions] as const);

  it("names energies by their words, and hundreds of eV as XPS binding energies", () => {
    expect(named("The Li 1s peaks at 55.6 eV and the S 2p3/2 peak at 162.1 eV appear.").map(([p, v]) => [p, v])).toEqual([
      ["binding_energy_xps", 55.6],
      ["binding_energy_xps", 162.1],
    ]);
    expect(named("The adsorption energy of Li2S4 is −2.1 eV, with a band gap of 0.4 eV and a work function of 4.9 eV.").map(([p, v]) => [p, v])).toEqual([
      ["adsorption_energy", -2.1],
      ["band_gap", 0.4],
      ["work_function", 4.9],
    ]);
  });

  it("lets the unit decide where it can only be one thing: % per cycle, wt%, ppm, µL mg−1", () => {
    expect(named("It fades by 0.05% per cycle; sulfur is 70 wt%; a shift at 4.6 ppm; E 5 µL mg−1.").map(([p]) => p)).toEqual([
      "capacity_decay_per_cycle",
      "mass_fraction",
      "chemical_shift",
      "es_ratio",
    ]);
  });

  it("reads stability windows, critical and exchange current densities, and loadings", () => {
    expect(
      named(
        "The electrolyte has an ESW of 4.7 V, a critical current density of 3.0 mA cm−2 and an exchange current density of 10 µA cm−2 at a sulfur loading of 5.1 mg cm−2.",
      ).map(([p]) => p),
    ).toEqual(["electrochemical_stability_window", "critical_current_density", "exchange_current_density", "sulfur_loading"]);
  });

  it("takes a voltage range to cycle in and a scan rate as conditions", () => {
    expect(named("CV curves at 0.1 mV s−1 in 0.01–3.0 V show reduction peaks at 1.54 V.")).toEqual([
      ["voltage", 1.54, { scanRate: { value: 0.1, unit: "mV s−1" }, voltageWindow: { min: 0.01, max: 3, unit: "V" } }],
    ]);
  });

  it("offers a number no word names only when asked; a capacity in mAh g−1 is a specific capacity", () => {
    expect(named("The mixture was stirred for 24 h.")).toEqual([]);
    expect(named("The mixture was stirred for 24 h.", { unnamed: true }).map(([p, v]) => [p, v])).toEqual([["cycling_duration", 24]]);
    expect(named("The electrode delivers 512 mA h g−1.").map(([p, v]) => [p, v])).toEqual([["specific_capacity", 512]]);
  });
});

describe("cycles, first-cycle efficiencies and synthesis temperatures", () => {
  it("reads the acceptance sentence: capacity with its current density and first cycle, ICE, no synthesis temperature", () => {
    const text =
      "N-CNFs carbonized at 800 °C delivered a reversible capacity of 293 mAh g 1 at a current density of 50 mA g 1 in the first cycle. Even though the first-cycle Coulombic efficiency was 64% …";
    const found = measurementCandidates(text).map((c) => [c.property, c.value, c.unit, c.conditions, c.material]);
    expect(found).toEqual([
      ["specific_capacity", 293, "mAh g-1", { currentDensity: { value: 50, unit: "mA g-1" }, cycle: 1 }, "N-CNFs"],
      ["initial_coulombic_efficiency", 64, "%", { currentDensity: { value: 50, unit: "mA g-1" }, cycle: 1 }, "N-CNFs"],
    ]);
  });

  it("reads cycle numbers in words and counts: the 1st, the 100th, after and over N cycles", () => {
    const cycles = (s: string) => measurementCandidates(s).map((c) => c.conditions.cycle);
    expect(cycles("The CoP anode delivers 410 mAh g−1 at the 1st cycle.")).toEqual([1]);
    expect(cycles("The CoP anode delivers 380 mAh g−1 at the 100th cycle.")).toEqual([100]);
    expect(cycles("The CoP anode keeps 350 mAh g−1 after 200 cycles.")).toEqual([200]);
    expect(cycles("The CoP anode keeps 90% capacity retention over 500 cycles.")).toEqual([500]);
  });

  it("does not take a temperature of heating, calcining or annealing as a condition of a result", () => {
    const [c] = measurementCandidates("The CoP powder annealed at 450 °C shows a capacity of 402 mAh g−1 at 0.2 A g−1.");
    expect(c!.conditions).toEqual({ currentDensity: { value: 0.2, unit: "A g−1" } });
  });

  it("takes a loading stated with a result as its condition", () => {
    const [loading, capacity] = measurementCandidates("At a sulfur loading of 5.2 mg cm−2, the S/TiN cathode delivers 4.6 mA h cm−2.");
    expect(loading!.property).toBe("sulfur_loading");
    expect(capacity!.conditions).toEqual({ sulfurLoading: { value: 5.2, unit: "mg cm−2" } });
  });
});

describe("more ways papers state a number", () => {
  const named = (text: string) => measurementCandidates(text).map((c) => [c.property, c.value, c.conditions, c.material] as const);

  it("pairs values and conditions listed with slashes", () => {
    expect(named("The CoP@C cathode gives 1100/980/720 mA h g−1 at 0.5/1/2C.").map(([p, v, c]) => [p, v, c.cRate])).toEqual([
      ["specific_capacity", 1100, 0.5],
      ["specific_capacity", 980, 1],
      ["specific_capacity", 720, 2],
    ]);
  });

  it("names a number by the words right after it", () => {
    expect(named("The TiN/S cathode reaches 81.2% sulfur utilization and 0.031% fade/cycle.").map(([p, v]) => [p, v])).toEqual([
      ["sulfur_utilization", 81.2],
      ["capacity_decay_per_cycle", 0.031],
    ]);
  });

  it("reads σ as a conductivity and a duration of stable cycling, and files a number under the material named right after it", () => {
    expect(named("The PEO-LLZO electrolyte shows a σ of 0.8 mS cm−1, compared to 0.1 mS cm−1 in PEO-LiTFSI.").map(([p, v, , m]) => [p, v, m])).toEqual([
      ["ionic_conductivity", 0.8, "PEO-LLZO"],
      ["ionic_conductivity", 0.1, "PEO-LiTFSI"],
    ]);
    expect(named("The Li||Li cell with the PEO-LLZO electrolyte shows stability for 1200 hours.").map(([p, v]) => [p, v])).toEqual([
      ["cycling_duration", 1200],
    ]);
  });

  it("keeps a result restated in the abstract and the discussion once, with the most conditions", () => {
    const found = measurementCandidates(
      "The MoS2/C anode delivers 610 mAh g−1. In Fig. 3, the MoS2/C anode delivers 610 mAh g−1 at 0.2 A g−1 after 100 cycles.",
    );
    expect(found.map((c) => [c.value, c.conditions.cycle])).toEqual([[610, 100]]);
    expect(found[0]!.reason).toMatch(/stated 2 times/);
  });
});

describe("test temperatures", () => {
  it("reads 'at a temperature of −20 °C' as the condition of a result", () => {
    const [c] = measurementCandidates("At a temperature of −20 °C, the LiFePO4/C cathode delivers 120 mAh g−1.");
    expect(c!.conditions.temperature).toEqual({ value: -20, unit: "°C" });
  });
});

describe("a capacity no word names", () => {
  it("is a specific capacity when its unit is mAh g⁻¹, even printed without its minus ('mAh g 1')", () => {
    const [c] = measurementCandidates("The electrode retains 210 mAh g 1 at 1 A g 1.");
    expect(c).toMatchObject({ property: "specific_capacity", value: 210, unit: "mAh g-1", conditions: { currentDensity: { value: 1, unit: "A g-1" } } });
  });
});

describe("a condition between two numbers", () => {
  it("belongs to the clause it opens: '…was 64%, the retention after 200 cycles was 93.5%' gives cycle 200 to the retention only", () => {
    const [ce, retention] = measurementCandidates("The first-cycle Coulombic efficiency was 64%, the capacity retention after 200 cycles was 93.5%.");
    expect(ce).toMatchObject({ property: "initial_coulombic_efficiency", value: 64, conditions: { cycle: 1 } });
    expect(retention).toMatchObject({ property: "capacity_retention", value: 93.5, conditions: { cycle: 200 } });
  });
});

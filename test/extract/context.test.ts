/** Conditions a paper states once for its cell tests, given to numbers that do not state their own. */
import { describe, it, expect } from "vitest";
import { cellTypeIn, paperContext } from "../../lib/extract/context";
import { measurementCandidates } from "../../lib/extract/candidates";

const METHODS =
  "Coin cells (CR2032) were assembled with Li metal as the counter electrode and 1 M LiPF6 in EC/DMC as the electrolyte. " +
  "The cells were cycled in the voltage range of 2.5–4.3 V at room temperature, and 1C = 170 mA g−1.";

describe("a paper's cell context", () => {
  it("reads the cell, counter electrode, electrolyte, window, 1C and test temperature from the methods", () => {
    expect(paperContext(`${METHODS} Half-cell tests followed.`)).toEqual({
      cellType: "half",
      counterElectrode: "Li",
      oneC: { value: 170, unit: "mA g-1" },
      electrolyte: "1 M LiPF6 in EC/DMC",
      voltageWindow: { min: 2.5, max: 4.3, unit: "V" },
      temperature: { value: 25, unit: "°C" },
    });
  });

  it("takes room temperature only when the tests ran at it, not when a product cooled to it", () => {
    expect(paperContext("After cooling to room temperature, the powder was collected.").temperature).toBeUndefined();
  });

  it("names cell types as papers write them", () => {
    expect(cellTypeIn("Na||Na symmetric cells")).toBe("symmetric");
    expect(cellTypeIn("the LiFePO4||Li full cell")).toBe("full");
    expect(cellTypeIn("a 1 Ah pouch cell")).toBe("pouch");
    expect(cellTypeIn("sodium half-cells")).toBe("half");
    expect(cellTypeIn("the NFM||Na half cell")).toBe("half"); // a word for the kind beats the stack
    expect(cellTypeIn("the LFP||Li cell")).toBe("full");
  });

  it("fills a cell test's missing conditions and says so, but not a material property's", () => {
    const [capacity, size] = measurementCandidates(
      `${METHODS}\n\nThe LiMnPO4/C half cell delivers 150 mAh g−1 at 0.5C. Its particles have a diameter of 80 nm.`,
    );
    expect(capacity!.conditions).toEqual({
      cRate: 0.5,
      cellType: "half",
      counterElectrode: "Li",
      oneC: { value: 170, unit: "mA g-1" },
      electrolyte: "1 M LiPF6 in EC/DMC",
      voltageWindow: { min: 2.5, max: 4.3, unit: "V" },
      temperature: { value: 25, unit: "°C" },
    });
    expect(capacity!.reason).toMatch(/conditions from the cell its sentence names/);
    expect(size!.conditions).toEqual({});
  });

  it("files a calculated energy as computed", () => {
    const [energy] = measurementCandidates("DFT calculations give an adsorption energy of −1.8 eV for Li2S4 on MoS2.");
    expect(energy!.conditions).toEqual({ cellType: "computed" });
  });
});

describe("conditions from a result's surroundings", () => {
  it("takes the rate, temperature and CV scan rate stated earlier in its paragraph", () => {
    const found = measurementCandidates(
      "The ZnO@C anode was cycled at 0.5 A g−1 and 0 °C. After 200 cycles it keeps 420 mAh g−1.\n\nCV at 0.2 mV s−1 was run. Peaks at 0.6 V appear.",
    );
    expect(found.map((c) => [c.value, c.conditions])).toEqual([
      [420, { cycle: 200, currentDensity: { value: 0.5, unit: "A g−1" }, temperature: { value: 0, unit: "°C" } }],
      [0.6, { scanRate: { value: 0.2, unit: "mV s−1" } }],
    ]);
    expect(found[0]!.reason).toMatch(/its paragraph \(currentDensity, temperature\)/);
  });

  it("files an adsorption energy in a paper with DFT as computed, and a band gap measured by UV–vis not", () => {
    const text = "DFT was used. The Li2S6 adsorption energy on VS2 is −2.3 eV. The band gap from the UV–vis Tauc plot is 1.9 eV.";
    expect(measurementCandidates(text).map((c) => [c.property, c.conditions.cellType])).toEqual([
      ["adsorption_energy", "computed"],
      ["band_gap", undefined],
    ]);
  });

  it("takes the cell type a number's own words name", () => {
    const [pouch, coin] = measurementCandidates("The Fe–N4/C host gives 4.2 mA h cm−2 in the pouch cell and 2.1 mA h cm−2 in the coin cell.");
    expect([pouch!.conditions.cellType, coin!.conditions.cellType]).toEqual(["pouch", "coin"]);
  });

  it("reads an electrolyte written as a molar solution", () => {
    expect(paperContext("A 1 m solution of NaPF6 in diglyme (G2) with 2% FEC was used as the electrolyte.").electrolyte).toBe(
      "1 m solution of NaPF6 in diglyme (G2) with 2% FEC",
    );
  });
});

describe("a paper's electrode loading", () => {
  it("is the one sulfur loading it states, and none when it states several", () => {
    expect(paperContext("The cathodes had a sulfur loading of ~1.5 mg cm−2. Cells were cycled.").sulfurLoading).toEqual({ value: 1.5, unit: "mg cm-2" });
    expect(paperContext("A sulfur loading of 1.5 mg cm−2 and a sulfur loading of 6 mg cm−2 were compared.").sulfurLoading).toBeUndefined();
    const capacity = measurementCandidates("The sulfur loading was about 2.0 mg cm−2.\n\nThe TiN/S cathode delivers 1100 mAh g−1 at 0.2C.").find(
      (c) => c.property === "specific_capacity",
    );
    expect(capacity!.conditions.sulfurLoading).toEqual({ value: 2, unit: "mg cm-2" });
  });
});

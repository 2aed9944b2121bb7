/** Small valid record files to build test cases from. */
import type { RecordFile } from "../../lib/records/schema";

export function validFile(doi = "10.1234/matlit.test.1"): RecordFile {
  return {
    papers: [
      {
        doi,
        title: "A test paper on FeS₂ anodes",
        journal: "Test Journal",
        year: 2025,
        authors: ["Ada Researcher", "Ben Chemist"],
        keywords: ["sodium-ion"],
        kind: "research article",
        formulas: ["capacity_retention"],
        materials: [
          {
            key: "fes2-anode",
            name: "FeS₂ QD/MXene",
            formula: "FeS2/Ti3C2Tx",
            role: "anode",
            batterySystem: "sodium-ion",
            materialClass: "metal sulfide",
            synthesis: [{ action: "anneal", temperature: { value: 350, unit: "°C" }, duration: { value: 2, unit: "h" }, atmosphere: "Ar" }],
            measurements: [
              { property: "specific_capacity", value: 255.2, unit: "mAh g^{−1}", conditions: { currentDensity: { value: 0.1, unit: "A g-1" }, temperature: { value: -35, unit: "°C" }, cycle: 100 }, quote: "255.2 mAh g^{−1} at −35 °C" },
              { property: "initial_coulombic_efficiency", value: 62.4, unit: "%", quote: "an ICE of 62.4%" },
              { property: "ionic_conductivity", value: 1.2, unit: "mS cm-1", quote: "1.2 mS cm-1" },
            ],
          },
          {
            key: "control",
            name: "MXene",
            formula: "Ti3C2Tx",
            role: "anode",
            batterySystem: "sodium-ion",
            materialClass: "MXene",
            isControl: true,
            measurements: [{ property: "specific_capacity", value: 20.8, unit: "mA h g-1", quote: "20.8 mA h g-1" }],
          },
        ],
      },
    ],
  };
}

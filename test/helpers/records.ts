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
            materialClass: "conversion-type sulfide",
            synthesis: [{ action: "anneal", temperature: { value: 350, unit: "°C" }, duration: { value: 2, unit: "h" }, atmosphere: "Ar" }],
            measurements: [
              {
                property: "specific_capacity",
                value: 255.2,
                unit: "mAh g^{−1}",
                conditions: { currentDensity: { value: 0.1, unit: "A g-1" }, temperature: { value: -35, unit: "°C" }, cycle: 100 },
                quote: "255.2 mAh g^{−1} at −35 °C",
              },
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
            materialClass: "MXene / 2D",
            isControl: true,
            measurements: [{ property: "specific_capacity", value: 20.8, unit: "mA h g-1", quote: "20.8 mA h g-1" }],
          },
        ],
      },
    ],
  };
}

/**
 * A paper the seed has nothing like, for the text search cases: nitrogen-doped nanofibres made from
 * polyacrylonitrile (PAN), a separator with PAN in its name, and a cathode named by an abbreviation.
 */
export const NANOFIBRE_PAPER = "10.1234/nanofibre.paper";
export const NANOFIBRES = "Nitrogen-doped carbon nanofibres (N-CNFs)";
export function nanofibreFile(): RecordFile {
  return {
    papers: [
      {
        doi: NANOFIBRE_PAPER,
        title: "Electrospun fibres for sodium storage",
        journal: "Test Journal",
        year: 2024,
        authors: ["Cara Fibre"],
        kind: "research article",
        materials: [
          {
            key: "n-cnfs",
            name: NANOFIBRES,
            role: "anode",
            batterySystem: "sodium-ion",
            materialClass: "doped carbon",
            synthesis: [{ action: "electrospin", reagents: [{ name: "polyacrylonitrile (PAN)" }, { name: "N,N-dimethylformamide (DMF)" }] }],
          },
          { key: "pan-membrane", name: "PAN nanofibre membrane", role: "separator", batterySystem: "sodium-ion", materialClass: "separator / interlayer" },
          {
            key: "p2-kmnct",
            name: "P2-K₀.₆₇MNCTO",
            formula: "K0.67Mn0.6Ni0.2Cu0.1Ti0.1O2",
            role: "cathode",
            batterySystem: "potassium-ion",
            materialClass: "layered oxide",
          },
        ],
      },
    ],
  };
}

/**
 * A knowledge base of `papers` × `materialsPerPaper` materials shaped like validFile's anode: each
 * with a synthesis step (reagents included) and explicit elements, the second of each paper built
 * from the first, and every `measuredEvery`-th material carrying the anode's three measurements
 * (material counts, not measurement counts, are what a reader's parameter lists grew with).
 */
export function generatedFile(shape: { papers: number; materialsPerPaper: number; measuredEvery: number; doiPrefix?: string }): RecordFile {
  const template = validFile().papers[0]!;
  const anode = template.materials![0]!;
  let n = 0;
  return {
    papers: Array.from({ length: shape.papers }, (_, p) => ({
      ...template,
      doi: `${shape.doiPrefix ?? "10.5555/generated"}.${p}`,
      title: `Generated study ${p} of FeS₂ anodes`,
      materials: Array.from({ length: shape.materialsPerPaper }, (_, k) => ({
        ...anode,
        key: `m${k}`,
        name: `FeS₂ variant ${p}-${k}`,
        elements: ["Ti", "Fe", "S", "C"],
        components: k === 1 ? ["m0"] : undefined,
        synthesis: [
          {
            action: "anneal",
            reagents: [{ name: "thiourea", amount: { value: 0.5 + k, unit: "g" }, concentration: { value: 1, unit: "M" } }],
            temperature: { value: 300 + k, unit: "°C" },
            duration: { value: 2, unit: "h" },
          },
        ],
        measurements: n++ % shape.measuredEvery === 0 ? anode.measurements!.map((m) => ({ ...m, value: m.value! + k })) : [],
      })),
    })),
  };
}

/** The cells of a CSV text (RFC 4180 quoting), to check what a spreadsheet would read. */
export function csvCells(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && ch === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else {
      cell += ch;
    }
  }
  return rows;
}

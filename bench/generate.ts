/**
 * A synthetic knowledge base shaped like the seed: properties, units and conditions are drawn from
 * the seed's own measurements (so their mix matches), values jittered, names and papers invented.
 * Deterministic for a given seed.
 */
import { readFileSync } from "node:fs";
import seedrandom from "seedrandom";
import { seedFiles } from "../seed/load";
import type { RecordFileParsed } from "../lib/records/schema";
import { validateRecordFile } from "../lib/records/validate";

type Paper = RecordFileParsed["papers"][number];
type Material = Paper["materials"][number];
type Measurement = Material["measurements"][number];

const ELEMENTS = ["Li", "Na", "K", "Fe", "Co", "Ni", "Mn", "Cu", "Ti", "V", "Mo", "Sn", "Sb", "S", "P", "O", "C", "N", "F", "Zn"];
const WORDS = ["porous", "doped", "layered", "hollow", "quantum", "nanosheet", "composite", "hierarchical", "coated", "entropy", "gel", "framework"];

export interface SyntheticShape {
  papers: number;
  materialsPerPaper: number;
  measurementsPerMaterial: number;
}

export const FULL_SHAPE: SyntheticShape = { papers: 10_000, materialsPerPaper: 5, measurementsPerMaterial: 20 };

function seedTemplates() {
  const papers = seedFiles().flatMap((f) => validateRecordFile(JSON.parse(readFileSync(f, "utf8"))).papers);
  const materials = papers.flatMap((p) => p.materials);
  return {
    measurements: materials.flatMap((m) => m.measurements),
    materials,
    journals: [...new Set(papers.map((p) => p.journal))],
  };
}

/** Yields batches of papers until `shape.papers` have been produced. */
export function* syntheticPapers(shape: SyntheticShape, batchSize = 100, seed = "matlit-bench"): Generator<Paper[]> {
  const random = seedrandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const templates = seedTemplates();
  let batch: Paper[] = [];
  for (let p = 0; p < shape.papers; p++) {
    const materials: Material[] = [];
    for (let k = 0; k < shape.materialsPerPaper; k++) {
      const template = pick(templates.materials);
      const elements = [...new Set([pick(ELEMENTS), pick(ELEMENTS), pick(ELEMENTS)])];
      const measurements: Measurement[] = [];
      for (let n = 0; n < shape.measurementsPerMaterial; n++) {
        const t = pick(templates.measurements);
        const factor = 0.5 + random();
        measurements.push({
          ...t,
          // A range template stays a range, both ends scaled alike.
          ...(t.value !== undefined
            ? { value: Number((t.value * factor).toPrecision(4)) }
            : { min: Number((t.min! * factor).toPrecision(4)), max: Number((t.max! * factor).toPrecision(4)) }),
          // Jittered numbers are no longer what a derivation gives: every synthetic number is stated.
          source: "stated",
          derivation: undefined,
          quote: `${t.quote} (synthetic ${p}.${k}.${n})`,
        });
      }
      materials.push({
        ...template,
        key: `m${k}`,
        name: `${pick(WORDS)} ${elements.join("")} ${pick(WORDS)} ${p}-${k}`,
        formula: elements.join(""),
        elements,
        components: undefined,
        isControl: k > 0 && random() < 0.4,
        synthesis: template.synthesis.slice(0, 3),
        measurements,
      });
    }
    batch.push({
      doi: `10.5555/bench.${p}`,
      title: `Synthetic study ${p} of ${materials[0]!.name}`,
      journal: pick(templates.journals),
      year: 2010 + Math.floor(random() * 17),
      authors: [`Author ${p}`],
      keywords: [pick(WORDS)],
      kind: "research article",
      status: "published",
      formulas: [],
      materials,
    });
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

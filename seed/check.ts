/**
 * Reviewer's check of seed record files: `npx tsx seed/check.ts seed/*.json`.
 * Validates the format and units, then checks every quote against the paper's text (where
 * SEED_TEXTS_DIR has it) and every stated value against its quote. Exits non-zero on any problem.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { validateRecordFile, RecordValidationError } from "../lib/records/validate";
import { quoteFinder, quoteStatesValue } from "../lib/records/provenance";
import { SEED_SOURCES, SEED_TEXTS_DIR } from "./sources";

let problems = 0;
for (const file of process.argv.slice(2)) {
  let parsed;
  try {
    parsed = validateRecordFile(JSON.parse(readFileSync(file, "utf8")));
  } catch (e) {
    problems++;
    console.log(`${file}:\n${e instanceof RecordValidationError ? e.errors.map((x) => `${x.path}: ${x.message}`).join("\n") : String(e)}`);
    continue;
  }
  for (const [pi, paper] of parsed.papers.entries()) {
    const source = SEED_SOURCES[paper.doi];
    const textPath = source && join(SEED_TEXTS_DIR, source);
    const text = textPath && existsSync(textPath) ? readFileSync(textPath, "utf8") : undefined;
    const inPaper = text ? quoteFinder(text) : undefined;
    if (!text) console.log(`${file}: no paper text for ${paper.doi}; quotes not checked`);
    let count = 0;
    for (const [mi, material] of paper.materials.entries()) {
      for (const [ki, m] of material.measurements.entries()) {
        count++;
        const where = `${file} papers[${pi}].materials[${mi}](${material.key}).measurements[${ki}]`;
        if (inPaper && !inPaper(m.quote)) {
          problems++;
          console.log(`${where}.quote not found in paper: ${m.quote}`);
        }
        if (m.source === "stated") {
          for (const v of [m.value, m.min, m.max]) {
            if (v !== undefined && !quoteStatesValue(m.quote, v)) {
              problems++;
              console.log(`${where}: value ${v} not in quote: ${m.quote}`);
            }
          }
        }
      }
      for (const [si, s] of material.synthesis.entries()) {
        if (inPaper && s.quote && !inPaper(s.quote)) {
          problems++;
          console.log(`${file} ${material.key}.synthesis[${si}].quote not found in paper: ${s.quote}`);
        }
      }
    }
    console.log(
      `${file}: ${paper.doi}: ${paper.materials.length} materials, ${paper.materials.reduce((n, m) => n + m.synthesis.length, 0)} synthesis steps, ${count} measurements`,
    );
  }
}
console.log(problems ? `${problems} problem(s)` : "ok");
process.exit(problems ? 1 : 0);

/**
 * Reviewer's check of seed record files: `npx tsx seed/check.ts seed/*.json`.
 * Validates the format and units, then checks every quote against the paper's text (where
 * SEED_TEXTS_DIR has it), every stated value (or both ends of a range) against its quote, the
 * `reported` text of a range against its quote, the inputs of every derivation against their own
 * quotes, and that every measurement of the file states its scope. Exits non-zero on any problem.
 */
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { validateRecordFile, RecordValidationError } from "../lib/records/validate";
import { foldText, quoteFinder, quoteStatesValue } from "../lib/records/provenance";
import { SEED_SOURCES, SEED_TEXTS_DIR } from "./sources";
import { paperKey } from "../lib/records/identifiers";

/** `part` occurs in `quote` once both are folded (markup, dashes, spaces, case). */
const inQuote = (quote: string, part: string) => foldText(quote).includes(foldText(part));

/** Positions (paper, material, measurement) of the raw file's measurements that leave their scope to the default. */
function scopeless(raw: unknown): string[] {
  const list = (x: unknown, key: string): unknown[] => {
    const v = x && typeof x === "object" ? (x as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v : [];
  };
  return list(raw, "papers").flatMap((p, pi) =>
    list(p, "materials").flatMap((m, mi) =>
      list(m, "measurements").flatMap((x, ki) => (x && typeof x === "object" && "scope" in x ? [] : [`papers[${pi}].materials[${mi}].measurements[${ki}]`])),
    ),
  );
}

let problems = 0;
for (const file of process.argv.slice(2)) {
  let parsed;
  try {
    const raw = JSON.parse(readFileSync(file, "utf8"));
    for (const where of scopeless(raw)) {
      problems++;
      console.log(`${file} ${where}: no "scope" (write it, "material" for the material's own number)`);
    }
    parsed = validateRecordFile(raw);
  } catch (e) {
    problems++;
    console.log(`${file}:\n${e instanceof RecordValidationError ? e.errors.map((x) => `${x.path}: ${x.message}`).join("\n") : String(e)}`);
    continue;
  }
  for (const [pi, paper] of parsed.papers.entries()) {
    const source = SEED_SOURCES[paperKey(paper)];
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
        // A range keeps the paper's own text of it, which must be the quote's.
        if (m.min !== undefined && m.reported === undefined) {
          problems++;
          console.log(`${where}: a range needs "reported" (the range as the paper prints it)`);
        }
        if (m.reported !== undefined && !inQuote(m.quote, m.reported)) {
          problems++;
          console.log(`${where}.reported not in quote: ${m.reported}`);
        }
        // A derivation's inputs are numbers the paper states: each in its own quote (or the measurement's), each quote in the paper.
        for (const [name, input] of Object.entries(m.derivation?.inputs ?? {})) {
          const quote = input.quote ?? m.quote;
          for (const v of [input.value, input.min, input.max]) {
            if (v !== undefined && !quoteStatesValue(quote, v)) {
              problems++;
              console.log(`${where}.derivation.inputs.${name}: ${v} not in quote: ${quote}`);
            }
          }
          if (input.reported !== undefined && !inQuote(quote, input.reported)) {
            problems++;
            console.log(`${where}.derivation.inputs.${name}.reported not in quote: ${input.reported}`);
          }
          if (inPaper && input.quote && !inPaper(input.quote)) {
            problems++;
            console.log(`${where}.derivation.inputs.${name}.quote not found in paper: ${input.quote}`);
          }
        }
        // A range condition's printed text is the paper's too (often in a table cell other than the quote's).
        for (const [key, c] of Object.entries(m.conditions ?? {})) {
          const reported = c && typeof c === "object" && "reported" in c ? (c as { reported?: string }).reported : undefined;
          if (inPaper && reported !== undefined && !inPaper(reported)) {
            problems++;
            console.log(`${where}.conditions.${key}.reported not found in paper: ${reported}`);
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

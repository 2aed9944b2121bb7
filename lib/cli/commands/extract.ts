/** `matlit extract`: candidates and a draft record from a paper's file, for a person to review. */
import type { Command } from "commander";
import { readFileSync, writeFileSync } from "node:fs";
import { AppError } from "../../errors";
import { DOCUMENT_FORMATS, extract, type DocumentFormat, type Extraction } from "../../extract";
import { describeCandidate } from "../../extract/describe";
import type { Cli } from "../context";

/** One line a candidate: confidence, what it is, its material, and why it was left out of the record if it was. */
function candidateLine(c: Extraction["candidates"][number]): string {
  return `${c.confidence.toFixed(1)}  ${describeCandidate(c)}  [${c.material}]${c.problem ? `  (left out: ${c.problem})` : ""}`;
}

export function registerExtractCommands(program: Command, cli: Cli): void {
  program
    .command("extract")
    .description("propose measurements, materials and synthesis steps from a paper's text, PDF, XML, HTML, BibTeX or RIS file (nothing is saved)")
    .argument("<file>", "the paper's file")
    .option("--format <format>", `one of ${DOCUMENT_FORMATS.join(", ")} (default: recognised from the content)`)
    .option("--json", 'print { "record": <record file>, "candidates": [...] }')
    .option("--out <file>", "write the draft record file there (import it with matlit import after review)")
    .action(async (file: string, opts: { format?: string; json?: boolean; out?: string }) => {
      if (opts.format && !(DOCUMENT_FORMATS as readonly string[]).includes(opts.format))
        throw new AppError("invalid", `unknown format "${opts.format}" (one of ${DOCUMENT_FORMATS.join(", ")})`, { field: "--format" });
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        throw new AppError("invalid", `${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
      }
      const extraction = await extract(bytes, { format: opts.format as DocumentFormat | undefined, name: file }).catch((e: unknown) => {
        throw e instanceof AppError ? new AppError(e.code, `${file}: ${e.message}`, { details: e.details }) : e;
      });
      const { record, candidates, missing } = extraction;
      if (opts.out) writeFileSync(opts.out, JSON.stringify(record, null, 2) + "\n");
      if (opts.json) return cli.out(JSON.stringify({ record, candidates, missing }, null, 2));
      const paper = record.papers[0]!;
      cli.out(`${paper.title ?? "(no title)"}${paper.doi ? `  doi:${paper.doi}` : ""}`);
      cli.out(
        `${candidates.length} candidate(s) for ${paper.materials?.length ?? 0} material(s): ${paper.materials?.map((m) => m.name).join(", ") || "none named"}`,
      );
      for (const c of candidates) cli.out(`  ${candidateLine(c)}`);
      for (const m of missing) cli.err(`missing ${m.path}: ${m.message}`);
      if (opts.out) cli.err(`wrote the draft record to ${opts.out}; review it, then: matlit import ${opts.out}`);
    });
}

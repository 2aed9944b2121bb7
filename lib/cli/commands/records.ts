/** Commands over the knowledge base as records: setup, import, export, stats. */
import type { Command } from "commander";
import { createWriteStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  validateRecordFile,
  parseRecordJson,
  RecordValidationError,
  importRecords,
  streamPapers,
  recordsCsv,
  recordsJson,
  type RecordFileParsed,
} from "../../records";
import { AppError, type FieldError } from "../../errors";
import { knowledgeBaseStats } from "../../stats";
import type { Cli } from "../context";

/** A record file, read and validated; what is wrong with it is reported under the file's name, what is worth a look in `warnings`. */
function readRecordFile(file: string, warnings?: FieldError[]): RecordFileParsed {
  let input: unknown;
  try {
    input = parseRecordJson(readFileSync(file, "utf8"));
  } catch (e) {
    throw new AppError("invalid", `${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return validateRecordFile(input, warnings);
  } catch (e) {
    if (!(e instanceof RecordValidationError)) throw e;
    throw new AppError("invalid", `${file}: ${e.errors.length} invalid field(s); nothing was imported`, { details: e.errors });
  }
}

export function registerRecordCommands(program: Command, cli: Cli): void {
  program
    .command("setup")
    .description("apply migrations, sync the catalogues and load seed papers that are missing")
    .option("--no-seed", "do not load seed papers")
    .option("--json", "JSON output")
    .action(async (opts: { seed: boolean; json?: boolean }) => {
      const result = await cli.prepare({ seed: opts.seed });
      if (opts.json) cli.out(JSON.stringify(result, null, 2));
      else {
        cli.out(`migrations: ${result.migrations.applied.length} applied, ${result.migrations.alreadyApplied} already applied`);
        cli.out(result.seeded.length ? `seeded ${result.seeded.length} paper(s): ${result.seeded.join(", ")}` : "seed: nothing to load");
      }
    });

  program
    .command("import")
    .description("validate a record file and load it, all or nothing")
    .argument("<file>", "JSON record file")
    .option("--json", "JSON output")
    .action(async (file: string, opts: { json?: boolean }) => {
      const warnings: FieldError[] = [];
      const records = readRecordFile(file, warnings);
      await cli.prepare({ seed: false });
      const summary = await importRecords(cli.db(), records);
      for (const w of warnings) cli.stderr.write(`warning: ${file} ${w.path}: ${w.message}\n`);
      if (opts.json) cli.out(JSON.stringify({ ...summary, warnings }, null, 2));
      else for (const p of summary.papers) cli.out(`${p.action} ${p.doi}: ${p.materials} materials, ${p.measurements} measurements`);
    });

  program
    .command("export")
    .description("export the whole knowledge base")
    .option("--format <format>", "json or csv", "json")
    .option("--out <file>", "write to a file instead of standard output")
    .option("--json", "same as --format json")
    .action(async (opts: { format: string; out?: string; json?: boolean }) => {
      const format = opts.json ? "json" : opts.format;
      if (format !== "json" && format !== "csv") throw new AppError("invalid", `unknown format "${format}" (json or csv)`, { field: "--format" });
      await cli.prepare({ seed: false });
      let count = 0;
      async function* papers() {
        for await (const paper of streamPapers(cli.db())) {
          count++;
          yield paper;
        }
      }
      // Streamed paper by paper: memory stays at a page of papers however large the knowledge base.
      const text = format === "csv" ? recordsCsv(papers()) : recordsJson(papers());
      await pipeline(Readable.from(text), opts.out ? createWriteStream(opts.out) : cli.stdout).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e; // a reader that stops early (| head) is not a failed export
      });
      if (opts.out) cli.err(`wrote ${count} paper(s) to ${opts.out}`);
    });

  program
    .command("stats")
    .description("per paper: materials, synthesis steps, measurements by property")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
      await cli.prepare({ seed: false });
      const stats = await knowledgeBaseStats(cli.db());
      if (opts.json) return cli.out(JSON.stringify(stats, null, 2));
      for (const p of stats.papers) {
        cli.out(`${p.doi}  ${p.title}`);
        cli.out(`  materials ${p.materials}, synthesis steps ${p.synthesisSteps}, measurements ${p.measurements}`);
        for (const [key, n] of Object.entries(p.measurementsByProperty)) cli.out(`    ${key.padEnd(34)} ${n}`);
      }
      cli.out(
        `total: ${stats.totals.papers} papers, ${stats.totals.materials} materials, ${stats.totals.synthesisSteps} synthesis steps, ${stats.totals.measurements} measurements`,
      );
    });
}

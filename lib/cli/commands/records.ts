/** Commands over the knowledge base as records: setup, import, export, stats. */
import type { Command } from "commander";
import { createWriteStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db } from "../../db";
import { prepareDatabase } from "../../db/setup";
import { validateRecordFile, parseRecordJson, RecordValidationError, importRecords, streamPapers, recordsCsv, recordsJson } from "../../records";
import { knowledgeBaseStats } from "../../stats";
import { fail } from "../output";

export function registerRecordCommands(program: Command): void {
  program
    .command("setup")
    .description("apply migrations, sync the catalogues and load seed papers that are missing")
    .option("--no-seed", "do not load seed papers")
    .option("--json", "JSON output")
    .action(async (opts: { seed: boolean; json?: boolean }) => {
      const result = await prepareDatabase({ seed: opts.seed });
      if (opts.json) console.log(JSON.stringify(result, null, 2));
      else {
        console.log(`migrations: ${result.migrations.applied.length} applied, ${result.migrations.alreadyApplied} already applied`);
        console.log(result.seeded.length ? `seeded ${result.seeded.length} paper(s): ${result.seeded.join(", ")}` : "seed: nothing to load");
      }
    });

  program
    .command("import")
    .description("validate a record file and load it, all or nothing")
    .argument("<file>", "JSON record file")
    .option("--json", "JSON output")
    .action(async (file: string, opts: { json?: boolean }) => {
      const json = Boolean(opts.json);
      let input: unknown;
      try {
        input = parseRecordJson(readFileSync(file, "utf8"));
      } catch (e) {
        fail(`${file}: ${e instanceof Error ? e.message : String(e)}`, json);
      }
      let records;
      try {
        records = validateRecordFile(input);
      } catch (e) {
        if (e instanceof RecordValidationError) {
          if (json) fail(`${file}: ${e.errors.length} invalid field(s); nothing was imported`, true, e.errors);
          fail(`${file}: ${e.errors.length} invalid field(s); nothing was imported\n${e.errors.map((x) => `  ${x.path}: ${x.message}`).join("\n")}`, false);
        }
        throw e;
      }
      await prepareDatabase({ seed: false });
      const summary = await importRecords(db(), records);
      if (json) console.log(JSON.stringify(summary, null, 2));
      else for (const p of summary.papers) console.log(`${p.action} ${p.doi}: ${p.materials} materials, ${p.measurements} measurements`);
    });

  program
    .command("export")
    .description("export the whole knowledge base")
    .option("--format <format>", "json or csv", "json")
    .option("--out <file>", "write to a file instead of standard output")
    .option("--json", "same as --format json")
    .action(async (opts: { format: string; out?: string; json?: boolean }) => {
      const format = opts.json ? "json" : opts.format;
      if (format !== "json" && format !== "csv") fail(`unknown format "${format}" (json or csv)`, false);
      await prepareDatabase({ seed: false });
      let count = 0;
      async function* papers() {
        for await (const paper of streamPapers(db())) {
          count++;
          yield paper;
        }
      }
      // Streamed paper by paper: memory stays at a page of papers however large the knowledge base.
      const text = format === "csv" ? recordsCsv(papers()) : recordsJson(papers());
      await pipeline(Readable.from(text), opts.out ? createWriteStream(opts.out) : process.stdout).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== "EPIPE") throw e; // a reader that stops early (| head) is not a failed export
      });
      if (opts.out) console.error(`wrote ${count} paper(s) to ${opts.out}`);
    });

  program
    .command("stats")
    .description("per paper: materials, synthesis steps, measurements by property")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
      await prepareDatabase({ seed: false });
      const stats = await knowledgeBaseStats(db());
      if (opts.json) return console.log(JSON.stringify(stats, null, 2));
      for (const p of stats.papers) {
        console.log(`${p.doi}  ${p.title}`);
        console.log(`  materials ${p.materials}, synthesis steps ${p.synthesisSteps}, measurements ${p.measurements}`);
        for (const [key, n] of Object.entries(p.measurementsByProperty)) console.log(`    ${key.padEnd(34)} ${n}`);
      }
      console.log(`total: ${stats.totals.papers} papers, ${stats.totals.materials} materials, ${stats.totals.synthesisSteps} synthesis steps, ${stats.totals.measurements} measurements`);
    });
}

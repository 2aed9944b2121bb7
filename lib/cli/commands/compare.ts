/** `matlit compare ID_OR_NAME… --json`: materials side by side, with derived figures and flags. */
import type { Command } from "commander";
import { compareMaterials, comparisonToCsv, comparisonToText, CompareError } from "../../compare";
import type { Cli } from "../context";

export function registerCompareCommands(program: Command, cli: Cli): void {
  program
    .command("compare")
    .description('compare 2–8 materials side by side ("DOI/key", numeric id or name; a comma also separates)')
    .argument("<materials...>", 'materials, e.g. 10.1002/smtd.202100188/sbqd-c "FeS2 QD/MXene"')
    .option("--json", "JSON output (the same as GET /api/compare)")
    .option("--csv", "CSV output (the same as GET /api/compare?format=csv)")
    .action(async (materials: string[], opts: { json?: boolean; csv?: boolean }) => {
      await cli.prepare({ seed: false });
      const ids = materials.flatMap((m) => m.split(",")).map((m) => m.trim()).filter(Boolean);
      try {
        const comparison = await compareMaterials(cli.db(), ids);
        if (opts.json) cli.out(JSON.stringify(comparison, null, 2));
        else if (opts.csv) cli.stdout.write(await comparisonToCsv(comparison));
        else cli.out(comparisonToText(comparison));
      } catch (e) {
        if (!(e instanceof CompareError)) throw e;
        if (!opts.json) cli.fail(e.message, false);
        // The same error object as GET /api/compare answers.
        cli.out(JSON.stringify({ error: { message: e.message, field: e.field, ...(e.candidates ? { details: { candidates: e.candidates } } : {}) } }, null, 2));
        cli.exit(1);
      }
    });
}

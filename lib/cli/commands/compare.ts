/** `matlit compare ID_OR_NAME… --json`: materials side by side, with derived figures and flags. */
import type { Command } from "commander";
import { db } from "../../db";
import { prepareDatabase } from "../../db/setup";
import { compareMaterials, comparisonToCsv, comparisonToText, CompareError } from "../../compare";
import { fail } from "../output";

export function registerCompareCommands(program: Command): void {
  program
    .command("compare")
    .description('compare 2–8 materials side by side ("DOI/key", numeric id or name; a comma also separates)')
    .argument("<materials...>", 'materials, e.g. 10.1002/smtd.202100188/sbqd-c "FeS2 QD/MXene"')
    .option("--json", "JSON output (the same as GET /api/compare)")
    .option("--csv", "CSV output (the same as GET /api/compare?format=csv)")
    .action(async (materials: string[], opts: { json?: boolean; csv?: boolean }) => {
      await prepareDatabase({ seed: false });
      const ids = materials.flatMap((m) => m.split(",")).map((m) => m.trim()).filter(Boolean);
      try {
        const comparison = await compareMaterials(db(), ids);
        if (opts.json) console.log(JSON.stringify(comparison, null, 2));
        else if (opts.csv) process.stdout.write(await comparisonToCsv(comparison));
        else console.log(comparisonToText(comparison));
      } catch (e) {
        if (!(e instanceof CompareError)) throw e;
        if (!opts.json) fail(e.message, false);
        // The same error object as GET /api/compare answers.
        console.log(JSON.stringify({ error: { message: e.message, field: e.field, ...(e.candidates ? { details: { candidates: e.candidates } } : {}) } }, null, 2));
        process.exit(1);
      }
    });
}

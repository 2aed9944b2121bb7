/** `matlit compare ID_OR_NAME… --json`: materials side by side, with derived figures and flags. */
import type { Command } from "commander";
import { compareMaterials, comparisonToCsv, comparisonToText } from "../../compare";
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
      const ids = materials
        .flatMap((m) => m.split(","))
        .map((m) => m.trim())
        .filter(Boolean);
      const comparison = await compareMaterials(cli.db(), ids);
      if (opts.json) cli.out(JSON.stringify(comparison, null, 2));
      else if (opts.csv) cli.stdout.write(await comparisonToCsv(comparison));
      else cli.out(comparisonToText(comparison));
    });
}

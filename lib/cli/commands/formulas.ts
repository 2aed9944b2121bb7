/** `matlit formula list` and `matlit formula eval KEY --json '{"inputs": {...}, "unit": "…"}'`. */
import type { Command } from "commander";
import { evaluateFormula, listFormulas } from "../../formulas/evaluate";
import { AppError } from "../../errors";
import type { Cli } from "../context";

export function registerFormulaCommands(program: Command, cli: Cli): void {
  const formula = program.command("formula").description("the shared analysis formulas");
  formula
    .command("list")
    .description("list the formula catalogue")
    .option("--json", "JSON output")
    .action((opts: { json?: boolean }) => {
      const formulas = listFormulas();
      cli.print({ formulas }, Boolean(opts.json), () =>
        formulas
          .map(
            (f) =>
              `${f.key.padEnd(28)} ${f.name}  [${f.variables.map((v) => `${v.name}${v.array ? "[]" : ""}${v.unit && v.unit !== "*" ? ` ${v.unit}` : ""}`).join(", ")}] → ${f.outputUnit || "1"}`,
          )
          .join("\n"),
      );
    });
  formula
    .command("eval")
    .description("evaluate a formula")
    .argument("<key>", "formula key, e.g. energy_density")
    .option("--json <request>", 'request as JSON: {"inputs": {"C": 200, "V_avg": {"value": 3.4, "unit": "V"}}, "unit": "Wh/kg"}')
    .action((key: string, opts: { json?: string }) => {
      let request: unknown;
      try {
        request = JSON.parse(opts.json ?? "{}");
      } catch (e) {
        throw new AppError("invalid", `--json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      cli.out(JSON.stringify(evaluateFormula(key, request as never), null, 2));
    });
}

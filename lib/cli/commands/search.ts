/** `matlit search --json '<query>'`: the search contract on the configured backend. */
import type { Command } from "commander";
import { search, searchBackend } from "../../search";
import { AppError } from "../../errors";
import type { Cli } from "../context";

export function registerSearchCommands(program: Command, cli: Cli): void {
  program
    .command("search")
    .description("search materials by text, facets and metric clauses (see README for the query)")
    .argument("[text]", "free text, when no --json query is given")
    .option("--json <query>", 'search query as JSON, e.g. {"q": "FeS2", "metrics": [{"property": "specific_capacity", "min": 250, "unit": "mAh/g"}]}')
    .action(async (text: string | undefined, opts: { json?: string }) => {
      let query: unknown = text ? { q: text } : {};
      if (opts.json) {
        try {
          query = JSON.parse(opts.json);
        } catch (e) {
          throw new AppError("invalid", `--json is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      await cli.prepare({ seed: false });
      const result = await search(query, searchBackend(cli.db()));
      if (opts.json) return cli.out(JSON.stringify(result, null, 2));
      cli.out(`${result.total} material(s) (${result.backend} search)`);
      for (const m of result.materials) {
        cli.out(`${m.name}  [${m.role}, ${m.batterySystem}]  ${m.paper.journal} ${m.paper.year}  ${m.ref}`);
        for (const x of m.matched) cli.out(`    ${x.display}  ${x.conditions}`);
      }
    });
}

/** `matlit audit`: derived figures and every disagreement between a paper and its own numbers. */
import type { Command } from "commander";
import { auditAll } from "../../formulas/derive";
import type { Cli } from "../context";

export function registerAuditCommands(program: Command, cli: Cli): void {
  program
    .command("audit")
    .description("recompute derived figures from the papers' own numbers and flag disagreements")
    .option("--derived", "also list every derived figure")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean; derived?: boolean }) => {
      await cli.prepare({ seed: false });
      const papers = await auditAll(cli.db());
      if (opts.json) {
        const out = papers.map((p) => ({
          doi: p.doi,
          title: p.title,
          flags: p.flags,
          ...(opts.derived ? { derived: p.derived } : { derivedCount: p.derived.length }),
        }));
        return cli.out(JSON.stringify({ papers: out, flagCount: papers.reduce((n, p) => n + p.flags.length, 0) }, null, 2));
      }
      for (const p of papers) {
        cli.out(`${p.doi}  ${p.title}`);
        cli.out(`  ${p.derived.length} derived figure(s), ${p.flags.length} flag(s)`);
        for (const f of p.flags) cli.out(`  ⚑ ${f.message}\n      formula: ${f.formulaName} (${f.formula}); quote: “${f.stated.quote}”`);
        if (opts.derived) for (const d of p.derived) cli.out(`    ${d.label} = ${d.display}  [${d.formula}]`);
      }
    });
}

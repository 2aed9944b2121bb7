/** `matlit audit`: derived figures and every disagreement between a paper and its own numbers. */
import type { Command } from "commander";
import { db } from "../../db";
import { prepareDatabase } from "../../db/setup";
import { auditAll } from "../../formulas/derive";

export function registerAuditCommands(program: Command): void {
  program
    .command("audit")
    .description("recompute derived figures from the papers' own numbers and flag disagreements")
    .option("--derived", "also list every derived figure")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean; derived?: boolean }) => {
      await prepareDatabase({ seed: false });
      const papers = await auditAll(db());
      if (opts.json) {
        const out = papers.map((p) => ({ doi: p.doi, title: p.title, flags: p.flags, ...(opts.derived ? { derived: p.derived } : { derivedCount: p.derived.length }) }));
        return console.log(JSON.stringify({ papers: out, flagCount: papers.reduce((n, p) => n + p.flags.length, 0) }, null, 2));
      }
      for (const p of papers) {
        console.log(`${p.doi}  ${p.title}`);
        console.log(`  ${p.derived.length} derived figure(s), ${p.flags.length} flag(s)`);
        for (const f of p.flags) console.log(`  ⚑ ${f.message}\n      formula: ${f.formulaName} (${f.formula}); quote: “${f.stated.quote}”`);
        if (opts.derived) for (const d of p.derived) console.log(`    ${d.label} = ${d.display}  [${d.formula}]`);
      }
    });
}

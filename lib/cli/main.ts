/**
 * The `matlit` command line. Each capability registers its commands from lib/cli/commands/;
 * every command takes --json for machine-readable output.
 */
import { Command } from "commander";
import { db } from "../db";
import { registerRecordCommands } from "./commands/records";
import { registerFormulaCommands } from "./commands/formulas";
import { registerSearchCommands } from "./commands/search";
import { registerReindexCommands } from "./commands/reindex";
import { registerAuditCommands } from "./commands/audit";
import { registerUserCommands } from "./commands/users";
import { registerCompareCommands } from "./commands/compare";

const program = new Command()
  .name("matlit")
  .description("matlit: a knowledge base of battery-materials literature")
  .showHelpAfterError();

registerRecordCommands(program);
registerFormulaCommands(program);
registerSearchCommands(program);
registerReindexCommands(program);
registerAuditCommands(program);
registerUserCommands(program);
registerCompareCommands(program);

await program.parseAsync(process.argv);
await db().$disconnect();

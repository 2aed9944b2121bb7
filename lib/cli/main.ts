/**
 * The `matlit` command line. Each capability registers its commands from lib/cli/commands/;
 * every command takes --json for machine-readable output. bin/matlit.js runs it on the process's
 * arguments and streams; tests run it in-process on their own (see lib/cli/context.ts).
 */
import { Command, CommanderError } from "commander";
import { AppError } from "../errors";
import { Cli, type CliOptions } from "./context";
import { reportError, wantsJson } from "./errors";
import { registerRecordCommands } from "./commands/records";
import { registerFormulaCommands } from "./commands/formulas";
import { registerSearchCommands } from "./commands/search";
import { registerReindexCommands } from "./commands/reindex";
import { registerAuditCommands } from "./commands/audit";
import { registerUserCommands } from "./commands/users";
import { registerCompareCommands } from "./commands/compare";
import { registerExtractCommands } from "./commands/extract";

/** Runs one command line (the arguments after `matlit`) and resolves to its exit code. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<number> {
  const cli = new Cli(options);
  const program = new Command()
    .name("matlit")
    .description("matlit: a knowledge base of battery-materials literature")
    .showHelpAfterError()
    // Commander's own exits (help, usage errors) end this run, not the process that runs it.
    .exitOverride()
    .configureOutput({ writeOut: (text) => cli.stdout.write(text), writeErr: (text) => cli.stderr.write(text) });

  registerRecordCommands(program, cli);
  registerFormulaCommands(program, cli);
  registerSearchCommands(program, cli);
  registerReindexCommands(program, cli);
  registerAuditCommands(program, cli);
  registerUserCommands(program, cli);
  registerCompareCommands(program, cli);
  registerExtractCommands(program, cli);

  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof AppError) return reportError(cli, e, wantsJson(argv));
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  } finally {
    await cli.close();
  }
}

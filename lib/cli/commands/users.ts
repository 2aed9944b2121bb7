/** Editor accounts: `matlit user add EMAIL [--admin]`, the password from a prompt or piped stdin. */
import type { Command } from "commander";
import type { ReadStream } from "node:tty";
import { createUser, passwordProblem } from "../../auth";
import { AppError } from "../../errors";
import type { Cli } from "../context";

/** Read all of stdin (piped): the password is its first line. */
async function readPiped(cli: Cli): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of cli.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Ask on the terminal without echoing what is typed. */
function promptHidden(cli: Cli, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = cli.stdin as ReadStream; // a terminal: readPassword asks only then
    cli.stderr.write(question);
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (result: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      cli.stderr.write("\n");
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done(value);
        if (ch === "\u0003") return done(new Error("cancelled"));
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else if (ch >= " ") value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(cli: Cli): Promise<string> {
  if (!cli.stdin.isTTY) return readPiped(cli);
  const first = await promptHidden(cli, "Password (at least 10 characters): ");
  const problem = passwordProblem(first);
  if (problem) return first; // reported by createUser with the same message
  const second = await promptHidden(cli, "Repeat the password: ");
  if (first !== second) throw new AppError("invalid", "the two passwords differ", { field: "password" });
  return first;
}

export function registerUserCommands(program: Command, cli: Cli): void {
  const user = program.command("user").description("editor accounts");
  user
    .command("add")
    .description("create an editor account; the password is asked for, or read from standard input when piped")
    .argument("<email>", "the editor's e-mail address (their sign-in name)")
    .option("--admin", "make the editor an administrator")
    .option("--json", "JSON output")
    .action(async (email: string, opts: { admin?: boolean; json?: boolean }) => {
      const password = await readPassword(cli);
      await cli.prepare({ seed: false });
      const created = await createUser(email, password, { admin: opts.admin, prisma: cli.db() });
      cli.print({ user: created }, Boolean(opts.json), () => `created ${created.isAdmin ? "administrator" : "editor"} ${created.email}`);
    });
}

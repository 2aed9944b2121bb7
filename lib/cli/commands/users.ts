/** Editor accounts: `matlit user add EMAIL [--admin]`, the password from a prompt or piped stdin. */
import type { Command } from "commander";
import { createUser, passwordProblem } from "../../auth";
import { AppError } from "../../errors";
import { prepareDatabase } from "../../db/setup";
import { fail, print } from "../output";

/** Read all of stdin (piped): the password is its first line. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Ask on the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    let value = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (result: string | Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener("data", onData);
      process.stderr.write("\n");
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

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden("Password (at least 10 characters): ");
  const problem = passwordProblem(first);
  if (problem) return first; // reported by createUser with the same message
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new AppError("invalid", "the two passwords differ", { field: "password" });
  return first;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("editor accounts");
  user
    .command("add")
    .description("create an editor account; the password is asked for, or read from standard input when piped")
    .argument("<email>", "the editor's e-mail address (their sign-in name)")
    .option("--admin", "make the editor an administrator")
    .option("--json", "JSON output")
    .action(async (email: string, opts: { admin?: boolean; json?: boolean }) => {
      const json = Boolean(opts.json);
      try {
        const password = await readPassword();
        await prepareDatabase({ seed: false });
        const created = await createUser(email, password, { admin: opts.admin });
        print({ user: created }, json, () => `created ${created.isAdmin ? "administrator" : "editor"} ${created.email}`);
      } catch (e) {
        if (e instanceof AppError) fail(e.message, json);
        throw e;
      }
    });
}

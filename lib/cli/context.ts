/**
 * What a command runs with: its output streams, the input a password is read from, and the
 * database. bin/matlit.js gives it the process's streams and DATABASE_URL; tests give it buffers
 * and their own database, so a command runs in-process exactly as it runs from a shell.
 */
import type { Readable, Writable } from "node:stream";
import { createClient, type PrismaClient } from "../db";
import { databaseFile } from "../db/location";
import { prepareDatabase } from "../db/setup";

export interface CliOptions {
  stdout?: Writable;
  stderr?: Writable;
  /** Where `user add` reads the password: a terminal (prompted) or piped text. */
  stdin?: Readable & { isTTY?: boolean };
  /** The SQLite file, as DATABASE_URL names it (the default). */
  databaseUrl?: string;
}

/** Thrown to end a command with an exit code, as process.exit would in a process of its own. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export class Cli {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  private readonly databaseUrl: string | undefined;
  private client?: PrismaClient;
  private file?: string;

  constructor(options: CliOptions = {}) {
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.stdin = options.stdin ?? process.stdin;
    this.databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  }

  /** The database file; resolved on first use, so commands that need no database create no directory. */
  databaseFile(): string {
    return (this.file ??= databaseFile(this.databaseUrl));
  }

  db(): PrismaClient {
    return (this.client ??= createClient(this.databaseFile()));
  }

  /** Migrates the database and syncs the catalogues (and loads missing seed papers when asked). */
  prepare(options: { seed: boolean }) {
    return prepareDatabase({ seed: options.seed, prisma: this.db(), file: this.databaseFile() });
  }

  /** A line on standard output. */
  out(text: string): void {
    this.stdout.write(`${text}\n`);
  }

  /** A line on standard error. */
  err(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  print(value: unknown, json: boolean, text: () => string): void {
    this.out(json ? JSON.stringify(value, null, 2) : text());
  }

  /** Errors as text on stderr, or as {"error": …} JSON on stdout with --json; exit code 1. */
  fail(message: string, json: boolean, details?: unknown, field?: string): never {
    if (json) this.out(JSON.stringify({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, null, 2));
    else this.err(message);
    this.exit(1);
  }

  exit(code: number): never {
    throw new CliExit(code);
  }

  async close(): Promise<void> {
    await this.client?.$disconnect();
  }
}

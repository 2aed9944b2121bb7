/**
 * What a command runs with: its output streams, the input a password is read from, and the
 * database. bin/matlit.js gives it the process's streams and DATABASE_URL; tests give it buffers
 * and their own database, so a command runs in-process exactly as it runs from a shell.
 */
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { closeClient, createClient, type PrismaClient } from "../db";
import { databaseUrl } from "../db/location";
import { prepareDatabase } from "../db/setup";
import { refreshSearchText } from "../records/store";
import { importMissingPapers, numberedRecordFiles } from "../records/files";

export interface CliOptions {
  stdout?: Writable;
  stderr?: Writable;
  /** Where `user add` reads the password: a terminal (prompted) or piped text. */
  stdin?: Readable & { isTTY?: boolean };
  /** The database, as DATABASE_URL names it (the default): a SQLite file or a PostgreSQL server. */
  databaseUrl?: string;
}

/** The seed's record files, which `matlit setup` loads: data shipped beside the code, read, never imported. */
const SEED_DIR = fileURLToPath(new URL("../../seed/", import.meta.url));

export class Cli {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly stdin: Readable & { isTTY?: boolean };
  private readonly databaseUrl: string | undefined;
  private client?: PrismaClient;

  constructor(options: CliOptions = {}) {
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.stdin = options.stdin ?? process.stdin;
    this.databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  }

  /** The client is made on first use, so commands that need no database create no directory. */
  db(): PrismaClient {
    return (this.client ??= createClient(this.databaseUrl ?? databaseUrl()));
  }

  /** Migrates the database, syncs the catalogues, brings the text index to the current builder, and with `seed` imports the seed papers it lacks. */
  async prepare(options: { seed: boolean }) {
    const loadSeed = (prisma: PrismaClient) => importMissingPapers(prisma, numberedRecordFiles(SEED_DIR));
    const { migrations, loaded } = await prepareDatabase({
      prisma: this.db(),
      url: this.databaseUrl ?? databaseUrl(),
      ...(options.seed ? { load: loadSeed } : {}),
    });
    // Records written by an older text builder are searched as new ones are.
    const searchTextRewritten = await refreshSearchText(this.db());
    return { migrations, seeded: loaded, searchTextRewritten };
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

  async close(): Promise<void> {
    if (this.client) await closeClient(this.client);
  }
}

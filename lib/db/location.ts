import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

/** DATABASE_URL, or the default SQLite file. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? "file:./data/matlit.db";
}

/** A postgresql:// (or postgres://) URL selects PostgreSQL; anything else names a SQLite file. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The SQLite file named by DATABASE_URL ("file:./data/matlit.db" by default, relative to the working directory). */
export function databaseFile(url = databaseUrl()): string {
  if (isPostgresUrl(url)) throw new Error("DATABASE_URL names a PostgreSQL server, not a SQLite file");
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  const file = isAbsolute(path) ? path : resolve(/* turbopackIgnore: true */ process.cwd(), path);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

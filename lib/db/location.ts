import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";

/** The SQLite file named by DATABASE_URL ("file:./data/matlit.db" by default, relative to the working directory). */
export function databaseFile(url = process.env.DATABASE_URL ?? "file:./data/matlit.db"): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  const file = isAbsolute(path) ? path : resolve(/* turbopackIgnore: true */ process.cwd(), path);
  mkdirSync(dirname(file), { recursive: true });
  return file;
}

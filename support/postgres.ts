/**
 * A throwaway PostgreSQL cluster for the tests and the benchmark: Debian's `postgresql` package,
 * initdb in a temporary directory, on a free 127.0.0.1 port, trusting local connections. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the package's `postgres` user.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./net";

export interface PostgresCluster {
  /** A URL of the cluster's `postgres` database, as a user who may create databases. */
  url: string;
  stop: () => void;
}

/** The bin directory of the newest installed PostgreSQL, or null when none is installed. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  if (!bin) throw new Error("PostgreSQL is not installed (apt-get install postgresql), and MATLIT_TEST_POSTGRES names no server");
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })) : undefined;
  const dir = mkdtempSync(join(tmpdir(), "matlit-postgres-"));
  if (owner !== undefined) chownSync(dir, owner, owner);
  const data = join(dir, "data");
  const run = (tool: string, args: string[]) => {
    const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
    const result = spawnSync(command, argv, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  };
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "matlit", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  // fsync off: a test cluster is thrown away, and durability would only slow every commit.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  return {
    url: `postgresql://matlit@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

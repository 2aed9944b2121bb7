/**
 * Vitest global setup: the PostgreSQL server the provider-neutral suites also run on.
 * MATLIT_TEST_POSTGRES names an existing server (a URL of a user who may create databases); else a
 * throwaway cluster is started for the run when Debian's `postgresql` package is installed (`.ci/run`
 * installs it). Without either, the PostgreSQL cases are skipped and the run says so.
 */
import type { TestProject } from "vitest/node";
import { postgresBinaries, startPostgres } from "../../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** The PostgreSQL server's URL, or "" when the run has none. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.MATLIT_TEST_POSTGRES;
  if (given) {
    project.provide("postgresUrl", given);
    return undefined;
  }
  if (!postgresBinaries()) {
    console.warn("PostgreSQL is not installed and MATLIT_TEST_POSTGRES is unset: the PostgreSQL cases are skipped");
    project.provide("postgresUrl", "");
    return undefined;
  }
  const cluster = await startPostgres();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}

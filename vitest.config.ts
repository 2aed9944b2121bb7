import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

/** Files that run against the production server (test/helpers/app.ts). */
const APP_FILES = ["test/e2e/**/*.test.ts", "test/api/**/*.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Search runs on the embedded index unless a test starts Meilisearch itself.
    env: { MEILISEARCH_HOST: "" },
    // Two files at a time on two cores: much of a file's time is spent waiting for a server, Chromium or Meilisearch.
    maxWorkers: 2,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
    projects: [
      // A throwaway PostgreSQL (or MATLIT_TEST_POSTGRES) for the suites that run on both providers.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: APP_FILES, globalSetup: ["test/helpers/postgres-global-setup.ts"] } },
      // The build, the seeded database, the shared server and Chromium are made once, and only when app files run; PostgreSQL for the servers on it.
      { extends: true, test: { name: "app", include: APP_FILES, globalSetup: ["test/helpers/app-global-setup.ts", "test/helpers/postgres-global-setup.ts"] } },
    ],
  },
});

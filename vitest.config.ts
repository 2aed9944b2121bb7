import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // Two cores: files run one at a time, so the end-to-end server and Meilisearch have the machine.
    fileParallelism: false,
    reporters: ["default", ["json", { outputFile: "test-results/vitest.json" }]],
  },
});

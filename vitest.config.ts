import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    // Rebuilds build/index.js when a source is newer, so integration tests never run an old build.
    globalSetup: ["tests/support/build-freshness.ts"],
    // Integration tests each start their own server on its own database file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

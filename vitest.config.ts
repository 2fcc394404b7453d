import { defineConfig } from "vitest/config";

// unit: pure tests (x.test.ts). int: against a real PostgreSQL (x.int.test.ts) — DATABASE_URL when set,
// otherwise an embedded server started once by the global setup. Browser tests live in e2e/ (scripts/e2e.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "int",
          include: ["src/**/*.int.test.ts"],
          globalSetup: ["src/platform/testing/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file gets its own database; two files at a time keeps 2 cores busy without thrashing.
          maxWorkers: 2,
        },
      },
    ],
  },
});

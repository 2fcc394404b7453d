import { defineConfig } from "vitest/config";

// unit: pure tests (x.test.ts). int: against a real PostgreSQL (x.int.test.ts) — DATABASE_URL when set,
// otherwise an embedded server started once by the global setup. e2e: the browser tests in e2e/ (Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "bench/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
          testTimeout: 30_000,
          sequence: { groupOrder: 0 },
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
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          // Finds Chromium (or says plainly that the browser tests are skipped), starts Storona with a demo.
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});

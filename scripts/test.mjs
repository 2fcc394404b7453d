// `npm test`: unit, integration (real PostgreSQL) and browser (Chromium) tests in one Vitest run,
// then one plain closing line with the totals. Extra arguments go to Vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";

fs.mkdirSync("test-results", { recursive: true });
const out = "test-results/vitest.json";
fs.rmSync(out, { force: true });
const db = process.env.DATABASE_URL
  ? `PostgreSQL server at ${new URL(process.env.DATABASE_URL).host}`
  : "embedded PostgreSQL";
console.log(`Running tests against the ${db}.`);
const run = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${out}`,
    ...process.argv.slice(2),
  ],
  { stdio: "inherit" },
);
let code = run.status ?? 1;
if (fs.existsSync(out)) {
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
  if (r.numTotalTests === 0) {
    console.log("No test ran.");
    code = 1;
  }
} else {
  console.log("\nTests: 0 passed, 1 failed (Vitest wrote no results)");
  code = code || 1;
}
process.exit(code);

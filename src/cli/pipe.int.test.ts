import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataFile } from "../platform/testing/shared-data.ts";
import { projectRoot } from "./server.ts";

/**
 * Runs the CLI with its output going to a reader that has already gone (`storona … | head -0`). The
 * sources run directly, as bin/storona.js runs them without esbuild; there the unhandled EPIPE crashed
 * every time, while the bundle's timing hid it only most of the time.
 */
function runIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(projectRoot, "src/cli/main.ts"), ...args],
    {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("the command line, read by a reader that stops early", () => {
  it("stops writing quietly instead of crashing on EPIPE", async () => {
    for (const args of [
      ["--help"],
      ["money", "fit", "--in", `${sharedDataFile("cdnow")}/cdnow_customers_summary.csv`, "--model", "bgnbd"],
    ]) {
      const { code, stderr } = await runIntoClosedPipe(args);
      expect(stderr, args.join(" ")).not.toMatch(/EPIPE|Error/);
      expect(code, args.join(" ")).toBe(0);
    }
  }, 60_000);
});

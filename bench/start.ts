import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `npm run bench -- start`: how long a second `storona start` takes (data already there) from spawning Node to
 * the printed address, beside the same-run reference of spawning Node to print one line. Target: under 5 s.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function timeStart(home: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, "bin/storona.js"), "start"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", STORONA_HOME: home, PORT: "0", STORONA_DEMO_CUSTOMERS: "300" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => {
      out += String(d);
      if (out.includes("Storona is running at")) {
        const ms = performance.now() - t0;
        child.on("exit", () => resolve(ms));
        child.kill("SIGINT");
      }
    });
    child.on("error", reject);
  });
}

function timeNode(): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const c = spawn(process.execPath, ["-e", "console.log(1)"], { stdio: "ignore" });
    c.on("exit", () => resolve(performance.now() - t0));
  });
}

export async function runStartBench(): Promise<void> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "storona-bench-start-"));
  fs.chmodSync(home, 0o755);
  try {
    const first = await timeStart(home);
    const seconds: number[] = [];
    for (let i = 0; i < 3; i++) seconds.push(await timeStart(home));
    const node = await timeNode();
    const best = Math.min(...seconds);
    console.log(
      `  first start (creates the database, builds a 300-customer demo): ${(first / 1000).toFixed(1)} s`,
    );
    console.log(
      `  second start, best of 3: ${(best / 1000).toFixed(2)} s (runs: ${seconds.map((s) => (s / 1000).toFixed(2)).join(", ")}); target < 5 s`,
    );
    console.log(
      `  reference, bare Node start: ${(node / 1000).toFixed(2)} s → ratio ${(best / node).toFixed(1)}×`,
    );
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await runStartBench();

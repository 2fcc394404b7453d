#!/usr/bin/env node
// Runs Storona's server code. The TypeScript sources are bundled once into dist/server (esbuild, well under a
// second) and rebuilt when a source file is newer than the bundle; without esbuild, tsx runs the sources directly.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist/server");
const bundle = path.join(outdir, "main.js");

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "web") newest = Math.max(newest, newestSource(p));
    } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
      newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  }
  return newest;
}

async function ensureBundle() {
  const src = path.join(root, "src");
  if (fs.existsSync(bundle) && (!fs.existsSync(src) || fs.statSync(bundle).mtimeMs >= newestSource(src)))
    return true;
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    return false;
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { main: path.join(root, "src/cli/main.ts") },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    splitting: true,
    outdir,
    logLevel: "warning",
  });
  return true;
}

// `import` streams files of any size in small batches, but V8 lets an unbounded heap grow lazily to several
// hundred MB. It runs in a child with a capped heap (STORONA_IMPORT_HEAP_MB, default 192; 0 = no cap), which
// exits at once if this process is killed, even with kill -9 (the import resumes on the next run).
const heapMb = Number(process.env.STORONA_IMPORT_HEAP_MB ?? 192);
const capped = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) =>
  a.includes("max-old-space-size"),
);
if (process.argv[2] === "import" && heapMb > 0 && !capped && !process.env.STORONA_IMPORT_CHILD) {
  const { spawn } = await import("node:child_process");
  const child = spawn(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...process.env, STORONA_IMPORT_CHILD: String(process.pid) } },
  );
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code, signal) =>
    process.exit(code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 1)),
  );
} else {
  if (process.env.STORONA_IMPORT_CHILD) {
    const parent = Number(process.env.STORONA_IMPORT_CHILD);
    setInterval(() => {
      if (process.ppid !== parent) process.exit(137);
    }, 250).unref();
  }
  await run();
}

async function run() {
  if (await ensureBundle()) {
    await import(pathToFileURL(bundle).href);
  } else {
    const { register } = await import("tsx/esm/api");
    register();
    await import("../src/cli/main.ts");
  }
}

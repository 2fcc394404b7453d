#!/usr/bin/env node
// Runs Storona's server code. The TypeScript sources are bundled once into dist/server (esbuild, well under a
// second) and rebuilt when a source file is newer than the bundle; without esbuild, tsx runs the sources directly.
import fs from "node:fs";
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

if (await ensureBundle()) {
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}

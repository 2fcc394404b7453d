// Builds the web app (src/web → dist/web) with Vite. It is the npm `prepare` script, so `npm install`
// runs it: quiet unless something is wrong, and a non-zero exit when the build fails.
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let vite;
try {
  vite = await import("vite");
} catch {
  // A production install (--omit=dev) has no Vite; the server then serves a previously built dist/web.
  console.log("build-web: Vite is not installed (production install?); the web app was not rebuilt.");
  process.exit(0);
}

const started = Date.now();
try {
  await vite.build({ configFile: path.join(root, "vite.config.ts"), logLevel: "error" });
  console.log(`build-web: dist/web built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`build-web: the web app failed to build:\n${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

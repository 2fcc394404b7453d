import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { projectRoot, startServer } from "../src/cli/server.ts";
import { loadConfig } from "../src/platform/config.ts";
import startDatabaseServer from "../src/platform/testing/global-setup.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Chromium's executable, or "" when it is missing (the browser tests then skip). */
    chromiumPath: string;
    baseUrl: string;
    demo: { email: string; password: string; workspaceSlug: string } | null;
  }
}

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
}

function ensureWebBuilt(): void {
  if (fs.existsSync(path.join(projectRoot, "dist/web/index.html"))) return;
  const run = spawnSync(process.execPath, [path.join(projectRoot, "scripts/build-web.mjs")], {
    stdio: "inherit",
  });
  if (run.status !== 0) throw new Error("The web app failed to build (node scripts/build-web.mjs)");
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The browser tests' world: Chromium (or a plain skip), a fresh database on the server the run uses
 * (DATABASE_URL or the embedded one, started by the integration tests' own global setup), and Storona
 * itself in-process with a small demo, serving the built web app.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = findChromium();
  project.provide("baseUrl", "");
  project.provide("demo", null);
  if (!chromium) {
    console.log(
      "Browser tests skipped: Chromium not found (install Debian's chromium package or set CHROMIUM_PATH)",
    );
    project.provide("chromiumPath", "");
    return async () => {};
  }
  project.provide("chromiumPath", chromium);
  ensureWebBuilt();

  const stopDatabaseServer = await startDatabaseServer(project);
  const adminUrl = project.getProvidedContext().adminDatabaseUrl;
  const name = `storona_e2e_${randomBytes(5).toString("hex")}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
    const config = loadConfig({
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: url.toString(),
      STORONA_DEMO: "1",
      STORONA_DEMO_CUSTOMERS: "300",
      STORONA_LOG_LEVEL: "warn",
    });
    server = await startServer(config);
  } catch (error) {
    await stopDatabaseServer();
    throw error;
  }
  project.provide("baseUrl", server.url);
  project.provide("demo", server.demo ?? null);

  return async () => {
    await server.close();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await stopDatabaseServer();
  };
}

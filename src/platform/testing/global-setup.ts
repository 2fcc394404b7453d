import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbedded } from "../db/embedded.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

/** Starts one embedded PostgreSQL for the whole integration run unless DATABASE_URL points at a server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide("adminDatabaseUrl", given);
    return async () => {};
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "storona-test-"));
  fs.chmodSync(home, 0o755); // as root, PostgreSQL runs as 'postgres', which must enter this folder
  const server = await startEmbedded({ home });
  project.provide("adminDatabaseUrl", server.url);
  return async () => {
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  };
}

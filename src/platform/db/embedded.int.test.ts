import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { firstBlockedFolder, startEmbedded } from "./embedded.ts";

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

describe("embedded PostgreSQL traps", () => {
  it("finds the first folder another account cannot enter", () => {
    const top = fs.mkdtempSync(path.join(os.tmpdir(), "storona-perm-"));
    const inner = path.join(top, "a", "b");
    fs.mkdirSync(inner, { recursive: true });
    fs.chmodSync(top, 0o700);
    const stranger = { uid: 54_321, gid: 54_321 };
    expect(firstBlockedFolder(inner, stranger)).toBe(top);
    fs.chmodSync(top, 0o755);
    expect(firstBlockedFolder(inner, stranger)).toBeUndefined();
    fs.rmSync(top, { recursive: true, force: true });
  });

  // As root the server runs as 'postgres'; a home under a 0700 folder must not crash the start.
  it.skipIf(!isRoot)(
    "as root, moves the cluster out of a folder 'postgres' cannot enter and says so",
    async () => {
      const locked = fs.mkdtempSync(path.join(os.tmpdir(), "storona-locked-"));
      fs.chmodSync(locked, 0o700);
      const notes: string[] = [];
      const server = await startEmbedded({ home: path.join(locked, "home"), note: (l) => notes.push(l) });
      try {
        expect(server.dataDir.startsWith("/var/lib/storona/")).toBe(true);
        expect(notes.join("\n")).toMatch(/cannot enter .*storona-locked-/);
        const c = new pg.Client({ connectionString: server.url });
        await c.connect();
        expect((await c.query("SELECT 1 AS one")).rows[0].one).toBe(1);
        await c.end();
      } finally {
        await server.stop();
        fs.rmSync(path.dirname(server.dataDir), { recursive: true, force: true });
        fs.rmSync(locked, { recursive: true, force: true });
      }
    },
  );
});

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";

/** Numbered SQL files in migrations/ (0001_name.sql, ...), each applied once, in order, in its own transaction. */
export const migrationsDir = findMigrations(path.dirname(fileURLToPath(import.meta.url)));

// The sources run from src/platform/db, the bundle from dist/server: look upward for the project's migrations/.
function findMigrations(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "migrations");
    if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(from, "../../../migrations");
  }
}

export type Migration = { version: number; name: string; sql: string };

export function readMigrations(dir = migrationsDir): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f));
  const list = files
    .map((f) => ({
      version: Number(f.slice(0, 4)),
      name: f,
      sql: fs.readFileSync(path.join(dir, f), "utf8"),
    }))
    .sort((a, b) => a.version - b.version);
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version === list[i - 1]!.version) {
      throw new Error(
        `Two migrations share version ${list[i]!.version}: ${list[i - 1]!.name}, ${list[i]!.name}`,
      );
    }
  }
  return list;
}

// Any constant: several processes starting at once must not migrate twice.
const LOCK_KEY = 7_345_112_901;

export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS schema_migration (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
    const done = new Set(
      (await client.query<{ version: number }>("SELECT version FROM schema_migration")).rows.map(
        (r) => r.version,
      ),
    );
    const applied: string[] = [];
    for (const m of readMigrations(dir)) {
      if (done.has(m.version)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migration (version, name) VALUES ($1, $2)", [
          m.version,
          m.name,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(e as Error).message}`);
      }
      applied.push(m.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    client.release();
  }
}

import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../db/migrate.ts";
import { type Database, openDatabase } from "../db/pool.ts";

export type TestDatabase = Database & { url: string; drop: () => Promise<void> };

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated database of its own for one test file, on the server the run uses
 * (DATABASE_URL or the embedded one). Call drop() in afterAll. `migrated: false` leaves it empty (a test of
 * the migrations themselves).
 */
export async function createTestDatabase(o: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const admin = inject("adminDatabaseUrl");
  const name = `storona_t_${randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = withDatabase(admin, name);
  const database = openDatabase(url, { max: 5 });
  if (o.migrated ?? true) await migrate(database.pool);
  return {
    ...database,
    url,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

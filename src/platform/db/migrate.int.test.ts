import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { migrate, readMigrations } from "./migrate.ts";

describe("migrations", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("applies every migration once and is a no-op the second time", async () => {
    const count = (await t.pool.query("SELECT count(*)::int AS n FROM schema_migration")).rows[0].n;
    expect(count).toBe(readMigrations().length);
    expect(await migrate(t.pool)).toEqual([]);
  });

  it("starts every data table's primary key with workspace_id", async () => {
    const rows = (
      await t.pool.query<{ table_name: string; first: string }>(`
        SELECT c.relname AS table_name, a.attname AS first
        FROM pg_constraint k
        JOIN pg_class c ON c.oid = k.conrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.conkey[1]
        WHERE k.contype = 'p' AND n.nspname = 'public'`)
    ).rows;
    const global = new Set(["app_user", "workspace", "user_session", "schema_migration"]);
    const offenders = rows.filter((r) => !global.has(r.table_name) && r.first !== "workspace_id");
    expect(rows.length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });
});

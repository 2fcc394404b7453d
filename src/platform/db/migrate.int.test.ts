import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { migrate, migrationsDir, readMigrations } from "./migrate.ts";

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

describe("the customer table partitioned by workspace (0012)", () => {
  let t: TestDatabase;
  const before = fs.mkdtempSync(path.join(os.tmpdir(), "storona-migrations-"));
  beforeAll(async () => {
    t = await createTestDatabase({ migrated: false });
    for (const m of readMigrations().filter((m) => m.version < 12))
      fs.copyFileSync(path.join(migrationsDir, m.name), path.join(before, m.name));
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(before, { recursive: true, force: true });
  });

  it("keeps every customer, id, referrer and link, and the keys and delete rules, when it upgrades a database", async () => {
    await migrate(t.pool, before);
    const q = (sql: string, params: unknown[] = []) => t.pool.query(sql, params);
    const ws = (await q("INSERT INTO workspace (slug, name) VALUES ('up', 'Up') RETURNING id")).rows[0].id;
    const made = await q(
      `INSERT INTO customer (workspace_id, external_id, name, attributes) VALUES ($1, 'a', 'Ann', '{"tier": 2}'),
       ($1, 'b', 'Bo', '{}') RETURNING id, external_id`,
      [ws],
    );
    const id = Object.fromEntries(made.rows.map((r) => [r.external_id, Number(r.id)]));
    await q("UPDATE customer SET referred_by_id = $2 WHERE workspace_id = $1 AND external_id = 'b'", [
      ws,
      id.a,
    ]);
    await q(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at)
       VALUES ($1, 'r1', $2, 'email', 'complaint', now())`,
      [ws, id.b],
    );
    await q(
      `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency)
       VALUES ($1, 'o1', $2, now(), 100, 100, 'UAH')`,
      [ws, id.a],
    );

    expect(await migrate(t.pool)).toEqual(
      readMigrations()
        .filter((m) => m.version >= 12)
        .map((m) => m.name),
    );

    const rows = await q(
      `SELECT c.external_id, c.id::int, c.name, c.attributes, r.external_id AS referrer, c.tableoid::regclass::text AS part
       FROM customer c LEFT JOIN customer r ON r.workspace_id = c.workspace_id AND r.id = c.referred_by_id
       WHERE c.workspace_id = $1 ORDER BY 1`,
      [ws],
    );
    expect(rows.rows).toEqual([
      {
        external_id: "a",
        id: id.a,
        name: "Ann",
        attributes: { tier: 2 },
        referrer: null,
        part: "customer_shared",
      },
      { external_id: "b", id: id.b, name: "Bo", attributes: {}, referrer: "a", part: "customer_shared" },
    ]);
    // New ids continue after the old ones; the keys still hold.
    const c = await q("INSERT INTO customer (workspace_id, external_id) VALUES ($1, 'c') RETURNING id", [ws]);
    expect(Number(c.rows[0].id)).toBeGreaterThan(Math.max(id.a!, id.b!));
    await expect(
      q("INSERT INTO customer (workspace_id, external_id) VALUES ($1, 'a')", [ws]),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      q(
        `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at)
         VALUES ($1, 'r2', 999999, 'email', 'question', now())`,
        [ws],
      ),
    ).rejects.toThrow(/foreign key/);
    // A customer with requests cannot go; deleting a referrer clears the link and takes their orders along.
    await expect(q("DELETE FROM customer WHERE id = $1", [id.b])).rejects.toThrow(/foreign key/);
    await q("DELETE FROM customer WHERE id = $1", [id.a]);
    const after = await q(
      `SELECT (SELECT referred_by_id FROM customer WHERE id = $2) AS referrer,
              (SELECT count(*)::int FROM orders WHERE workspace_id = $1) AS orders`,
      [ws, id.b],
    );
    expect(after.rows[0]).toEqual({ referrer: null, orders: 0 });
  });
});

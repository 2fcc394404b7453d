import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { generateDemo } from "./generate.ts";
import { type DemoProgress, loadDemo } from "./store.ts";

const options = { seed: 11, customers: 400, endDate: new Date("2026-03-01T00:00:00Z") };

describe("loadDemo", () => {
  let db: TestDatabase;
  let workspaceId: number;
  const phases: DemoProgress[] = [];
  const expected = {
    customers: 0,
    orders: 0,
    requests: 0,
    feedback: 0,
    referred: 0,
    withOrder: 0,
    withRequest: 0,
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const ws = await db.pool.query<{ id: number }>(
      "INSERT INTO workspace (slug, name) VALUES ('demo-test', 'Demo') RETURNING id",
    );
    workspaceId = ws.rows[0]!.id;
    for (const b of generateDemo(options).bundles()) {
      expected.customers++;
      expected.orders += b.orders.length;
      expected.requests += b.requests.length;
      expected.feedback += b.feedback.length;
      if (b.customer.referredBy) expected.referred++;
      for (const f of b.feedback) {
        if (f.order) expected.withOrder++;
        if (f.request) expected.withRequest++;
      }
    }
  });

  afterAll(async () => {
    await db?.drop();
  });

  it("writes exactly what the generator produced, with every reference resolved", async () => {
    const result = await loadDemo(db.pool, workspaceId, options, (p) => phases.push(p));
    // The test server runs as a superuser, so the load takes the fast path.
    expect(result.foreignKeyChecks).toBe("resolved by join");
    expect(result).toMatchObject({
      customers: expected.customers,
      orders: expected.orders,
      requests: expected.requests,
      feedback: expected.feedback,
      locations: 4,
      initiatives: 3,
    });
    const q = async (sql: string) => Number((await db.pool.query(sql, [workspaceId])).rows[0].n);
    expect(await q("SELECT count(*) AS n FROM customer WHERE workspace_id = $1")).toBe(expected.customers);
    expect(await q("SELECT count(*) AS n FROM orders WHERE workspace_id = $1")).toBe(expected.orders);
    expect(await q("SELECT count(*) AS n FROM request WHERE workspace_id = $1")).toBe(expected.requests);
    expect(await q("SELECT count(*) AS n FROM feedback WHERE workspace_id = $1")).toBe(expected.feedback);
    expect(await q("SELECT count(*) AS n FROM location WHERE workspace_id = $1")).toBe(4);
    expect(await q("SELECT count(*) AS n FROM initiative WHERE workspace_id = $1")).toBe(3);
    expect(
      await q("SELECT count(*) AS n FROM customer WHERE workspace_id = $1 AND referred_by_id IS NOT NULL"),
    ).toBe(expected.referred);
    expect(
      await q("SELECT count(*) AS n FROM feedback WHERE workspace_id = $1 AND order_id IS NOT NULL"),
    ).toBe(expected.withOrder);
    expect(
      await q("SELECT count(*) AS n FROM feedback WHERE workspace_id = $1 AND request_id IS NOT NULL"),
    ).toBe(expected.withRequest);
    // Every order and every request with a location points at one of the workspace's locations.
    expect(await q("SELECT count(*) AS n FROM orders WHERE workspace_id = $1 AND location_id IS NULL")).toBe(
      0,
    );
    // A referred customer's first order carries the same referrer.
    expect(
      await q(`SELECT count(*) AS n FROM customer c
               WHERE c.workspace_id = $1 AND c.referred_by_id IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = c.id
                                 AND o.referred_by_id = c.referred_by_id)`),
    ).toBe(0);
  });

  it("sets the workspace up as the demo retailer", async () => {
    const ws = await db.pool.query(
      "SELECT currency, time_zone, is_demo, settings FROM workspace WHERE id = $1",
      [workspaceId],
    );
    const row = ws.rows[0];
    expect(row.currency).toBe("UAH");
    expect(row.time_zone).toBe("Europe/Kyiv");
    expect(row.is_demo).toBe(true);
    expect(row.settings.workingHours.contactCentre.mon).toEqual([{ from: "09:00", to: "18:00" }]);
    expect(row.settings.workingHours.contactCentre.sat).toEqual([]);
    expect(row.settings.demo).toMatchObject({ seed: 11, customers: 400 });
  });

  it("keeps the ground truth out of the database", async () => {
    const leaked = await db.pool.query(
      `SELECT count(*) AS n FROM request WHERE workspace_id = $1
         AND (problem_id IS NOT NULL OR text ~ '(late_delivery|long_queue|rude_guard|dirty_toilet)')`,
      [workspaceId],
    );
    expect(Number(leaked.rows[0].n)).toBe(0);
  });

  it("reports progress through every phase", () => {
    const seen = new Set(phases.map((p) => p.phase));
    expect([...seen]).toEqual(["prepare", "load", "finish"]);
    const loads = phases.filter((p) => p.phase === "load").map((p) => p.done);
    expect(loads[0]).toBe(0);
    expect(loads).toEqual([...loads].sort((a, b) => a - b));
    expect(phases.filter((p) => p.phase === "load").at(-1)).toEqual({ phase: "load", done: 400, total: 400 });
  });

  it("refuses a workspace that already has data and leaves it untouched", async () => {
    const before = await db.pool.query("SELECT count(*) AS n FROM orders WHERE workspace_id = $1", [
      workspaceId,
    ]);
    await expect(loadDemo(db.pool, workspaceId, options)).rejects.toBeInstanceOf(AppError);
    const after = await db.pool.query("SELECT count(*) AS n FROM orders WHERE workspace_id = $1", [
      workspaceId,
    ]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it("never silences a table's own triggers: with one present, PostgreSQL checks every reference", async () => {
    await db.pool.query(`
      CREATE TABLE demo_trigger_seen (n integer NOT NULL);
      INSERT INTO demo_trigger_seen VALUES (0);
      CREATE FUNCTION demo_count_request() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN UPDATE demo_trigger_seen SET n = n + 1; RETURN NEW; END $$;
      CREATE TRIGGER demo_count_request AFTER INSERT ON request FOR EACH ROW EXECUTE FUNCTION demo_count_request();`);
    try {
      const ws = await db.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name) VALUES ('demo-trigger', 'Trigger') RETURNING id",
      );
      const result = await loadDemo(db.pool, ws.rows[0]!.id, { ...options, customers: 60 });
      expect(result.foreignKeyChecks).toBe("per row");
      const seen = await db.pool.query("SELECT n FROM demo_trigger_seen");
      expect(seen.rows[0].n).toBe(result.requests);
    } finally {
      await db.pool.query("DROP TRIGGER demo_count_request ON request; DROP FUNCTION demo_count_request()");
    }
  });

  it("leaves nothing behind when a load fails half-way", async () => {
    const ws = await db.pool.query<{ id: number }>(
      "INSERT INTO workspace (slug, name) VALUES ('demo-fail', 'Fail') RETURNING id",
    );
    const id = ws.rows[0]!.id;
    const failing = loadDemo(db.pool, id, { ...options, customers: 50 }, (p) => {
      if (p.phase === "load" && p.done > 0) throw new Error("interrupted");
    });
    await expect(failing).rejects.toThrow("interrupted");
    const left = await db.pool.query(
      `SELECT (SELECT count(*) FROM customer WHERE workspace_id = $1)
            + (SELECT count(*) FROM orders WHERE workspace_id = $1)
            + (SELECT count(*) FROM location WHERE workspace_id = $1)
            + (SELECT count(*) FROM initiative WHERE workspace_id = $1) AS n,
              (SELECT is_demo FROM workspace WHERE id = $1) AS is_demo`,
      [id],
    );
    expect(Number(left.rows[0].n)).toBe(0);
    expect(left.rows[0].is_demo).toBe(false);
  });
});

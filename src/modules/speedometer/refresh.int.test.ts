import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom } from "../../platform/stats/random.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { rebuild, refresh } from "./store.ts";
import {
  addCustomers,
  addFeedback,
  addLocations,
  addOrders,
  addRequests,
  addSegment,
  createFixtureWorkspace,
  type FixtureOrder,
  snapshot,
} from "./test-fixture.ts";

/** Each kept history's customer and a digest of its bytes, in customer order. */
async function keptHistories(pool: TestDatabase["pool"], ws: number): Promise<unknown[]> {
  const r = await pool.query(
    `SELECT customer_id::text AS customer, md5(history) AS digest FROM speedometer_customer
     WHERE workspace_id = $1 ORDER BY customer_id`,
    [ws],
  );
  return r.rows;
}

/** Seeded random workspaces: after any batch of changes, a refresh must leave exactly what a rebuild gives. */
describe("incremental refresh equals a full rebuild", () => {
  let t: TestDatabase;
  let ws: number;
  const rng = createRandom(2024);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)]!;
  const day = (d: number) =>
    new Date(Date.UTC(2023, 0, 1) + d * 86_400_000 + rng.int(86_400) * 1000).toISOString();
  let orderSeq = 0;
  let reqSeq = 0;
  let fbSeq = 0;

  function orders(customers: number, n: number, fromDay: number, toDay: number): FixtureOrder[] {
    return Array.from({ length: n }, () => {
      const amount = 100 + rng.int(5000);
      const s = rng.uniform();
      return {
        ext: `o${++orderSeq}`,
        customer: `c${1 + rng.int(customers)}`,
        at: day(fromDay + rng.int(toDay - fromDay)),
        amount,
        list: rng.uniform() < 0.3 ? amount + 100 : amount,
        status: s < 0.08 ? "cancelled" : s < 0.12 ? "returned" : "completed",
        wait: rng.uniform() < 0.2 ? 1 + rng.int(10) : 0,
        location: pick(["A", "B", "C", null]),
        channel: pick(["store", "online", null]),
        referredBy: rng.uniform() < 0.05 ? "c1" : null,
      } as FixtureOrder;
    });
  }
  const complaints = (customers: number, n: number, fromDay: number, toDay: number) =>
    Array.from({ length: n }, () => ({
      ext: `r${++reqSeq}`,
      customer: `c${1 + rng.int(customers)}`,
      at: day(fromDay + rng.int(toDay - fromDay)),
      kind: pick(["complaint", "complaint", "question"] as const),
      channel: pick(["email", "phone", "telegram"]),
      location: pick(["A", "B", null]),
    }));
  const answers = (customers: number, n: number, fromDay: number, toDay: number) =>
    Array.from({ length: n }, () => {
      const kind = pick(["nps", "csat", "ces"] as const);
      return {
        ext: `f${++fbSeq}`,
        customer: `c${1 + rng.int(customers)}`,
        at: day(fromDay + rng.int(toDay - fromDay)),
        kind,
        score: kind === "nps" ? rng.int(11) : kind === "csat" ? 1 + rng.int(5) : 1 + rng.int(7),
        location: pick(["A", "B", null]),
        channel: pick(["email", null]),
      };
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createFixtureWorkspace(t.pool, {
      slug: "rnd",
      timeZone: "Europe/Kyiv",
      settings: { speedometer: { windowDays: 45 } },
    });
    await addLocations(t.pool, ws, ["A", "B", "C"]);
    await addCustomers(
      t.pool,
      ws,
      Array.from({ length: 300 }, (_, i) => `c${i + 1}`),
      { c7: "c1", c9: "c2" },
    );
    await addOrders(t.pool, ws, orders(300, 1500, 0, 500));
    await addRequests(t.pool, ws, complaints(300, 200, 0, 500));
    await addFeedback(t.pool, ws, answers(300, 300, 0, 500));
    await addSegment(
      t.pool,
      ws,
      "Big",
      Array.from({ length: 60 }, (_, i) => `c${i * 5 + 1}`),
    );
    await addSegment(
      t.pool,
      ws,
      "Target",
      Array.from({ length: 40 }, (_, i) => `c${i * 3 + 2}`),
    );
    await rebuild(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  const now = async () => new Date((await t.pool.query("SELECT clock_timestamp() AS n")).rows[0].n);
  const touch = (sql: string, params: unknown[]) => t.pool.query(sql, params);

  for (const round of [1, 2, 3]) {
    it(`round ${round}: new and changed orders, complaints, referrals and answers`, async () => {
      const since = await now();
      await new Promise((r) => setTimeout(r, 10));
      await addCustomers(t.pool, ws, [`n${round}a`, `n${round}b`], { [`n${round}a`]: "c3" });
      await addOrders(t.pool, ws, [
        ...orders(300, 80, 350, 560),
        { ext: `new${round}`, customer: `n${round}a`, at: day(540), amount: 900 },
      ]);
      // Status, time, amount and location changes on existing orders (the importer bumps updated_at).
      await touch(
        `UPDATE orders SET status = CASE WHEN status = 'completed' THEN 'cancelled' ELSE 'completed' END, updated_at = now()
         WHERE workspace_id = $1 AND id IN (SELECT id FROM orders WHERE workspace_id = $1 ORDER BY md5(id::text || $2) LIMIT 40)`,
        [ws, String(round)],
      );
      await touch(
        `UPDATE orders SET ordered_at = ordered_at - interval '70 days', amount = amount + 1, location_id = NULL,
           updated_at = now()
         WHERE workspace_id = $1 AND id IN (SELECT id FROM orders WHERE workspace_id = $1 ORDER BY md5(id::text || $2 || 'x') LIMIT 30)`,
        [ws, String(round)],
      );
      await addRequests(t.pool, ws, complaints(300, 20, 400, 560));
      await touch(
        `UPDATE request SET kind = CASE WHEN kind = 'complaint' THEN 'question' ELSE 'complaint' END, updated_at = now()
         WHERE workspace_id = $1 AND id IN (SELECT id FROM request WHERE workspace_id = $1 ORDER BY md5(id::text || $2) LIMIT 15)`,
        [ws, String(round)],
      );
      await touch(
        `UPDATE customer SET referred_by_id = CASE WHEN referred_by_id IS NULL THEN id ELSE NULL END, updated_at = now()
         WHERE workspace_id = $1 AND external_id IN ('c11', 'c12', 'c13')`,
        [ws],
      );
      await addFeedback(t.pool, ws, answers(300, 30, 300, 560));
      await touch(
        `UPDATE feedback SET score = CASE WHEN kind = 'nps' THEN 10 ELSE 1 END, updated_at = now()
         WHERE workspace_id = $1 AND id IN (SELECT id FROM feedback WHERE workspace_id = $1 ORDER BY md5(id::text || $2) LIMIT 10)`,
        [ws, String(round)],
      );
      const res = await refresh(t.pool, ws, { since });
      expect(res.mode).toBe("incremental");
      expect(res.statedMonths).toBeGreaterThan(0);
      const incremental = await snapshot(t.pool, ws);
      const keptIncremental = await keptHistories(t.pool, ws);
      await rebuild(t.pool, ws);
      const full = await snapshot(t.pool, ws);
      expect(incremental.months.length).toBeGreaterThan(100);
      expect(incremental).toEqual(full);
      // The kept histories too, byte for byte: the next refresh takes back exactly what a rebuild counted.
      expect(keptIncremental.length).toBeGreaterThan(250);
      expect(keptIncremental).toEqual(await keptHistories(t.pool, ws));
    });
  }

  it("rebuilds instead when the window setting changed", async () => {
    await t.pool.query(
      `UPDATE workspace SET settings = jsonb_set(settings, '{speedometer,windowDays}', '60') WHERE id = $1`,
      [ws],
    );
    const res = await refresh(t.pool, ws, { since: await now() });
    expect(res.mode).toBe("rebuild");
  });

  it("rebuilds instead when the kept histories were lost (the unlogged table after a crash)", async () => {
    await t.pool.query("DELETE FROM speedometer_customer WHERE workspace_id = $1", [ws]);
    const res = await refresh(t.pool, ws, { since: await now() });
    expect(res.mode).toBe("rebuild");
    expect(
      (
        await t.pool.query("SELECT count(*)::int AS n FROM speedometer_customer WHERE workspace_id = $1", [
          ws,
        ])
      ).rows[0].n,
    ).toBeGreaterThan(250);
  });

  it("forgets a deleted workspace's kept histories", async () => {
    const other = await createFixtureWorkspace(t.pool, { slug: "gone" });
    await addCustomers(t.pool, other, ["z"]);
    await addOrders(t.pool, other, [{ ext: "z1", customer: "z", at: "2024-01-01T00:00Z", amount: 1 }]);
    await rebuild(t.pool, other);
    await t.pool.query("DELETE FROM orders WHERE workspace_id = $1", [other]);
    await t.pool.query("DELETE FROM customer WHERE workspace_id = $1", [other]);
    await t.pool.query("DELETE FROM workspace WHERE id = $1", [other]);
    const left = await t.pool.query(
      "SELECT count(*)::int AS n FROM speedometer_customer WHERE workspace_id = $1",
      [other],
    );
    expect(left.rows[0].n).toBe(0);
  });
});

describe("incremental refresh writes kept histories in place", () => {
  let t: TestDatabase;
  let ws: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createFixtureWorkspace(t.pool, { slug: "inplace", timeZone: "Europe/Kyiv" });
    await addCustomers(t.pool, ws, ["a", "b", "c", "d"]);
    await addOrders(t.pool, ws, [
      { ext: "a1", customer: "a", at: "2024-01-10T10:00Z", amount: 100 },
      { ext: "a2", customer: "a", at: "2024-02-10T10:00Z", amount: 200 },
      { ext: "b1", customer: "b", at: "2024-01-15T10:00Z", amount: 300 },
      { ext: "c1", customer: "c", at: "2024-01-20T10:00Z", amount: 400 },
      { ext: "d1", customer: "d", at: "2024-03-01T10:00Z", amount: 500 },
    ]);
    await rebuild(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  /** customer external id → the kept row's creating transaction and digest. */
  const rows = async () =>
    Object.fromEntries(
      (
        await t.pool.query<{ ext: string; xmin: string; digest: string }>(
          `SELECT c.external_id AS ext, k.xmin::text AS xmin, md5(k.history) AS digest
           FROM speedometer_customer k JOIN customer c ON c.workspace_id = k.workspace_id AND c.id = k.customer_id
           WHERE k.workspace_id = $1`,
          [ws],
        )
      ).rows.map((r) => [r.ext, { xmin: r.xmin, digest: r.digest }]),
    );

  it("rewrites a changed history, leaves an unchanged one untouched and deletes an emptied one", async () => {
    const before = await rows();
    expect(Object.keys(before).sort()).toEqual(["a", "b", "c", "d"]);
    const since = new Date((await t.pool.query("SELECT clock_timestamp() AS n")).rows[0].n);
    await new Promise((r) => setTimeout(r, 10));
    // a buys again; b's order and d's customer row are touched without a change; c's only order is returned.
    await addOrders(t.pool, ws, [{ ext: "a3", customer: "a", at: "2024-03-05T10:00Z", amount: 300 }]);
    await t.pool.query(
      "UPDATE orders SET updated_at = now() WHERE workspace_id = $1 AND external_id = 'b1'",
      [ws],
    );
    await t.pool.query(
      "UPDATE orders SET status = 'returned', updated_at = now() WHERE workspace_id = $1 AND external_id = 'c1'",
      [ws],
    );
    await t.pool.query(
      "UPDATE customer SET updated_at = now() WHERE workspace_id = $1 AND external_id = 'd'",
      [ws],
    );
    const res = await refresh(t.pool, ws, { since });
    expect(res.mode).toBe("incremental");
    // a, b and d still have an order that counts; c has none left.
    expect(res.customers).toBe(3);
    const after = await rows();
    expect(Object.keys(after).sort()).toEqual(["a", "b", "d"]);
    expect(after.a!.xmin).not.toBe(before.a!.xmin);
    expect(after.a!.digest).not.toBe(before.a!.digest);
    expect(after.b).toEqual(before.b);
    expect(after.d).toEqual(before.d);
    const state = await t.pool.query("SELECT kept_customers FROM speedometer_state WHERE workspace_id = $1", [
      ws,
    ]);
    expect(state.rows[0].kept_customers).toBe(3);

    const incremental = await snapshot(t.pool, ws);
    const kept = await keptHistories(t.pool, ws);
    await rebuild(t.pool, ws);
    expect(incremental).toEqual(await snapshot(t.pool, ws));
    expect(kept).toEqual(await keptHistories(t.pool, ws));
  });
});

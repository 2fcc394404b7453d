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
      await rebuild(t.pool, ws);
      const full = await snapshot(t.pool, ws);
      expect(incremental.months.length).toBeGreaterThan(100);
      expect(incremental).toEqual(full);
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

import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
  snapshot,
} from "./test-fixture.ts";

/**
 * A five-customer shop with W = 30 days; every expected figure is worked out by hand in the comments
 * (2024 is a leap year: 1 March − 60 days = 1 January).
 */
describe("speedometer rollups on a hand-made workspace", () => {
  let t: TestDatabase;
  let ws: number;
  let vip: number;
  const loc: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createFixtureWorkspace(t.pool, {
      slug: "hand",
      settings: { speedometer: { windowDays: 30 } },
    });
    await addLocations(t.pool, ws, ["L1", "L2"]);
    for (const r of (await t.pool.query("SELECT id, external_id FROM location WHERE workspace_id = $1", [ws]))
      .rows)
      loc[r.external_id] = String(r.id);
    await addCustomers(t.pool, ws, ["A", "B", "C", "D", "E"], { E: "A" });
    await addOrders(t.pool, ws, [
      { ext: "a1", customer: "A", at: "2024-01-05T10:00Z", amount: 1000, location: "L1", channel: "store" },
      {
        ext: "a2",
        customer: "A",
        at: "2024-02-10T10:00Z",
        amount: 500,
        list: 600,
        location: "L1",
        channel: "store",
      },
      { ext: "a3", customer: "A", at: "2024-04-20T10:00Z", amount: 800, location: "L2", channel: "online" },
      { ext: "b1", customer: "B", at: "2024-01-20T10:00Z", amount: 300, location: "L2", channel: "online" },
      { ext: "b2", customer: "B", at: "2024-03-10T10:00Z", amount: 999, status: "returned", location: "L2" },
      {
        ext: "c1",
        customer: "C",
        at: "2024-02-01T00:00Z",
        amount: 2000,
        wait: 5,
        location: "L1",
        channel: "store",
      },
      { ext: "c2", customer: "C", at: "2024-03-15T10:00Z", amount: 100, location: "L1", channel: "store" },
      {
        ext: "d0",
        customer: "D",
        at: "2024-02-15T10:00Z",
        amount: 700,
        wait: 3,
        status: "cancelled",
        location: "L2",
        channel: "online",
      },
      {
        ext: "d1",
        customer: "D",
        at: "2024-02-16T10:00Z",
        amount: 700,
        location: "L2",
        channel: "online",
        referredBy: "A",
      },
      {
        ext: "e1",
        customer: "E",
        at: "2024-03-03T10:00Z",
        amount: 400,
        list: 500,
        location: "L1",
        channel: "store",
      },
    ]);
    await addRequests(t.pool, ws, [
      { ext: "rb", customer: "B", at: "2024-01-25T10:00Z", channel: "email", location: "L2" },
      { ext: "rc", customer: "C", at: "2024-02-20T10:00Z", channel: "phone", location: "L1" },
      { ext: "rq", customer: "A", at: "2024-02-20T10:00Z", kind: "question" },
    ]);
    await addFeedback(t.pool, ws, [
      { ext: "f1", customer: "A", at: "2024-02-11T10:00Z", kind: "nps", score: 10, order: "a2" },
      { ext: "f2", customer: "B", at: "2024-01-21T10:00Z", kind: "nps", score: 3 },
      { ext: "f3", customer: "C", at: "2024-03-16T10:00Z", kind: "nps", score: 8, location: "L1" },
      { ext: "f4", customer: "D", at: "2024-02-17T10:00Z", kind: "csat", score: 5 },
      { ext: "f5", customer: "E", at: "2024-03-04T10:00Z", kind: "ces", score: 2 },
      { ext: "f6", customer: "E", at: "2024-03-05T10:00Z", kind: "ces", score: 6 },
    ]);
    vip = await addSegment(t.pool, ws, "VIP", ["A", "C"]);
    await rebuild(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  async function row(dim: string, value: string, month: string) {
    const r = await t.pool.query(
      `SELECT repeat_base, repeat_returned, recovery_base, recovery_returned, orders, orders_full, revenue,
         revenue_full, revenue_sq, wait_orders, wait_completed, new_customers, new_referred
       FROM speedometer_month WHERE workspace_id = $1 AND dim = $2 AND value = $3 AND month = $4::date`,
      [ws, dim, value, `${month}-01`],
    );
    return r.rows[0];
  }

  it("counts repeat by the window definition: Feb 2 of 2 (A yes, B no), Mar 1 of 3, Apr 0 of 2, May 0 of 1", async () => {
    // t = 1 Mar: bought in [1 Jan, 31 Jan): A, B; again in [31 Jan, 1 Mar): A.
    expect(await row("all", "", "2024-02")).toMatchObject({ repeat_base: 2, repeat_returned: 1 });
    // t = 1 Apr: bought in [1 Feb, 2 Mar): A, C, D; again in [2 Mar, 1 Apr): C.
    expect(await row("all", "", "2024-03")).toMatchObject({ repeat_base: 3, repeat_returned: 1 });
    // t = 1 May: [2 Mar, 1 Apr): C, E; nobody again in April (A bought, but was not in the cohort).
    expect(await row("all", "", "2024-04")).toMatchObject({ repeat_base: 2, repeat_returned: 0 });
    expect(await row("all", "", "2024-05")).toMatchObject({ repeat_base: 1, repeat_returned: 0 });
    expect(await row("all", "", "2024-01")).toMatchObject({ repeat_base: 0, repeat_returned: 0 });
  });

  it("attributes a repeat cohort member to the location and channel of the last purchase before t − W", async () => {
    expect(await row("location", loc.L1!, "2024-02")).toMatchObject({ repeat_base: 1, repeat_returned: 1 });
    expect(await row("location", loc.L2!, "2024-02")).toMatchObject({ repeat_base: 1, repeat_returned: 0 });
    expect(await row("location", loc.L1!, "2024-03")).toMatchObject({ repeat_base: 2, repeat_returned: 1 });
    expect(await row("location", loc.L2!, "2024-03")).toMatchObject({ repeat_base: 1, repeat_returned: 0 });
    expect(await row("location", loc.L2!, "2024-05")).toMatchObject({ repeat_base: 1, repeat_returned: 0 });
    expect(await row("channel", "store", "2024-03")).toMatchObject({ repeat_base: 2, repeat_returned: 1 });
    expect(await row("channel", "online", "2024-03")).toMatchObject({ repeat_base: 1, repeat_returned: 0 });
    expect(await row("segment", String(vip), "2024-03")).toMatchObject({
      repeat_base: 2,
      repeat_returned: 1,
    });
    expect(await row("segment", String(vip), "2024-04")).toMatchObject({
      repeat_base: 1,
      repeat_returned: 0,
    });
  });

  it("sums revenue at full price, waits and first orders per month (completed orders only)", async () => {
    expect(await row("all", "", "2024-01")).toMatchObject({
      orders: 2,
      orders_full: 2,
      revenue: 1300,
      revenue_full: 1300,
      revenue_sq: 1_090_000,
      new_customers: 2,
      new_referred: 0,
    });
    // A 500 of list 600 (discount), C 2000, D 700; D's cancelled order only counts as a refused wait.
    expect(await row("all", "", "2024-02")).toMatchObject({
      orders: 3,
      orders_full: 2,
      revenue: 3200,
      revenue_full: 2700,
      revenue_sq: 4_740_000,
      wait_orders: 2,
      wait_completed: 1,
      new_customers: 2,
      new_referred: 1, // D's order names A
    });
    // C 100 full, E 400 of 500; B's returned order does not count. E was referred (on the customer).
    expect(await row("all", "", "2024-03")).toMatchObject({
      orders: 2,
      orders_full: 1,
      revenue: 500,
      revenue_full: 100,
      new_customers: 1,
      new_referred: 1,
    });
  });

  it("counts recovery: B complained in January and did not buy; C complained in February and bought in March", async () => {
    expect(await row("all", "", "2024-02")).toMatchObject({ recovery_base: 1, recovery_returned: 0 });
    expect(await row("all", "", "2024-03")).toMatchObject({ recovery_base: 1, recovery_returned: 1 });
    // By channel: that of the last purchase at or before the complaint (C: store on 1 Feb; B: online on 20 Jan).
    expect(await row("channel", "store", "2024-03")).toMatchObject({
      recovery_base: 1,
      recovery_returned: 1,
    });
    expect(await row("channel", "online", "2024-02")).toMatchObject({
      recovery_base: 1,
      recovery_returned: 0,
    });
    expect(await row("channel", "phone", "2024-03")).toBeUndefined();
    expect(await row("location", loc.L2!, "2024-02")).toMatchObject({
      recovery_base: 1,
      recovery_returned: 0,
    });
  });

  it("rolls up the stated scores; an answer about an order takes the order's location", async () => {
    const r = await t.pool.query(
      `SELECT dim, value, to_char(month, 'YYYY-MM') AS month, nps_n, nps_promoters, nps_detractors, csat_n, csat_good,
         ces_n, ces_sum, ces_sumsq
       FROM speedometer_stated WHERE workspace_id = $1 AND dim IN ('all', 'location') ORDER BY dim, value, month`,
      [ws],
    );
    const at = (dim: string, value: string, month: string) =>
      r.rows.find((x) => x.dim === dim && x.value === value && x.month === month);
    expect(at("all", "", "2024-01")).toMatchObject({ nps_n: 1, nps_promoters: 0, nps_detractors: 1 });
    expect(at("all", "", "2024-02")).toMatchObject({ nps_n: 1, nps_promoters: 1, csat_n: 1, csat_good: 1 });
    expect(at("all", "", "2024-03")).toMatchObject({ nps_n: 1, ces_n: 2, ces_sum: 8, ces_sumsq: 40 });
    expect(at("location", loc.L1!, "2024-02")).toMatchObject({ nps_n: 1, nps_promoters: 1 });
    expect(at("location", loc.L1!, "2024-03")).toMatchObject({ nps_n: 1 });
  });

  it("records the months that hold data", async () => {
    const s = await t.pool.query(
      "SELECT to_char(first_month, 'YYYY-MM') AS f, to_char(last_month, 'YYYY-MM') AS l, window_days FROM speedometer_state WHERE workspace_id = $1",
      [ws],
    );
    expect(s.rows[0]).toEqual({ f: "2024-01", l: "2024-04", window_days: 30 });
  });

  it("refreshes incrementally to exactly what a full rebuild gives", async () => {
    const since = new Date((await t.pool.query("SELECT now() AS n")).rows[0].n);
    await new Promise((r) => setTimeout(r, 20));
    // B comes back in February (repeat and recovery both change), C's March order is cancelled,
    // E complains, a new customer F arrives referred by C, and new answers come in.
    await addCustomers(t.pool, ws, ["F"], { F: "C" });
    await addOrders(t.pool, ws, [
      { ext: "b3", customer: "B", at: "2024-02-20T10:00Z", amount: 450, location: "L2", channel: "online" },
      { ext: "f1", customer: "F", at: "2024-05-02T10:00Z", amount: 250, location: "L1", channel: "store" },
    ]);
    await t.pool.query(
      "UPDATE orders SET status = 'cancelled', updated_at = now() WHERE workspace_id = $1 AND external_id = 'c2'",
      [ws],
    );
    await addRequests(t.pool, ws, [
      { ext: "re", customer: "E", at: "2024-03-20T10:00Z", channel: "telegram" },
    ]);
    await addFeedback(t.pool, ws, [
      { ext: "f7", customer: "B", at: "2024-02-21T10:00Z", kind: "nps", score: 9, order: "b3" },
    ]);
    const res = await refresh(t.pool, ws, { since });
    expect(res.mode).toBe("incremental");
    expect(res.customers).toBe(4); // B, C, E, F
    const incremental = await snapshot(t.pool, ws);
    expect(await row("all", "", "2024-02")).toMatchObject({
      repeat_base: 2,
      repeat_returned: 2,
      recovery_returned: 1,
    });
    await rebuild(t.pool, ws);
    expect(incremental).toEqual(await snapshot(t.pool, ws));
  });
});

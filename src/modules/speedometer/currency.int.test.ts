import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { rebuild, refresh } from "./store.ts";
import { addCustomers, addOrders, createFixtureWorkspace, snapshot } from "./test-fixture.ts";

/**
 * An order in another currency than the workspace's (EUR here) is a purchase like any other, but Storona
 * does not convert it, so it weighs nothing in the revenue behind the full-price share.
 */
describe("speedometer rollups with orders in another currency", () => {
  let t: TestDatabase;
  let ws: number;
  const month = async (m: string) =>
    (
      await t.pool.query(
        `SELECT orders, orders_full, revenue, revenue_full, revenue_sq FROM speedometer_month
         WHERE workspace_id = $1 AND dim = 'all' AND value = '' AND month = $2::date`,
        [ws, `${m}-01`],
      )
    ).rows[0];

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createFixtureWorkspace(t.pool, { slug: "cur", settings: { speedometer: { windowDays: 30 } } });
    await addCustomers(t.pool, ws, ["A", "B"]);
    await addOrders(t.pool, ws, [
      { ext: "a1", customer: "A", at: "2024-01-05T10:00Z", amount: 1000 },
      { ext: "a2", customer: "A", at: "2024-01-12T10:00Z", amount: 400, list: 500 },
      { ext: "b1", customer: "B", at: "2024-01-20T10:00Z", amount: 90000, currency: "USD" },
    ]);
    await rebuild(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("counts the order, but not its amount in revenue", async () => {
    // Orders: three (B's in dollars included), two at full price (a1, b1). Revenue in euros only:
    // 1000 + 400, at full price 1000, squares 1000² + 400².
    expect(await month("2024-01")).toMatchObject({
      orders: 3,
      orders_full: 2,
      revenue: 1400,
      revenue_full: 1000,
      revenue_sq: 1_160_000,
    });
  });

  it("an incremental refresh with another such order gives what a rebuild gives", async () => {
    const since = new Date((await t.pool.query("SELECT now() AS n")).rows[0].n);
    await new Promise((r) => setTimeout(r, 20));
    await addOrders(t.pool, ws, [
      { ext: "b2", customer: "B", at: "2024-02-03T10:00Z", amount: 70000, list: 80000, currency: "USD" },
      { ext: "a3", customer: "A", at: "2024-02-04T10:00Z", amount: 300 },
    ]);
    expect((await refresh(t.pool, ws, { since })).mode).toBe("incremental");
    const incremental = await snapshot(t.pool, ws);
    expect(await month("2024-02")).toMatchObject({ orders: 2, revenue: 300, revenue_full: 300 });
    await rebuild(t.pool, ws);
    expect(incremental).toEqual(await snapshot(t.pool, ws));
  });
});

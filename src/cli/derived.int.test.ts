import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../modules/intake/index.ts";
import { rebuild as rebuildSpeedometer } from "../modules/speedometer/index.ts";
import { createTestDatabase, type TestDatabase } from "../platform/testing/db.ts";
import { startDerivedQueue } from "./derived.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-derived-"));

/** Orders of `customers` customers, each buying twice, a month apart, in 2026. */
function ordersFile(name: string, customers: number, prefix: string): string {
  const lines = ["order_id,customer_id,ordered_at,amount"];
  for (let c = 1; c <= customers; c++) {
    lines.push(`${prefix}${c}a,C${c},2026-03-${String(1 + (c % 27)).padStart(2, "0")},100`);
    lines.push(`${prefix}${c}b,C${c},2026-04-${String(1 + (c % 27)).padStart(2, "0")},120`);
  }
  const p = path.join(tmp, name);
  fs.writeFileSync(p, `${lines.join("\n")}\n`);
  return p;
}

describe("derived figures follow the data", () => {
  let t: TestDatabase;
  let ws: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('dd', 'D', 'UAH', 'UTC') RETURNING id",
      )
    ).rows[0].id;
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("refreshes the speedometer's and service's rollups after imports, coalescing what arrives together", async () => {
    const queue = startDerivedQueue(t.pool, { delayMs: 20 });
    try {
      await importFile(t.pool, { workspaceId: ws, entity: "orders", file: ordersFile("a.csv", 40, "A") });
      await importFile(t.pool, { workspaceId: ws, entity: "orders", file: ordersFile("b.csv", 40, "B") });
      await queue.idle();
      // 40 customers × 4 orders, all in the whole-business rollup: 80 in March, 80 in April.
      const months = await t.pool.query<{ month: string; orders: number }>(
        `SELECT to_char(month, 'YYYY-MM') AS month, orders FROM speedometer_month
         WHERE workspace_id = $1 AND dim = 'all' AND orders > 0 ORDER BY month`,
        [ws],
      );
      expect(months.rows).toEqual([
        { month: "2026-03", orders: 80 },
        { month: "2026-04", orders: 80 },
      ]);
      const service = await t.pool.query("SELECT 1 FROM service_state WHERE workspace_id = $1", [ws]);
      expect(service.rowCount).toBe(1);
    } finally {
      queue.stop();
    }
  });

  it("counts customers in the segments an import moves them into, as a full rebuild does", async () => {
    const slices = async () =>
      (
        await t.pool.query(
          `SELECT value, to_char(month, 'YYYY-MM') AS month, orders, revenue, repeat_base, repeat_returned,
                  new_customers
           FROM speedometer_month
           WHERE workspace_id = $1 AND dim = 'segment'
             AND (orders <> 0 OR repeat_base <> 0 OR repeat_returned <> 0 OR new_customers <> 0)
           ORDER BY value, month`,
          [ws],
        )
      ).rows;
    const queue = startDerivedQueue(t.pool, { delayMs: 20 });
    try {
      // New and returning customers: the segments are built (or moved) after the orders land.
      await importFile(t.pool, { workspaceId: ws, entity: "orders", file: ordersFile("d.csv", 60, "D") });
      await queue.idle();
    } finally {
      queue.stop();
    }
    const refreshed = await slices();
    const members = await t.pool.query(
      "SELECT count(*)::int AS n FROM customer_segment WHERE workspace_id = $1",
      [ws],
    );
    expect(members.rows[0].n).toBeGreaterThan(0);
    expect(refreshed.length).toBeGreaterThan(0);
    await rebuildSpeedometer(t.pool, ws);
    expect(refreshed).toEqual(await slices());
  });

  it("does nothing after it is stopped", async () => {
    const queue = startDerivedQueue(t.pool, { delayMs: 20 });
    queue.stop();
    const before = await t.pool.query("SELECT refreshed_at FROM speedometer_state WHERE workspace_id = $1", [
      ws,
    ]);
    await importFile(t.pool, { workspaceId: ws, entity: "orders", file: ordersFile("c.csv", 5, "C") });
    await queue.idle();
    const after = await t.pool.query("SELECT refreshed_at FROM speedometer_state WHERE workspace_id = $1", [
      ws,
    ]);
    expect(after.rows).toEqual(before.rows);
  });
});

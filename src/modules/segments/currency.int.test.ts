import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { previewRule } from "./service.ts";
import { loadFeatures } from "./store-features.ts";
import { AS_OF, buildSegmentsFixture } from "./test-fixture.ts";

/**
 * Orders in another currency than the workspace's (UAH here) are purchases, but Storona does not convert
 * them, so they add nothing to a customer's money (the money module values them the same way).
 */
describe("segments with an order in another currency", () => {
  let t: TestDatabase;
  let ws: number;
  let ids: Map<string, number>;
  const features = async (ext: string) => {
    const f = await loadFeatures(t.pool, ws);
    const i = Array.from(f.customerIds).indexOf(ids.get(ext) as number);
    return {
      frequency: f.cols.frequency[i],
      monetary: f.cols.monetary[i],
      discount: f.cols.discountShare[i],
    };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    ({ ws, ids } = await buildSegmentsFixture(t.pool));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("counts the order for frequency, not for monetary value, discount share or revenue rules", async () => {
    // O1: one discounted order of 20.00 (of 25.00): F 1, M 2000, discount share 1.
    expect(await features("O1")).toEqual({ frequency: 1, monetary: 2000, discount: 1 });
    const rich = { field: "revenue", op: "gte", value: 100_000 } as const;
    expect(await previewRule(t.pool, ws, { match: "all", conditions: [rich] })).toBe(0);
    // A full-price dollar order of 5,000.00 ten days before the reference time.
    await t.pool.query(
      `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, status)
       VALUES ($1, 'usd-o1', $2, $3, 500000, 500000, 'USD', 'completed')`,
      [ws, ids.get("O1"), new Date(AS_OF.getTime() - 10 * 86_400_000)],
    );
    expect(await features("O1")).toEqual({ frequency: 2, monetary: 2000, discount: 1 });
    expect(await previewRule(t.pool, ws, { match: "all", conditions: [rich] })).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { customerValues } from "./clv.ts";
import { paretoNbdProbabilityAlive } from "./pareto-nbd.ts";
import { atRiskCustomers, moneyAtStake, moneySummary } from "./report.ts";
import type { FitResult } from "./service.ts";
import { fitWorkspace } from "./service.ts";
import { parseMoneySettings } from "./settings.ts";
import { buildShop, customerIds } from "./test-fixture.ts";

type Value = {
  customer_id: number;
  clv: number;
  revenue_12m: number;
  p_alive: number;
  p_alive_previous: number | null;
};

describe("money on a hand-made shop", () => {
  let t: TestDatabase;
  let ws: number;
  let id: Record<string, number>;
  let fit: FitResult;
  let value: Record<string, Value>;
  const sum = (names: string[], k: "clv" | "revenue_12m") =>
    names.reduce((s, n) => s + (value[n] as Value)[k], 0);

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await buildShop(t.pool, "hand");
    id = await customerIds(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("before any fit, money at stake is the last 12 months' revenue of those who did not come back", async () => {
    const stake = await moneyAtStake(t.pool, ws, [id.B!, id.C!, id.D!], {
      since: new Date("2024-02-15T00:00Z"),
      now: new Date("2024-07-01T00:00Z"),
    });
    // B: last bought 2024-01-15 → counted, 2500 in the 12 months; C counted, nothing in 12 months;
    // D bought on 2024-03-01, after the date → not counted.
    expect(stake).toEqual({
      amount: 2500,
      currency: "UAH",
      customers: 3,
      counted: 2,
      source: "revenue_12m",
      fitId: null,
    });
  });

  it("fits as of 2024-06-30 and values every customer with a completed order", async () => {
    fit = await fitWorkspace(t.pool, ws, { asOf: "2024-06-30" });
    const rows = await t.pool.query<Value & { external_id: string }>(
      `SELECT c.external_id, v.* FROM customer_value v JOIN customer c ON c.id = v.customer_id WHERE v.workspace_id = $1`,
      [ws],
    );
    value = Object.fromEntries(rows.rows.map((r) => [r.external_id, r]));
    expect(rows.rows.length).toBe(67); // 60 + A..F + H; G has only a cancelled order
    expect(value.G).toBeUndefined();
    expect(fit.fit.customers).toBe(67);
    expect(fit.fit.calibrationEnd).toBe("2024-06-30");
    // Realised revenue, 2023-07-02..2024-06-30, by hand; H's two orders on the last day are one occasion.
    expect(["A", "B", "C", "D", "E", "F", "H"].map((n) => value[n]?.revenue_12m)).toEqual([
      7000, 2500, 0, 9000, 700, 2500, 1000,
    ]);
  });

  it("CLV and P(alive) of customer C by hand from the stored parameters", async () => {
    // C: trial 2023-02-01, one repeat 2023-04-01 (59 days), T = 515 days to 2024-06-30.
    const params = await t.pool.query("SELECT params FROM money_fit WHERE id = $1", [fit.fitId]);
    const p = params.rows[0].params;
    const settings = parseMoneySettings(undefined);
    const one = customerValues(
      { kind: "bgnbd", params: p.purchase },
      p.spend ?? { p: 1, q: 2, gamma: 1 },
      {
        customerIds: ["C"],
        x: Float64Array.of(1),
        tx: Float64Array.of(59 / 7),
        T: Float64Array.of(515 / 7),
        meanSpend: Float64Array.of(1500),
        unit: "weeks",
      },
      settings,
    );
    if (fit.fit.spend.model === "gamma-gamma") expect(value.C?.clv).toBe(Math.round(one.clv[0] as number));
    else {
      const perUnit = (one.clv[0] as number) / (one.expectedSpend[0] as number);
      expect(value.C?.clv).toBe(Math.round(perUnit * (fit.fit.spend.meanSpend as number)));
    }
    if (fit.fit.alive.model === "pareto-nbd") {
      expect(value.C?.p_alive).toBeCloseTo(paretoNbdProbabilityAlive(p.alive, 1, 59 / 7, 515 / 7), 12);
      expect(value.C?.p_alive_previous).toBeCloseTo(
        paretoNbdProbabilityAlive(p.alive, 1, 59 / 7, 485 / 7),
        12,
      );
    }
  });

  it("satisfaction groups: the latest NPS answer as of the fit, and the complaint outcome (median 2 h)", () => {
    const nps = Object.fromEntries(fit.figures.satisfaction.nps.groups.map((g) => [g.group, g]));
    expect(nps.promoter?.customers).toBe(2); // A (10; the 2 after as-of does not count), D
    expect(nps.passive?.customers).toBe(1); // E
    expect(nps.detractor?.customers).toBe(2); // B, C (latest 5)
    expect(nps.no_answer?.customers).toBe(62);
    expect(nps.promoter?.clv.total).toBe(sum(["A", "D"], "clv"));
    expect(nps.detractor?.revenue12m.total).toBe(2500);
    expect(nps.promoter?.clv.mean).toBeNull(); // 2 customers: not enough data, no mean shown
    const c = fit.figures.satisfaction.complaints;
    expect(c.fastResolutionHours).toBeCloseTo(2, 9);
    expect(c.thresholdSource).toBe("median");
    const g = Object.fromEntries(c.groups.map((x) => [x.group, x]));
    expect([g.none?.customers, g.fast?.customers, g.slow?.customers, g.unresolved?.customers]).toEqual([
      62, 2, 1, 2,
    ]);
    expect(g.fast?.revenue12m.total).toBe(2500 + 2500); // B, F
    expect(g.unresolved?.clv.total).toBe(sum(["C", "E"], "clv"));
  });

  it("revenue at risk: unresolved complaints (C, E), detractors (B, C), P(alive) drops, each customer once", async () => {
    const thr = 0.5;
    const dropped = Object.entries(value)
      .filter(([, v]) => v.p_alive < thr && v.p_alive_previous !== null && v.p_alive_previous >= thr)
      .map(([k]) => k);
    const all = [...new Set(["B", "C", "E", ...dropped])];
    const r = fit.figures.atRisk;
    expect(r.customers).toBe(all.length);
    expect(r.amount).toBe(sum(all, "clv"));
    expect(r.byReason).toEqual([
      { reason: "unresolved_complaint", customers: 2, amount: sum(["C", "E"], "clv") },
      { reason: "detractor", customers: 2, amount: sum(["B", "C"], "clv") },
      { reason: "alive_dropped", customers: dropped.length, amount: sum(dropped, "clv") },
    ]);
    const page = await atRiskCustomers(t.pool, ws, { sort: "clv", dir: "desc", limit: 2, offset: 0 });
    expect(page.total).toBe(all.length);
    expect(page.amount).toBe(r.amount);
    expect(page.items.length).toBe(Math.min(2, all.length));
    expect(page.items[0]?.clv).toBe(Math.max(...all.map((n) => value[n]?.clv as number)));
    const c = await atRiskCustomers(t.pool, ws, {
      sort: "name",
      dir: "asc",
      limit: 50,
      offset: 0,
      reason: "detractor",
    });
    expect(c.items.map((i) => i.externalId).sort()).toEqual(["B", "C"]);
    expect(c.items.find((i) => i.externalId === "C")?.reasons).toEqual(
      expect.arrayContaining(["unresolved_complaint", "detractor"]),
    );
    const beyond = await atRiskCustomers(t.pool, ws, { sort: "clv", dir: "desc", limit: 10, offset: 1000 });
    expect(beyond).toMatchObject({ total: all.length, items: [] });
  });

  it("money at stake: remaining CLV of those who have not bought since", async () => {
    const one = await moneyAtStake(t.pool, ws, [id.A!, id.B!, id.C!, id.E!], {
      since: new Date("2024-01-01T00:00Z"),
    });
    expect(one).toMatchObject({
      source: "clv",
      customers: 4,
      counted: 1,
      amount: value.C?.clv,
      fitId: fit.fitId,
    });
    const each = await moneyAtStake(t.pool, ws, [id.A!, id.B!, id.C!, id.E!, id.C!], {
      since: new Map([
        [id.B!, new Date("2024-02-01T00:00Z")],
        [id.A!, new Date("2024-06-01T00:00Z")],
      ]),
    });
    expect(each).toMatchObject({ customers: 4, counted: 4, amount: sum(["A", "B", "C", "E"], "clv") });
    expect(await moneyAtStake(t.pool, ws, [], {})).toMatchObject({ customers: 0, counted: 0, amount: 0 });
  });

  it("a fast-resolution setting of 200 h moves D to fast; the summary reads the latest fit", async () => {
    const r = await fitWorkspace(t.pool, ws, { asOf: "2024-06-30", settings: { fastResolutionHours: 200 } });
    const g = Object.fromEntries(r.figures.satisfaction.complaints.groups.map((x) => [x.group, x.customers]));
    expect([g.fast, g.slow]).toEqual([3, 0]);
    expect(r.figures.satisfaction.complaints.thresholdSource).toBe("setting");
    const s = await moneySummary(t.pool, "hand");
    expect(s.fit?.id).toBe(r.fitId);
    expect(s.fit?.stale).toBe(true); // fitted with an override the workspace does not have
    expect(s.reading[0]?.key).toBe("money.reading.stale");
  });
});

describe("money with orders in another currency than the workspace's", () => {
  let t: TestDatabase;
  let ws: number;
  type Row = { repeat_purchases: number; revenue_12m: number; expected_spend: number; clv: number };
  const customerValue = async (ext: string): Promise<Row> => {
    const r = await t.pool.query<Row>(
      `SELECT v.repeat_purchases, v.revenue_12m, v.expected_spend, v.clv FROM customer_value v
       JOIN customer c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
       WHERE v.workspace_id = $1 AND c.external_id = $2`,
      [ws, ext],
    );
    return r.rows[0] as Row;
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await buildShop(t.pool, "mixed");
  });
  afterAll(async () => {
    await t.drop();
  });

  it("before any fit, money at stake counts only revenue in the workspace's currency", async () => {
    const other = await buildShop(t.pool, "mixed-stake");
    const ids = await customerIds(t.pool, other);
    await t.pool.query(
      `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, status)
       VALUES ($1, 'eur-b', $2, '2024-01-10T12:00Z', 5000000, 5000000, 'EUR', 'completed')`,
      [other, ids.B],
    );
    const stake = await moneyAtStake(t.pool, other, [ids.B!], {
      since: new Date("2024-02-15T00:00Z"),
      now: new Date("2024-07-01T00:00Z"),
    });
    // B's 2,500 in hryvnias of the last 12 months, as in the shop without the euro order.
    expect(stake.amount).toBe(2500);
  });

  it("counts them as purchases, leaves their amounts out of spend and revenue, and says so", async () => {
    const before = await fitWorkspace(t.pool, ws, { asOf: "2024-06-30" });
    expect(before.fit.otherCurrencies).toEqual([]);
    const a0 = await customerValue("A");
    // A buys twice more in dollars on a day of its own (amounts far above its usual spend), and once
    // on a day it also paid in hryvnias; B once in euros.
    await t.pool.query(
      `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, status)
       SELECT $1, x.ext, c.id, x.at::timestamptz, x.amount, x.amount, x.cur, 'completed'
       FROM (VALUES ('usd-1', 'A', '2024-05-10T12:00Z', 9999900, 'USD'), ('usd-2', 'A', '2024-05-10T15:00Z', 100, 'USD'),
                    ('eur-1', 'B', '2024-04-02T12:00Z', 5000000, 'EUR')) AS x(ext, customer, at, amount, cur)
       JOIN customer c ON c.workspace_id = $1 AND c.external_id = x.customer`,
      [ws],
    );
    const after = await fitWorkspace(t.pool, ws, { asOf: "2024-06-30" });
    expect(after.fit.otherCurrencies).toEqual([
      { currency: "USD", orders: 2 },
      { currency: "EUR", orders: 1 },
    ]);
    const a1 = await customerValue("A");
    // One more purchase occasion (the two dollar orders share a day), no more money.
    expect(a1.repeat_purchases).toBe(a0.repeat_purchases + 1);
    expect(a1.revenue_12m).toBe(a0.revenue_12m);
    // Spend per purchase comes from the same valued purchases with the same spend model.
    expect(a1.expected_spend).toBeCloseTo(a0.expected_spend, 6);
    const summary = await moneySummary(t.pool, ws);
    const line = summary.reading.find((l) => l.key === "money.reading.otherCurrencies");
    expect(line?.params).toEqual({
      orders: { value: 3, format: "count" },
      currencies: { value: "USD, EUR", format: "text" },
    });
  });
});

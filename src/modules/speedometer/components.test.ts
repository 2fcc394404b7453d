import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  componentsOf,
  fullPrice,
  fullPriceCounts,
  type OrderFact,
  recovery,
  recoveryCounts,
  referralCounts,
  repeat,
  repeatCounts,
  waitCounts,
} from "./components.ts";
import { countProportion, revenueShare } from "./proportion.ts";
import { componentKeys, emptyBehaviour } from "./types.ts";

const DAY = 86_400_000;
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const order = (customer: string, at: string, extra: Partial<OrderFact> = {}): OrderFact => ({
  customer,
  at: d(at),
  status: "completed",
  amount: 100,
  listAmount: 100,
  waitDays: 0,
  referred: false,
  ...extra,
});

describe("components from raw events (by hand)", () => {
  // W = 30 days, t = 1 March 2024: cohort window [1 Jan, 31 Jan), return window [31 Jan, 1 Mar).
  const t = d("2024-03-01");
  const orders = [
    order("A", "2024-01-05"),
    order("A", "2024-02-10"),
    order("B", "2024-01-20"),
    order("B", "2024-02-05", { status: "cancelled" }), // a cancelled order is no return
    order("C", "2024-01-31"), // exactly t − W: in the return window, not the cohort
    order("D", "2024-01-01"), // exactly t − 2W: in the cohort
    order("D", "2024-02-29"),
  ];

  it("repeat: cohort {A, B, D}, came back {A, D}", () => {
    expect(repeatCounts(orders, t, 30)).toEqual({ base: 3, returned: 2 });
  });

  it("recovery: complained in the cohort window, bought in the return window", () => {
    const complaints = [
      { customer: "B", at: d("2024-01-10") },
      { customer: "A", at: d("2024-01-15") },
      { customer: "A", at: d("2024-01-16") }, // one customer counts once
      { customer: "E", at: d("2024-02-01") }, // too late for this t
    ];
    expect(recoveryCounts(complaints, orders, t, 30)).toEqual({ base: 2, returned: 1 });
  });

  it("full price: revenue share paid at amount ≥ list amount, completed orders only", () => {
    const jan = [
      order("A", "2024-01-05", { amount: 1000, listAmount: 1000 }),
      order("B", "2024-01-06", { amount: 500, listAmount: 600 }),
      order("C", "2024-01-07", { amount: 300, listAmount: 250 }), // above list is full price too
      order("D", "2024-01-08", { amount: 9999, status: "returned" }),
    ];
    expect(fullPriceCounts(jan, d("2024-01-01"), d("2024-02-01"))).toEqual({
      revenue: 1800,
      revenueFull: 1300,
      revenueSq: 1000 ** 2 + 500 ** 2 + 300 ** 2,
      orders: 3,
      ordersFull: 2,
    });
  });

  it("wait tolerance: of waits completed or cancelled, the completed; returned waits stay out", () => {
    const jan = [
      order("A", "2024-01-05", { waitDays: 3 }),
      order("B", "2024-01-06", { waitDays: 10, status: "cancelled" }),
      order("C", "2024-01-07", { waitDays: 2, status: "returned" }),
      order("D", "2024-01-08"),
    ];
    expect(waitCounts(jan, d("2024-01-01"), d("2024-02-01"))).toEqual({ waitOrders: 2, waitCompleted: 1 });
  });

  it("referral: first completed orders in the period, those referred", () => {
    const os = [
      order("A", "2023-12-20"),
      order("A", "2024-01-05", { referred: true }), // not A's first order
      order("B", "2024-01-06", { referred: true }),
      order("C", "2024-01-02", { status: "cancelled", referred: true }),
      order("C", "2024-01-09"),
    ];
    expect(referralCounts(os, d("2024-01-01"), d("2024-02-01"))).toEqual({ newCustomers: 2, newReferred: 1 });
  });
});

describe("proportions", () => {
  it("say 'not enough data' below 30 and give Wilson's interval from 30 on", () => {
    expect(countProportion(10, 29)).toMatchObject({
      value: null,
      lower: null,
      upper: null,
      n: 29,
      enough: false,
    });
    const p = countProportion(15, 30);
    expect(p.value).toBe(0.5);
    // Wilson at p̂ = 0.5, n = 30: 0.5 ± 1.96·√(0.25/30 + 1.96²/3600) / (1 + 1.96²/30) = [0.3315, 0.6685]
    expect(p.lower).toBeCloseTo(0.3315, 3);
    expect(p.upper).toBeCloseTo(0.6685, 3);
  });

  it("give a revenue share the interval of its effective number of orders", () => {
    // 40 equal orders: n_eff = 40, same as counting orders.
    const equal = revenueShare(2000, 4000, 40, 40 * 100 ** 2);
    expect(equal.effectiveN).toBeCloseTo(40);
    const counted = countProportion(20, 40);
    expect(equal.lower).toBeCloseTo(counted.lower as number);
    // One huge order among 40: n_eff ≈ 1.1, the interval is nearly [0, 1].
    const skewed = revenueShare(100_000, 103_900, 40, 100_000 ** 2 + 39 * 100 ** 2);
    expect(skewed.effectiveN).toBeLessThan(1.1);
    expect((skewed.upper as number) - (skewed.lower as number)).toBeGreaterThan(0.7);
  });

  it("keep every proportion in [0, 1]", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), (a, b) => {
        const p = countProportion(Math.min(a, b), Math.max(a, b));
        for (const x of [p.value, p.lower, p.upper]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        if (p.value !== null) expect(p.lower! <= p.value && p.value <= p.upper!).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean()), { maxLength: 200 }),
        (os) => {
          const c = emptyBehaviour();
          for (const [amount, full] of os) {
            c.orders++;
            c.revenue += amount;
            c.revenueSq += amount * amount;
            if (full) c.revenueFull += amount;
          }
          const p = fullPrice(c);
          for (const x of [p.value, p.lower, p.upper]) if (x !== null) expect(x >= 0 && x <= 1).toBe(true);
        },
      ),
    );
  });
});

describe("components from rollup counts", () => {
  it("read the right counts", () => {
    const c = {
      ...emptyBehaviour(),
      repeatBase: 40,
      repeatReturned: 10,
      recoveryBase: 30,
      recoveryReturned: 30,
      waitOrders: 50,
      waitCompleted: 45,
      newCustomers: 100,
      newReferred: 7,
    };
    const all = componentsOf(c);
    expect(all.repeat.value).toBe(0.25);
    expect(all.recovery.value).toBe(1);
    expect(all.waitTolerance.value).toBe(0.9);
    expect(all.referral.value).toBe(0.07);
    expect(all.fullPrice.enough).toBe(false);
    expect(Object.keys(all).sort()).toEqual([...componentKeys].sort());
    expect(repeat(c)).toEqual(all.repeat);
    expect(recovery(c)).toEqual(all.recovery);
  });
});

describe("repeat (property)", () => {
  const history = fc.array(
    fc.record({
      customer: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      day: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 40 },
  );
  it("never falls when a repeat buyer is added (bought in both windows)", () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 10, max: 90 }), fc.integer({ min: 0, max: 1 }), (h, w, _) => {
        const t = d("2024-07-01");
        const orders = h.map((x) => order(x.customer, "2024-01-01", { at: d("2024-01-01") + x.day * DAY }));
        const before = repeatCounts(orders, t, w);
        const added = [
          ...orders,
          order("new", "2024-01-01", { at: t - 1.5 * w * DAY }),
          order("new", "2024-01-01", { at: t - 0.5 * w * DAY }),
        ];
        const after = repeatCounts(added, t, w);
        expect(after.base).toBe(before.base + 1);
        expect(after.returned).toBe(before.returned + 1);
        // r/b ≤ (r+1)/(b+1) whenever r ≤ b.
        if (before.base > 0)
          expect(after.returned / after.base).toBeGreaterThanOrEqual(before.returned / before.base);
      }),
    );
  });
});

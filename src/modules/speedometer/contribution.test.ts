import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAccumulator, F, type RollupRow } from "./accumulator.ts";
import {
  type CustomerHistory,
  ORDER_COMPLETED,
  ORDER_FULL_PRICE,
  ORDER_REFERRED,
  ORDER_WAITED,
  toBatch,
} from "./batch.ts";
import {
  fullPriceCounts,
  type OrderFact,
  recoveryCounts,
  referralCounts,
  repeatCounts,
  waitCounts,
} from "./components.ts";
import { type ContributionOptions, contributeBatch, monthsTouched } from "./contribution.ts";
import { localClock, monthIndex, monthIndexToString, monthStart } from "./local-time.ts";

/**
 * The streaming contribution must give, month by month, exactly what the definitions read literally give
 * (components.ts, written as plain set counts over raw events).
 */

const MINUTE = 60_000;
const JAN_2023 = Date.UTC(2023, 0, 1) / MINUTE;

type Raw = { customers: CustomerHistory[] };

const history = fc.record({
  referred: fc.boolean(),
  orders: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 540 }),
      minute: fc.integer({ min: 0, max: 1439 }),
      status: fc.constantFrom("completed", "completed", "completed", "cancelled"),
      wait: fc.boolean(),
      full: fc.boolean(),
      referred: fc.boolean(),
      amount: fc.integer({ min: 1, max: 100_000 }),
      location: fc.constantFrom(1, 2, null),
    }),
    { maxLength: 8 },
  ),
  complaints: fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 540 }), location: fc.constantFrom(1, 2, null) }),
    {
      maxLength: 3,
    },
  ),
});

type Generated = typeof history extends fc.Arbitrary<infer T> ? T : never;

function toRaw(hs: Generated[]): Raw {
  let nextId = 1;
  return {
    customers: hs.map((h, c) => {
      const orders = h.orders
        .filter((o) => o.status === "completed" || o.wait)
        .map((o) => ({
          id: nextId++,
          at: JAN_2023 + o.day * 1440 + o.minute,
          amount: o.amount,
          flags:
            (o.status === "completed" ? ORDER_COMPLETED : 0) |
            (o.wait ? ORDER_WAITED : 0) |
            (o.full ? ORDER_FULL_PRICE : 0) |
            (o.referred ? ORDER_REFERRED : 0),
          location: o.location,
          channel: o.location === null ? null : "store",
        }))
        .sort((a, b) => a.at - b.at || a.id - b.id);
      const complaints = h.complaints
        .map((k) => ({
          id: nextId++,
          at: JAN_2023 + k.day * 1440 + 600,
          location: k.location,
          channel: "email",
        }))
        .sort((a, b) => a.at - b.at || a.id - b.id);
      return {
        customerId: 1000 + c,
        referred: h.referred,
        segments: c % 3 === 0 ? [7] : [],
        orders,
        complaints,
      };
    }),
  };
}

function facts(raw: Raw): { orders: OrderFact[]; complaints: Array<{ customer: string; at: number }> } {
  const orders: OrderFact[] = [];
  const complaints: Array<{ customer: string; at: number }> = [];
  for (const h of raw.customers) {
    for (const o of h.orders) {
      orders.push({
        customer: String(h.customerId),
        at: o.at * MINUTE,
        status: o.flags & ORDER_COMPLETED ? "completed" : "cancelled",
        amount: o.amount,
        listAmount: o.flags & ORDER_FULL_PRICE ? o.amount : o.amount + 1,
        waitDays: o.flags & ORDER_WAITED ? 3 : 0,
        referred: h.referred || (o.flags & ORDER_REFERRED) !== 0,
      });
    }
    for (const k of h.complaints) complaints.push({ customer: String(h.customerId), at: k.at * MINUTE });
  }
  return { orders, complaints };
}

function rollup(raw: Raw, windowDays: number): { rows: RollupRow[]; first: number; last: number } {
  const batch = toBatch(raw.customers);
  const o: ContributionOptions = { windowDays, toLocal: localClock("UTC"), dims: true };
  const [first, last] = monthsTouched([batch], o);
  const acc = createAccumulator(first, last);
  contributeBatch(batch, o, 1, acc);
  return { rows: acc.rows(), first, last };
}

/** Running sums of the repeat differences, and every count, for one slice, month by month. */
function series(rows: RollupRow[], dim: string, value: string, first: number, last: number) {
  const byMonth = new Map(
    rows.filter((r) => r.dim === dim && r.value === value).map((r) => [r.month, r.values]),
  );
  const out = new Map<number, number[]>();
  let rb = 0;
  let rr = 0;
  for (let k = first; k <= last; k++) {
    const v = byMonth.get(monthIndexToString(k)) ?? new Array<number>(13).fill(0);
    rb += v[F.repeatBase]!;
    rr += v[F.repeatReturned]!;
    const copy = [...v];
    copy[F.repeatBase] = rb;
    copy[F.repeatReturned] = rr;
    out.set(k, copy);
  }
  return out;
}

describe("contribution (streaming) equals the definitions (literal)", () => {
  it("for every month: repeat, recovery, full price, waits, referral", () => {
    fc.assert(
      fc.property(
        fc.array(history, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 7, max: 120 }),
        (hs, w) => {
          const raw = toRaw(hs);
          const { orders, complaints } = facts(raw);
          const { rows, first, last } = rollup(raw, w);
          const all = series(rows, "all", "", first, last);
          for (let k = first; k < last; k++) {
            const t = monthStart(k + 1);
            const from = monthStart(k);
            const v = all.get(k)!;
            const rep = repeatCounts(orders, t, w);
            expect([v[F.repeatBase], v[F.repeatReturned]]).toEqual([rep.base, rep.returned]);
            const rec = recoveryCounts(complaints, orders, t, w);
            expect([v[F.recoveryBase], v[F.recoveryReturned]]).toEqual([rec.base, rec.returned]);
            const fp = fullPriceCounts(orders, from, t);
            expect([v[F.orders], v[F.ordersFull], v[F.revenue], v[F.revenueFull], v[F.revenueSq]]).toEqual([
              fp.orders,
              fp.ordersFull,
              fp.revenue,
              fp.revenueFull,
              fp.revenueSq,
            ]);
            const wt = waitCounts(orders, from, t);
            expect([v[F.waitOrders], v[F.waitCompleted]]).toEqual([wt.waitOrders, wt.waitCompleted]);
            const rf = referralCounts(orders, from, t);
            expect([v[F.newCustomers], v[F.newReferred]]).toEqual([rf.newCustomers, rf.newReferred]);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("attributes repeat to the location of the last purchase before t − W, each customer once", () => {
    fc.assert(
      fc.property(
        fc.array(history, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 20, max: 100 }),
        (hs, w) => {
          const raw = toRaw(hs);
          const { rows, first, last } = rollup(raw, w);
          const byLocation = [1, 2].map((l) => series(rows, "location", String(l), first, last));
          const W = w * 86_400_000;
          for (let k = first; k < last; k++) {
            const t = monthStart(k + 1);
            const expected = [
              [0, 0],
              [0, 0],
            ];
            for (const h of raw.customers) {
              const done = h.orders
                .filter((o) => o.flags & ORDER_COMPLETED)
                .map((o) => ({ ...o, ms: o.at * MINUTE }));
              const before = done.filter((o) => o.ms < t - W);
              const lastBefore = before[before.length - 1];
              if (!lastBefore || lastBefore.ms < t - 2 * W || lastBefore.location === null) continue;
              const back = done.some((o) => o.ms >= t - W && o.ms < t);
              const e = expected[lastBefore.location - 1]!;
              e[0]!++;
              if (back) e[1]!++;
            }
            byLocation.forEach((s, i) => {
              const v = s.get(k)!;
              expect([v[F.repeatBase], v[F.repeatReturned]]).toEqual(expected[i]);
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("takes back exactly what it added (sign −1)", () => {
    fc.assert(
      fc.property(fc.array(history, { minLength: 1, maxLength: 8 }), (hs) => {
        const batch = toBatch(toRaw(hs).customers);
        const o: ContributionOptions = { windowDays: 90, toLocal: localClock("Europe/Kyiv"), dims: true };
        const [first, last] = monthsTouched([batch], o);
        const acc = createAccumulator(first, last);
        contributeBatch(batch, o, 1, acc);
        contributeBatch(batch, o, -1, acc);
        expect(acc.rows()).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});

describe("local time", () => {
  it("places instants in the zone's month, across daylight saving", () => {
    const kyiv = localClock("Europe/Kyiv");
    // 31 Mar 2024 21:30 UTC is 1 Apr 00:30 in Kyiv (summer time, UTC+3).
    expect(monthIndexToString(monthIndex(kyiv(Date.UTC(2024, 2, 31, 21, 30))))).toBe("2024-04");
    expect(monthIndexToString(monthIndex(kyiv(Date.UTC(2024, 2, 31, 20, 59))))).toBe("2024-03");
    // 31 Jan 22:30 UTC is 1 Feb 00:30 (winter time, UTC+2).
    expect(monthIndexToString(monthIndex(kyiv(Date.UTC(2024, 0, 31, 22, 30))))).toBe("2024-02");
    // The hour of a transition is resolved to the minute: 31 Mar 2024 01:00 UTC switches +2 → +3.
    expect(kyiv(Date.UTC(2024, 2, 31, 0, 59)) - Date.UTC(2024, 2, 31, 0, 59)).toBe(2 * 3_600_000);
    expect(kyiv(Date.UTC(2024, 2, 31, 1, 0)) - Date.UTC(2024, 2, 31, 1, 0)).toBe(3 * 3_600_000);
  });
  it("numbers months and finds their starts", () => {
    expect(monthIndexToString(monthIndex(Date.UTC(1997, 0, 1)))).toBe("1997-01");
    expect(monthIndexToString(monthIndex(Date.UTC(2024, 1, 29, 23, 59)))).toBe("2024-02");
    expect(monthStart(monthIndex(Date.UTC(2024, 1, 15)) + 1)).toBe(Date.UTC(2024, 2, 1));
    expect(monthIndexToString(monthIndex(Date.UTC(2150, 5, 1)))).toBe("2150-06");
  });
});

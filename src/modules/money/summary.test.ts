import { describe, expect, it } from "vitest";
import { loadCdnowSummary, loadCdnowTransactions } from "./cdnow-fixture.ts";
import { compressRfm, summarizeTransactions, type Transaction } from "./summary.ts";

const at = (date: string, hour = 12) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00Z`);

// a: trial on Jan 1 (two rows, one occasion), repeats Jan 8 (two rows → one occasion worth 24) and
//    Jan 22, holdout Feb 5 (two rows → one occasion), and Mar 1 after the holdout end.
// b, e: a single trial on Jan 15 — identical rows for the compression test. c: first seen after calibration.
const tx: Transaction[] = [
  { customerId: "a", time: at("2024-01-01", 9), amount: 10 },
  { customerId: "a", time: at("2024-01-01", 17), amount: 5 },
  { customerId: "b", time: at("2024-01-15"), amount: 7 },
  { customerId: "a", time: at("2024-01-08", 10), amount: 20 },
  { customerId: "a", time: at("2024-01-08", 11), amount: 4 },
  { customerId: "a", time: at("2024-01-22"), amount: 30 },
  { customerId: "c", time: at("2024-02-01"), amount: 99 },
  { customerId: "a", time: at("2024-02-05", 11), amount: 40 },
  { customerId: "a", time: at("2024-02-05", 13), amount: 1 },
  { customerId: "a", time: at("2024-03-01"), amount: 1 },
  { customerId: "e", time: at("2024-01-15", 8), amount: 3 },
];
const options = { calibrationEnd: at("2024-01-29", 23), holdoutEnd: at("2024-02-26") };

describe("summarizeTransactions", () => {
  it("counts repeat occasions by day, in weeks, from the trial to the calibration end", () => {
    const s = summarizeTransactions(tx, options);
    expect(s.customerIds).toEqual(["a", "b", "e"]);
    // a: repeats Jan 8 and Jan 22 → x = 2, t_x = 21 days = 3 weeks, T = 28 days = 4 weeks, mean (24 + 30)/2
    expect(Array.from(s.x)).toEqual([2, 0, 0]);
    expect(Array.from(s.tx)).toEqual([3, 0, 0]);
    expect(Array.from(s.T)).toEqual([4, 2, 2]);
    expect(Array.from(s.meanSpend)).toEqual([27, 0, 0]);
    expect(Array.from(s.holdoutX)).toEqual([1, 0, 0]);
    expect([...s.repeatsByDay.values()].reduce((x, y) => x + y, 0)).toBe(3);
  });

  it("supports days and months, and a zoned day boundary", () => {
    expect(Array.from(summarizeTransactions(tx, { ...options, unit: "days" }).T)).toEqual([28, 14, 14]);
    expect(summarizeTransactions(tx, { ...options, unit: "months" }).T[0]).toBeCloseTo(
      28 / (365.25 / 12),
      14,
    );
    // In UTC+12 the 13:00 UTC Feb 5 row falls on Feb 6 (the 11:00 one stays on Feb 5): two holdout occasions.
    const zoned = summarizeTransactions(tx, {
      ...options,
      dayOf: (t) => Math.floor((t + 12 * 3_600_000) / 86_400_000),
    });
    expect(zoned.holdoutX[0]).toBe(2);
  });

  it("compresses identical (x, t_x, T) into weighted rows", () => {
    const s = summarizeTransactions(tx, options);
    const { rows, rowOf } = compressRfm(s);
    expect(Array.from(rows.weight)).toEqual([1, 2]);
    expect(Array.from(rowOf)).toEqual([0, 1, 1]);
  });

  it("rejects a holdout that does not follow calibration, and bad times", () => {
    expect(() =>
      summarizeTransactions(tx, { calibrationEnd: at("2024-01-29"), holdoutEnd: at("2024-01-29", 20) }),
    ).toThrow(/holdoutEnd/);
    expect(() => summarizeTransactions([{ customerId: "x", time: Number.NaN, amount: 1 }], options)).toThrow(
      /invalid/,
    );
  });

  it("rebuilds the published CDNOW calibration summary from the raw transactions", () => {
    const published = new Map(loadCdnowSummary().map((c) => [String(c.id), c]));
    const s = summarizeTransactions(loadCdnowTransactions(), {
      calibrationEnd: Date.UTC(1997, 8, 30),
      holdoutEnd: Date.UTC(1998, 5, 30),
    });
    expect(s.customerIds.length).toBe(2357);
    expect(s.x.reduce((a, b) => a + b, 0)).toBe(2457);
    expect(s.x.filter((v) => v > 0).length).toBe(946);
    s.customerIds.forEach((id, i) => {
      const c = published.get(id);
      expect(c).toBeDefined();
      if (!c) return;
      expect(s.x[i]).toBe(c.x);
      // The CSV rounds to 2 decimals.
      expect(Math.abs((s.tx[i] as number) - c.tx)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((s.T[i] as number) - c.T)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs((s.meanSpend[i] as number) - c.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    expect(s.holdoutX.reduce((a, b) => a + b, 0)).toBe(1882);
  });
});

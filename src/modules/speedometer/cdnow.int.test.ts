import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyRows } from "../../platform/db/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { speedometerReport } from "./service.ts";
import { rebuild } from "./store.ts";

/**
 * Acceptance 6: on the real CDNOW purchases (../shared/data/cdnow, read in place), the repeat component per
 * month equals an independent count written here without the module's code. The rows go in with COPY:
 * the Intake importer is being written separately, and this test checks the speedometer, not the import.
 */
const file = sharedDataFile("cdnow/CDNOW_sample.txt");

type Purchase = { customer: string; day: number; cents: number };

/** Columns: master id, sample id, YYYYMMDD, CDs, dollars; whitespace-separated, CRLF. */
function readPurchases(): Purchase[] {
  return fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const [, id, ymd, , dollars] = l.trim().split(/\s+/);
      const day = Date.UTC(Number(ymd!.slice(0, 4)), Number(ymd!.slice(4, 6)) - 1, Number(ymd!.slice(6, 8)));
      return { customer: id!, day, cents: Math.round(Number(dollars) * 100) };
    });
}

describe("CDNOW: repeat per month", () => {
  let t: TestDatabase;
  let ws: number;
  const purchases = readPurchases();

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('cdnow', 'CDNOW', 'USD', 'UTC') RETURNING id",
      )
    ).rows[0]!.id;
    const client = await t.pool.connect();
    try {
      const customers = [...new Set(purchases.map((p) => p.customer))];
      await copyRows(
        client,
        "customer",
        ["workspace_id", "external_id"],
        customers.map((c) => [ws, c]),
      );
      const ids = new Map(
        (await client.query("SELECT id, external_id FROM customer WHERE workspace_id = $1", [ws])).rows.map(
          (r) => [r.external_id as string, r.id as number],
        ),
      );
      await copyRows(
        client,
        "orders",
        [
          "workspace_id",
          "external_id",
          "customer_id",
          "ordered_at",
          "amount",
          "list_amount",
          "currency",
          "channel",
        ],
        purchases.map((p, i) => [
          ws,
          `line-${i + 1}`,
          ids.get(p.customer)!,
          new Date(p.day),
          p.cents,
          p.cents,
          "USD",
          "online",
        ]),
      );
    } finally {
      client.release();
    }
    await rebuild(t.pool, ws);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("holds the whole file", () => {
    expect(purchases).toHaveLength(6919);
    expect(new Set(purchases.map((p) => p.customer)).size).toBe(2357);
  });

  it("matches an independent count for every month from January 1997 to June 1998", async () => {
    const DAY = 86_400_000;
    const W = 90 * DAY;
    const expected = new Map<string, { base: number; returned: number }>();
    for (let k = 0; k < 18; k++) {
      const y = 1997 + Math.floor(k / 12);
      const m = k % 12;
      const t = Date.UTC(y, m + 1, 1);
      const cohort = new Set(
        purchases.filter((p) => p.day >= t - 2 * W && p.day < t - W).map((p) => p.customer),
      );
      const again = new Set(purchases.filter((p) => p.day >= t - W && p.day < t).map((p) => p.customer));
      expected.set(`${y}-${String(m + 1).padStart(2, "0")}`, {
        base: cohort.size,
        returned: [...cohort].filter((c) => again.has(c)).length,
      });
    }
    expect(expected.size).toBe(18);
    const report = await speedometerReport(t.pool, ws, { to: "1998-06" }, new Date("2025-01-01T00:00:00Z"));
    const seen = new Map(report.trend.map((p) => [p.month, p.components.repeat]));
    for (const [month, e] of expected) {
      const r = seen.get(month)!;
      expect({ month, base: r.denominator, returned: r.numerator }).toEqual({ month, ...e });
      if (e.base >= 30) expect(r.value).toBeCloseTo(e.returned / e.base, 12);
      else expect(r.value).toBeNull();
    }
    // April 1997 (t = 1 May: cohort window [2 Nov, 31 Jan)) holds the January buyers; from then on every
    // month has a cohort large enough to show a number.
    expect(expected.get("1997-04")!.base).toBe(759);
    expect([...expected.values()].filter((e) => e.base >= 30)).toHaveLength(15);
  });
});

import { describe, expect, it } from "vitest";
import { toCsv } from "../intake/csv.ts";
import type { ChannelFigures, Proportion, ServiceReport } from "./service-api.ts";
import {
  byHourTable,
  channelShiftTable,
  heatmapTable,
  outsideTable,
  slaByChannel,
  slaByWeek,
  timesByChannel,
  twoChannelTable,
  waitBucketsTable,
  waitDistributionTable,
} from "./tables.ts";

const share = (numerator: number, denominator: number): Proportion => ({
  numerator,
  denominator,
  value: denominator >= 30 ? numerator / denominator : null,
  lower: denominator >= 30 ? 0.1 : null,
  upper: denominator >= 30 ? 0.2 : null,
  enough: denominator >= 30,
});
const d = (median: number | null, p90: number | null, n: number) => ({ median, p90, mean: median, n });

/** A channel with `requests` requests of which `answered` answered; times in hours chosen by hand. */
function figures(channel: ChannelFigures["channel"], requests: number, answered: number): ChannelFigures {
  return {
    channel,
    requests,
    answered: share(answered, requests),
    insideHours: share(Math.round(requests / 4), requests),
    firstResponse: { calendar: d(12.345, 40, answered), business: d(1.5, 4.125, answered) },
    resolution: { calendar: d(43, 130, answered), business: d(9, null, answered) },
    sla: { firstResponse: share(36, 40), resolution: share(30, 40), running: 3 },
    secondChannelTries: 1,
    byHour: { requests: [], meanFirstResponseHours: [] },
  };
}

function report(): ServiceReport {
  const counts = new Array<number>(168).fill(0);
  const outside = new Array<number>(168).fill(0);
  const open = new Array<number>(168).fill(0);
  counts[20] = 5;
  outside[20] = 5;
  const mean: Array<number | null> = new Array<number | null>(168).fill(null);
  mean[20] = 14.256;
  open[9] = 1;
  return {
    workspace: { id: 1, slug: "demo", name: "Demo", timeZone: "Europe/Kyiv" },
    period: { from: "2026-08", to: "2026-10", months: 3, trendFrom: "2025-11" },
    filters: { location: null, channel: null, kind: null },
    freshness: { rebuiltAt: null, refreshedAt: null, stale: false },
    percentiles: { method: "exact", definition: "type 7" },
    hours: { source: "assumed", openShare: open },
    total: figures(null, 60, 50),
    channels: [figures("email", 40, 30), figures("telegram", 20, 20)],
    heatmap: {
      requests: { counts, outside, meanFirstResponseHours: mean },
      orders: { counts: open, outside: counts },
    },
    outsideHours: {
      requests: share(45, 60),
      orders: share(0, 0),
      firstResponseInside: { calendar: d(0.4166, 17.41, 15), business: d(0.4166, 3.3, 15) },
      firstResponseOutside: { calendar: d(18.8, 50, 45), business: d(1.7, 5, 45) },
      extraWaitHours: 18.38,
    },
    verdicts: [],
    channelShift: {
      months: ["2026-09", "2026-10"],
      channels: [
        {
          channel: "email",
          counts: [3, 1],
          shares: [0.75, 0.25],
          firstShare: 0.75,
          lastShare: 0.25,
          changePoints: -50,
        },
        {
          channel: "telegram",
          counts: [1, 3],
          shares: [0.25, 0.75],
          firstShare: 0.25,
          lastShare: 0.75,
          changePoints: 50,
        },
      ],
    },
    twoChannel: {
      customers: 2,
      requests: 3,
      windowHours: 72,
      pairs: [{ from: "web", to: "email", requests: 3 }],
    },
    sla: {
      source: "default",
      policies: [],
      byLocation: [],
      byWeek: [{ week: "2026-08-03", requests: 50, firstResponse: share(41, 50), resolution: share(42, 50) }],
    },
    orderWaits: {
      orders: 20,
      waited: share(8, 20),
      medianWaitDays: 5,
      p90WaitDays: 9,
      distribution: [
        { waitDays: 0, orders: 12, completed: 11, cancelled: 0, returned: 1 },
        { waitDays: 5, orders: 8, completed: 5, cancelled: 3, returned: 0 },
      ],
      buckets: [{ label: "4–7", from: 4, to: 7, orders: 40, cancellation: share(9, 36) }],
    },
    locations: [],
  };
}

describe("the page's tables as CSV rows", () => {
  it("times per channel: the total first, hours to a hundredth, shares in percent to a tenth", () => {
    const t = timesByChannel(report(), (c) => c.channel ?? "All");
    expect(t.columns).toHaveLength(t.rows[0]?.length ?? 0);
    expect(t.rows.map((r) => r[0])).toEqual(["All", "email", "telegram"]);
    // email: 40 requests, 30 answered = 75.0 %; 10 of 40 in hours = 25.0 %
    expect(t.rows[1]).toEqual(["email", 40, 30, 75, 25, 12.35, 40, 1.5, 4.13, 43, 130, 9, null]);
    // telegram: 20 requests are below the 30 needed for a share, so the shares are empty
    expect(t.rows[2]?.slice(0, 5)).toEqual(["telegram", 20, 20, null, null]);
  });

  it("SLA per channel: 36 of 40 met = 4 breached, 90.0 %; 30 of 40 = 10 breached, 75.0 %", () => {
    const t = slaByChannel(report(), (c) => c.channel ?? "All");
    expect(t.rows[1]).toEqual(["email", 40, 36, 4, 90, 30, 10, 75, 3]);
  });

  it("SLA per week: 41 of 50 = 82.0 %, 42 of 50 = 84.0 %", () => {
    expect(slaByWeek(report()).rows).toEqual([["2026-08-03", 50, 41, 9, 82, 42, 8, 84]]);
  });

  it("the heatmap: 168 rows, Monday 00:00 first, with both layers and the overlay", () => {
    const t = heatmapTable(report(), (d) => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][d] ?? "");
    expect(t.rows).toHaveLength(168);
    expect(t.rows[0]).toEqual(["Mon", "00:00", 0, 0, 0, null, 0, 0]);
    expect(t.rows[9]).toEqual(["Mon", "09:00", 1, 0, 0, null, 1, 0]);
    expect(t.rows[20]).toEqual(["Mon", "20:00", 0, 5, 5, 14.26, 0, 5]);
    expect(t.rows[167]?.slice(0, 2)).toEqual(["Sun", "23:00"]);
  });

  it("in and outside the hours: 15 and 45 requests with their medians", () => {
    expect(outsideTable(report(), { inside: "in", outside: "out" }).rows).toEqual([
      ["in", 15, 0.42, 17.41, 0.42, 3.3],
      ["out", 45, 18.8, 50, 1.7, 5],
    ]);
  });

  it("channel shift: one row per channel and month, shares in percent", () => {
    expect(channelShiftTable(report(), (c) => c).rows).toEqual([
      ["email", "2026-09", 3, 75],
      ["email", "2026-10", 1, 25],
      ["telegram", "2026-09", 1, 25],
      ["telegram", "2026-10", 3, 75],
    ]);
  });

  it("two channels: the pairs", () => {
    expect(twoChannelTable(report(), (c) => c.toUpperCase()).rows).toEqual([["WEB", "EMAIL", 3]]);
  });

  it("order waits: cancellation = 3 / (5 + 3) = 37.5 %; none without completed or cancelled orders", () => {
    expect(waitDistributionTable(report()).rows).toEqual([
      [0, 12, 11, 0, 1, 0],
      [5, 8, 5, 3, 0, 37.5],
    ]);
    // 9 of 36 = 25.0 %, the interval as the server gave it (10 % to 20 % in this fixture)
    expect(waitBucketsTable(report()).rows).toEqual([["4–7", 40, 9, 36, 25, 10, 20]]);
  });

  it("by hour of the day: 24 rows per channel, the total first", () => {
    const r = report();
    const requests = new Array<number>(24).fill(0);
    const mean = new Array<number | null>(24).fill(null);
    requests[20] = 5;
    mean[20] = 14.256;
    r.total.byHour = { requests, meanFirstResponseHours: mean };
    const t = byHourTable(r, (c) => c.channel ?? "All");
    expect(t.rows).toHaveLength(3 * 24);
    expect(t.rows[20]).toEqual(["All", "20:00", 5, 14.26]);
    expect(t.rows[0]).toEqual(["All", "00:00", 0, null]);
    expect(t.rows[24]?.slice(0, 2)).toEqual(["email", "00:00"]);
  });

  it("becomes CSV with the reader's header words and a neutralised formula", () => {
    const t = twoChannelTable(report(), (c) => (c === "web" ? "=HYPERLINK(1)" : c));
    expect(toCsv(["Від", "До", "Звернення"], t.rows)).toBe("Від,До,Звернення\r\n'=HYPERLINK(1),email,3\r\n");
  });
});

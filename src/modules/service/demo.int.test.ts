import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { loadDemo } from "../demo/index.ts";
import type { ServiceReport } from "./report.ts";
import { serviceReport } from "./service.ts";
import { rebuild, refresh } from "./store.ts";

/**
 * The demo plants an evening and weekend gap: customers write at all hours, the contact centre answers
 * Mon–Fri 09:00–18:00 (workspace.settings.workingHours.contactCentre). The page must find it.
 */
describe("service figures on the demo workspace", () => {
  let t: TestDatabase;
  let ws: number;
  let report: ServiceReport;
  const now = new Date("2026-11-05T12:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name) VALUES ('s-test','S') RETURNING id",
      )
    ).rows[0]!.id;
    await loadDemo(t.pool, ws, { seed: 1, customers: 1200, endDate: new Date("2026-11-01") });
    await rebuild(t.pool, ws, new Date("2026-11-01T00:00:00Z"));
    report = await serviceReport(t.pool, ws, { from: "2025-11", to: "2026-10" }, now);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("finds the planted evening gap and says so", () => {
    expect(report.hours.source).toBe("workspace_settings");
    const outside = report.outsideHours.requests;
    expect(outside.enough).toBe(true);
    expect(outside.value).toBeGreaterThan(0.3);
    // Answered the next working morning: hours longer than those written while someone is there.
    expect(report.outsideHours.extraWaitHours).toBeGreaterThan(6);
    expect(report.verdicts[0]).toMatchObject({ key: "outside_hours_wait_longer", tone: "bad" });
    // Evenings and weekends hold demand, and it is outside the hours there.
    const h = report.heatmap.requests;
    const cells = h.counts.map((count, i) => ({
      weekday: Math.floor(i / 24),
      hour: i % 24,
      count,
      outside: h.outside[i]!,
    }));
    // After the shops close (21:00) nobody answers anything; between 18 and 21 only shop counters do.
    const late = cells.filter((c) => c.weekday < 5 && c.hour >= 21);
    expect(late.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(0);
    expect(late.every((c) => c.outside === c.count)).toBe(true);
    const evening = cells.filter((c) => c.weekday < 5 && c.hour >= 18 && c.hour < 21);
    const eveningCount = evening.reduce((s, c) => s + c.count, 0);
    expect(evening.reduce((s, c) => s + c.outside, 0)).toBeGreaterThan(0.8 * eveningCount);
    const weekend = cells.filter((c) => c.weekday >= 5);
    expect(weekend.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(0);
    // The overlay is the contact centre's 45 hours a week.
    expect(report.hours.openShare.reduce((a, b) => a + b, 0)).toBe(45);
  });

  it("answers in-person requests on the spot, in the shop's own hours", () => {
    const inPerson = report.channels.find((c) => c.channel === "in_person");
    expect(inPerson).toBeDefined();
    expect(inPerson!.insideHours.numerator / inPerson!.requests).toBeGreaterThan(0.9);
    expect(inPerson!.firstResponse.calendar.median).toBeLessThan(0.2);
  });

  it("gives every figure of the page: channels, shift, SLA by week and location, order waits", () => {
    expect(report.channels.length).toBeGreaterThanOrEqual(6);
    expect(report.channelShift.months).toHaveLength(12);
    expect(report.sla.source).toBe("default");
    expect(report.sla.byWeek.length).toBeGreaterThanOrEqual(50);
    expect(report.sla.byLocation.length).toBeGreaterThanOrEqual(4);
    expect(report.orderWaits.orders).toBeGreaterThan(1000);
    expect(report.orderWaits.buckets[0]!.cancellation.enough).toBe(true);
    const heat = report.heatmap.requests.counts.reduce((s, c) => s + c, 0);
    expect(heat).toBe(report.total.requests);
  });

  it("binned percentiles stay within a bin (9 %) of the exact ones", async () => {
    const binned = await serviceReport(t.pool, ws, { from: "2025-11", to: "2026-10" }, now, {
      exactLimit: 0,
    });
    expect(report.percentiles.method).toBe("exact");
    expect(binned.percentiles.method).toBe("binned");
    const pairs = [
      [report.total.firstResponse.calendar.median, binned.total.firstResponse.calendar.median],
      [report.total.firstResponse.business.p90, binned.total.firstResponse.business.p90],
      [report.total.resolution.calendar.median, binned.total.resolution.calendar.median],
      [
        report.outsideHours.firstResponseOutside.calendar.median,
        binned.outsideHours.firstResponseOutside.calendar.median,
      ],
    ];
    for (const [exact, approx] of pairs) {
      expect(Math.abs((approx as number) / (exact as number) - 1)).toBeLessThan(0.09);
    }
  });

  it("an incremental refresh leaves the same rollups as a rebuild", async () => {
    const since = (await t.pool.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
    // A late answer for a few requests of the last months, and a new request by an existing customer.
    await t.pool.query(
      `UPDATE request SET first_response_at = created_at + interval '30 hours', updated_at = now()
       WHERE workspace_id = $1 AND id IN (SELECT id FROM request WHERE workspace_id = $1 AND first_response_at IS NOT NULL
         AND resolved_at IS NULL ORDER BY created_at DESC LIMIT 5)`,
      [ws],
    );
    await t.pool.query(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at)
       SELECT $1, 'late-new', customer_id, 'vk', 'complaint', '2026-10-30T20:00:00Z' FROM request
       WHERE workspace_id = $1 AND customer_id IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
      [ws],
    );
    const r = await refresh(t.pool, ws, { since, now: new Date("2026-11-01T00:00:00Z") });
    expect(r.mode).toBe("incremental");
    const snapshot = async () =>
      (
        await t.pool.query(
          `SELECT dim, value, month, channel, in_hours, requests, answered, fr_sum, frb_sum, fr_met, fr_breached, switched,
             md5(heat || heat_answered || heat_fr_sum || hist_fr || hist_frb || hist_res || hist_resb) AS arrays
           FROM service_rollup WHERE workspace_id = $1 ORDER BY dim, value, month, channel, in_hours`,
          [ws],
        )
      ).rows;
    const weeks = async () =>
      (
        await t.pool.query(
          "SELECT * FROM service_week WHERE workspace_id = $1 ORDER BY dim, value, week, channel",
          [ws],
        )
      ).rows;
    const [incremental, incrementalWeeks] = [await snapshot(), await weeks()];
    await rebuild(t.pool, ws, new Date("2026-11-01T00:00:00Z"));
    expect(incremental).toEqual(await snapshot());
    expect(incrementalWeeks).toEqual(await weeks());
  });
});

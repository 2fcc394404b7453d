import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import type { ServiceReport } from "./report.ts";
import { registerServiceRoutes } from "./routes.ts";
import { rebuild, refresh } from "./store.ts";
import {
  addCustomers,
  addOrders,
  addRequests,
  apiToken,
  createWorkspace,
  memberSession,
} from "./test-fixture.ts";

/**
 * Five requests in Europe/Kyiv in March 2024, around the 8 March holiday, a weekend, midnight and the
 * spring change (31 March 03:00 → 04:00, UTC+2 → UTC+3). Hours: Mon–Fri 09:00–18:00; SLA: 60 business
 * minutes to answer and 480 to resolve, Telegram 30 calendar minutes to answer. Every figure is worked
 * out by hand below (local times in brackets).
 *
 *   R1 email     A  Fri 29 Mar 15:30Z (17:30, in)  → answered Mon 1 Apr 06:30Z (09:30), resolved 08:00Z (11:00)
 *        first response 63 h calendar (the weekend lost an hour), 1 h business (Fri 0.5 + Mon 0.5)
 *        resolution 64.5 h / 2.5 h; SLA answer due Mon 09:30 → met (on the minute), resolve due Mon 16:30 → met
 *   R2 telegram  A  Sat 30 Mar 19:00Z (21:00, out) → answered Mon 1 Apr 07:00Z (10:00)
 *        36 h / 1 h; due 30 calendar minutes → breached; no resolution target. Second-channel try (after R1).
 *   R3 web       B  Wed 27 Mar 20:00Z (22:00, out) → answered Thu 07:30Z (09:30), resolved Thu 10:00Z (12:00)
 *        11.5 h / 0.5 h; resolution 14 h / 3 h; due Thu 10:00 → met; resolve due Thu 17:00 → met
 *   R4 phone     C  Thu 7 Mar 14:00Z (16:00, in)   → answered and resolved Mon 11 Mar 07:00Z (09:00)
 *        89 h / 2 h (Fri 8 Mar is a holiday); due Thu 17:00 → breached; resolve due Mon 15:00 → met
 *   R5 email     A  Sun 31 Mar 10:00Z (13:00, out) praise, never answered; at the rebuild (31 Mar 12:00Z)
 *        both deadlines (Mon 10:00 and Mon 17:00) lie ahead: running; read on 15 Apr: breached.
 *        Praise never counts as a second-channel try.
 */
const REBUILT_AT = new Date("2024-03-31T12:00:00Z");
const READ_AT = new Date("2024-04-15T12:00:00Z");

describe("service API on a hand-made workspace", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  let owner: Record<string, string>;
  let viewer: Record<string, string>;
  let report: ServiceReport;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await buildApp({ pool: t.pool, version: "test", logLevel: "error" });
    registerServiceRoutes(app, {
      pool: t.pool,
      now: () => READ_AT,
      afterSettings: (id) => rebuild(t.pool, id, REBUILT_AT),
    });
    await app.ready();
    ws = await createWorkspace(t.pool, "hand");
    owner = await memberSession(t.pool, ws, "owner");
    viewer = await apiToken(t.pool, ws, "viewer");
    const c = await addCustomers(t.pool, ws, ["A", "B", "C"]);
    await addRequests(t.pool, ws, [
      {
        ext: "R1",
        customer: c.get("A")!,
        channel: "email",
        kind: "complaint",
        at: "2024-03-29T15:30Z",
        answered: "2024-04-01T06:30Z",
        resolved: "2024-04-01T08:00Z",
      },
      {
        ext: "R2",
        customer: c.get("A")!,
        channel: "telegram",
        kind: "question",
        at: "2024-03-30T19:00Z",
        answered: "2024-04-01T07:00Z",
      },
      {
        ext: "R3",
        customer: c.get("B")!,
        channel: "web",
        kind: "complaint",
        at: "2024-03-27T20:00Z",
        answered: "2024-03-28T07:30Z",
        resolved: "2024-03-28T10:00Z",
        subject: "=HYPERLINK(1)",
      },
      {
        ext: "R4",
        customer: c.get("C")!,
        channel: "phone",
        kind: "question",
        at: "2024-03-07T14:00Z",
        answered: "2024-03-11T07:00Z",
        resolved: "2024-03-11T07:00Z",
        subject: "-5",
      },
      { ext: "R5", customer: c.get("A")!, channel: "email", kind: "praise", at: "2024-03-31T10:00Z" },
    ]);
    await addOrders(t.pool, ws, [
      { ext: "O1", customer: c.get("A")!, at: "2024-03-12T10:00Z", wait: 0, status: "completed" },
      { ext: "O2", customer: c.get("B")!, at: "2024-03-13T10:00Z", wait: 3, status: "cancelled" },
      { ext: "O3", customer: c.get("C")!, at: "2024-03-14T10:00Z", wait: 3, status: "completed" },
      { ext: "O4", customer: c.get("A")!, at: "2024-03-15T10:00Z", wait: 10, status: "cancelled" },
      { ext: "O5", customer: c.get("B")!, at: "2024-03-16T18:00Z", wait: 0, status: "completed" }, // Sat 20:00
    ]);
    const week = {
      mon: [{ from: "09:00", to: "18:00" }],
      tue: [{ from: "09:00", to: "18:00" }],
      wed: [{ from: "09:00", to: "18:00" }],
      thu: [{ from: "09:00", to: "18:00" }],
      fri: [{ from: "09:00", to: "18:00" }],
    };
    const put = await app.inject({
      method: "PUT",
      url: "/api/workspaces/hand/service/settings",
      headers: owner,
      payload: {
        hours: [{ locationId: null, channel: null, timeZone: "Europe/Kyiv", week }],
        holidays: [{ date: "2024-03-08", name: "8 March", locationId: null }],
        slaPolicies: [
          { channel: null, kind: null, clock: "business", firstResponseMinutes: 60, resolutionMinutes: 480 },
          {
            channel: "telegram",
            kind: null,
            clock: "calendar",
            firstResponseMinutes: 30,
            resolutionMinutes: null,
          },
        ],
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const res = await app.inject({
      url: "/api/workspaces/hand/service?from=2024-03&to=2024-03",
      headers: viewer,
    });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("computes exact medians and p90 (type 7) in calendar and business hours", () => {
    expect(report.percentiles.method).toBe("exact");
    const fr = report.total.firstResponse;
    // Calendar 11.5, 36, 63, 89: median 36 + ½·27 = 49.5; p90 at rank 2.7: 63 + 0.7·26 = 81.2.
    expect(fr.calendar.n).toBe(4);
    expect(fr.calendar.median).toBeCloseTo(49.5, 9);
    expect(fr.calendar.p90).toBeCloseTo(81.2, 9);
    expect(fr.calendar.mean).toBeCloseTo((11.5 + 36 + 63 + 89) / 4, 9);
    // Business 0.5, 1, 1, 2: median 1; p90 1 + 0.7·1 = 1.7.
    expect(fr.business.median).toBeCloseTo(1, 9);
    expect(fr.business.p90).toBeCloseTo(1.7, 9);
    const res = report.total.resolution;
    // Calendar 14, 64.5, 89: median 64.5; p90 at rank 1.8: 64.5 + 0.8·24.5 = 84.1. Business 2, 2.5, 3 → 2.5 and 2.9.
    expect(res.calendar.median).toBeCloseTo(64.5, 9);
    expect(res.calendar.p90).toBeCloseTo(84.1, 9);
    expect(res.business.median).toBeCloseTo(2.5, 9);
    expect(res.business.p90).toBeCloseTo(2.9, 9);
  });

  it("splits by channel, counts answers and the second-channel try", () => {
    const email = report.channels.find((c) => c.channel === "email")!;
    expect(email.requests).toBe(2);
    expect(email.answered).toMatchObject({ numerator: 1, denominator: 2, value: null, enough: false });
    expect(email.firstResponse.calendar.median).toBeCloseTo(63, 9);
    const telegram = report.channels.find((c) => c.channel === "telegram")!;
    expect(telegram.secondChannelTries).toBe(1);
    expect(report.twoChannel).toMatchObject({ customers: 1, requests: 1, windowHours: 72 });
    expect(report.twoChannel.pairs).toEqual([{ from: "email", to: "telegram", requests: 1 }]);
  });

  it("places requests on the Kyiv clock and measures the outside-hours gap", () => {
    const heat = report.heatmap.requests;
    const cell = (wd: number, h: number) => ({
      count: heat.counts[wd * 24 + h],
      outside: heat.outside[wd * 24 + h],
      meanFirstResponseHours: heat.meanFirstResponseHours![wd * 24 + h],
    });
    expect(cell(4, 17)).toMatchObject({ count: 1, outside: 0 }); // R1 Fri 17:30
    expect(cell(5, 21)).toMatchObject({ count: 1, outside: 1 }); // R2 Sat 21:00
    expect(cell(2, 22).count).toBe(1); // R3 Wed 22:00
    expect(cell(3, 16).count).toBe(1); // R4 Thu 16:00
    expect(cell(6, 13).count).toBe(1); // R5 Sun 13:00 (after the change)
    expect(heat.counts.reduce((s, c) => s + c, 0)).toBe(5);
    expect(cell(5, 21).meanFirstResponseHours).toBeCloseTo(36, 9);
    // Out: R2, R3, R5 of 5. Medians of the answered: inside 63, 89 → 76; outside 11.5, 36 → 23.75.
    expect(report.outsideHours.requests).toMatchObject({ numerator: 3, denominator: 5 });
    expect(report.outsideHours.firstResponseInside.calendar.median).toBeCloseTo(76, 9);
    expect(report.outsideHours.firstResponseOutside.calendar.median).toBeCloseTo(23.75, 9);
    expect(report.outsideHours.extraWaitHours).toBeCloseTo(-52.25, 9);
    expect(report.verdicts[0]).toMatchObject({ key: "not_enough_data", values: { requests: 5 } });
    // The overlay: Mon–Fri 09–18 → 45 open hours a week.
    expect(report.hours.source).toBe("service_settings");
    expect(report.hours.openShare.reduce((a, b) => a + b, 0)).toBe(45);
  });

  it("judges SLAs, re-judging requests that were running at the rebuild against now", () => {
    // Answer: met R1, R3; breached R2, R4, and R5 (running at the rebuild, late by 15 April).
    expect(report.total.sla.firstResponse).toMatchObject({ numerator: 2, denominator: 5 });
    // Resolution: met R1, R3, R4; breached R5; R2 has no target.
    expect(report.total.sla.resolution).toMatchObject({ numerator: 3, denominator: 4 });
    expect(report.sla.source).toBe("custom");
    const weeks = Object.fromEntries(report.sla.byWeek.map((w) => [w.week, w.firstResponse]));
    expect(weeks["2024-03-04"]).toMatchObject({ numerator: 0, denominator: 1 }); // R4
    expect(weeks["2024-03-25"]).toMatchObject({ numerator: 2, denominator: 4 }); // R1, R2, R3, R5
  });

  it("summarises order waits: exact wait percentiles and cancellation by wait", () => {
    const w = report.orderWaits;
    expect(w.orders).toBe(5);
    expect(w.waited).toMatchObject({ numerator: 3, denominator: 5 });
    // Waits 3, 3, 10: median 3; p90 at rank 1.8: 3 + 0.8·7 = 8.6.
    expect(w.medianWaitDays).toBe(3);
    expect(w.p90WaitDays).toBeCloseTo(8.6, 9);
    const bucket = (label: string) => w.buckets.find((b) => b.label === label)!.cancellation;
    expect(bucket("0")).toMatchObject({ numerator: 0, denominator: 2 });
    expect(bucket("2–3")).toMatchObject({ numerator: 1, denominator: 2 });
    expect(bucket("8–14")).toMatchObject({ numerator: 1, denominator: 1 });
    expect(report.outsideHours.orders).toMatchObject({ numerator: 1, denominator: 5 }); // O5 on Saturday
  });

  it("drills down to the requests behind a cell", async () => {
    const get = async (q: string) => {
      const r = await app.inject({
        url: `/api/workspaces/hand/service/requests?from=2024-03&to=2024-03&${q}`,
        headers: viewer,
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as {
        total: number;
        requests: Array<{ externalId: string; firstResponseSla: string | null }>;
      };
    };
    expect((await get("weekday=5&hour=21")).requests.map((r) => r.externalId)).toEqual(["R2"]);
    const breached = await get("firstResponseSla=breached");
    expect(breached.requests.map((r) => r.externalId).sort()).toEqual(["R2", "R4", "R5"]);
    expect((await get("inHours=false")).total).toBe(3);
    expect((await get("secondChannel=true")).requests.map((r) => r.externalId)).toEqual(["R2"]);
    const paged = await get("limit=2&offset=2");
    expect(paged.total).toBe(5);
    expect(paged.requests.map((r) => r.externalId)).toEqual(["R1", "R3"]); // newest first: R5, R2 | R1, R3 | R4
    const orders = await app.inject({
      url: "/api/workspaces/hand/service/orders?from=2024-03&to=2024-03&waitFrom=2&waitTo=3",
      headers: viewer,
    });
    expect(orders.json().total).toBe(2);
  });

  it("exports CSV with a BOM and neutralised formulas, for the export permission only", async () => {
    expect(
      (await app.inject({ url: "/api/workspaces/hand/service.csv?from=2024-03&to=2024-03", headers: viewer }))
        .statusCode,
    ).toBe(403);
    const manager = await apiToken(t.pool, ws, "manager");
    const csv = await app.inject({
      url: "/api/workspaces/hand/service.csv?from=2024-03&to=2024-03",
      headers: manager,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body.startsWith("\uFEFFsection,period_from")).toBe(true);
    expect(csv.body).toContain("summary,2024-03,2024-03,all,,,,,,,requests,5,");
    const rows = await app.inject({
      url: "/api/workspaces/hand/service/requests.csv?from=2024-03&to=2024-03",
      headers: manager,
    });
    expect(rows.body).toContain(",'=HYPERLINK(1),");
    expect(rows.body).toContain(",-5,");
  });

  it("guards the settings: read for everyone, write for manage_settings; validates every field", async () => {
    const got = await app.inject({ url: "/api/workspaces/hand/service/settings", headers: viewer });
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({
      timeZone: "Europe/Kyiv",
      stale: false,
      effective: { slaSource: "custom" },
    });
    const denied = await app.inject({
      method: "PUT",
      url: "/api/workspaces/hand/service/settings",
      headers: viewer,
      payload: { hours: [], holidays: [], slaPolicies: [] },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({
      method: "PUT",
      url: "/api/workspaces/hand/service/settings",
      headers: owner,
      payload: {
        hours: [
          {
            locationId: null,
            channel: null,
            timeZone: "Mars/Base",
            week: { mon: [{ from: "9:00", to: "18:00" }] },
          },
        ],
        holidays: [],
        slaPolicies: [],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error.details)).toContain("hours.0.timeZone");
  });

  it("refreshes incrementally: a new answer moves only what it touches", async () => {
    const since = (await t.pool.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
    await t.pool.query(
      "UPDATE request SET first_response_at = '2024-03-31T12:30:00Z', status = 'pending', updated_at = now() WHERE workspace_id = $1 AND external_id = 'R5'",
      [ws],
    );
    const r = await refresh(t.pool, ws, { since, now: REBUILT_AT });
    expect(r).toMatchObject({ mode: "incremental", requests: 3 }); // A's three requests
    const after = (
      await app.inject({ url: "/api/workspaces/hand/service?from=2024-03&to=2024-03", headers: viewer })
    ).json();
    // R5 answered at Sun 15:30 local, before Monday's opening: met. Now 3 of 5.
    expect(after.total.sla.firstResponse).toMatchObject({ numerator: 3, denominator: 5 });
    expect(after.total.firstResponse.calendar.n).toBe(5);
  });
});

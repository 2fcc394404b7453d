import { describe, expect, it } from "vitest";
import { type FactContext, monthOfDay, requestFact, weekStartOfDay } from "./facts.ts";
import { scheduleResolver } from "./hours-config.ts";
import { orderAccumulator, requestAccumulator } from "./rollup.ts";
import { dayToIso, isoToDay, zoneOf } from "./zone.ts";

const at = (iso: string) => Date.parse(iso);
const ctx = (now: string): FactContext => ({
  display: zoneOf("Europe/Kyiv"),
  schedules: scheduleResolver({
    workspaceTimeZone: "Europe/Kyiv",
    rules: [],
    workspaceHours: null,
    locationHours: new Map(),
    holidays: [],
  }),
  policies: [
    { channel: null, kind: null, clock: "business", firstResponseMinutes: 60, resolutionMinutes: 480 },
  ],
  now: at(now),
});

describe("a request's fact", () => {
  it("reads the Friday-evening request across the spring change (Kyiv, Mon–Fri 09–18)", () => {
    const f = requestFact(
      {
        id: 1,
        customerId: 5,
        channel: "email",
        kind: "complaint",
        createdAt: at("2024-03-29T15:30:00Z"),
        firstResponseAt: at("2024-04-01T06:30:00Z"),
        resolvedAt: at("2024-04-01T08:00:00Z"),
        locationId: null,
      },
      ctx("2024-04-15T00:00:00Z"),
    );
    expect(dayToIso(f.day)).toBe("2024-03-29");
    expect([f.weekday, f.hour, f.inHours]).toEqual([4, 17, true]);
    expect([f.firstResponseS, f.firstResponseBusinessS]).toEqual([63 * 3600, 3600]);
    expect([f.resolutionS, f.resolutionBusinessS]).toEqual([64.5 * 3600, 2.5 * 3600]);
    expect(new Date(f.firstResponseDue!).toISOString()).toBe("2024-04-01T06:30:00.000Z");
    expect(new Date(f.resolutionDue!).toISOString()).toBe("2024-04-01T13:30:00.000Z");
    expect([f.firstResponseSla, f.resolutionSla]).toEqual(["met", "met"]);
  });

  it("counts a resolution without a recorded answer as the answer, and judges open requests by now", () => {
    const row = {
      id: 2,
      customerId: null,
      channel: "web" as const,
      kind: "question" as const,
      createdAt: at("2024-06-03T06:00:00Z"), // Mon 09:00
      firstResponseAt: null,
      resolvedAt: at("2024-06-03T08:00:00Z"),
      locationId: null,
    };
    expect(requestFact(row, ctx("2024-06-04T00:00:00Z"))).toMatchObject({
      firstResponseS: 7200,
      firstResponseSla: "breached",
      resolutionSla: "met",
    });
    const open = { ...row, resolvedAt: null };
    expect(requestFact(open, ctx("2024-06-03T06:30:00Z"))).toMatchObject({
      firstResponseS: null,
      firstResponseSla: "running",
    });
    expect(requestFact(open, ctx("2024-06-03T07:00:01Z")).firstResponseSla).toBe("breached");
  });

  it("names months and Mondays on the local calendar", () => {
    expect(monthOfDay(isoToDay("2024-02-29"))).toBe("2024-02");
    expect(dayToIso(weekStartOfDay(isoToDay("2024-03-31")))).toBe("2024-03-25");
    expect(dayToIso(weekStartOfDay(isoToDay("2024-03-25")))).toBe("2024-03-25");
  });
});

describe("rollups from facts", () => {
  const fact = (over: Partial<Parameters<ReturnType<typeof requestAccumulator>["add"]>[0]>) => ({
    day: isoToDay("2024-03-29"),
    weekday: 4,
    hour: 17,
    channel: "email" as const,
    kind: "complaint" as const,
    locationId: 3,
    inHours: true,
    firstResponseS: 3600,
    firstResponseBusinessS: 1800,
    resolutionS: null,
    resolutionBusinessS: null,
    firstResponseSla: "met" as const,
    resolutionSla: null,
    previousChannel: null,
    ...over,
  });

  it("counts each request in the four slices, with heat, sums and SLA outcomes", () => {
    const acc = requestAccumulator({ month: () => true, week: () => true });
    acc.add(fact({}));
    acc.add(
      fact({
        hour: 20,
        inHours: false,
        firstResponseS: 36_000,
        firstResponseSla: "breached",
        previousChannel: "phone",
      }),
    );
    acc.add(
      fact({
        day: isoToDay("2024-04-02"),
        weekday: 1,
        kind: "question",
        locationId: null,
        firstResponseS: null,
        firstResponseBusinessS: null,
        firstResponseSla: "running",
      }),
    );
    const rows = acc.rows();
    const slice = (dim: string, value: string, month: string) =>
      rows.filter((r) => r.dim === dim && r.value === value && r.month === month);
    expect(
      slice("all", "", "2024-03").map((r) => [
        r.inHours,
        r.requests,
        r.answered,
        r.frSum,
        r.frMet,
        r.frBreached,
        r.switched,
      ]),
    ).toEqual([
      [true, 1, 1, 3600, 1, 0, 0],
      [false, 1, 1, 36_000, 0, 1, 1],
    ]);
    expect(slice("location_kind", "3|complaint", "2024-03")).toHaveLength(2);
    expect(slice("location", "0", "2024-04")[0]?.requests).toBe(1);
    const all = slice("all", "", "2024-03").find((r) => !r.inHours)!;
    expect(all.heat[4 * 24 + 20]).toBe(1);
    expect(all.heatFrSum[4 * 24 + 20]).toBe(36_000);
    const weeks = acc.weeks().filter((w) => w.dim === "all");
    expect(weeks.map((w) => [dayToIso(w.week), w.requests, w.frMet, w.frBreached])).toEqual([
      ["2024-03-25", 2, 1, 1],
      ["2024-04-01", 1, 0, 0],
    ]);
  });

  it("counts orders by hour and by wait, capping long waits", () => {
    const acc = orderAccumulator(() => true);
    const o = {
      id: 1,
      orderedAt: 0,
      channel: "online",
      locationId: null,
      status: "cancelled" as const,
      waitDays: 90,
    };
    acc.add({ ...o, day: isoToDay("2024-03-01"), weekday: 4, hour: 22, inHours: false });
    acc.add({
      ...o,
      status: "completed",
      waitDays: 0,
      day: isoToDay("2024-03-02"),
      weekday: 5,
      hour: 10,
      inHours: false,
    });
    expect(acc.waitRows().map((w) => [w.waitDays, w.orders, w.completed, w.cancelled])).toEqual([
      [60, 1, 0, 1],
      [0, 1, 1, 0],
    ]);
    expect(acc.heatRows()[0]?.heat[4 * 24 + 22]).toBe(1);
  });
});

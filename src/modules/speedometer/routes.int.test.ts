import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { issueToken } from "../accounts/index.ts";
import { registerSpeedometerRoutes } from "./routes.ts";
import { rebuild } from "./store.ts";
import {
  addCustomers,
  addFeedback,
  addLocations,
  addOrders,
  addRequests,
  createFixtureWorkspace,
  type FixtureFeedback,
  type FixtureOrder,
} from "./test-fixture.ts";

/**
 * 100 customers, W = 30 days, UTC. Every expected figure below is worked out by hand:
 * - January: c1…c100 buy on 10 Jan at full price (1000); L1 = c1…c50, L2 = c51…c100. c1…c80 were asked to
 *   wait and took delivery; c81…c100 also cancelled an order they were asked to wait for (wait 80/100).
 *   c81…c100 came by referral (referral 20/100). c1…c80 complained on 5 Jan.
 * - February: c1…c60 buy again on 12 Feb (c1…c20 at 800 of 1000). 80 NPS answers: L1 30 detractors +
 *   10 passives, L2 35 promoters + 5 passives.
 */
describe("speedometer API", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  let viewer: string;
  let analyst: string;
  const c = (i: number) => `c${i}`;
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await createFixtureWorkspace(t.pool, {
      slug: "shop",
      settings: { speedometer: { windowDays: 30 } },
    });
    await addLocations(t.pool, ws, ["L1", "L2"]);
    await addCustomers(
      t.pool,
      ws,
      range(1, 100).map(c),
      Object.fromEntries(range(81, 100).map((i) => [c(i), c(1)])),
    );
    const loc = (i: number) => (i <= 50 ? "L1" : "L2");
    const orders: FixtureOrder[] = [];
    for (const i of range(1, 100)) {
      orders.push({
        ext: `j${i}`,
        customer: c(i),
        at: "2024-01-10T10:00Z",
        amount: 1000,
        location: loc(i),
        wait: i <= 80 ? 2 : 0,
      });
      if (i > 80) {
        orders.push({
          ext: `x${i}`,
          customer: c(i),
          at: "2024-01-11T10:00Z",
          amount: 1000,
          location: loc(i),
          wait: 5,
          status: "cancelled",
        });
      }
    }
    for (const i of range(1, 60)) {
      orders.push({
        ext: `f${i}`,
        customer: c(i),
        at: "2024-02-12T10:00Z",
        amount: i <= 20 ? 800 : 1000,
        list: 1000,
        location: loc(i),
      });
    }
    await addOrders(t.pool, ws, orders);
    await addRequests(
      t.pool,
      ws,
      range(1, 80).map((i) => ({ ext: `r${i}`, customer: c(i), at: "2024-01-05T10:00Z", location: loc(i) })),
    );
    const answers: FixtureFeedback[] = [];
    for (const i of range(1, 40)) {
      answers.push({
        ext: `a${i}`,
        customer: c(i),
        at: "2024-02-13T10:00Z",
        kind: "nps",
        score: i <= 30 ? 3 : 8,
        location: "L1",
      });
    }
    for (const i of range(51, 90)) {
      answers.push({
        ext: `a${i}`,
        customer: c(i),
        at: "2024-02-13T10:00Z",
        kind: "nps",
        score: i <= 85 ? 10 : 7,
        location: "L2",
      });
    }
    await addFeedback(t.pool, ws, answers);
    await rebuild(t.pool, ws);
    viewer = (await issueToken(t.pool, ws, { name: "v", role: "viewer", createdBy: null })).token;
    analyst = (await issueToken(t.pool, ws, { name: "a", role: "analyst", createdBy: null })).token;
    app = await buildApp({ pool: t.pool, version: "test" });
    registerSpeedometerRoutes(app, { pool: t.pool, now: () => new Date("2024-04-15T12:00:00Z") });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const get = (url: string, token = viewer) =>
    app.inject({ method: "GET", url, headers: { authorization: `Bearer ${token}` } });

  it("opens on the last complete month with data and shows the needle with its parts", async () => {
    const res = await get("/api/workspaces/shop/speedometer");
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.period).toMatchObject({
      from: "2024-02",
      to: "2024-02",
      previousFrom: "2024-01",
      partial: false,
    });
    const comp = Object.fromEntries(r.components.map((x: { key: string }) => [x.key, x]));
    expect(comp.repeat).toMatchObject({ numerator: 60, denominator: 100, value: 0.6, n: 100, enough: true });
    expect(comp.fullPrice).toMatchObject({ numerator: 40000, denominator: 56000, n: 60, enough: true });
    expect(comp.fullPrice.value).toBeCloseTo(40000 / 56000, 10);
    expect(comp.recovery).toMatchObject({ numerator: 60, denominator: 80, value: 0.75 });
    expect(comp.waitTolerance).toMatchObject({ n: 0, value: null, enough: false });
    expect(comp.referral).toMatchObject({ n: 0, value: null, enough: false });
    // 100 × (0.3·0.6 + 0.2·40/56 + 0.2·0.75) / 0.7
    expect(r.cci.value).toBeCloseTo((100 * (0.3 * 0.6 + (0.2 * 40) / 56 + 0.2 * 0.75)) / 0.7, 8);
    expect(r.cci.lower).toBeLessThan(r.cci.value);
    expect(r.cci.weightsUsed).toEqual({ repeat: 0.3 / 0.7, fullPrice: 0.2 / 0.7, recovery: 0.2 / 0.7 });
    // January: full price 1.0, wait 0.8, referral 0.2 → 100 × (0.2 + 0.15·0.8 + 0.15·0.2) / 0.5 = 70.
    expect(r.cci.previous.value).toBeCloseTo(70, 8);
    expect(r.cci.change).toBe("unknown"); // different components on each side
    expect(comp.fullPrice.change).toBe("down");
    expect(comp.repeat.formulaKey).toBe("speedometer.formula.repeat");
    // NPS: (35 − 30) / 80 = 6.25
    expect(r.stated.nps).toMatchObject({ value: 6.25, n: 80, promoters: 35, detractors: 30, passives: 15 });
  });

  it("draws 24 months of trend ending at the period", async () => {
    const r = (await get("/api/workspaces/shop/speedometer")).json();
    expect(r.trend).toHaveLength(24);
    expect(r.trend[0].month).toBe("2022-03");
    expect(r.trend[23].month).toBe("2024-02");
    expect(r.trend[23].cci.value).toBeCloseTo(r.cci.value, 10);
    expect(r.trend[22].cci.value).toBeCloseTo(70, 8);
    expect(r.trend[22].components.waitTolerance).toMatchObject({ numerator: 80, denominator: 100 });
  });

  it("ranks locations by CCI and by NPS and flags where they disagree", async () => {
    const r = (await get("/api/workspaces/shop/speedometer?by=location")).json();
    expect(r.gap.by).toBe("location");
    const [first, second] = r.gap.rows;
    // L1: repeat 50/50, full price 30000/46000, recovery 50/50 → 100 × (0.3 + 0.2·30/46 + 0.2) / 0.7
    expect(first).toMatchObject({ label: "Shop L1", cciRank: 1, npsRank: 2, disagree: true });
    expect(first.cci.value).toBeCloseTo((100 * (0.3 + (0.2 * 30) / 46 + 0.2)) / 0.7, 8);
    expect(first.nps.value).toBe(-75);
    // L2: repeat 10/50, full price (10 orders) not enough, recovery 10/30 → 100 × (0.3·0.2 + 0.2/3) / 0.5
    expect(second).toMatchObject({ label: "Shop L2", cciRank: 2, npsRank: 1, disagree: true });
    expect(second.cci.value).toBeCloseTo((100 * (0.3 * 0.2 + 0.2 / 3)) / 0.5, 8);
    expect(second.nps.value).toBe(87.5);
    expect(r.dimensions.location.map((o: { label: string }) => o.label)).toEqual(["Shop L1", "Shop L2"]);
  });

  it("filters by a location given by its external id", async () => {
    const r = (await get("/api/workspaces/shop/speedometer?location=L2")).json();
    expect(r.filter).toMatchObject({ dim: "location", label: "Shop L2" });
    const repeat = r.components.find((x: { key: string }) => x.key === "repeat");
    expect(repeat).toMatchObject({ numerator: 10, denominator: 50 });
  });

  it("takes a period of several months: flows add up, repeat is read at its end", async () => {
    const r = (await get("/api/workspaces/shop/speedometer?from=2024-01&to=2024-02")).json();
    const comp = Object.fromEntries(r.components.map((x: { key: string }) => [x.key, x]));
    expect(comp.fullPrice).toMatchObject({ numerator: 140000, denominator: 156000, n: 160 });
    expect(comp.repeat).toMatchObject({ numerator: 60, denominator: 100 });
    expect(r.period).toMatchObject({ months: 2, previousFrom: "2023-11", previousTo: "2023-12" });
  });

  it("refuses bad input with the field named", async () => {
    const bad = await get("/api/workspaces/shop/speedometer?from=2024-13");
    expect(bad.statusCode).toBe(422);
    const two = await get("/api/workspaces/shop/speedometer?location=L1&channel=store");
    expect(two.statusCode).toBe(422);
    expect(two.json().error.message).toMatch(/one of location, channel or segment/);
    const order = await get("/api/workspaces/shop/speedometer?from=2024-03&to=2024-01");
    expect(order.statusCode).toBe(422);
  });

  it("exports CSV to those allowed to export, safe for spreadsheets", async () => {
    expect((await get("/api/workspaces/shop/speedometer.csv")).statusCode).toBe(403);
    const res = await get("/api/workspaces/shop/speedometer.csv", analyst);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/speedometer-shop-2024-02-2024-02\.csv/);
    const body = res.rawPayload.toString("utf8");
    expect(body.startsWith("\uFEFFsection,period_from,period_to,")).toBe(true);
    const lines = body.slice(1).split("\r\n");
    const cci = lines.find((l) => l.startsWith("period,2024-02,2024-02,all,,cci,"));
    expect(cci).toBeDefined();
    expect(Number(cci!.split(",")[6])).toBeCloseTo(
      (100 * (0.3 * 0.6 + (0.2 * 40) / 56 + 0.2 * 0.75)) / 0.7,
      8,
    );
    expect(lines.filter((l) => l.startsWith("gap,"))).toHaveLength(4);
  });

  it("answers 404 for a workspace the caller does not belong to", async () => {
    expect((await get("/api/workspaces/nope/speedometer")).statusCode).toBe(404);
  });
});

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { issueToken } from "../accounts/index.ts";
import { rebuild } from "../speedometer/index.ts";
import { registerInitiativeRoutes } from "./routes.ts";

/**
 * Two shops, W = 30 days. Every month from Oct 2023 to Oct 2024, 150 new customers buy at each shop on the
 * 5th; of them, a share buys again on the 10th of the next month. Shop A's share is 30% for cohorts before
 * April 2024 and 80% from April (the pedal: an initiative started 15 April at shop A); shop B stays at 40%.
 * Repeat at month m (t = 1st of m + 1) looks at buyers in [t − 60 d, t − 30 d): the month's new customers
 * plus last cohort's returners (who do not buy a third time). By hand, pooled over the six months each side:
 *   shop A before (Oct–Mar): returned 0 + 45 + 4·45 = 225 of 0 + 150 + 4·195 = 930;
 *   shop A after (May–Oct):  120 + 5·120 = 720 of 195 + 5·270 = 1545;
 *   the rest (shop B): before 60 + 4·60 = 300 of 150 + 4·210 = 990, after 6·60 = 360 of 6·210 = 1260;
 *   effect = (720/1545 − 225/930) − (360/1260 − 300/990) ≈ 0.2414.
 */
describe("initiatives API", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  let manager: string;
  let viewer: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query<{ id: number }>(
        `INSERT INTO workspace (slug, name, currency, time_zone, settings)
         VALUES ('shops', 'Shops', 'UAH', 'UTC', '{"speedometer": {"windowDays": 30}}') RETURNING id`,
      )
    ).rows[0]!.id;
    await t.pool.query(
      "INSERT INTO location (workspace_id, external_id, name) VALUES ($1, 'shop-a', 'Shop A'), ($1, 'shop-b', 'Shop B')",
      [ws],
    );
    // Customers and orders generated in SQL: month k (0 = Oct 2023), shop s, customer i of 150.
    await t.pool.query(
      `INSERT INTO customer (workspace_id, external_id)
       SELECT $1, format('m%s-s%s-c%s', k, s, i) FROM generate_series(0, 12) k, generate_series(1, 2) s, generate_series(1, 150) i`,
      [ws],
    );
    await t.pool.query(
      `WITH c AS (
         SELECT c.id, split_part(c.external_id, '-', 1) AS m, split_part(c.external_id, '-', 2) AS s,
           substr(split_part(c.external_id, '-', 3), 2)::int AS i
         FROM customer c WHERE c.workspace_id = $1
       ), x AS (
         SELECT c.id, substr(m, 2)::int AS k, s, i,
           (SELECT id FROM location WHERE workspace_id = $1 AND external_id = CASE s WHEN 's1' THEN 'shop-a' ELSE 'shop-b' END) AS loc
         FROM c
       )
       INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, location_id)
       SELECT $1, format('%s-first', x.id), x.id, timestamptz '2023-10-05 10:00Z' + make_interval(months => x.k), 100, 100, 'UAH', x.loc
       FROM x
       UNION ALL
       SELECT $1, format('%s-again', x.id), x.id, timestamptz '2023-11-10 10:00Z' + make_interval(months => x.k), 100, 100, 'UAH', x.loc
       FROM x
       WHERE x.k < 12 AND x.i <= 150 * CASE WHEN x.s = 's2' THEN 0.4 WHEN x.k >= 6 THEN 0.8 ELSE 0.3 END`,
      [ws],
    );
    // Every shop A customer asked about problem #7 (a question, not a complaint): that group is shop A.
    await t.pool.query(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at, problem_id)
       SELECT $1, 'q' || id, id, 'email', 'question', timestamptz '2023-09-01', 7
       FROM customer WHERE workspace_id = $1 AND external_id LIKE '%-s1-%'`,
      [ws],
    );
    await rebuild(t.pool, ws);
    manager = (await issueToken(t.pool, ws, { name: "m", role: "manager", createdBy: null })).token;
    viewer = (await issueToken(t.pool, ws, { name: "v", role: "viewer", createdBy: null })).token;
    app = await buildApp({ pool: t.pool, version: "test" });
    registerInitiativeRoutes(app, { pool: t.pool, now: () => new Date("2024-11-15T12:00:00Z") });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const call = (method: "GET" | "POST" | "PATCH", url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: payload as object });

  let id: number;

  it("logs an initiative (managers may, viewers may not)", async () => {
    const body = {
      title: "Retrained the guard at shop A",
      kind: "people",
      lever: "training",
      startedAt: "2024-04-15T09:00:00Z",
      cost: 1_500_000,
      owner: "Олена",
      target: { location: "shop-a" },
    };
    expect((await call("POST", "/api/workspaces/shops/initiatives", viewer, body)).statusCode).toBe(403);
    const res = await call("POST", "/api/workspaces/shops/initiatives", manager, body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      title: body.title,
      kind: "people",
      currency: "UAH",
      status: "active",
      cost: 1_500_000,
    });
    id = created.id;
  });

  it("refuses a target that names nothing in the workspace, or two things at once", async () => {
    const base = { title: "x", kind: "process", startedAt: "2024-04-01" };
    const unknown = await call("POST", "/api/workspaces/shops/initiatives", manager, {
      ...base,
      target: { location: "nope" },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0].path).toBe("target.location");
    const two = await call("POST", "/api/workspaces/shops/initiatives", manager, {
      ...base,
      target: { location: "shop-a", channel: "online" },
    });
    expect(two.statusCode).toBe(422);
  });

  it("shows what the pedal did: repeat at shop A improved against the rest of the business", async () => {
    const res = await call("GET", `/api/workspaces/shops/initiatives/${id}`, viewer);
    expect(res.statusCode).toBe(200);
    const { effect } = res.json();
    expect(effect).toMatchObject({
      startMonth: "2024-04",
      before: { from: "2023-10", to: "2024-03" },
      after: { from: "2024-05", to: "2024-10" },
      target: { kind: "location", label: "Shop A" },
      verdict: "improved",
      reason: null,
    });
    const repeat = effect.estimate.components.repeat;
    expect(repeat.verdict).toBe("improved");
    expect(repeat.target.before.value).toBeCloseTo(225 / 930, 12);
    expect(repeat.target.after.value).toBeCloseTo(720 / 1545, 12);
    expect(repeat.comparison.before.value).toBeCloseTo(300 / 990, 12);
    expect(repeat.comparison.after.value).toBeCloseTo(360 / 1260, 12);
    expect(repeat.effect).toBeCloseTo(720 / 1545 - 225 / 930 - (360 / 1260 - 300 / 990), 12);
    expect(repeat.lower).toBeGreaterThan(0);
    expect(effect.estimate.cci.components).toContain("repeat");
    // Full price did not move (everything at list price): no clear change.
    expect(effect.estimate.components.fullPrice.verdict).toBe("no_clear_change");
  });

  it("measures a problem's customers the same way (computed from their kept histories)", async () => {
    const created = await call("POST", "/api/workspaces/shops/initiatives", manager, {
      title: "Answer the question behind problem 7",
      kind: "process",
      startedAt: "2024-04-15T09:00:00Z",
      target: { problem: 7 },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().target).toEqual({ problem: "7" });
    const byProblem = (
      await call("GET", `/api/workspaces/shops/initiatives/${created.json().id}`, viewer)
    ).json();
    const byLocation = (await call("GET", `/api/workspaces/shops/initiatives/${id}`, viewer)).json();
    expect(byProblem.effect.target).toMatchObject({ kind: "problem", value: "7" });
    expect(byProblem.effect.estimate.components.repeat).toEqual(byLocation.effect.estimate.components.repeat);
    expect(byProblem.effect.estimate.cci.effect).toBeCloseTo(byLocation.effect.estimate.cci.effect, 10);
    const unknown = await call("POST", "/api/workspaces/shops/initiatives", manager, {
      title: "x",
      kind: "process",
      startedAt: "2024-04-15",
      target: { problem: 8 },
    });
    expect(unknown.statusCode).toBe(422);
  });

  it("says plainly when the data cannot tell yet", async () => {
    const res = await call("POST", "/api/workspaces/shops/initiatives", manager, {
      title: "Evening shifts",
      kind: "process",
      startedAt: "2024-11-02T00:00:00Z",
      target: { channel: "store" },
    });
    const fresh = (await call("GET", `/api/workspaces/shops/initiatives/${res.json().id}`, viewer)).json();
    expect(fresh.effect).toMatchObject({
      verdict: "not_enough_data",
      reason: "no_complete_month_after_start",
    });
  });

  it("lists and updates initiatives", async () => {
    const list = (await call("GET", "/api/workspaces/shops/initiatives", viewer)).json();
    expect(list.initiatives.map((i: { title: string }) => i.title)).toEqual([
      "Evening shifts",
      "Answer the question behind problem 7",
      "Retrained the guard at shop A",
    ]);
    const patched = await call("PATCH", `/api/workspaces/shops/initiatives/${id}`, manager, {
      status: "done",
      owner: null,
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ status: "done", owner: null, lever: "training" });
    expect(
      (await call("PATCH", "/api/workspaces/shops/initiatives/999999", manager, { status: "done" }))
        .statusCode,
    ).toBe(404);
  });
});

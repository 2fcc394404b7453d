import type { FastifyInstance } from "fastify";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { issueToken } from "../accounts/index.ts";
import { registerJourneyRoutes } from "./journeys-routes.ts";
import type { JourneyOut } from "./journeys-schemas.ts";

/**
 * A hand-made workspace. T0 = 2024-06-30 12:00 UTC is its latest request, so the figures' window is
 * (T0 − 90 days, T0]. Customers C1, C2 are in segment S; C3 is not.
 *
 * | request | customer | channel | location | kind      | created  | first response after |
 * | R1      | C1       | phone   | A        | complaint | T0 − 1d  | 2 h                  |
 * | R2      | C2       | phone   | A        | complaint | T0 − 10d | 4 h                  |
 * | R3      | C1       | phone   | B        | question  | T0 − 5d  | 1 h                  |
 * | R4      | C3       | phone   | A        | complaint | T0 − 2d  | 20 h                 |
 * | R5      | C1       | email   | —        | question  | T0       | 6 h                  |
 * | R6      | C2       | phone   | A        | complaint | T0 − 100d (outside) | 1 h       |
 * | R7      | C1       | phone   | A        | complaint | T0 − 3d  | 10 h                 |
 * | R8      | C2       | phone   | A        | complaint | T0 − 4d  | none                 |
 * | R9      | C1       | phone   | A        | question  | T0 − 6d  | 3 h                  |
 *
 * Mentions: problem P1 ("Rude staff") in R1, R2, R4, R6 (outside the window); P2 ("Queue") in R3 and in a
 * feedback of C1 at location A without a channel, T0 − 2d.
 */
const T0 = new Date("2024-06-30T12:00:00Z");
const H = 3_600_000;
const D = 24 * H;

async function fixture(pool: pg.Pool) {
  const ws = (
    await pool.query<{ id: number }>(
      "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('jrn', 'Journeys', 'UAH', 'UTC') RETURNING id",
    )
  ).rows[0]!.id;
  const id = async (sql: string, args: unknown[]) =>
    Number((await pool.query<{ id: string }>(sql, args)).rows[0]!.id);
  const shopA = await id(
    "INSERT INTO location (workspace_id, external_id, name) VALUES ($1, 'a', 'Shop A') RETURNING id",
    [ws],
  );
  const shopB = await id(
    "INSERT INTO location (workspace_id, external_id, name) VALUES ($1, 'b', 'Shop B') RETURNING id",
    [ws],
  );
  const c: Record<string, number> = {};
  for (const n of ["C1", "C2", "C3"])
    c[n] = await id(
      "INSERT INTO customer (workspace_id, external_id, name) VALUES ($1, $2, $2) RETURNING id",
      [ws, n],
    );
  const segment = await id(
    "INSERT INTO segment (workspace_id, name, kind) VALUES ($1, 'S', 'manual') RETURNING id",
    [ws],
  );
  await pool.query(
    "INSERT INTO customer_segment (workspace_id, segment_id, customer_id) VALUES ($1, $2, $3), ($1, $2, $4)",
    [ws, segment, c.C1, c.C2],
  );
  const p1 = await id("INSERT INTO problem (workspace_id, label) VALUES ($1, 'Rude staff') RETURNING id", [
    ws,
  ]);
  const p2 = await id("INSERT INTO problem (workspace_id, label) VALUES ($1, 'Queue') RETURNING id", [ws]);
  const loc = { A: shopA, B: shopB, "-": null } as const;
  const rows: [string, string, string, keyof typeof loc, string, number, number | null][] = [
    ["R1", "C1", "phone", "A", "complaint", 1, 2],
    ["R2", "C2", "phone", "A", "complaint", 10, 4],
    ["R3", "C1", "phone", "B", "question", 5, 1],
    ["R4", "C3", "phone", "A", "complaint", 2, 20],
    ["R5", "C1", "email", "-", "question", 0, 6],
    ["R6", "C2", "phone", "A", "complaint", 100, 1],
    ["R7", "C1", "phone", "A", "complaint", 3, 10],
    ["R8", "C2", "phone", "A", "complaint", 4, null],
    ["R9", "C1", "phone", "A", "question", 6, 3],
  ];
  const req: Record<string, number> = {};
  for (const [ext, who, channel, l, kind, daysBefore, frHours] of rows) {
    const at = new Date(T0.getTime() - daysBefore * D);
    req[ext] = await id(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at, first_response_at, location_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        ws,
        ext,
        c[who],
        channel,
        kind,
        at,
        frHours === null ? null : new Date(at.getTime() + frHours * H),
        loc[l],
      ],
    );
  }
  const mention = (
    source: string,
    sourceId: number,
    problem: number,
    who: string,
    channel: string | null,
    l: number,
    at: Date,
  ) =>
    pool.query(
      `INSERT INTO problem_mention (workspace_id, source, source_id, problem_id, customer_id, channel, location_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [ws, source, sourceId, problem, c[who], channel, l, at],
    );
  const ago = (d: number) => new Date(T0.getTime() - d * D);
  await mention("request", req.R1!, p1, "C1", "phone", shopA, ago(1));
  await mention("request", req.R2!, p1, "C2", "phone", shopA, ago(10));
  await mention("request", req.R4!, p1, "C3", "phone", shopA, ago(2));
  await mention("request", req.R6!, p1, "C2", "phone", shopA, ago(100));
  await mention("request", req.R3!, p2, "C1", "phone", shopB, ago(5));
  await mention("feedback", 1, p2, "C1", null, shopA, ago(2));
  return { ws, shopA, shopB, segment, p1, p2 };
}

describe("journey maps: editing, permissions and touchpoint figures on a hand-made workspace", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let f: Awaited<ReturnType<typeof fixture>>;
  let analyst: string;
  let viewer: string;
  let mapId: number;
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, token: string, payload?: unknown) =>
    app.inject({
      method,
      url: `/api/workspaces/jrn${url}`,
      headers: { authorization: `Bearer ${token}` },
      payload: payload as object,
    });
  const tp = (m: JourneyOut, name: string) =>
    m.stages.flatMap((s) => s.touchpoints).find((x) => x.name === name)!;

  beforeAll(async () => {
    t = await createTestDatabase();
    f = await fixture(t.pool);
    analyst = (await issueToken(t.pool, f.ws, { name: "a", role: "analyst", createdBy: null })).token;
    viewer = (await issueToken(t.pool, f.ws, { name: "v", role: "viewer", createdBy: null })).token;
    app = await buildApp({ pool: t.pool, version: "test" });
    registerJourneyRoutes(app, { pool: t.pool });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("lets a viewer read but not edit, and an analyst edit", async () => {
    expect((await call("GET", "/journeys", viewer)).statusCode).toBe(200);
    expect((await call("POST", "/journeys", viewer, { name: "No" })).statusCode).toBe(403);
    const created = await call("POST", "/journeys", analyst, { name: "Buying in a shop" });
    expect(created.statusCode).toBe(201);
    const m = created.json<JourneyOut>();
    mapId = m.id;
    expect(m.stages).toEqual([]);
    expect(m.window).toEqual({
      from: new Date(T0.getTime() - 90 * D).toISOString(),
      to: T0.toISOString(),
      days: 90,
    });
  });

  it("adds, renames, reorders and deletes stages and touchpoints", async () => {
    for (const name of ["Visit", "Pay", "After"])
      await call("POST", `/journeys/${mapId}/stages`, analyst, { name });
    let m = (
      await call("POST", `/journeys/${mapId}/stages`, analyst, { name: "Search", position: 0 })
    ).json<JourneyOut>();
    expect(m.stages.map((s) => [s.name, s.position])).toEqual([
      ["Search", 0],
      ["Visit", 1],
      ["Pay", 2],
      ["After", 3],
    ]);
    const [search, visit, pay, after] = m.stages.map((s) => s.id);
    m = (
      await call("PATCH", `/journeys/${mapId}/stages/${after}`, analyst, { name: "Return", position: 1 })
    ).json<JourneyOut>();
    expect(m.stages.map((s) => s.name)).toEqual(["Search", "Return", "Visit", "Pay"]);
    m = (await call("DELETE", `/journeys/${mapId}/stages/${search}`, analyst)).json<JourneyOut>();
    expect(m.stages.map((s) => [s.name, s.position])).toEqual([
      ["Return", 0],
      ["Visit", 1],
      ["Pay", 2],
    ]);

    const add = (stage: number | undefined, body: object) =>
      call("POST", `/journeys/${mapId}/stages/${stage}/touchpoints`, analyst, body);
    expect((await add(visit, { name: "Bad", problemIds: [999999] })).statusCode).toBe(422);
    expect((await add(visit, { name: "Bad", locationId: 999999 })).statusCode).toBe(422);
    expect((await add(visit, { name: "Bad", channel: "pigeon" })).statusCode).toBe(422);
    await add(visit, { name: "Counter", channel: "phone", locationId: f.shopA, problemIds: [f.p1, f.p2] });
    await add(visit, { name: "Shop B", locationId: f.shopB, problemIds: [f.p2] });
    await add(pay, { name: "Mail", channel: "email", note: "receipt by mail" });
    m = (await add(pay, { name: "Word of mouth", problemIds: [f.p2], position: 0 })).json<JourneyOut>();
    expect(m.stages[2]!.touchpoints.map((x) => x.name)).toEqual(["Word of mouth", "Mail"]);
    // move "Shop B" to the front of "Pay"
    m = (
      await call("PATCH", `/journeys/${mapId}/touchpoints/${tp(m, "Shop B").id}`, analyst, {
        stageId: pay,
        position: 0,
      })
    ).json<JourneyOut>();
    expect(m.stages[1]!.touchpoints.map((x) => [x.name, x.position])).toEqual([["Counter", 0]]);
    expect(m.stages[2]!.touchpoints.map((x) => [x.name, x.position])).toEqual([
      ["Shop B", 0],
      ["Word of mouth", 1],
      ["Mail", 2],
    ]);
    m = (
      await call("PATCH", `/journeys/${mapId}/touchpoints/${tp(m, "Counter").id}`, analyst, { pain: true })
    ).json<JourneyOut>();
    expect(tp(m, "Counter").pain).toBe(true);
    const extra = (await add(visit, { name: "Temp" })).json<JourneyOut>();
    m = (
      await call("DELETE", `/journeys/${mapId}/touchpoints/${tp(extra, "Temp").id}`, analyst)
    ).json<JourneyOut>();
    expect(m.stages.flatMap((s) => s.touchpoints).map((x) => x.name)).not.toContain("Temp");
    const list = (await call("GET", "/journeys", viewer)).json<{
      journeys: { stages: number; touchpoints: number; pains: number }[];
    }>();
    expect(list.journeys[0]).toMatchObject({ stages: 3, touchpoints: 4, pains: 1 });
  });

  it("computes each touchpoint's figures for everyone as by hand", async () => {
    const m = (await call("GET", `/journeys/${mapId}`, viewer)).json<JourneyOut>();
    // Counter = phone at A in the window: R1, R2, R4, R7, R8, R9 (R6 is 100 days old). Complaints: all but R9.
    // First responses 2, 4, 20, 10, 3 h (R8 none) → sorted 2, 3, 4, 10, 20 → median 4 h.
    // P1 through phone at A: R1, R2, R4 = 3; P2 through phone at A: none (R3 is at B, the feedback has no channel).
    const counter = tp(m, "Counter");
    expect(counter.figures).toEqual({
      requests: 6,
      complaints: 5,
      complaintShare: 5 / 6,
      responded: 5,
      medianFirstResponseHours: 4,
      mentions: 3,
    });
    expect(counter.problems.map((p) => [p.label, p.mentions])).toEqual([
      ["Rude staff", 3],
      ["Queue", 0],
    ]);
    expect(counter.painSuggested).toBe(true); // 6 ≥ 5 requests, 5/6 ≥ 0.5
    // Shop B (any channel): R3 only, a question answered in 1 h; P2 at B: R3.
    expect(tp(m, "Shop B").figures).toEqual({
      requests: 1,
      complaints: 0,
      complaintShare: 0,
      responded: 1,
      medianFirstResponseHours: 1,
      mentions: 1,
    });
    expect(tp(m, "Shop B").painSuggested).toBe(false);
    // Mail: R5, answered in 6 h.
    expect(tp(m, "Mail").figures).toMatchObject({
      requests: 1,
      complaints: 0,
      medianFirstResponseHours: 6,
      mentions: 0,
    });
    // Word of mouth names neither channel nor location: no request figures; P2 everywhere: R3 + the feedback = 2.
    expect(tp(m, "Word of mouth").figures).toBeNull();
    expect(tp(m, "Word of mouth").problems).toEqual([
      { id: f.p2, label: "Queue", status: "new", mentions: 2 },
    ]);
  });

  it("counts only the segment's customers when the map is for a segment", async () => {
    const m = (
      await call("PATCH", `/journeys/${mapId}`, analyst, { segmentId: f.segment })
    ).json<JourneyOut>();
    expect(m.segmentName).toBe("S");
    // C1, C2 only: R1, R2, R7, R8, R9 → 5 requests, 4 complaints; responses 2, 4, 10, 3 → median (3 + 4) / 2 = 3.5.
    // P1: R1, R2 (R4 is C3's) = 2. Suggested: 5 ≥ 5 and 4/5 ≥ 0.5.
    expect(tp(m, "Counter").figures).toEqual({
      requests: 5,
      complaints: 4,
      complaintShare: 0.8,
      responded: 4,
      medianFirstResponseHours: 3.5,
      mentions: 2,
    });
    expect(tp(m, "Counter").painSuggested).toBe(true);
    expect((await call("PATCH", `/journeys/${mapId}`, analyst, { segmentId: 999999 })).statusCode).toBe(422);
  });

  it("deletes a map with its stages and touchpoints", async () => {
    expect((await call("DELETE", `/journeys/${mapId}`, viewer)).statusCode).toBe(403);
    expect((await call("DELETE", `/journeys/${mapId}`, analyst)).statusCode).toBe(204);
    expect((await call("GET", `/journeys/${mapId}`, viewer)).statusCode).toBe(404);
    const left = await t.pool.query(
      "SELECT count(*)::int AS n FROM journey_touchpoint WHERE workspace_id = $1",
      [f.ws],
    );
    expect(left.rows[0].n).toBe(0);
  });
});

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, createSession } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { registerProblemRoutes } from "./routes.ts";

/**
 * The ranking through the API on a hand-made fixture, every figure worked out by hand.
 * Window: 90 days to `to`. Problem P1 has six mentions:
 *   A −80 d (request), A −10 d (survey comment, NPS 3), B −20 d, C −50 d, D −5 d, nobody −60 d.
 *   customers = A, B, C, D + the anonymous one = 5; recent (30 d) = 3 of an expected 6 × 30/90 = 2:
 *   growth = 0.5; severe = A twice (detractor) + C (no order since) = 3 of 6: severity 1.5;
 *   score = 5 × 1.5 × 1.5 = 11.25. B and D bought after their mention, so money at stake counts A and C:
 *   A's 1,000 + 500 and C's 2,000 of the last 12 months (C's 700 is older) = 3,500 minor units.
 * Problem P2: E twice, −40 d and −35 d, no order since: growth −1 → −0.5, severity 2, score 1 × 0.5 × 2 = 1.
 */
const to = new Date("2026-03-15T12:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(to.getTime() - days * DAY);

describe("problems API", () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  let p1: number;
  let p2: number;
  const headers: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
    ws = (
      await q(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('hand', 'Hand', 'UAH', 'Europe/Kyiv') RETURNING id",
      )
    ).rows[0].id;
    for (const [email, role] of [
      ["m@x.test", "manager"],
      ["v@x.test", "viewer"],
    ] as const) {
      const u = (
        await q("INSERT INTO app_user (email, name, password_hash) VALUES ($1, $1, 'x') RETURNING id", [
          email,
        ])
      ).rows[0].id;
      await q("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)", [ws, u, role]);
      const s = await createSession(db.pool, u);
      headers[role] = { cookie: `storona_sid=${s.sid}`, "x-csrf-token": s.csrfToken };
    }
    const customer: Record<string, number> = {};
    for (const c of ["A", "B", "C", "D", "E"]) {
      customer[c] = (
        await q("INSERT INTO customer (workspace_id, external_id, name) VALUES ($1, $2, $2) RETURNING id", [
          ws,
          c,
        ])
      ).rows[0].id;
    }
    const orders: [string, number, number][] = [
      ["A", 100, 1000],
      ["A", 200, 500],
      ["B", 15, 300],
      ["C", 300, 2000],
      ["C", 400, 700],
      ["D", 2, 400],
    ];
    for (const [i, [c, days, amount]] of orders.entries()) {
      await q(
        `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency)
         VALUES ($1, $2, $3, $4, $5, $5, 'UAH')`,
        [ws, `o${i}`, customer[c], ago(days), amount],
      );
    }
    const problem = async (label: string) =>
      (
        await q("INSERT INTO problem (workspace_id, label, label_lang) VALUES ($1, $2, 'ru') RETURNING id", [
          ws,
          label,
        ])
      ).rows[0].id;
    p1 = await problem("курьер, доставка");
    p2 = await problem("туалет");
    const mention = async (problemId: number, who: string | null, days: number, text: string) => {
      const id = (
        await q(
          `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, text, created_at)
         VALUES ($1, $2, $3, 'email', 'complaint', $4, $5) RETURNING id`,
          [ws, `r${days}-${who}`, who ? customer[who] : null, text, ago(days)],
        )
      ).rows[0].id;
      await q(
        `INSERT INTO problem_mention (workspace_id, source, source_id, problem_id, customer_id, channel, created_at)
         VALUES ($1, 'request', $2, $3, $4, 'email', $5)`,
        [ws, id, problemId, who ? customer[who] : null, ago(days)],
      );
    };
    await mention(p1, "A", 80, "Курьер опоздал");
    await mention(p1, "B", 20, "Доставка опять опоздала");
    await mention(p1, "C", 50, "Курьер не приехал");
    await mention(p1, "D", 5, '=HYPERLINK("x") курьер');
    await mention(p1, null, 60, "Где мой заказ");
    const fb = (
      await q(
        `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, comment, created_at)
       VALUES ($1, 'f1', $2, 'nps', 3, 'Курьер опять опоздал', $3) RETURNING id`,
        [ws, customer.A, ago(10)],
      )
    ).rows[0].id;
    await q(
      `INSERT INTO problem_mention (workspace_id, source, source_id, problem_id, customer_id, created_at)
       VALUES ($1, 'feedback', $2, $3, $4, $5)`,
      [ws, fb, p1, customer.A, ago(10)],
    );
    await mention(p2, "E", 40, "Грязный туалет");
    await mention(p2, "E", 35, "В туалете грязно");

    app = await buildApp({ pool: db.pool, version: "test" });
    registerProblemRoutes(app, { pool: db.pool, now: () => to });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const get = (url: string, role = "viewer") => app.inject({ method: "GET", url, headers: headers[role] });
  const post = (url: string, payload: object, role = "manager") =>
    app.inject({ method: "POST", url, payload, headers: headers[role] });

  it("ranks with every part of the score as worked out by hand", async () => {
    const res = await get(`/api/workspaces/hand/problems`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.window.days).toBe(90);
    expect(body.problems.map((p: { id: number }) => p.id)).toEqual([p1, p2]);
    const [a, b] = body.problems;
    expect(a).toMatchObject({
      rank: 1,
      top: true,
      displayLabel: "курьер, доставка",
      status: "new",
      trend: "up",
    });
    expect(a.parts).toMatchObject({ customers: 5, mentions: 6, recentMentions: 3, severeMentions: 3 });
    expect(a.parts.expectedRecent).toBeCloseTo(2, 9);
    expect(a.parts.growth).toBeCloseTo(0.5, 9);
    expect(a.parts.severity).toBeCloseTo(1.5, 9);
    expect(a.parts.score).toBeCloseTo(11.25, 9);
    expect(a.money).toMatchObject({
      amount: 3500,
      currency: "UAH",
      source: "revenue_12m",
      customers: 4,
      counted: 2,
    });
    // Kyiv months: Dec 1 (−80 d), Jan 2 (−60, −50), Feb 1 (−20), Mar 2 (−10, −5).
    expect(a.sparkline.slice(-4)).toEqual([
      { month: "2025-12", mentions: 1 },
      { month: "2026-01", mentions: 2 },
      { month: "2026-02", mentions: 1 },
      { month: "2026-03", mentions: 2 },
    ]);
    expect(b.parts).toMatchObject({ customers: 1, mentions: 2, recentMentions: 0, severeMentions: 2 });
    expect(b.parts.growth).toBe(-0.5);
    expect(b.parts.score).toBeCloseTo(1, 9);
  });

  it("filters by channel and period", async () => {
    const res = await get(
      `/api/workspaces/hand/problems?channel=email&from=${ago(30).toISOString()}&to=${to.toISOString()}`,
    );
    const a = res.json().problems.find((p: { id: number }) => p.id === p1);
    // Over these 30 days: B, D by e-mail (A's survey comment has no channel).
    expect(a.parts).toMatchObject({ customers: 2, mentions: 2 });
  });

  it("shows a problem's page, and lets a manager rename, own, comment and merge — a viewer may not", async () => {
    expect(
      (
        await app.inject({
          method: "PATCH",
          url: `/api/workspaces/hand/problems/${p1}`,
          payload: { status: "acknowledged" },
          headers: headers.viewer,
        })
      ).statusCode,
    ).toBe(403);
    const patch = await app.inject({
      method: "PATCH",
      url: `/api/workspaces/hand/problems/${p1}`,
      payload: { customLabel: "Опоздания курьеров", status: "in_progress", dueDate: "2026-04-01" },
      headers: headers.manager,
    });
    expect(patch.statusCode).toBe(200);
    expect(
      (await post(`/api/workspaces/hand/problems/${p1}/comments`, { body: "Меняем службу доставки" }))
        .statusCode,
    ).toBe(201);
    const page = (await get(`/api/workspaces/hand/problems/${p1}?limit=2`)).json();
    expect(page.problem).toMatchObject({
      displayLabel: "Опоздания курьеров",
      status: "in_progress",
      dueDate: "2026-04-01",
      rank: 1,
    });
    expect(page.mentions.total).toBe(6);
    expect(page.mentions.items).toHaveLength(2);
    expect(page.mentions.items[0].id).toMatch(/^(request|feedback)-\d+$/);
    expect(page.comments[0].body).toBe("Меняем службу доставки");
    expect(page.history.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining(["renamed", "status_changed", "due_date_changed", "commented"]),
    );

    const initiative = (
      await db.pool.query(
        "INSERT INTO initiative (workspace_id, title, kind, started_at) VALUES ($1, 'New courier', 'process', $2) RETURNING id",
        [ws, ago(100)],
      )
    ).rows[0].id;
    expect(
      (await post(`/api/workspaces/hand/problems/${p1}/initiatives`, { initiativeId: initiative }))
        .statusCode,
    ).toBe(200);
    const linked = (await get(`/api/workspaces/hand/problems/${p1}`)).json().initiatives[0];
    // Before: nothing in the 180 days before −100 d; after: from −70 d (30 days to take effect) up to now (0 d)
    // holds −60, −50, −20, −10 and −5: 5 in 70 days, 5 × 30 / 70 per 30 days.
    expect(linked).toMatchObject({
      id: initiative,
      before: 0,
      after: 5,
      afterDays: 70,
      per30Before: 0,
      change: "up",
    });
    expect(linked.per30After).toBeCloseTo((5 * 30) / 70, 10);

    expect((await post(`/api/workspaces/hand/problems/${p1}/merge`, { ids: [p2] })).statusCode).toBe(200);
    const list = (await get(`/api/workspaces/hand/problems`)).json();
    expect(list.problems.map((p: { id: number }) => p.id)).toEqual([p1]);
    expect(list.problems[0].parts.mentions).toBe(8);
    expect((await get(`/api/workspaces/hand/problems/${p2}`)).json().problem.mergedInto).toBe(p1);
  });

  it("exports CSV with a byte-order mark and defused formulas", async () => {
    await app.inject({
      method: "PATCH",
      url: `/api/workspaces/hand/problems/${p1}`,
      payload: { customLabel: "=cmd|x" },
      headers: headers.manager,
    });
    const res = await get(`/api/workspaces/hand/problems.csv`, "manager");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    expect(res.body.startsWith("\ufeffrank,id,problem")).toBe(true);
    expect(res.body).toContain(",'=cmd|x,");
  });

  it("lists a person's notifications and marks them read", async () => {
    const me = await db.pool.query(
      "SELECT user_id FROM membership WHERE workspace_id = $1 AND role = 'viewer'",
      [ws],
    );
    await db.pool.query(
      "INSERT INTO notification (workspace_id, user_id, kind, payload) VALUES ($1, $2, 'problem_reopened', '{\"problemId\": 1}')",
      [ws, me.rows[0].user_id],
    );
    const list = (await get(`/api/workspaces/hand/notifications?unread=true`)).json();
    expect(list.notifications).toHaveLength(1);
    expect(
      (await post(`/api/workspaces/hand/notifications/${list.notifications[0].id}/read`, {}, "viewer"))
        .statusCode,
    ).toBe(200);
    expect((await get(`/api/workspaces/hand/notifications?unread=true`)).json().notifications).toHaveLength(
      0,
    );
  });
});

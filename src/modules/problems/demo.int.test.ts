import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { generateDemo, loadDemo } from "../demo/index.ts";
import { reclusterWorkspace } from "./service.ts";
import { assignNew } from "./service-assign.ts";
import * as decide from "./service-decisions.ts";
import { problemDetail } from "./service-detail.ts";
import * as manage from "./service-manage.ts";
import { listProblems } from "./service-rank.ts";

// 1,500 customers: about a thousand complaint texts in ru, uk and en about 13 planted problems.
const options = { seed: 42, customers: 1500, endDate: new Date("2026-03-01T00:00:00Z") };
const DAY = 86_400_000;

describe("problems on the demo workspace", () => {
  let db: TestDatabase;
  let ws: number;
  const truth = new Map<string, string>();
  const wsInfo = () => ({ id: ws, currency: "UAH", timeZone: "Europe/Kyiv" });

  /** Planted problem → count of its texts, per problem id. */
  async function composition(): Promise<Map<number, Map<string, number>>> {
    const rows = await db.pool.query<{ problem_id: number; key: string }>(
      `SELECT m.problem_id, m.source || ':' || coalesce(r.external_id, f.external_id) AS key
       FROM problem_mention m
       LEFT JOIN request r ON m.source = 'request' AND r.workspace_id = m.workspace_id AND r.id = m.source_id
       LEFT JOIN feedback f ON m.source = 'feedback' AND f.workspace_id = m.workspace_id AND f.id = m.source_id
       WHERE m.workspace_id = $1 AND m.problem_id IS NOT NULL`,
      [ws],
    );
    const out = new Map<number, Map<string, number>>();
    for (const r of rows.rows) {
      const m = out.get(r.problem_id) ?? new Map<string, number>();
      const k = truth.get(r.key) ?? "none";
      m.set(k, (m.get(k) ?? 0) + 1);
      out.set(r.problem_id, m);
    }
    return out;
  }
  const majority = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1])[0]!;
  const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);
  /** The largest problem whose texts are mostly about `key`. */
  async function problemOf(key: string): Promise<number> {
    const c = await composition();
    const ids = [...c].filter(([, m]) => majority(m)[0] === key).sort((a, b) => total(b[1]) - total(a[1]));
    expect(ids.length).toBeGreaterThan(0);
    return ids[0]![0];
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ws = (
      await db.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name) VALUES ('p-test','P') RETURNING id",
      )
    ).rows[0]!.id;
    await loadDemo(db.pool, ws, options);
    for (const g of generateDemo(options).groundTruth()) truth.set(`${g.entity}:${g.externalId}`, g.problem);
    await reclusterWorkspace(db.pool, ws, { now: options.endDate });
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("recovers the planted problems with high purity and ranks them in the top 10", async () => {
    const c = await composition();
    let inMajority = 0;
    let all = 0;
    for (const m of c.values()) {
      inMajority += majority(m)[1];
      all += total(m);
    }
    expect(inMajority / all).toBeGreaterThan(0.75);
    // Most planted problems own a problem of their own where they are at least 80% of the texts.
    const clean = new Set(
      [...c.values()]
        .filter((m) => total(m) >= 20 && majority(m)[1] / total(m) >= 0.8)
        .map((m) => majority(m)[0]),
    );
    expect(clean.size).toBeGreaterThanOrEqual(8);

    const list = await listProblems(db.pool, wsInfo(), {}, options.endDate);
    const top = list.problems.filter((p) => p.top);
    expect(top).toHaveLength(10);
    const planted = new Set(top.map((p) => majority(c.get(p.id)!)[0]).filter((k) => k !== "none"));
    expect(planted.size).toBeGreaterThanOrEqual(8);
    for (const p of top) {
      expect(p.displayLabel.length).toBeGreaterThan(0);
      expect(p.sparkline).toHaveLength(12);
      expect(p.parts.score).toBeCloseTo(p.parts.customers * (1 + p.parts.growth) * p.parts.severity, 9);
    }
  });

  it("shows the growing problem growing and the one the initiative fixed falling", async () => {
    const late = await problemOf("late_delivery");
    const list = await listProblems(db.pool, wsInfo(), {}, options.endDate);
    const grow = list.problems.find((p) => p.id === late)!;
    expect(grow.parts.growth).toBeGreaterThan(0);
    expect(grow.trend).toBe("up");

    // The extra cashier (8 months before the end) cut the evening queue at Khreshchatyk.
    const queue = await problemOf("long_queue");
    const at = (
      await db.pool.query<{ t: Date; loc: number }>(
        `SELECT i.started_at AS t, (SELECT id FROM location WHERE workspace_id = $1 AND external_id = 'store-khreshchatyk') AS loc
       FROM initiative i WHERE i.workspace_id = $1 AND i.external_id = 'init-extra-cashier'`,
        [ws],
      )
    ).rows[0]!;
    const rate = async (from: Date, to: Date) => {
      const r = await db.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM problem_mention WHERE workspace_id = $1 AND problem_id = $2
           AND location_id = $3 AND created_at >= $4 AND created_at < $5`,
        [ws, queue, at.loc, from, to],
      );
      return r.rows[0]!.n / ((to.getTime() - from.getTime()) / DAY);
    };
    const before = await rate(new Date(at.t.getTime() - 180 * DAY), at.t);
    const after = await rate(new Date(at.t.getTime() + 30 * DAY), options.endDate);
    expect(after).toBeLessThan(0.6 * before);
    const there = await listProblems(db.pool, wsInfo(), { location: at.loc }, options.endDate);
    expect(there.problems.find((p) => p.id === queue)?.trend).not.toBe("up");
    // Linked to the problem, the initiative shows what it did: fewer mentions there since it started.
    const initiative = (
      await db.pool.query<{ id: number }>(
        "SELECT id FROM initiative WHERE workspace_id = $1 AND external_id = 'init-extra-cashier'",
        [ws],
      )
    ).rows[0]!.id;
    await manage.linkInitiative(db.pool, ws, queue, initiative, true, null, options.endDate);
    const page = await problemDetail(
      db.pool,
      wsInfo(),
      queue,
      { location: at.loc, offset: 0, limit: 5 },
      options.endDate,
    );
    const linked = page.initiatives.find((i) => i.id === initiative)!;
    expect(linked.per30After).not.toBeNull();
    expect(linked.per30After!).toBeLessThan(0.6 * linked.per30Before);
  });

  it("keeps ids, owners and manual decisions through re-clustering, and reopens a solved problem that returns", async () => {
    const user = (
      await db.pool.query<{ id: number }>(
        "INSERT INTO app_user (email, name, password_hash) VALUES ('own@x.test', 'Owner', 'x') RETURNING id",
      )
    ).rows[0]!.id;
    await db.pool.query("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, 'manager')", [
      ws,
      user,
    ]);
    const keys = [
      "late_delivery",
      "no_evening_reply",
      "entrance_puddle",
      "slow_refund",
      "hidden_fees",
      "dirty_toilet",
    ];
    const before = new Map<string, number>();
    for (const k of keys) before.set(k, await problemOf(k));
    const now = options.endDate;

    const late = before.get("late_delivery")!;
    await manage.patchProblem(
      db.pool,
      ws,
      late,
      { customLabel: "Доставка опаздывает", ownerId: user, status: "solved" },
      user,
      now,
    );
    await decide.mergeProblems(
      db.pool,
      ws,
      before.get("entrance_puddle")!,
      [before.get("dirty_toilet")!],
      user,
      now,
    );
    await decide.setNotAProblem(db.pool, ws, before.get("hidden_fees")!, true, user, now);
    const refund = before.get("slow_refund")!;
    const refundTexts = await db.pool.query<{ key: string }>(
      `SELECT source || '-' || source_id AS key FROM problem_mention WHERE workspace_id = $1 AND problem_id = $2
       ORDER BY created_at LIMIT 4`,
      [ws, refund],
    );
    const split = await decide.splitProblem(
      db.pool,
      ws,
      refund,
      refundTexts.rows.map((r) => r.key),
      "Частичный возврат",
      user,
      now,
    );

    const again = await reclusterWorkspace(db.pool, ws, { now });
    expect(again.created).toBeLessThanOrEqual(2);
    for (const k of ["no_evening_reply", "slow_refund"]) expect(await problemOf(k)).toBe(before.get(k));

    const rows = await db.pool.query(
      `SELECT id, custom_label, owner_id, status, dismissed, merged_into FROM problem WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
      [ws, [late, before.get("dirty_toilet"), before.get("hidden_fees")]],
    );
    const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
    expect(byId.get(late)).toMatchObject({
      custom_label: "Доставка опаздывает",
      owner_id: user,
      status: "solved",
    });
    expect(Number(byId.get(before.get("dirty_toilet")!)?.merged_into)).toBe(before.get("entrance_puddle"));
    expect(byId.get(before.get("hidden_fees")!)?.dismissed).toBe(true);
    // The merged problem's texts stay with the problem they were merged into.
    const c = await composition();
    expect(c.get(before.get("dirty_toilet")!)).toBeUndefined();
    expect(c.get(before.get("entrance_puddle")!)?.get("dirty_toilet") ?? 0).toBeGreaterThan(10);
    // Split-off texts stay split off.
    const pinned = await db.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM problem_mention WHERE workspace_id = $1 AND problem_id = $2",
      [ws, split],
    );
    expect(pinned.rows[0]!.n).toBeGreaterThanOrEqual(4);
    // The dismissed problem is not ranked.
    const list = await listProblems(db.pool, wsInfo(), {}, now);
    expect(list.problems.some((p) => p.id === before.get("hidden_fees"))).toBe(false);

    // Late deliveries come back after the problem was solved: it reopens and its owner hears of it.
    const since = new Date(Date.now() - 1000);
    await db.pool.query(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, text, language, created_at)
       SELECT $1, 'back-' || t.n, NULL, 'email', 'complaint', t.text, 'ru', $2::timestamptz + t.n * interval '1 hour'
       FROM (VALUES (1, 'Курьер опять не приехал, заказ не доставили уже третий день'),
                    (2, 'Доставка опять опаздывает, курьер не звонит, где мой заказ'),
                    (3, 'Заказ должны были привезти три дня назад, курьер так и не приехал')) AS t(n, text)`,
      [ws, new Date(now.getTime() + DAY)],
    );
    const placed = await assignNew(db.pool, ws, since, { now: new Date(now.getTime() + 2 * DAY) });
    expect(placed.texts).toBe(3);
    expect(placed.reopened).toContain(late);
    const reopened = await db.pool.query(
      "SELECT status, reopened_at FROM problem WHERE workspace_id = $1 AND id = $2",
      [ws, late],
    );
    expect(reopened.rows[0].status).toBe("acknowledged");
    expect(reopened.rows[0].reopened_at).not.toBeNull();
    const note = await db.pool.query(
      "SELECT kind, payload FROM notification WHERE workspace_id = $1 AND user_id = $2",
      [ws, user],
    );
    expect(note.rows).toHaveLength(1);
    expect(note.rows[0]).toMatchObject({ kind: "problem_reopened", payload: { problemId: late } });
  });
});

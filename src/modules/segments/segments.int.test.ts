import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { issueToken } from "../accounts/index.ts";
import { rebuild as rebuildSpeedometer } from "../speedometer/index.ts";
import { rebuildSegments } from "./rebuild.ts";
import { registerSegmentRoutes } from "./routes.ts";
import { buildSegmentsFixture } from "./test-fixture.ts";

/** The fixture and every expected figure are described in test-fixture.ts; the RFM scores by hand below. */
describe("segments: rebuild, API and CSV on a hand-made workspace", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  let ids: Map<string, number>;
  let manager: string;
  let viewer: string;
  let first: Awaited<ReturnType<typeof rebuildSegments>>;

  const members = async (segmentId: number) =>
    (
      await t.pool.query<{ external_id: string }>(
        `SELECT c.external_id FROM customer_segment cs JOIN customer c ON c.workspace_id = cs.workspace_id AND c.id = cs.customer_id
         WHERE cs.workspace_id = $1 AND cs.segment_id = $2 ORDER BY c.external_id`,
        [ws, segmentId],
      )
    ).rows.map((r) => r.external_id);
  const byCode = async (code: string) =>
    Number(
      (
        await t.pool.query<{ id: string }>("SELECT id FROM segment WHERE workspace_id = $1 AND code = $2", [
          ws,
          code,
        ])
      ).rows[0]?.id,
    );
  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, token: string, payload?: unknown) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload: payload as object });

  beforeAll(async () => {
    t = await createTestDatabase();
    ({ ws, ids } = await buildSegmentsFixture(t.pool));
    first = await rebuildSegments(t.pool, ws, { speedometer: false });
    manager = (await issueToken(t.pool, ws, { name: "m", role: "manager", createdBy: null })).token;
    viewer = (await issueToken(t.pool, ws, { name: "v", role: "viewer", createdBy: null })).token;
    app = await buildApp({ pool: t.pool, version: "test" });
    registerSegmentRoutes(app, {
      pool: t.pool,
      now: () => new Date("2024-07-15T12:00:00Z"),
      speedometer: false,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it("scores RFM by quintiles of the workspace and names the segments as computed by hand", async () => {
    // n = 20 buyers. R: O_i has 10 − i worse → 1 + ⌊(10 − i)/4⌋ (O1, O2: 3; O3–O6: 2; O7–O10: 1);
    // L_i has 20 − i worse → 1 + ⌊(20 − i)/4⌋ (L1–L4: 5; L5–L8: 4; L9, L10: 3).
    // F: ones → 1, fives (10 worse) → 1 + ⌊50/20⌋ = 3; M likewise 1 and 3; so FM = 1 for O, 3 for L.
    expect(first.customers).toBe(20);
    expect(first.asOf?.toISOString()).toBe("2024-06-30T12:00:00.000Z");
    expect(await members(await byCode("rfm:potential_loyalists"))).toEqual(
      ["L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8"].sort(),
    );
    expect(await members(await byCode("rfm:need_attention"))).toEqual(["L10", "L9"]);
    expect(await members(await byCode("rfm:about_to_sleep"))).toEqual(["O1", "O2"]);
    expect(await members(await byCode("rfm:hibernating"))).toEqual(["O3", "O4", "O5", "O6"]);
    expect(await members(await byCode("rfm:lost"))).toEqual(["O10", "O7", "O8", "O9"]);
    expect(await members(await byCode("rfm:champions"))).toEqual([]);
  });

  it("clusters every buyer once and never mixes the loyal with the one-timers", async () => {
    const r = await t.pool.query<{ id: string; size: number }>(
      "SELECT id, size FROM segment WHERE workspace_id = $1 AND kind = 'cluster' AND retired_at IS NULL",
      [ws],
    );
    expect(r.rows.length).toBe(first.k);
    expect(first.k).toBeGreaterThanOrEqual(2);
    expect(r.rows.reduce((s, x) => s + x.size, 0)).toBe(20);
    for (const row of r.rows) {
      const m = await members(Number(row.id));
      expect(m.length).toBe(row.size);
      expect(new Set(m.map((x) => x[0])).size).toBe(1);
    }
  });

  it("keeps ids and memberships on a re-run over the same data", async () => {
    const before = await t.pool.query(
      "SELECT id, code, size FROM segment WHERE workspace_id = $1 ORDER BY id",
      [ws],
    );
    const again = await rebuildSegments(t.pool, ws, { speedometer: false });
    expect(again.inserted).toBe(0);
    expect(again.deleted).toBe(0);
    const after = await t.pool.query(
      "SELECT id, code, size FROM segment WHERE workspace_id = $1 ORDER BY id",
      [ws],
    );
    expect(after.rows).toEqual(before.rows);
  });

  it("lists segments with profiles, shares and top problems (by hand)", async () => {
    const res = await call("GET", "/api/workspaces/segs/segments", viewer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.segments[0].cci).toBeNull(); // the speedometer has not counted segments yet
    expect(body.members).toBeUndefined(); // a viewer does not get the member list
    expect(body.run.customers).toBe(20);
    // base: recency (0+…+9 + 200+…+209)/20 = 104.5; orders 3; spend 26000; NPS (5·10 + 4·3)/9;
    // complaints per order (0.2 + 0.2 + 1 + 1 + 1)/20 = 0.17
    expect(body.run.base.recency).toBeCloseTo(104.5, 10);
    expect(body.run.base.frequency).toBeCloseTo(3, 10);
    expect(body.run.base.monetary).toBeCloseTo(26000, 10);
    expect(body.run.base.nps).toBeCloseTo(62 / 9, 10);
    expect(body.run.base.complaintRate).toBeCloseTo(0.17, 10);
    const seg = (code: string) => body.segments.find((s: { code: string }) => s.code === code);
    const lost = seg("rfm:lost");
    expect(lost).toMatchObject({ kind: "rfm", name: "Lost", size: 4, share: 0.2 });
    expect(lost.profile.means.recency).toBeCloseTo(207.5, 10); // (206 + 207 + 208 + 209)/4
    expect(lost.profile.means).toMatchObject({ frequency: 1, monetary: 2000, discountShare: 1, nps: null });
    const loyalists = seg("rfm:potential_loyalists");
    expect(loyalists.profile.means.recency).toBeCloseTo(3.5, 10);
    expect(loyalists.profile.means.complaintRate).toBeCloseTo(0.05, 10); // (0.2 + 0.2)/8
    expect(loyalists.profile.means.nps).toBe(10);
    expect(loyalists.topProblems).toEqual([
      { problemId: expect.any(Number), label: "Rude courier", customers: 1, mentions: 1 },
    ]);
    expect(seg("rfm:about_to_sleep").topProblems[0]).toMatchObject({ label: "Late delivery", customers: 2 });
    expect(seg("rfm:hibernating").topProblems[0]).toMatchObject({ label: "Late delivery", customers: 1 });
    // the list follows the score table's order
    expect(body.segments.slice(0, 3).map((s: { code: string }) => s.code)).toEqual([
      "rfm:champions",
      "rfm:loyal",
      "rfm:potential_loyalists",
    ]);
  });

  let ruleId: number;
  it("creates a rule segment: bought at shop A, ≥ 5 orders, complained within 90 days", async () => {
    const shopA = Number(
      (await t.pool.query("SELECT id FROM location WHERE workspace_id = $1 AND external_id = 'shop-a'", [ws]))
        .rows[0].id,
    );
    const definition = {
      match: "all",
      conditions: [
        { field: "location", locations: [shopA] },
        { field: "orders", op: "gte", value: 5 },
        { field: "complained", withinDays: 90 },
      ],
    };
    expect(
      (await call("POST", "/api/workspaces/segs/segments", viewer, { name: "x", definition })).statusCode,
    ).toBe(403);
    const preview = await call("POST", "/api/workspaces/segs/segments/preview", viewer, { definition });
    expect(preview.json()).toEqual({ customers: 1 });
    const res = await call("POST", "/api/workspaces/segs/segments", manager, {
      name: '=HYPERLINK("http://x")',
      definition,
    });
    expect(res.statusCode).toBe(201);
    ruleId = res.json().id;
    expect(res.json()).toMatchObject({ kind: "rule", size: 1 });
    // L2 complained 10 days before; L3's complaint was 100 days before
    expect(await members(ruleId)).toEqual(["L2"]);
  });

  it("changes a rule and recomputes its members (any of: NPS ≤ 6, city = Kyiv)", async () => {
    const res = await call("PATCH", `/api/workspaces/segs/segments/${ruleId}`, manager, {
      definition: {
        match: "any",
        conditions: [
          { field: "nps", op: "lte", value: 6 },
          { field: "attribute", key: "city", op: "eq", value: "Kyiv" },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().size).toBe(5);
    expect(await members(ruleId)).toEqual(["N1", "O1", "O2", "O3", "O4"]);
    const bad = await call("PATCH", `/api/workspaces/segs/segments/${ruleId}`, manager, {
      definition: { match: "all", conditions: [{ field: "nps", op: "lte", value: 11 }] },
    });
    expect(bad.statusCode).toBe(422);
    const notRule = await call(
      "PATCH",
      `/api/workspaces/segs/segments/${await byCode("rfm:lost")}`,
      manager,
      {
        definition: { match: "all", conditions: [{ field: "nps", op: "lte", value: 5 }] },
      },
    );
    expect(notRule.statusCode).toBe(422);
  });

  it("selects by RFM segment and by days since the last order", async () => {
    const count = async (conditions: unknown[]) =>
      (
        await call("POST", "/api/workspaces/segs/segments/preview", viewer, {
          definition: { match: "all", conditions },
        })
      ).json().customers;
    expect(await count([{ field: "rfm", segments: ["lost"] }])).toBe(4);
    expect(await count([{ field: "lastOrderDays", op: "gte", value: 200 }])).toBe(10);
    expect(await count([{ field: "lastOrderDays", op: "lte", value: 9 }])).toBe(10);
    expect(await count([{ field: "revenue", op: "gte", value: 50000 }])).toBe(10);
    expect(await count([{ field: "orders", op: "eq", value: 1, withinDays: 205 }])).toBe(5); // O1…O5 (200–204 days)
    expect(await count([{ field: "complained", withinDays: 365, negate: true }])).toBe(16);
  });

  it("sets owner, target and persona; shows computed facts and quotes of its customers", async () => {
    const user = Number(
      (
        await t.pool.query(
          "INSERT INTO app_user (email, name, password_hash) VALUES ('olena@example.com', 'Олена', 'x') RETURNING id",
        )
      ).rows[0].id,
    );
    await t.pool.query("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, 'manager')", [
      ws,
      user,
    ]);
    const id = await byCode("rfm:about_to_sleep");
    const stranger = await call("PATCH", `/api/workspaces/segs/segments/${id}`, manager, { ownerId: 999999 });
    expect(stranger.statusCode).toBe(422);
    const res = await call("PATCH", `/api/workspaces/segs/segments/${id}`, manager, {
      ownerId: user,
      isTarget: true,
      name: "Waiting for a reason",
      persona: { needs: "Delivery on time", jobs: "Buy a gift", valueProposition: "Two-day delivery" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      ownerId: user,
      ownerName: "Олена",
      isTarget: true,
      name: "Waiting for a reason",
      computedName: "About to sleep",
      persona: { needs: "Delivery on time", jobs: "Buy a gift", valueProposition: "Two-day delivery" },
    });
    const detail = (await call("GET", `/api/workspaces/segs/segments/${id}`, viewer)).json();
    expect(detail.segment.profile.means.nps).toBe(3);
    expect(detail.segment.profile.means.recency).toBeCloseTo(200.5, 10);
    // O2's comment is blank: only O1 is quoted
    expect(detail.quotes.map((q: { comment: string }) => q.comment)).toEqual(["Доставка опоздала"]);
    // a re-run keeps the person's name, owner, target and persona
    await rebuildSegments(t.pool, ws, { speedometer: false });
    const kept = (await call("GET", `/api/workspaces/segs/segments/${id}`, viewer)).json().segment;
    expect(kept).toMatchObject({ name: "Waiting for a reason", ownerId: user, isTarget: true });
    expect(kept.persona.needs).toBe("Delivery on time");
    const list = (await call("GET", "/api/workspaces/segs/segments", manager)).json();
    expect(list.members.map((m: { name: string }) => m.name)).toEqual(["Олена"]);
  });

  it("exports the list and a segment's customers as CSV with formulas neutralised", async () => {
    const res = await call("GET", "/api/workspaces/segs/segments.csv", manager);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.body.startsWith("\uFEFFid,kind,code,name,size,share,target,owner")).toBe(true);
    expect(res.body).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(res.body).toMatch(/,rfm,rfm:lost,Lost,4,0\.2,false,,/);
    expect((await call("GET", "/api/workspaces/segs/segments.csv", viewer)).statusCode).toBe(403);
    const c = await call(
      "GET",
      `/api/workspaces/segs/segments/${await byCode("rfm:lost")}/customers.csv`,
      manager,
    );
    const lines = c.body.split("\r\n");
    expect(lines[0]).toBe("\uFEFFexternal_id,name,orders,spend_minor_units,last_order,latest_nps");
    // O10 bought 209 days before 2024-06-30 12:00: 27 days of December 2023 + 182 of 2024 (a leap year)
    expect(lines.slice(1, 5).map((l) => l.split(",")[0])).toEqual(["O10", "O7", "O8", "O9"]);
    expect(lines[1]).toBe(`O10,Customer O10,1,2000,2023-12-04T12:00:00.000Z,`);
  });

  it("deletes rule segments only", async () => {
    expect(
      (await call("DELETE", `/api/workspaces/segs/segments/${await byCode("rfm:lost")}`, manager)).statusCode,
    ).toBe(409);
    expect((await call("DELETE", `/api/workspaces/segs/segments/${ruleId}`, manager)).statusCode).toBe(204);
    expect((await call("GET", `/api/workspaces/segs/segments/${ruleId}`, viewer)).statusCode).toBe(404);
    // memberships go with the segment, and with a deleted customer (triggers, not per-row foreign keys)
    expect(await members(ruleId)).toEqual([]);
    const n1 = ids.get("N1")!;
    await t.pool.query(
      "INSERT INTO customer_segment (workspace_id, segment_id, customer_id) VALUES ($1, $2, $3)",
      [ws, await byCode("rfm:lost"), n1],
    );
    await t.pool.query("DELETE FROM customer WHERE workspace_id = $1 AND id = $2", [ws, n1]);
    expect(
      (
        await t.pool.query("SELECT 1 FROM customer_segment WHERE workspace_id = $1 AND customer_id = $2", [
          ws,
          n1,
        ])
      ).rowCount,
    ).toBe(0);
    expect(ids.size).toBe(21);
  });

  it("lets the speedometer count the segments, so each shows its CCI and NPS", async () => {
    await rebuildSegments(t.pool, ws);
    const body = (await call("GET", "/api/workspaces/segs/segments", viewer)).json();
    const lost = body.segments.find((s: { code: string }) => s.code === "rfm:lost");
    // before the speedometer counted them the segments had no figures; now they have, and four customers are
    // far fewer than the 30 a proportion needs: "not enough data", never a number
    expect(lost.cci).toEqual({ value: null, lower: null, upper: null, enough: false });
    expect(lost.nps).toMatchObject({ value: null, enough: false });
  });
  it("counts a new rule's members in the speedometer at once, as a full rebuild would", async () => {
    const slice = async (segment: number) =>
      (
        await t.pool.query(
          `SELECT to_char(month, 'YYYY-MM') AS month, orders, revenue, repeat_base, repeat_returned, new_customers
           FROM speedometer_month
           WHERE workspace_id = $1 AND dim = 'segment' AND value = $2
             AND (orders <> 0 OR repeat_base <> 0 OR repeat_returned <> 0 OR new_customers <> 0)
           ORDER BY month`,
          [ws, String(segment)],
        )
      ).rows;
    const res = await call("POST", "/api/workspaces/segs/segments", manager, {
      name: "Two orders or more",
      definition: { match: "all", conditions: [{ field: "orders", op: "gte", value: 2 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as number;
    expect(res.json().size).toBeGreaterThan(0);
    const counted = await slice(id);
    expect(counted.length).toBeGreaterThan(0);
    await rebuildSpeedometer(t.pool, ws);
    expect(counted).toEqual(await slice(id));
  });
});

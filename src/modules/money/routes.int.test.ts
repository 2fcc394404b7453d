import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type App,
  buildApp,
  createSession,
  newApiToken,
  type Role,
  SESSION_COOKIE,
} from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { registerMoneyRoutes } from "./routes.ts";
import type { AtRiskPage, MoneySummary } from "./schemas.ts";
import { buildShop } from "./test-fixture.ts";

describe("money routes", () => {
  let t: TestDatabase;
  let app: App;
  let ws: number;
  const bearer: Partial<Record<Role, { authorization: string }>> = {};
  let owner: { cookie: string; "x-csrf-token": string };

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await buildShop(t.pool, "shop");
    for (const role of ["viewer", "agent", "analyst", "manager"] as const) {
      const tok = newApiToken();
      await t.pool.query(
        "INSERT INTO api_token (workspace_id, name, prefix, token_hash, role) VALUES ($1, $2, $3, $4, $2)",
        [ws, role, tok.prefix, tok.hash],
      );
      bearer[role] = { authorization: `Bearer ${tok.token}` };
    }
    const u = await t.pool.query<{ id: number }>(
      "INSERT INTO app_user (email, name, password_hash) VALUES ('o@x.test', 'Owner', 'x') RETURNING id",
    );
    const userId = (u.rows[0] as { id: number }).id;
    await t.pool.query("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, 'owner')", [
      ws,
      userId,
    ]);
    const s = await createSession(t.pool, userId);
    owner = { cookie: `${SESSION_COOKIE}=${s.sid}`, "x-csrf-token": s.csrfToken };
    app = await buildApp({ pool: t.pool, version: "test" });
    registerMoneyRoutes(app, { pool: t.pool });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("before a fit the page says so", async () => {
    const r = await app.inject({ method: "GET", url: "/api/workspaces/shop/money", headers: bearer.viewer });
    expect(r.statusCode).toBe(200);
    const body = r.json() as MoneySummary;
    expect(body).toMatchObject({ fit: null, figures: null, reading: [{ key: "money.reading.noFit" }] });
    expect(body.settings).toMatchObject({ horizonMonths: 12, margin: 0.3, annualDiscountRate: 0.1 });
  });

  it("POST fit needs 'analyse' and returns the summary", async () => {
    const denied = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/money/fit",
      headers: bearer.viewer,
      payload: {},
    });
    expect(denied.statusCode).toBe(403);
    const bad = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/money/fit",
      headers: bearer.analyst,
      payload: { asOf: "30.06.2024" },
    });
    expect(bad.statusCode).toBe(422);
    const r = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/money/fit",
      headers: bearer.analyst,
      payload: { asOf: "2024-06-30" },
    });
    expect(r.statusCode).toBe(200);
    const s = r.json() as MoneySummary;
    expect(s.fit?.calibrationEnd).toBe("2024-06-30");
    expect(s.fit?.purchase.params.map((p) => p.name)).toEqual(["r", "alpha", "a", "b"]);
    expect(s.fit?.tracking.length).toBeGreaterThan(10);
    expect(s.figures?.totals.customers).toBe(67);
    expect(s.figures?.distribution.buckets.reduce((n, b) => n + b.customers, 0)).toBe(67);
    expect(s.reading.map((l) => l.key)).toContain("money.reading.value");
  });

  it("GET at-risk: sorted, paginated, validated", async () => {
    const r = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/at-risk?sort=name&dir=asc&limit=2&reason=detractor",
      headers: bearer.viewer,
    });
    expect(r.statusCode).toBe(200);
    const page = r.json() as AtRiskPage;
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.externalId)).toEqual(["C", "B"]); // '=HYPERLINK…' sorts before '@SUM…'
    // Every sortable column orders the whole list, each way: checked against the values the rows carry.
    const all = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/at-risk?limit=500",
      headers: bearer.viewer,
    });
    const everyone = (all.json() as AtRiskPage).items;
    expect(everyone.length).toBeGreaterThan(2);
    for (const [sort, value] of [
      ["expectedSpend", (i: AtRiskPage["items"][number]) => i.expectedSpend],
      ["expectedPurchases", (i: AtRiskPage["items"][number]) => i.expectedPurchases],
      ["pAlive", (i: AtRiskPage["items"][number]) => i.pAlive],
    ] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const sorted = await app.inject({
          method: "GET",
          url: `/api/workspaces/shop/money/at-risk?sort=${sort}&dir=${dir}&limit=500`,
          headers: bearer.viewer,
        });
        const got = (sorted.json() as AtRiskPage).items.map(value);
        const want = everyone.map(value).sort((a, b) => (dir === "asc" ? a - b : b - a));
        expect(got, `${sort} ${dir}`).toEqual(want);
      }
    }
    const bad = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/at-risk?sort=evil",
      headers: bearer.viewer,
    });
    expect(bad.statusCode).toBe(422);
  });

  it("CSV exports: 'export' permission, BOM, formula-like text defused, plain numbers kept", async () => {
    const denied = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/customers.csv",
      headers: bearer.viewer,
    });
    expect(denied.statusCode).toBe(403);
    const r = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/customers.csv",
      headers: bearer.analyst,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/text\/csv/);
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = r.rawPayload.toString("utf8").slice(1).trim().split("\n");
    expect(lines[0]).toBe(
      "customer,name,currency,clv,p_alive,p_alive_previous,expected_purchases,expected_spend,repeat_purchases,first_purchase,last_purchase,revenue_12m,latest_nps,complaint_outcome,risk_reasons",
    );
    expect(lines.length).toBe(68);
    const byCustomer = Object.fromEntries(lines.slice(1).map((l) => [l.split(",")[0], l]));
    expect(byCustomer.C).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(byCustomer.B).toContain(",'@SUM(1+1),");
    expect(byCustomer.A).toContain(",'+cmd|' /C calc'!A0,");
    expect(byCustomer.E).toMatch(/^E,-5,UAH,/);
    expect(byCustomer.D).toContain('"Дмитро, «VIP»"');
    // Amounts in hryvnias: D's 12-month revenue of 9000 kopecks is 90.00.
    expect(byCustomer.D).toContain(",90.00,");
    const risk = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/at-risk.csv",
      headers: bearer.analyst,
    });
    const riskLines = risk.rawPayload.toString("utf8").trim().split("\n");
    const page = (
      await app.inject({ method: "GET", url: "/api/workspaces/shop/money/at-risk", headers: bearer.viewer })
    ).json() as AtRiskPage;
    expect(riskLines.length).toBe(page.total + 1);
    // One reason: the same customers the page lists under that filter, each naming that reason.
    for (const reason of ["unresolved_complaint", "detractor", "alive_dropped"] as const) {
      const one = await app.inject({
        method: "GET",
        url: `/api/workspaces/shop/money/at-risk.csv?reason=${reason}`,
        headers: bearer.analyst,
      });
      expect(one.headers["content-disposition"]).toContain(`revenue-at-risk-${reason}-shop.csv`);
      const lines = one.rawPayload.toString("utf8").trim().split("\n");
      const listed = (
        await app.inject({
          method: "GET",
          url: `/api/workspaces/shop/money/at-risk?reason=${reason}`,
          headers: bearer.viewer,
        })
      ).json() as AtRiskPage;
      expect(lines.length, reason).toBe(listed.total + 1);
      for (const l of lines.slice(1)) expect(l, reason).toContain(reason);
    }
    const bad = await app.inject({
      method: "GET",
      url: "/api/workspaces/shop/money/at-risk.csv?reason=rich",
      headers: bearer.analyst,
    });
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json())).toContain("reason");
  });

  it("PATCH settings needs 'analyse' (managers tune them; agents and viewers may not), and marks the fit stale until the next one", async () => {
    for (const role of ["agent", "viewer"] as const) {
      const denied = await app.inject({
        method: "PATCH",
        url: "/api/workspaces/shop/money/settings",
        headers: bearer[role],
        payload: { margin: 0.4 },
      });
      expect(denied.statusCode, role).toBe(403);
      expect(denied.json().error).toMatchObject({
        code: "forbidden",
        details: { role, permission: "analyse" },
      });
    }
    const bad = await app.inject({
      method: "PATCH",
      url: "/api/workspaces/shop/money/settings",
      headers: bearer.manager,
      payload: { margin: 2 },
    });
    expect(bad.statusCode).toBe(422);
    // Refused changes left the settings as they were.
    const untouched = (
      await app.inject({ method: "GET", url: "/api/workspaces/shop/money", headers: bearer.viewer })
    ).json() as MoneySummary;
    expect(untouched.settings).toMatchObject({ margin: 0.3, horizonMonths: 12 });
    const byManager = await app.inject({
      method: "PATCH",
      url: "/api/workspaces/shop/money/settings",
      headers: bearer.manager,
      payload: { margin: 0.35 },
    });
    expect(byManager.statusCode).toBe(200);
    expect(byManager.json()).toMatchObject({
      settings: { margin: 0.35, horizonMonths: 12, annualDiscountRate: 0.1 },
      refitNeeded: true,
    });
    const r = await app.inject({
      method: "PATCH",
      url: "/api/workspaces/shop/money/settings",
      headers: owner,
      payload: { margin: 0.4, horizonMonths: 24 },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      settings: { margin: 0.4, horizonMonths: 24, annualDiscountRate: 0.1 },
      refitNeeded: true,
    });
    const before = (
      await app.inject({ method: "GET", url: "/api/workspaces/shop/money", headers: bearer.viewer })
    ).json() as MoneySummary;
    const refit = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/money/fit",
      headers: owner,
      payload: { asOf: "2024-06-30" },
    });
    const after = refit.json() as MoneySummary;
    expect(after.fit?.stale).toBe(false);
    // A longer horizon and a higher margin: more value from the same customers.
    expect(after.figures?.totals.clv).toBeGreaterThan(before.figures?.totals.clv as number);
  });

  it("a workspace you do not belong to is 404", async () => {
    await t.pool.query("INSERT INTO workspace (slug, name) VALUES ('other', 'Other')");
    const r = await app.inject({ method: "GET", url: "/api/workspaces/other/money", headers: bearer.viewer });
    expect(r.statusCode).toBe(404);
    expect(ws).toBeGreaterThan(0);
  });
});

import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, newApiToken } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { registerIntakeRoutes } from "./routes.ts";

describe("intake API", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let ws: number;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  let manager: string;
  let viewer: string;

  async function token(role: "manager" | "viewer"): Promise<string> {
    const tk = newApiToken();
    await t.pool.query(
      "INSERT INTO api_token (workspace_id, name, prefix, token_hash, role) VALUES ($1, $2, $3, $4, $5)",
      [ws, role, tk.prefix, tk.hash, role],
    );
    return tk.token;
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency) VALUES ('shop', 'Shop', 'UAH') RETURNING id",
      )
    ).rows[0].id;
    app = await buildApp({ pool: t.pool, version: "test" });
    registerIntakeRoutes(app, { pool: t.pool });
    await app.ready();
    manager = await token("manager");
    viewer = await token("viewer");
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const orders = [
    { external_id: "o1", customer_external_id: "c1", ordered_at: "2024-05-01T10:00:00Z", amount: 120.5 },
    {
      external_id: "o2",
      customer_external_id: "c2",
      ordered_at: "2024-05-02",
      amount: "99,90",
      list_amount: 120,
    },
    { external_id: "o3", customer_external_id: "c1", ordered_at: "not a date", amount: 10 },
  ];

  it("takes a batch, answers per record (207), and is idempotent on external_id", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/orders",
      headers: auth(manager),
      payload: orders,
    });
    expect(res.statusCode).toBe(207);
    const body = res.json();
    expect(body.summary).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: 1 });
    expect(body.results[2]).toMatchObject({ index: 2, status: "rejected" });
    expect(body.results[2].errors[0]).toMatchObject({ field: "ordered_at", value: "not a date" });
    const db = await t.pool.query(
      "SELECT external_id, amount, list_amount FROM orders WHERE workspace_id = $1 ORDER BY 1",
      [ws],
    );
    expect(db.rows).toEqual([
      { external_id: "o1", amount: 12050, list_amount: 12050 },
      { external_id: "o2", amount: 9990, list_amount: 12000 },
    ]);
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/orders",
      headers: auth(manager),
      payload: { records: orders.slice(0, 2) },
    });
    expect(again.json().summary).toEqual({ inserted: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it("refuses more than 1,000 records with 413 and a malformed body with 422", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ external_id: `x${i}`, name: "n" }));
    const big = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/customers",
      headers: auth(manager),
      payload: many,
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("payload_too_large");
    const bad = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/customers",
      headers: auth(manager),
      payload: { nope: 1 },
    });
    expect(bad.statusCode).toBe(422);
    const missing = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/orders",
      headers: auth(manager),
      payload: [{ external_id: "z" }],
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toMatch(/ordered_at|amount|customer/);
  });

  it("writes nothing of a batch when the database fails part-way (one transaction)", async () => {
    // A trigger that fails on the second row stands in for a server fault mid-batch.
    await t.pool.query(`CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.external_id = 'boom' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$`);
    await t.pool.query("CREATE TRIGGER boom BEFORE INSERT ON customer FOR EACH ROW EXECUTE FUNCTION boom()");
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/customers",
      headers: auth(manager),
      payload: [
        { external_id: "fine-1", name: "A" },
        { external_id: "boom", name: "B" },
      ],
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe("internal");
    const n = await t.pool.query(
      "SELECT count(*)::int AS n FROM customer WHERE workspace_id = $1 AND external_id = 'fine-1'",
      [ws],
    );
    expect(n.rows[0].n).toBe(0);
    await t.pool.query("DROP TRIGGER boom ON customer");
  });

  it("needs the import permission and a valid token", async () => {
    const asViewer = await app.inject({
      method: "POST",
      url: "/api/v1/workspaces/shop/orders",
      headers: auth(viewer),
      payload: orders,
    });
    expect(asViewer.statusCode).toBe(403);
    const anon = await app.inject({ method: "POST", url: "/api/v1/workspaces/shop/orders", payload: orders });
    expect(anon.statusCode).toBe(401);
  });

  it("uploads a file, previews 20 checked rows with the mapping, imports it and serves the error report", async () => {
    const lines = ["Дата замовлення,Сума,Код клієнта,Номер замовлення"];
    for (let i = 1; i <= 30; i++)
      lines.push(`0${(i % 9) + 1}.06.2024,${i === 5 ? "=HYPERLINK(1)" : `"${i}0,00"`},k${i % 4},w${i}`);
    const csv = `${lines.join("\n")}\n`;
    const boundary = "----storona";
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="замовлення.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const up = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/imports/upload",
      headers: { ...auth(manager), "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(up.statusCode).toBe(201);
    const { uploadId } = up.json();
    const pv = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/imports/preview",
      headers: auth(manager),
      payload: { uploadId, entity: "orders" },
    });
    expect(pv.statusCode).toBe(200);
    const preview = pv.json();
    expect(preview.rows).toHaveLength(20);
    expect(preview.mapping.map((m: { field: string | null }) => m.field)).toEqual([
      "ordered_at",
      "amount",
      "customer_external_id",
      "external_id",
    ]);
    expect(preview.rows[4].ok).toBe(false);
    const run = await app.inject({
      method: "POST",
      url: "/api/workspaces/shop/imports",
      headers: auth(manager),
      payload: { uploadId, entity: "orders" },
    });
    expect(run.statusCode).toBe(202);
    const { runId } = run.json();
    let status = "running";
    let last: Record<string, unknown> = {};
    for (let i = 0; i < 200 && status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      last = (
        await app.inject({ url: `/api/workspaces/shop/imports/${runId}`, headers: auth(manager) })
      ).json();
      status = String(last.status);
    }
    expect(last, JSON.stringify(last)).toMatchObject({ status: "done", read: 30, inserted: 29, rejected: 1 });
    const report = await app.inject({
      url: `/api/workspaces/shop/imports/${runId}/errors.csv`,
      headers: auth(manager),
    });
    expect(report.statusCode).toBe(200);
    // The hostile cell comes back neutralised so a spreadsheet shows it as text.
    expect(report.body).toContain("'=HYPERLINK(1)");
    expect(report.body.startsWith("\ufeffline,column,value")).toBe(true);
  });
});

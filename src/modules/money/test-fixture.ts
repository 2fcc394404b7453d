/**
 * Test-only: hand-made money workspaces, written straight into the core tables with SQL (and COPY for
 * CDNOW), so the money module's tests need no importer.
 */
import type pg from "pg";
import { copyRows } from "../../platform/db/index.ts";
import { loadCdnowTransactions } from "./cdnow-fixture.ts";

export async function createWorkspace(
  pool: pg.Pool,
  slug: string,
  timeZone = "UTC",
  currency = "UAH",
): Promise<number> {
  const r = await pool.query<{ id: number }>(
    "INSERT INTO workspace (slug, name, time_zone, currency) VALUES ($1, $1, $2, $3) RETURNING id",
    [slug, timeZone, currency],
  );
  return (r.rows[0] as { id: number }).id;
}

export async function addCustomers(pool: pg.Pool, ws: number, customers: Record<string, string | null>) {
  await pool.query(
    `INSERT INTO customer (workspace_id, external_id, name)
     SELECT $1, e, n FROM unnest($2::text[], $3::text[]) AS t(e, n)`,
    [ws, Object.keys(customers), Object.values(customers)],
  );
}

export type FixtureOrder = {
  customer: string;
  at: string;
  amount: number;
  status?: "completed" | "cancelled" | "returned";
};

export async function addOrders(pool: pg.Pool, ws: number, orders: FixtureOrder[]) {
  await pool.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, status)
     SELECT $1, 'o' || ord, c.id, t.at, t.amount, t.amount, 'UAH', t.status
     FROM unnest($2::text[], $3::timestamptz[], $4::bigint[], $5::text[]) WITH ORDINALITY AS t(customer, at, amount, status, ord)
     JOIN customer c ON c.workspace_id = $1 AND c.external_id = t.customer`,
    [
      ws,
      orders.map((o) => o.customer),
      orders.map((o) => o.at),
      orders.map((o) => o.amount),
      orders.map((o) => o.status ?? "completed"),
    ],
  );
}

export type FixtureComplaint = { ext: string; customer: string; at: string; resolvedAt: string | null };

export async function addComplaints(pool: pg.Pool, ws: number, complaints: FixtureComplaint[]) {
  for (const c of complaints) {
    await pool.query(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, text, created_at, resolved_at, status)
       SELECT $1, $2, id, 'email', 'complaint', 'complaint', $4, $5, CASE WHEN $5::timestamptz IS NULL THEN 'open' ELSE 'resolved' END
       FROM customer WHERE workspace_id = $1 AND external_id = $3`,
      [ws, c.ext, c.customer, c.at, c.resolvedAt],
    );
  }
}

export async function addNps(
  pool: pg.Pool,
  ws: number,
  answers: { ext: string; customer: string; at: string; score: number }[],
) {
  for (const a of answers) {
    await pool.query(
      `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, created_at)
       SELECT $1, $2, id, 'nps', $4, $5 FROM customer WHERE workspace_id = $1 AND external_id = $3`,
      [ws, a.ext, a.customer, a.score, a.at],
    );
  }
}

export async function customerIds(pool: pg.Pool, ws: number): Promise<Record<string, number>> {
  const r = await pool.query<{ id: number; external_id: string }>(
    "SELECT id, external_id FROM customer WHERE workspace_id = $1",
    [ws],
  );
  return Object.fromEntries(r.rows.map((row) => [row.external_id, row.id]));
}

/** The CDNOW cohort (../shared/data/cdnow) as a UTC workspace: 2,357 customers, 6,919 orders in cents. */
export async function loadCdnow(pool: pg.Pool, slug: string): Promise<number> {
  const ws = await createWorkspace(pool, slug, "UTC", "USD");
  const tx = loadCdnowTransactions();
  const client = await pool.connect();
  try {
    const ids = [...new Set(tx.map((t) => t.customerId))];
    await copyRows(
      client,
      "customer",
      ["workspace_id", "external_id", "name"],
      ids.map((id) => [ws, id, `Customer ${id}`]),
    );
    const map = new Map(
      (
        await client.query<{ id: number; external_id: string }>(
          "SELECT id, external_id FROM customer WHERE workspace_id = $1",
          [ws],
        )
      ).rows.map((r) => [r.external_id, r.id]),
    );
    await copyRows(
      client,
      "orders",
      ["workspace_id", "external_id", "customer_id", "ordered_at", "amount", "list_amount", "currency"],
      tx.map((t, i) => {
        const cents = Math.round(t.amount * 100);
        return [ws, String(i + 1), map.get(t.customerId) ?? null, new Date(t.time), cents, cents, "USD"];
      }),
    );
  } finally {
    client.release();
  }
  return ws;
}

/**
 * A hand-made shop, as of 2024-06-30 (UTC): 60 background customers with repeat purchases and no
 * feedback (they keep the models fitted), and eight named ones whose groups and reasons are worked out
 * by hand below. 12 months of revenue run from 2023-07-02 to 2024-06-30.
 */
export const NAMED: Record<string, string | null> = {
  A: "+cmd|' /C calc'!A0",
  B: "@SUM(1+1)",
  C: '=HYPERLINK("http://evil")',
  D: "Дмитро, «VIP»",
  E: "-5",
  F: "Fedir",
  G: "Only cancelled",
  H: null,
};

export async function buildShop(pool: pg.Pool, slug: string): Promise<number> {
  const ws = await createWorkspace(pool, slug);
  const bg: Record<string, string> = {};
  const orders: FixtureOrder[] = [];
  for (let k = 1; k <= 60; k++) {
    const id = `bg${String(k).padStart(2, "0")}`;
    bg[id] = `Background ${k}`;
    const first = Date.UTC(2023, 0, 1) + 5 * k * 86_400_000;
    for (let j = 0; j <= k % 5; j++) {
      const at = new Date(first + j * (20 + (k % 7) * 10) * 86_400_000).toISOString();
      orders.push({ customer: id, at, amount: 1000 + 100 * (k % 9) });
    }
  }
  await addCustomers(pool, ws, { ...bg, ...NAMED });
  orders.push(
    { customer: "A", at: "2023-03-01T10:00Z", amount: 5000 },
    { customer: "A", at: "2023-09-01T10:00Z", amount: 3000 },
    { customer: "A", at: "2024-05-01T10:00Z", amount: 4000 },
    { customer: "B", at: "2023-06-10T10:00Z", amount: 2000 },
    { customer: "B", at: "2024-01-15T10:00Z", amount: 2500 },
    { customer: "C", at: "2023-02-01T10:00Z", amount: 1500 },
    { customer: "C", at: "2023-04-01T10:00Z", amount: 1500 },
    { customer: "D", at: "2024-02-01T10:00Z", amount: 8000 },
    { customer: "D", at: "2024-03-01T10:00Z", amount: 1000 },
    { customer: "E", at: "2024-06-20T10:00Z", amount: 700 },
    { customer: "F", at: "2023-08-01T10:00Z", amount: 1200 },
    { customer: "F", at: "2023-08-20T10:00Z", amount: 1300 },
    { customer: "G", at: "2024-01-01T10:00Z", amount: 900, status: "cancelled" },
    { customer: "H", at: "2024-03-10T10:00Z", amount: 999, status: "returned" },
    { customer: "H", at: "2024-06-30T08:00Z", amount: 400 },
    { customer: "H", at: "2024-06-30T23:00Z", amount: 600 },
    { customer: "H", at: "2024-07-01T00:30Z", amount: 5000 }, // after as-of: not seen
  );
  await addOrders(pool, ws, orders);
  await addComplaints(pool, ws, [
    { ext: "cB", customer: "B", at: "2024-01-16T10:00Z", resolvedAt: "2024-01-16T12:00Z" }, // 2 h
    { ext: "cC", customer: "C", at: "2024-06-02T10:00Z", resolvedAt: null },
    { ext: "cD", customer: "D", at: "2024-03-03T10:00Z", resolvedAt: "2024-03-10T10:00Z" }, // 168 h
    { ext: "cE", customer: "E", at: "2024-06-25T10:00Z", resolvedAt: "2024-07-05T10:00Z" }, // open on 06-30
    { ext: "cF", customer: "F", at: "2023-09-01T10:00Z", resolvedAt: "2023-09-01T11:00Z" }, // 1 h
    { ext: "cA", customer: "A", at: "2024-07-02T10:00Z", resolvedAt: null }, // after as-of
  ]);
  await addNps(pool, ws, [
    { ext: "nA", customer: "A", at: "2024-05-02T10:00Z", score: 10 },
    { ext: "nA2", customer: "A", at: "2024-07-03T10:00Z", score: 2 }, // after as-of
    { ext: "nB", customer: "B", at: "2024-01-20T10:00Z", score: 3 },
    { ext: "nC1", customer: "C", at: "2023-04-05T10:00Z", score: 8 },
    { ext: "nC2", customer: "C", at: "2024-06-01T10:00Z", score: 5 },
    { ext: "nD", customer: "D", at: "2024-03-02T10:00Z", score: 9 },
    { ext: "nE", customer: "E", at: "2024-06-21T10:00Z", score: 7 },
  ]);
  return ws;
}

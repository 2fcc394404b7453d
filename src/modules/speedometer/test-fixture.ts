import type pg from "pg";

/**
 * Hand-made workspaces for the speedometer's and initiatives' integration tests: rows go straight into
 * the core tables with SQL (the intake importer is written separately and is not needed to test figures).
 */

type Q = Pick<pg.ClientBase, "query">;

export type FixtureOrder = {
  ext: string;
  customer: string;
  at: string;
  amount: number;
  list?: number;
  status?: "completed" | "cancelled" | "returned";
  wait?: number;
  location?: string | null;
  channel?: string | null;
  referredBy?: string | null;
  /** Default EUR, the fixture workspaces' currency. */
  currency?: string;
};

export type FixtureRequest = {
  ext: string;
  customer: string | null;
  at: string;
  kind?: "complaint" | "question" | "suggestion" | "praise";
  channel?: string;
  location?: string | null;
  problem?: number | null;
};

export type FixtureFeedback = {
  ext: string;
  customer: string | null;
  at: string;
  kind: "nps" | "csat" | "ces";
  score: number;
  order?: string | null;
  location?: string | null;
  channel?: string | null;
};

export async function createFixtureWorkspace(
  db: Q,
  o: { slug: string; timeZone?: string; settings?: Record<string, unknown> },
): Promise<number> {
  const r = await db.query<{ id: number }>(
    "INSERT INTO workspace (slug, name, time_zone, settings) VALUES ($1, $1, $2, $3) RETURNING id",
    [o.slug, o.timeZone ?? "UTC", JSON.stringify(o.settings ?? {})],
  );
  return r.rows[0]!.id;
}

export async function addLocations(db: Q, ws: number, names: string[]): Promise<void> {
  await db.query(
    "INSERT INTO location (workspace_id, external_id, name) SELECT $1, n, 'Shop ' || n FROM unnest($2::text[]) n",
    [ws, names],
  );
}

/** Customers by external id; `referredBy` maps a customer to the one who referred them. */
export async function addCustomers(
  db: Q,
  ws: number,
  ids: string[],
  referredBy: Record<string, string> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO customer (workspace_id, external_id, name) SELECT $1, e, e FROM unnest($2::text[]) e
     ON CONFLICT (workspace_id, external_id) DO NOTHING`,
    [ws, ids],
  );
  for (const [who, by] of Object.entries(referredBy)) {
    await db.query(
      `UPDATE customer SET referred_by_id = (SELECT id FROM customer WHERE workspace_id = $1 AND external_id = $3),
         updated_at = now()
       WHERE workspace_id = $1 AND external_id = $2`,
      [ws, who, by],
    );
  }
}

const cust = "(SELECT id FROM customer WHERE workspace_id = $1 AND external_id = x.customer)";
const loc = "(SELECT id FROM location WHERE workspace_id = $1 AND external_id = x.location)";

export async function addOrders(db: Q, ws: number, orders: FixtureOrder[]): Promise<void> {
  await db.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
       location_id, status, wait_days, referred_by_id)
     SELECT $1, x.ext, ${cust}, x.at::timestamptz, x.amount, x.list, x.currency, x.channel, ${loc}, x.status, x.wait,
       (SELECT id FROM customer WHERE workspace_id = $1 AND external_id = x.referred)
     FROM jsonb_to_recordset($2::jsonb) AS x(ext text, customer text, at text, amount bigint, list bigint,
       channel text, location text, status text, wait int, referred text, currency text)`,
    [
      ws,
      JSON.stringify(
        orders.map((o) => ({
          ext: o.ext,
          customer: o.customer,
          at: o.at,
          amount: o.amount,
          list: o.list ?? o.amount,
          channel: o.channel === undefined ? "store" : o.channel,
          location: o.location === undefined ? null : o.location,
          status: o.status ?? "completed",
          wait: o.wait ?? 0,
          referred: o.referredBy ?? null,
          currency: o.currency ?? "EUR",
        })),
      ),
    ],
  );
}

export async function addRequests(db: Q, ws: number, requests: FixtureRequest[]): Promise<void> {
  await db.query(
    `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at, location_id, problem_id)
     SELECT $1, x.ext, ${cust}, x.channel, x.kind, x.at::timestamptz, ${loc}, x.problem
     FROM jsonb_to_recordset($2::jsonb) AS x(ext text, customer text, channel text, kind text, at text,
       location text, problem bigint)`,
    [
      ws,
      JSON.stringify(
        requests.map((r) => ({
          ext: r.ext,
          customer: r.customer,
          channel: r.channel ?? "email",
          kind: r.kind ?? "complaint",
          at: r.at,
          location: r.location ?? null,
          problem: r.problem ?? null,
        })),
      ),
    ],
  );
}

export async function addFeedback(db: Q, ws: number, answers: FixtureFeedback[]): Promise<void> {
  await db.query(
    `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, created_at, order_id, location_id, channel)
     SELECT $1, x.ext, ${cust}, x.kind, x.score, x.at::timestamptz,
       (SELECT id FROM orders WHERE workspace_id = $1 AND external_id = x.ord), ${loc}, x.channel
     FROM jsonb_to_recordset($2::jsonb) AS x(ext text, customer text, kind text, score int, at text, ord text,
       location text, channel text)`,
    [
      ws,
      JSON.stringify(
        answers.map((f) => ({
          ext: f.ext,
          customer: f.customer,
          kind: f.kind,
          score: f.score,
          at: f.at,
          ord: f.order ?? null,
          location: f.location ?? null,
          channel: f.channel ?? null,
        })),
      ),
    ],
  );
}

export async function addSegment(db: Q, ws: number, name: string, customers: string[]): Promise<number> {
  const r = await db.query<{ id: number }>(
    "INSERT INTO segment (workspace_id, name, kind) VALUES ($1, $2, 'manual') RETURNING id",
    [ws, name],
  );
  const id = r.rows[0]!.id;
  await db.query(
    `INSERT INTO customer_segment (workspace_id, segment_id, customer_id)
     SELECT $1, $2, id FROM customer WHERE workspace_id = $1 AND external_id = ANY($3::text[])`,
    [ws, id, customers],
  );
  return id;
}

/** Every rollup row of a workspace, for comparing a refresh with a rebuild. */
export async function snapshot(db: Q, ws: number): Promise<{ months: unknown[]; stated: unknown[] }> {
  const months = await db.query(
    `SELECT dim, value, to_char(month, 'YYYY-MM') AS month, repeat_base, repeat_returned, recovery_base,
       recovery_returned, orders, orders_full, revenue, revenue_full, revenue_sq, wait_orders, wait_completed,
       new_customers, new_referred
     FROM speedometer_month WHERE workspace_id = $1
       AND (repeat_base, repeat_returned, recovery_base, recovery_returned, orders, wait_orders, new_customers)
         <> (0, 0, 0, 0, 0, 0, 0)
     ORDER BY dim, value, month`,
    [ws],
  );
  const stated = await db.query(
    `SELECT dim, value, to_char(month, 'YYYY-MM') AS month, nps_n, nps_promoters, nps_detractors, csat_n, csat_good,
       ces_n, ces_sum, ces_sumsq
     FROM speedometer_stated WHERE workspace_id = $1 AND nps_n + csat_n + ces_n > 0 ORDER BY dim, value, month`,
    [ws],
  );
  return { months: months.rows, stated: stated.rows };
}

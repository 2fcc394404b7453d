import type pg from "pg";
import { createSession, newApiToken, type Role } from "../../platform/http/index.ts";

/** Small hand-made workspaces for the service module's integration tests. */

export async function createWorkspace(
  pool: pg.Pool,
  slug: string,
  timeZone = "Europe/Kyiv",
): Promise<number> {
  const r = await pool.query<{ id: number }>(
    "INSERT INTO workspace (slug, name, time_zone) VALUES ($1, $2, $3) RETURNING id",
    [slug, slug.toUpperCase(), timeZone],
  );
  return r.rows[0]!.id;
}

/** A member with a session (cookie and CSRF token) for app.inject. */
export async function memberSession(
  pool: pg.Pool,
  ws: number,
  role: Role,
): Promise<{ cookie: string; "x-csrf-token": string }> {
  const u = await pool.query<{ id: number }>(
    "INSERT INTO app_user (email, name, password_hash) VALUES ($1, $2, 'not-a-hash') RETURNING id",
    [`${role}-${ws}-${Math.random().toString(36).slice(2)}@x.test`, role],
  );
  const userId = u.rows[0]!.id;
  await pool.query("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)", [
    ws,
    userId,
    role,
  ]);
  const s = await createSession(pool, userId);
  return { cookie: `storona_sid=${s.sid}`, "x-csrf-token": s.csrfToken };
}

export async function apiToken(pool: pg.Pool, ws: number, role: "manager" | "analyst" | "viewer" | "agent") {
  const t = newApiToken();
  await pool.query(
    "INSERT INTO api_token (workspace_id, name, prefix, token_hash, role) VALUES ($1, 't', $2, $3, $4)",
    [ws, t.prefix, t.hash, role],
  );
  return { authorization: `Bearer ${t.token}` };
}

export async function addCustomers(pool: pg.Pool, ws: number, ext: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const e of ext) {
    const r = await pool.query<{ id: number }>(
      "INSERT INTO customer (workspace_id, external_id, name) VALUES ($1, $2, $2) RETURNING id",
      [ws, e],
    );
    out.set(e, r.rows[0]!.id);
  }
  return out;
}

export type FixtureRequest = {
  ext: string;
  customer: number | null;
  channel: string;
  kind: string;
  at: string;
  answered?: string;
  resolved?: string;
  subject?: string;
  location?: number;
};

export async function addRequests(
  pool: pg.Pool,
  ws: number,
  rows: FixtureRequest[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const status = r.resolved ? "resolved" : r.answered ? "pending" : "open";
    const q = await pool.query<{ id: number }>(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, subject, created_at, first_response_at,
         resolved_at, status, location_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        ws,
        r.ext,
        r.customer,
        r.channel,
        r.kind,
        r.subject ?? null,
        r.at,
        r.answered ?? null,
        r.resolved ?? null,
        status,
        r.location ?? null,
      ],
    );
    out.set(r.ext, q.rows[0]!.id);
  }
  return out;
}

export type FixtureOrder = {
  ext: string;
  customer: number;
  at: string;
  wait: number;
  status: string;
  location?: number;
};

export async function addOrders(pool: pg.Pool, ws: number, rows: FixtureOrder[]): Promise<void> {
  for (const o of rows) {
    await pool.query(
      `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
         location_id, status, wait_days)
       VALUES ($1, $2, $3, $4, 1000, 1000, 'UAH', 'online', $5, $6, $7)`,
      [ws, o.ext, o.customer, o.at, o.location ?? null, o.status, o.wait],
    );
  }
}

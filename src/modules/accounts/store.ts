import type pg from "pg";
import type { Role } from "../../platform/http/index.ts";

/** The accounts module's SQL: users, workspaces, memberships, API tokens. */

export type UserRow = {
  id: number;
  email: string;
  name: string;
  locale: "ru" | "uk" | "en";
  password_hash: string;
};
export type WorkspaceRow = {
  id: number;
  slug: string;
  name: string;
  currency: string;
  time_zone: string;
  locales: string[];
  is_demo: boolean;
  created_at: Date;
};
export type MemberWorkspace = { id: number; slug: string; name: string; role: Role; is_demo: boolean };

type Q = Pick<pg.Pool, "query">;

export async function findUserByEmail(db: Q, email: string): Promise<UserRow | undefined> {
  const r = await db.query<UserRow>(
    "SELECT id, email, name, locale, password_hash FROM app_user WHERE lower(email) = lower($1)",
    [email],
  );
  return r.rows[0];
}

export async function findUser(db: Q, id: number): Promise<UserRow | undefined> {
  const r = await db.query<UserRow>(
    "SELECT id, email, name, locale, password_hash FROM app_user WHERE id = $1",
    [id],
  );
  return r.rows[0];
}

export async function insertUser(
  db: Q,
  u: { email: string; name: string; passwordHash: string; locale: string },
): Promise<UserRow | undefined> {
  const r = await db.query<UserRow>(
    `INSERT INTO app_user (email, name, password_hash, locale) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING id, email, name, locale, password_hash`,
    [u.email, u.name, u.passwordHash, u.locale],
  );
  return r.rows[0];
}

export async function updateUser(
  db: Q,
  id: number,
  patch: { locale?: string; name?: string },
): Promise<void> {
  await db.query(
    "UPDATE app_user SET locale = coalesce($2, locale), name = coalesce($3, name) WHERE id = $1",
    [id, patch.locale ?? null, patch.name ?? null],
  );
}

export async function listUsers(
  db: Q,
): Promise<Array<Omit<UserRow, "password_hash"> & { workspaces: number }>> {
  const r = await db.query(
    `SELECT u.id, u.email, u.name, u.locale, count(m.workspace_id)::int AS workspaces
     FROM app_user u LEFT JOIN membership m ON m.user_id = u.id GROUP BY u.id ORDER BY u.id`,
  );
  return r.rows;
}

export async function workspacesOf(db: Q, userId: number): Promise<MemberWorkspace[]> {
  const r = await db.query<MemberWorkspace>(
    `SELECT w.id, w.slug, w.name, m.role, w.is_demo FROM membership m JOIN workspace w ON w.id = m.workspace_id
     WHERE m.user_id = $1 ORDER BY w.is_demo DESC, w.name`,
    [userId],
  );
  return r.rows;
}

export async function insertWorkspace(
  db: Q,
  w: { slug: string; name: string; currency: string; timeZone: string; isDemo?: boolean },
): Promise<WorkspaceRow | undefined> {
  const r = await db.query<WorkspaceRow>(
    `INSERT INTO workspace (slug, name, currency, time_zone, is_demo) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO NOTHING RETURNING *`,
    [w.slug, w.name, w.currency, w.timeZone, w.isDemo ?? false],
  );
  return r.rows[0];
}

export async function findWorkspace(db: Q, slugOrId: string): Promise<WorkspaceRow | undefined> {
  const r = await db.query<WorkspaceRow>("SELECT * FROM workspace WHERE slug = $1 OR id::text = $1", [
    slugOrId,
  ]);
  return r.rows[0];
}

export async function listWorkspaces(db: Q): Promise<Array<WorkspaceRow & { members: number }>> {
  const r = await db.query(
    `SELECT w.*, count(m.user_id)::int AS members FROM workspace w
     LEFT JOIN membership m ON m.workspace_id = w.id GROUP BY w.id ORDER BY w.id`,
  );
  return r.rows;
}

export async function updateWorkspace(
  db: Q,
  id: number,
  patch: { name?: string; currency?: string; timeZone?: string },
): Promise<void> {
  await db.query(
    `UPDATE workspace SET name = coalesce($2, name), currency = coalesce($3, currency),
       time_zone = coalesce($4, time_zone) WHERE id = $1`,
    [id, patch.name ?? null, patch.currency ?? null, patch.timeZone ?? null],
  );
}

export async function upsertMember(db: Q, workspaceId: number, userId: number, role: Role): Promise<void> {
  await db.query(
    `INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role`,
    [workspaceId, userId, role],
  );
}

export async function listMembers(db: Q, workspaceId: number) {
  const r = await db.query<{ userId: number; email: string; name: string; role: Role; createdAt: Date }>(
    `SELECT u.id AS "userId", u.email, u.name, m.role, m.created_at AS "createdAt"
     FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.name`,
    [workspaceId],
  );
  return r.rows;
}

export async function memberRole(db: Q, workspaceId: number, userId: number): Promise<Role | undefined> {
  const r = await db.query<{ role: Role }>(
    "SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2",
    [workspaceId, userId],
  );
  return r.rows[0]?.role;
}

export async function ownerCount(db: Q, workspaceId: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM membership WHERE workspace_id = $1 AND role = 'owner'",
    [workspaceId],
  );
  return r.rows[0]?.n ?? 0;
}

export async function deleteMember(db: Q, workspaceId: number, userId: number): Promise<number> {
  const r = await db.query("DELETE FROM membership WHERE workspace_id = $1 AND user_id = $2", [
    workspaceId,
    userId,
  ]);
  return r.rowCount ?? 0;
}

export async function insertToken(
  db: Q,
  t: {
    workspaceId: number;
    name: string;
    prefix: string;
    hash: string;
    role: Role;
    createdBy: number | null;
  },
): Promise<{ id: number; createdAt: Date }> {
  const r = await db.query<{ id: number; createdAt: Date }>(
    `INSERT INTO api_token (workspace_id, name, prefix, token_hash, role, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at AS "createdAt"`,
    [t.workspaceId, t.name, t.prefix, t.hash, t.role, t.createdBy],
  );
  return r.rows[0]!;
}

export async function listTokens(db: Q, workspaceId: number) {
  const r = await db.query<{
    id: number;
    name: string;
    prefix: string;
    role: Role;
    createdAt: Date;
    lastUsedAt: Date | null;
    revokedAt: Date | null;
  }>(
    `SELECT id, name, prefix, role, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"
     FROM api_token WHERE workspace_id = $1 ORDER BY id DESC`,
    [workspaceId],
  );
  return r.rows;
}

export async function revokeToken(db: Q, workspaceId: number, id: number): Promise<number> {
  const r = await db.query(
    "UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = $1 AND id = $2",
    [workspaceId, id],
  );
  return r.rowCount ?? 0;
}

export async function overviewCounts(db: Q, workspaceId: number) {
  const r = await db.query<{
    customers: number;
    orders: number;
    requests: number;
    feedback: number;
    locations: number;
    initiatives: number;
    firstOrderAt: Date | null;
    lastOrderAt: Date | null;
  }>(
    `SELECT
       (SELECT count(*)::int FROM customer WHERE workspace_id = $1) AS customers,
       (SELECT count(*)::int FROM orders WHERE workspace_id = $1) AS orders,
       (SELECT count(*)::int FROM request WHERE workspace_id = $1) AS requests,
       (SELECT count(*)::int FROM feedback WHERE workspace_id = $1) AS feedback,
       (SELECT count(*)::int FROM location WHERE workspace_id = $1) AS locations,
       (SELECT count(*)::int FROM initiative WHERE workspace_id = $1) AS initiatives,
       (SELECT min(ordered_at) FROM orders WHERE workspace_id = $1) AS "firstOrderAt",
       (SELECT max(ordered_at) FROM orders WHERE workspace_id = $1) AS "lastOrderAt"`,
    [workspaceId],
  );
  return r.rows[0]!;
}

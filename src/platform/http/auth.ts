import type { FastifyReply, FastifyRequest } from "fastify";
import type pg from "pg";
import { AppError } from "../errors.ts";
import { can, isRole, type Permission, type Role } from "./roles.ts";
import { newSecret, safeEqual, sha256 } from "./secrets.ts";

export const SESSION_COOKIE = "storona_sid";
const SESSION_DAYS = 30;
export const TOKEN_PREFIX = "stn_";

export type Principal =
  | { kind: "user"; userId: number; csrfToken: string; sessionHash: string }
  | { kind: "token"; tokenId: number; workspaceId: number; role: Role };

export type WorkspaceAccess = { id: number; slug: string; role: Role; currency: string; timeZone: string };

declare module "fastify" {
  interface FastifyRequest {
    principal: Principal | undefined;
    workspace: WorkspaceAccess | undefined;
  }
  interface FastifyContextConfig {
    /** false on the routes that create a session (sign-in, sign-up): there is no CSRF token yet. */
    csrf?: boolean;
  }
}

export async function createSession(
  pool: pg.Pool,
  userId: number,
): Promise<{ sid: string; csrfToken: string }> {
  const sid = newSecret();
  const csrfToken = newSecret(24);
  await pool.query(
    `INSERT INTO user_session (id_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(days => $4))`,
    [sha256(sid), userId, csrfToken, SESSION_DAYS],
  );
  return { sid, csrfToken };
}

export async function destroySession(pool: pg.Pool, sessionHash: string): Promise<void> {
  await pool.query("DELETE FROM user_session WHERE id_hash = $1", [sessionHash]);
}

export const sessionCookieOptions = (secure: boolean) => ({
  path: "/",
  httpOnly: true,
  sameSite: "lax" as const,
  secure,
  maxAge: SESSION_DAYS * 24 * 3600,
});

/** Who is calling: an API token (Authorization: Bearer) or a signed-in user (session cookie). */
export async function identify(pool: pg.Pool, request: FastifyRequest): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = header.slice(7).trim();
    const found = await pool.query<{ id: number; workspace_id: number; role: string }>(
      `UPDATE api_token SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL
       RETURNING id, workspace_id, role`,
      [sha256(token)],
    );
    const row = found.rows[0];
    if (!row || !isRole(row.role)) throw new AppError("unauthenticated", "API token unknown or revoked");
    return { kind: "token", tokenId: row.id, workspaceId: row.workspace_id, role: row.role };
  }
  const sid = request.cookies[SESSION_COOKIE];
  if (!sid) return undefined;
  const hash = sha256(sid);
  const found = await pool.query<{ user_id: number; csrf_token: string; stale: boolean }>(
    `SELECT user_id, csrf_token, last_seen_at < now() - interval '5 minutes' AS stale
     FROM user_session WHERE id_hash = $1 AND expires_at > now()`,
    [hash],
  );
  const row = found.rows[0];
  if (!row) return undefined;
  if (row.stale) {
    // Sliding expiry, written at most every few minutes to keep reads cheap.
    await pool.query(
      `UPDATE user_session SET last_seen_at = now(), expires_at = now() + make_interval(days => $2) WHERE id_hash = $1`,
      [hash, SESSION_DAYS],
    );
  }
  return { kind: "user", userId: row.user_id, csrfToken: row.csrf_token, sessionHash: hash };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Cookie-authenticated writes must echo the session's CSRF token in the x-csrf-token header. */
export function checkCsrf(request: FastifyRequest): void {
  const p = request.principal;
  if (p?.kind !== "user" || SAFE_METHODS.has(request.method)) return;
  if (request.routeOptions.config?.csrf === false) return;
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !safeEqual(sent, p.csrfToken)) {
    throw new AppError("forbidden", "CSRF token missing or wrong; reload the page and try again");
  }
}

export function requireUser(request: FastifyRequest): Extract<Principal, { kind: "user" }> {
  const p = request.principal;
  if (!p) throw new AppError("unauthenticated", "Sign in first");
  if (p.kind !== "user")
    throw new AppError("forbidden", "This action needs a signed-in person, not an API token");
  return p;
}

/**
 * A preHandler for routes under /api/…/workspaces/:ws: resolves the workspace by slug, the caller's role in it,
 * and refuses with 403 unless the role grants `permission`. Non-members get 404 so workspaces can't be probed.
 */
export function requireWorkspace(pool: pg.Pool, permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const p = request.principal;
    if (!p) throw new AppError("unauthenticated", "Sign in first, or send an API token");
    const slug = (request.params as { ws?: string }).ws;
    if (!slug) throw new AppError("bad_request", "Workspace missing from the address");
    const found = await pool.query<{
      id: number;
      slug: string;
      currency: string;
      time_zone: string;
      role: string | null;
    }>(
      `SELECT w.id, w.slug, w.currency, w.time_zone, m.role
       FROM workspace w LEFT JOIN membership m ON m.workspace_id = w.id AND m.user_id = $2
       WHERE w.slug = $1 OR (w.id::text = $1)`,
      [slug, p.kind === "user" ? p.userId : -1],
    );
    const w = found.rows[0];
    let role: Role | undefined;
    if (w && p.kind === "user" && w.role && isRole(w.role)) role = w.role;
    if (w && p.kind === "token" && p.workspaceId === w.id) role = p.role;
    if (!w || !role) throw new AppError("not_found", `No workspace '${slug}' that you belong to`);
    if (!can(role, permission)) {
      throw new AppError("forbidden", `Your role '${role}' may not do this (needs '${permission}')`, {
        role,
        permission,
      });
    }
    request.workspace = { id: w.id, slug: w.slug, role, currency: w.currency.trim(), timeZone: w.time_zone };
  };
}

export const newApiToken = (): { token: string; prefix: string; hash: string } => {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return { token, prefix: token.slice(0, 10), hash: sha256(token) };
};

import type pg from "pg";
import { AppError } from "../platform/errors.ts";

/** `--workspace` takes a workspace's short name or its number. */
export async function resolveWorkspace(pool: pg.Pool, arg: string): Promise<{ id: number; slug: string }> {
  const r = await pool.query<{ id: number; slug: string }>(
    "SELECT id, slug FROM workspace WHERE slug = $1 OR id::text = $1",
    [arg],
  );
  const w = r.rows[0];
  if (!w) throw new AppError("not_found", `No workspace '${arg}' (see: storona workspaces list)`);
  return w;
}

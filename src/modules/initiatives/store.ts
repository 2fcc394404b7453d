import type pg from "pg";

/** The initiatives module's SQL: the `initiative` table (migrations 0002 and 0004). */

type Q = Pick<pg.ClientBase, "query">;

export type InitiativeKind = "product" | "process" | "people";
export type InitiativeStatus = "planned" | "active" | "done" | "cancelled";
export type TargetKind = "location" | "channel" | "segment" | "problem";
/** One key naming what the pedal aims at; {} is the whole business. */
export type Target = Partial<Record<TargetKind, string>>;

export type Initiative = {
  id: number;
  externalId: string | null;
  title: string;
  description: string | null;
  kind: InitiativeKind;
  lever: string | null;
  status: InitiativeStatus;
  startedAt: Date;
  /** Minor units. */
  cost: number;
  currency: string;
  owner: string | null;
  target: Target;
  createdAt: Date;
  updatedAt: Date;
};

export type InitiativeInput = {
  title: string;
  description?: string | null;
  kind: InitiativeKind;
  lever?: string | null;
  status?: InitiativeStatus;
  startedAt: Date;
  cost?: number;
  currency?: string;
  owner?: string | null;
  target?: Target;
  externalId?: string | null;
};

const COLUMNS = `id, external_id AS "externalId", title, description, kind, lever, status, started_at AS "startedAt",
  cost, trim(currency) AS currency, owner, target, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function listInitiatives(db: Q, workspaceId: number): Promise<Initiative[]> {
  const r = await db.query<Initiative>(
    `SELECT ${COLUMNS} FROM initiative WHERE workspace_id = $1 ORDER BY started_at DESC, id DESC`,
    [workspaceId],
  );
  return r.rows;
}

export async function findInitiative(
  db: Q,
  workspaceId: number,
  id: number,
): Promise<Initiative | undefined> {
  const r = await db.query<Initiative>(
    `SELECT ${COLUMNS} FROM initiative WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, id],
  );
  return r.rows[0];
}

export async function insertInitiative(
  db: Q,
  workspaceId: number,
  i: InitiativeInput & { currency: string },
): Promise<Initiative> {
  const r = await db.query<Initiative>(
    `INSERT INTO initiative (workspace_id, external_id, title, description, kind, lever, status, started_at, cost,
       currency, owner, target)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING ${COLUMNS}`,
    [
      workspaceId,
      i.externalId ?? null,
      i.title,
      i.description ?? null,
      i.kind,
      i.lever ?? null,
      i.status ?? "active",
      i.startedAt,
      i.cost ?? 0,
      i.currency,
      i.owner ?? null,
      JSON.stringify(i.target ?? {}),
    ],
  );
  return r.rows[0]!;
}

export async function updateInitiative(
  db: Q,
  workspaceId: number,
  id: number,
  patch: Partial<InitiativeInput>,
): Promise<Initiative | undefined> {
  const r = await db.query<Initiative>(
    `UPDATE initiative SET
       title = coalesce($3, title),
       description = CASE WHEN $4::boolean THEN $5 ELSE description END,
       kind = coalesce($6, kind),
       lever = CASE WHEN $7::boolean THEN $8 ELSE lever END,
       status = coalesce($9, status),
       started_at = coalesce($10, started_at),
       cost = coalesce($11, cost),
       currency = coalesce($12, currency),
       owner = CASE WHEN $13::boolean THEN $14 ELSE owner END,
       target = coalesce($15::jsonb, target),
       updated_at = now()
     WHERE workspace_id = $1 AND id = $2
     RETURNING ${COLUMNS}`,
    [
      workspaceId,
      id,
      patch.title ?? null,
      patch.description !== undefined,
      patch.description ?? null,
      patch.kind ?? null,
      patch.lever !== undefined,
      patch.lever ?? null,
      patch.status ?? null,
      patch.startedAt ?? null,
      patch.cost ?? null,
      patch.currency ?? null,
      patch.owner !== undefined,
      patch.owner ?? null,
      patch.target === undefined ? null : JSON.stringify(patch.target),
    ],
  );
  return r.rows[0];
}

/** The workspace's currency, the default for a new initiative's cost. */
export async function workspaceCurrency(db: Q, workspaceId: number): Promise<string> {
  const r = await db.query<{ c: string }>("SELECT trim(currency) AS c FROM workspace WHERE id = $1", [
    workspaceId,
  ]);
  return r.rows[0]?.c ?? "EUR";
}

/** A problem id must name problems this workspace's requests refer to. */
export async function problemExists(db: Q, workspaceId: number, problemId: string): Promise<boolean> {
  if (!/^\d{1,18}$/.test(problemId)) return false;
  const r = await db.query(
    "SELECT 1 FROM request WHERE workspace_id = $1 AND problem_id = $2::bigint LIMIT 1",
    [workspaceId, problemId],
  );
  return r.rowCount === 1;
}

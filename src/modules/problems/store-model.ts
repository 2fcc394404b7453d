import type { StoredModel } from "./codec.ts";
import type { Q } from "./store.ts";

/** The saved clustering model (to place new texts), the problems' history, reopening and notifications. */

export type ModelRow = StoredModel & {
  texts: number;
  problems: number;
  builtAt: Date;
  boilerplate: string[];
};

export async function readModel(db: Q, ws: number): Promise<ModelRow | undefined> {
  const r = await db.query<ModelRow>(
    `SELECT params, docs, hashes, idf, texts, problems, built_at AS "builtAt", boilerplate
     FROM problem_model WHERE workspace_id = $1`,
    [ws],
  );
  return r.rows[0];
}

export async function modelStamp(db: Q, ws: number): Promise<string | undefined> {
  const r = await db.query<{ stamp: string | null }>(
    `SELECT (SELECT built_at FROM problem_model WHERE workspace_id = $1)::text || '/' ||
        coalesce((SELECT max(updated_at) FROM problem WHERE workspace_id = $1)::text, '') AS stamp`,
    [ws],
  );
  return r.rows[0]?.stamp ?? undefined;
}

export async function writeModel(
  db: Q,
  ws: number,
  m: StoredModel & {
    texts: number;
    problems: number;
    diagnostics: object;
    ms: number;
    builtAt: Date;
    boilerplate: readonly string[];
  },
): Promise<void> {
  await db.query(
    `INSERT INTO problem_model (workspace_id, params, docs, hashes, idf, texts, problems, diagnostics, built_at, ms, boilerplate)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (workspace_id) DO UPDATE SET params = $2, docs = $3, hashes = $4, idf = $5, texts = $6,
       problems = $7, diagnostics = $8, built_at = $9, ms = $10, boilerplate = $11`,
    [
      ws,
      JSON.stringify(m.params),
      m.docs,
      m.hashes,
      m.idf,
      m.texts,
      m.problems,
      JSON.stringify(m.diagnostics),
      m.builtAt,
      m.ms,
      JSON.stringify(m.boilerplate),
    ],
  );
}

export type EventRow = { problemId: number; kind: string; actorId: number | null; payload: object };

export async function addEvents(db: Q, ws: number, events: readonly EventRow[], now: Date): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO problem_event (workspace_id, problem_id, kind, actor_id, payload, created_at)
     SELECT $1::int, *, $6::timestamptz FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::jsonb[])`,
    [
      ws,
      events.map((e) => e.problemId),
      events.map((e) => e.kind),
      events.map((e) => e.actorId),
      events.map((e) => JSON.stringify(e.payload)),
      now,
    ],
  );
}

export type ReturnedProblem = { id: number; ownerId: number | null; label: string; returned: number };

/** Solved problems with at least `min` mentions written after they were solved. */
export async function readReturned(db: Q, ws: number, min: number): Promise<ReturnedProblem[]> {
  const r = await db.query<ReturnedProblem>(
    `SELECT p.id, p.owner_id AS "ownerId", coalesce(p.custom_label, p.label) AS label, count(*)::int AS returned
     FROM problem p JOIN problem_mention m ON m.workspace_id = p.workspace_id AND m.problem_id = p.id
     WHERE p.workspace_id = $1 AND p.status = 'solved' AND p.solved_at IS NOT NULL AND m.created_at > p.solved_at
     GROUP BY p.workspace_id, p.id HAVING count(*) >= $2`,
    [ws, min],
  );
  return r.rows;
}

export async function reopen(db: Q, ws: number, ids: readonly number[], now: Date): Promise<void> {
  await db.query(
    `UPDATE problem SET status = 'acknowledged', reopened_at = $3, updated_at = $3
     WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
    [ws, ids, now],
  );
}

export async function notify(
  db: Q,
  ws: number,
  userId: number,
  kind: string,
  payload: object,
  now: Date,
): Promise<void> {
  await db.query(
    "INSERT INTO notification (workspace_id, user_id, kind, payload, created_at) VALUES ($1, $2, $3, $4, $5)",
    [ws, userId, kind, JSON.stringify(payload), now],
  );
}

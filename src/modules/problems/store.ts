import type pg from "pg";
import { copyRows } from "../../platform/db/index.ts";

/**
 * The module's SQL for clustering: complaint texts in, problems, mentions and the model out. Ranking reads
 * are in store-rank.ts, a problem's page and its lifecycle in store-detail.ts.
 */

export type Q = Pick<pg.ClientBase, "query">;

export type SourceKind = "request" | "feedback" | "audit";

export const keyOf = (source: string, id: number): string => `${source}-${id}`;

export function parseKey(key: string): { source: SourceKind; id: number } | undefined {
  const m = /^(request|feedback|audit)-(\d{1,18})$/.exec(key);
  return m ? { source: m[1] as SourceKind, id: Number(m[2]) } : undefined;
}

export type ComplaintText = {
  source: SourceKind;
  sourceId: number;
  text: string;
  language: "ru" | "uk" | "en" | null;
  customerId: number | null;
  channel: string | null;
  locationId: number | null;
  createdAt: Date;
};

/** What counts as a complaint: a request of kind complaint, or the comment of a detractor (NPS 0–6, CSAT 1–2, CES ≥ 5). */
const DETRACTOR = `((f.kind = 'nps' AND f.score <= 6) OR (f.kind = 'csat' AND f.score <= 2) OR (f.kind = 'ces' AND f.score >= 5))`;

/**
 * Complaint texts created since `since`; with `updatedSince`, only rows written since then that have no
 * mention yet (new texts from an import).
 */
export async function readComplaintTexts(
  db: Q,
  ws: number,
  o: { since: Date; updatedSince?: Date },
): Promise<ComplaintText[]> {
  const fresh = (alias: string, source: string) =>
    o.updatedSince
      ? `AND ${alias}.updated_at >= $3 AND NOT EXISTS (SELECT 1 FROM problem_mention m
           WHERE m.workspace_id = $1 AND m.source = '${source}' AND m.source_id = ${alias}.id)`
      : "";
  const r = await db.query<ComplaintText>(
    `SELECT 'request' AS source, r.id AS "sourceId",
        CASE WHEN coalesce(r.subject, '') = '' THEN r.text ELSE r.subject || '. ' || r.text END AS text,
        r.language, r.customer_id AS "customerId", r.channel, r.location_id AS "locationId", r.created_at AS "createdAt"
     FROM request r
     WHERE r.workspace_id = $1 AND r.kind = 'complaint' AND r.created_at >= $2
       AND (btrim(r.text) <> '' OR btrim(coalesce(r.subject, '')) <> '') ${fresh("r", "request")}
     UNION ALL
     SELECT 'feedback', f.id, f.comment, f.language, f.customer_id, f.channel, f.location_id, f.created_at
     FROM feedback f
     WHERE f.workspace_id = $1 AND f.created_at >= $2 AND btrim(coalesce(f.comment, '')) <> '' AND ${DETRACTOR}
       ${fresh("f", "feedback")}
     ORDER BY 8, 1, 2`,
    o.updatedSince ? [ws, o.since, o.updatedSince] : [ws, o.since],
  );
  return r.rows;
}

export type KnownProblemRow = {
  id: number;
  status: string;
  ownerId: number | null;
  label: string;
  customLabel: string | null;
  dismissed: boolean;
  mergedInto: number | null;
  splitFrom: number | null;
  centroid: Buffer | null;
  exemplars: Buffer | null;
  solvedAt: Date | null;
  dissolvedAt: Date | null;
};

export async function readKnownProblems(db: Q, ws: number): Promise<KnownProblemRow[]> {
  const r = await db.query<KnownProblemRow>(
    `SELECT id, status, owner_id AS "ownerId", label, custom_label AS "customLabel", dismissed,
        merged_into AS "mergedInto", split_from AS "splitFrom", centroid, exemplars, solved_at AS "solvedAt",
        dissolved_at AS "dissolvedAt"
     FROM problem WHERE workspace_id = $1 ORDER BY id`,
    [ws],
  );
  return r.rows;
}

export type MentionKeyRow = {
  problemId: number | null;
  source: SourceKind;
  sourceId: number;
  manual: boolean;
};

export async function readMentionKeys(db: Q, ws: number): Promise<MentionKeyRow[]> {
  const r = await db.query<MentionKeyRow>(
    `SELECT problem_id AS "problemId", source, source_id AS "sourceId", manual
     FROM problem_mention WHERE workspace_id = $1 AND (problem_id IS NOT NULL OR manual)`,
    [ws],
  );
  return r.rows;
}

/** One re-clustering or assignment at a time per workspace; released at the end of the transaction. */
export async function lockWorkspace(db: Q, ws: number, wait = true): Promise<boolean> {
  if (wait) {
    await db.query("SELECT pg_advisory_xact_lock(hashtext('storona.problems'), $1)", [ws]);
    return true;
  }
  const r = await db.query<{ ok: boolean }>(
    "SELECT pg_try_advisory_xact_lock(hashtext('storona.problems'), $1) AS ok",
    [ws],
  );
  return r.rows[0]?.ok === true;
}

export type ProblemShape = {
  label: string;
  labelLang: string | null;
  phrases: readonly string[];
  quotes: readonly { source: string; id: number }[];
  centroid: Buffer;
  exemplars: Buffer;
  size: number;
};

export async function insertProblem(db: Q, ws: number, s: ProblemShape, now: Date): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO problem (workspace_id, label, label_lang, phrases, quotes, centroid, exemplars, size, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
    [ws, s.label, s.labelLang, s.phrases, JSON.stringify(s.quotes), s.centroid, s.exemplars, s.size, now],
  );
  return r.rows[0]!.id;
}

export async function updateProblemShape(
  db: Q,
  ws: number,
  id: number,
  s: ProblemShape,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE problem SET label = $3, label_lang = $4, phrases = $5, quotes = $6, centroid = $7, exemplars = $8,
        size = $9, dissolved_at = NULL, updated_at = $10
     WHERE workspace_id = $1 AND id = $2`,
    [ws, id, s.label, s.labelLang, s.phrases, JSON.stringify(s.quotes), s.centroid, s.exemplars, s.size, now],
  );
}

export async function markDissolved(db: Q, ws: number, ids: readonly number[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE problem SET dissolved_at = $3, size = 0, updated_at = $3
     WHERE workspace_id = $1 AND id = ANY($2::bigint[]) AND dissolved_at IS NULL`,
    [ws, ids, now],
  );
}

export type MentionRow = {
  source: SourceKind;
  sourceId: number;
  problemId: number | null;
  customerId: number | null;
  channel: string | null;
  locationId: number | null;
  createdAt: Date;
  similarity: number;
};

const MENTION_COLUMNS = [
  "workspace_id",
  "source",
  "source_id",
  "problem_id",
  "customer_id",
  "channel",
  "location_id",
  "created_at",
  "similarity",
  "manual",
];

/** Replaces every mention the algorithm made (manual ones stay) with `rows`. */
export async function replaceAutoMentions(
  client: pg.ClientBase,
  ws: number,
  rows: readonly MentionRow[],
): Promise<void> {
  await client.query("DELETE FROM problem_mention WHERE workspace_id = $1 AND NOT manual", [ws]);
  await copyRows(
    client,
    "problem_mention",
    MENTION_COLUMNS,
    rows.map((m) => [
      ws,
      m.source,
      m.sourceId,
      m.problemId,
      m.customerId,
      m.channel,
      m.locationId,
      m.createdAt,
      m.similarity,
      false,
    ]),
  );
}

/** Adds mentions for texts that have none yet (new texts placed between re-clusterings). */
export async function insertMentions(db: Q, ws: number, rows: readonly MentionRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const r = await db.query(
    `INSERT INTO problem_mention (workspace_id, source, source_id, problem_id, customer_id, channel, location_id, created_at, similarity)
     SELECT $1::int, * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[], $7::bigint[],
       $8::timestamptz[], $9::real[])
     ON CONFLICT DO NOTHING`,
    [
      ws,
      rows.map((m) => m.source),
      rows.map((m) => m.sourceId),
      rows.map((m) => m.problemId),
      rows.map((m) => m.customerId),
      rows.map((m) => m.channel),
      rows.map((m) => m.locationId),
      rows.map((m) => m.createdAt),
      rows.map((m) => m.similarity),
    ],
  );
  return r.rowCount ?? 0;
}

/** request.problem_id mirrors the request's mention (DOMAIN.md: a request has a problem). */
export async function syncRequestProblems(db: Q, ws: number): Promise<void> {
  await db.query(
    `UPDATE request r SET problem_id = m.problem_id
     FROM problem_mention m
     WHERE r.workspace_id = $1 AND m.workspace_id = $1 AND m.source = 'request' AND m.source_id = r.id
       AND r.problem_id IS DISTINCT FROM m.problem_id`,
    [ws],
  );
}

export async function workspaceLocales(db: Q, ws: number): Promise<string[]> {
  const r = await db.query<{ locales: string[] }>("SELECT locales FROM workspace WHERE id = $1", [ws]);
  return r.rows[0]?.locales ?? [];
}

export async function countMentions(db: Q, ws: number): Promise<number> {
  const r = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM problem_mention WHERE workspace_id = $1",
    [ws],
  );
  return r.rows[0]?.n ?? 0;
}

import type pg from "pg";
import type { Feature } from "./features.ts";
import type { Profile } from "./segmentation.ts";

/** Reads for the segments page and the CLI. */

export type SegmentKind = "rfm" | "cluster" | "rule" | "manual";

export type SegmentRecord = {
  id: number;
  kind: SegmentKind;
  code: string | null;
  /** what the page shows: a person's name if given, else the computed one */
  name: string;
  computedName: string;
  customName: string | null;
  description: string | null;
  ownerId: number | null;
  ownerName: string | null;
  isTarget: boolean;
  size: number;
  profile: Profile | null;
  definition: Record<string, unknown>;
  persona: { needs: string; jobs: string; valueProposition: string };
  retired: boolean;
  updatedAt: string;
};

type Row = {
  id: string;
  kind: SegmentKind;
  code: string | null;
  name: string;
  custom_name: string | null;
  description: string | null;
  owner_id: string | null;
  owner_name: string | null;
  is_target: boolean;
  size: number;
  profile: Profile | null;
  definition: Record<string, unknown>;
  persona_needs: string;
  persona_jobs: string;
  persona_value: string;
  retired_at: Date | null;
  updated_at: Date;
};

const SELECT = `SELECT s.id, s.kind, s.code, s.name, s.custom_name, s.description, s.owner_id,
    coalesce(nullif(u.name, ''), u.email) AS owner_name, s.is_target, s.size, s.profile, s.definition,
    s.persona_needs, s.persona_jobs, s.persona_value, s.retired_at, s.updated_at
  FROM segment s LEFT JOIN app_user u ON u.id = s.owner_id`;

// rfm in the order of the score table, then clusters by number, then people's segments by name
const ORDER = `ORDER BY CASE s.kind WHEN 'rfm' THEN 0 WHEN 'cluster' THEN 1 WHEN 'rule' THEN 2 ELSE 3 END,
  CASE WHEN s.kind = 'rfm' THEN array_position(ARRAY['champions','loyal','potential_loyalists','new','promising',
    'need_attention','about_to_sleep','at_risk','cant_lose','hibernating','lost'], substr(s.code, 5)) END,
  CASE WHEN s.kind = 'cluster' THEN substr(s.code, 9)::int END, lower(coalesce(s.custom_name, s.name)), s.id`;

const toRecord = (r: Row): SegmentRecord => ({
  id: Number(r.id),
  kind: r.kind,
  code: r.code,
  name: r.custom_name ?? r.name,
  computedName: r.name,
  customName: r.custom_name,
  description: r.description,
  ownerId: r.owner_id === null ? null : Number(r.owner_id),
  ownerName: r.owner_name,
  isTarget: r.is_target,
  size: r.size,
  profile: r.profile,
  definition: r.definition,
  persona: { needs: r.persona_needs, jobs: r.persona_jobs, valueProposition: r.persona_value },
  retired: r.retired_at !== null,
  updatedAt: r.updated_at.toISOString(),
});

export async function listSegments(pool: pg.Pool, ws: number): Promise<SegmentRecord[]> {
  const r = await pool.query<Row>(`${SELECT} WHERE s.workspace_id = $1 AND s.retired_at IS NULL ${ORDER}`, [
    ws,
  ]);
  return r.rows.map(toRecord);
}

export async function findSegment(
  pool: pg.Pool | pg.ClientBase,
  ws: number,
  id: number,
): Promise<SegmentRecord | null> {
  const r = await pool.query<Row>(`${SELECT} WHERE s.workspace_id = $1 AND s.id = $2`, [ws, id]);
  return r.rows[0] ? toRecord(r.rows[0]) : null;
}

export type RunRecord = {
  asOf: string | null;
  customers: number;
  k: number | null;
  silhouette: Array<{ k: number; silhouette: number }>;
  features: Feature[];
  base: Record<Feature, number | null>;
  ms: number;
  builtAt: string;
};

export async function readRun(pool: pg.Pool, ws: number): Promise<RunRecord | null> {
  const r = await pool.query<{
    as_of: Date | null;
    customers: number;
    k: number | null;
    silhouette: RunRecord["silhouette"];
    features: Feature[];
    base: RunRecord["base"];
    ms: number;
    built_at: Date;
  }>("SELECT * FROM segment_run WHERE workspace_id = $1", [ws]);
  const x = r.rows[0];
  if (!x) return null;
  return {
    asOf: x.as_of?.toISOString() ?? null,
    customers: x.customers,
    k: x.k,
    silhouette: x.silhouette,
    features: x.features,
    base: x.base,
    ms: x.ms,
    builtAt: x.built_at.toISOString(),
  };
}

export type TopProblem = { problemId: number; label: string; customers: number; mentions: number };

/**
 * Per segment, the problems most of its customers raised (distinct customers, then mentions), all time;
 * dismissed problems and merged-away aliases left out.
 */
export async function topProblems(
  pool: pg.Pool,
  ws: number,
  segmentIds: number[],
  limit: number,
): Promise<Map<number, TopProblem[]>> {
  const out = new Map<number, TopProblem[]>();
  if (segmentIds.length === 0) return out;
  const r = await pool.query<{
    segment_id: string;
    problem_id: string;
    label: string;
    customers: string;
    mentions: string;
  }>(
    `WITH m AS (
       SELECT cs.segment_id, pm.problem_id, count(DISTINCT pm.customer_id) AS customers, count(*) AS mentions
       FROM problem_mention pm
       JOIN customer_segment cs ON cs.workspace_id = pm.workspace_id AND cs.customer_id = pm.customer_id
       JOIN problem p ON p.workspace_id = pm.workspace_id AND p.id = pm.problem_id
       WHERE pm.workspace_id = $1 AND cs.segment_id = ANY($2::bigint[]) AND NOT p.dismissed AND p.merged_into IS NULL
       GROUP BY cs.segment_id, pm.problem_id
     ), ranked AS (
       SELECT *, row_number() OVER (PARTITION BY segment_id ORDER BY customers DESC, mentions DESC, problem_id) AS rn
       FROM m
     )
     SELECT r.segment_id, r.problem_id, coalesce(p.custom_label, nullif(p.label, ''), '#' || p.id) AS label,
       r.customers, r.mentions
     FROM ranked r JOIN problem p ON p.workspace_id = $1 AND p.id = r.problem_id
     WHERE r.rn <= $3 ORDER BY r.segment_id, r.rn`,
    [ws, segmentIds, limit],
  );
  for (const x of r.rows) {
    const id = Number(x.segment_id);
    const list = out.get(id) ?? [];
    list.push({
      problemId: Number(x.problem_id),
      label: x.label,
      customers: Number(x.customers),
      mentions: Number(x.mentions),
    });
    out.set(id, list);
  }
  return out;
}

export type Quote = {
  feedbackId: number;
  kind: "nps" | "csat" | "ces";
  score: number;
  comment: string;
  language: string | null;
  createdAt: string;
};

/** The latest survey comments written by the segment's customers (the persona's quotes). */
export async function quotes(pool: pg.Pool, ws: number, segmentId: number, limit: number): Promise<Quote[]> {
  const r = await pool.query<{
    id: string;
    kind: Quote["kind"];
    score: number;
    comment: string;
    language: string | null;
    created_at: Date;
  }>(
    `SELECT f.id, f.kind, f.score, f.comment, f.language, f.created_at
     FROM feedback f
     JOIN customer_segment cs ON cs.workspace_id = f.workspace_id AND cs.customer_id = f.customer_id
     WHERE f.workspace_id = $1 AND cs.segment_id = $2 AND length(btrim(coalesce(f.comment, ''))) > 0
     ORDER BY f.created_at DESC, f.id DESC LIMIT $3`,
    [ws, segmentId, limit],
  );
  return r.rows.map((x) => ({
    feedbackId: Number(x.id),
    kind: x.kind,
    score: x.score,
    comment: x.comment,
    language: x.language,
    createdAt: x.created_at.toISOString(),
  }));
}

export async function members(pool: pg.Pool, ws: number): Promise<Array<{ id: number; name: string }>> {
  const r = await pool.query<{ id: string; name: string }>(
    `SELECT u.id, coalesce(nullif(u.name, ''), u.email) AS name FROM membership m JOIN app_user u ON u.id = m.user_id
     WHERE m.workspace_id = $1 ORDER BY lower(coalesce(nullif(u.name, ''), u.email)), u.id`,
    [ws],
  );
  return r.rows.map((x) => ({ id: Number(x.id), name: x.name }));
}

export type SegmentCustomer = {
  externalId: string;
  name: string | null;
  orders: number;
  spend: number;
  lastOrder: string | null;
  latestNps: number | null;
};

/** The segment's customers for the CSV export, biggest spenders first (at most `limit`). */
export async function segmentCustomers(
  pool: pg.Pool,
  ws: number,
  segmentId: number,
  limit: number,
): Promise<SegmentCustomer[]> {
  const r = await pool.query<{
    external_id: string;
    name: string | null;
    orders: string;
    spend: string;
    last_order: Date | null;
    nps: number | null;
  }>(
    `SELECT c.external_id, c.name, coalesce(o.n, 0) AS orders, coalesce(o.spend, 0) AS spend, o.last_order,
       (SELECT f.score FROM feedback f WHERE f.workspace_id = $1 AND f.customer_id = c.id AND f.kind = 'nps'
        ORDER BY f.created_at DESC, f.id DESC LIMIT 1) AS nps
     FROM customer_segment cs
     JOIN customer c ON c.workspace_id = cs.workspace_id AND c.id = cs.customer_id
     LEFT JOIN LATERAL (
       SELECT count(*) AS n, sum(amount) FILTER (WHERE o.currency = w.currency) AS spend,
         max(ordered_at) AS last_order
       FROM orders o, (SELECT currency FROM workspace WHERE id = $1) w
       WHERE o.workspace_id = $1 AND o.customer_id = c.id AND o.status = 'completed'
     ) o ON true
     WHERE cs.workspace_id = $1 AND cs.segment_id = $2
     ORDER BY coalesce(o.spend, 0) DESC, c.external_id LIMIT $3`,
    [ws, segmentId, limit],
  );
  return r.rows.map((x) => ({
    externalId: x.external_id,
    name: x.name,
    orders: Number(x.orders),
    spend: Number(x.spend),
    lastOrder: x.last_order?.toISOString() ?? null,
    latestNps: x.nps,
  }));
}

/** What the rule builder offers: the workspace's locations and the order channels the speedometer has seen. */
export async function ruleOptions(
  pool: pg.Pool,
  ws: number,
): Promise<{ locations: Array<{ id: number; name: string }>; channels: string[] }> {
  const [l, c] = await Promise.all([
    pool.query<{ id: string; name: string }>(
      "SELECT id, name FROM location WHERE workspace_id = $1 ORDER BY lower(name), id",
      [ws],
    ),
    pool.query<{ value: string }>(
      "SELECT DISTINCT value FROM speedometer_month WHERE workspace_id = $1 AND dim = 'channel' ORDER BY value",
      [ws],
    ),
  ]);
  return {
    locations: l.rows.map((r) => ({ id: Number(r.id), name: r.name })),
    channels: c.rows.map((r) => r.value),
  };
}

import type { ProblemCounts } from "./rank.ts";
import type { Q } from "./store.ts";

/** Ranking reads: counts per problem over a window, with the page's filters, from problem_mention. */

export type MentionFilter = {
  channel?: string;
  locationId?: number;
  segmentId?: number;
  problemId?: number;
};

/** SQL conditions on problem_mention `m` for the filters; parameters are appended to `params`. */
function filterSql(f: MentionFilter, params: unknown[]): string {
  let sql = "";
  if (f.channel !== undefined) {
    params.push(f.channel);
    sql += ` AND m.channel = $${params.length}`;
  }
  if (f.locationId !== undefined) {
    params.push(f.locationId);
    sql += ` AND m.location_id = $${params.length}`;
  }
  if (f.segmentId !== undefined) {
    params.push(f.segmentId);
    sql += ` AND m.customer_id IN (SELECT s.customer_id FROM customer_segment s
               WHERE s.workspace_id = $1 AND s.segment_id = $${params.length})`;
  }
  if (f.problemId !== undefined) {
    params.push(f.problemId);
    sql += ` AND m.problem_id = $${params.length}`;
  }
  return sql;
}

const BAD_SCORE = `((f.kind = 'nps' AND f.score <= 6) OR (f.kind = 'csat' AND f.score <= 2))`;

/**
 * Per problem over [from, to): distinct customers, mentions, mentions in the last 30 days, and severe
 * mentions — from a detractor or a 1–2 star rating (the answer itself, or any answer of the customer given
 * before `to`), or from a customer with no completed order after the text (up to `to`).
 */
export async function readCounts(
  db: Q,
  ws: number,
  from: Date,
  to: Date,
  f: MentionFilter,
): Promise<Map<number, ProblemCounts>> {
  const params: unknown[] = [ws, from, to];
  const where = filterSql(f, params);
  const r = await db.query<{ id: number } & ProblemCounts>(
    `WITH m AS (
       SELECT m.problem_id, m.customer_id, m.created_at, m.source, m.source_id
       FROM problem_mention m
       WHERE m.workspace_id = $1 AND m.problem_id IS NOT NULL AND m.created_at >= $2 AND m.created_at < $3 ${where}
     ), flagged AS (
       SELECT m.*, (
         (m.source = 'feedback' AND EXISTS (SELECT 1 FROM feedback f
            WHERE f.workspace_id = $1 AND f.id = m.source_id AND ${BAD_SCORE}))
         OR (m.customer_id IS NOT NULL AND EXISTS (SELECT 1 FROM feedback f
            WHERE f.workspace_id = $1 AND f.customer_id = m.customer_id AND f.created_at < $3 AND ${BAD_SCORE}))
         OR (m.customer_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders o
            WHERE o.workspace_id = $1 AND o.customer_id = m.customer_id AND o.status = 'completed'
              AND o.ordered_at > m.created_at AND o.ordered_at < $3))
       ) AS severe
       FROM m
     )
     SELECT problem_id AS id,
       (count(DISTINCT customer_id) + count(*) FILTER (WHERE customer_id IS NULL))::int AS customers,
       count(*)::int AS mentions,
       count(*) FILTER (WHERE created_at >= $3::timestamptz - interval '30 days')::int AS recent,
       count(*) FILTER (WHERE severe)::int AS severe
     FROM flagged GROUP BY problem_id`,
    params,
  );
  return new Map(r.rows.map(({ id, ...c }) => [id, c]));
}

export type Monthly = { months: string[]; counts: Map<number, number[]> };

/** Mentions per calendar month (in the workspace's time zone) for the 12 months ending with the window's last month. */
export async function readMonthly(
  db: Q,
  ws: number,
  to: Date,
  tz: string,
  f: MentionFilter,
): Promise<Monthly> {
  const params: unknown[] = [ws, to, tz];
  const where = filterSql(f, params);
  const months = await db.query<{ month: string }>(
    `SELECT to_char(d, 'YYYY-MM') AS month
     FROM generate_series(date_trunc('month', ($1::timestamptz - interval '1 microsecond') AT TIME ZONE $2) - interval '11 months',
                          date_trunc('month', ($1::timestamptz - interval '1 microsecond') AT TIME ZONE $2), interval '1 month') AS d
     ORDER BY d`,
    [to, tz],
  );
  const r = await db.query<{ id: number; month: string; n: number }>(
    `SELECT m.problem_id AS id, to_char(date_trunc('month', m.created_at AT TIME ZONE $3), 'YYYY-MM') AS month,
        count(*)::int AS n
     FROM problem_mention m
     WHERE m.workspace_id = $1 AND m.problem_id IS NOT NULL AND m.created_at < $2
       AND m.created_at >= ((date_trunc('month', ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $3)
                             - interval '11 months') AT TIME ZONE $3)
       ${where}
     GROUP BY 1, 2`,
    params,
  );
  const keys = months.rows.map((x) => x.month);
  const index = new Map(keys.map((k, i) => [k, i]));
  const counts = new Map<number, number[]>();
  for (const row of r.rows) {
    if (!counts.has(row.id))
      counts.set(
        row.id,
        keys.map(() => 0),
      );
    const i = index.get(row.month);
    if (i !== undefined) counts.get(row.id)![i] = row.n;
  }
  return { months: keys, counts };
}

/** Mentions in the last 182 days before `to` and in the 182 days before those (the trend's two halves). */
export async function readHalves(
  db: Q,
  ws: number,
  to: Date,
  f: MentionFilter,
): Promise<Map<number, [number, number]>> {
  const params: unknown[] = [ws, to];
  const where = filterSql(f, params);
  const r = await db.query<{ id: number; last: number; earlier: number }>(
    `SELECT m.problem_id AS id,
        count(*) FILTER (WHERE m.created_at >= $2::timestamptz - interval '182 days')::int AS last,
        count(*) FILTER (WHERE m.created_at < $2::timestamptz - interval '182 days')::int AS earlier
     FROM problem_mention m
     WHERE m.workspace_id = $1 AND m.problem_id IS NOT NULL AND m.created_at < $2
       AND m.created_at >= $2::timestamptz - interval '364 days' ${where}
     GROUP BY 1`,
    params,
  );
  return new Map(r.rows.map((x) => [x.id, [x.last, x.earlier]]));
}

/** Affected customers per problem in the window, each with the time of their last mention. */
export async function readAffected(
  db: Q,
  ws: number,
  from: Date,
  to: Date,
  f: MentionFilter,
): Promise<Map<number, Map<number, Date>>> {
  const params: unknown[] = [ws, from, to];
  const where = filterSql(f, params);
  const r = await db.query<{ id: number; customer: number; last: Date }>(
    `SELECT m.problem_id AS id, m.customer_id AS customer, max(m.created_at) AS last
     FROM problem_mention m
     WHERE m.workspace_id = $1 AND m.problem_id IS NOT NULL AND m.customer_id IS NOT NULL
       AND m.created_at >= $2 AND m.created_at < $3 ${where}
     GROUP BY 1, 2`,
    params,
  );
  const out = new Map<number, Map<number, Date>>();
  for (const row of r.rows) {
    if (!out.has(row.id)) out.set(row.id, new Map());
    out.get(row.id)!.set(row.customer, row.last);
  }
  return out;
}

export async function readUnsorted(db: Q, ws: number, from: Date, to: Date): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM problem_mention m
     WHERE m.workspace_id = $1 AND m.problem_id IS NULL AND NOT m.manual AND m.created_at >= $2 AND m.created_at < $3`,
    [ws, from, to],
  );
  return r.rows[0]?.n ?? 0;
}

export type ProblemMeta = {
  id: number;
  label: string;
  customLabel: string | null;
  labelLang: string | null;
  phrases: string[];
  status: "new" | "acknowledged" | "in_progress" | "solved" | "wont_fix";
  ownerId: number | null;
  ownerName: string | null;
  dueDate: string | null;
  dismissed: boolean;
  mergedInto: number | null;
  splitFrom: number | null;
  createdAt: Date;
  updatedAt: Date;
  solvedAt: Date | null;
  reopenedAt: Date | null;
  dissolvedAt: Date | null;
  initiatives: number;
  quotes: { source: string; id: number }[];
};

export async function readMeta(db: Q, ws: number, id?: number): Promise<ProblemMeta[]> {
  const r = await db.query<ProblemMeta>(
    `SELECT p.id, p.label, p.custom_label AS "customLabel", p.label_lang AS "labelLang", p.phrases, p.status,
        p.owner_id AS "ownerId", u.name AS "ownerName", to_char(p.due_date, 'YYYY-MM-DD') AS "dueDate",
        p.dismissed, p.merged_into AS "mergedInto", p.split_from AS "splitFrom", p.created_at AS "createdAt",
        p.updated_at AS "updatedAt", p.solved_at AS "solvedAt", p.reopened_at AS "reopenedAt",
        p.dissolved_at AS "dissolvedAt", p.quotes,
        (SELECT count(*)::int FROM problem_initiative pi WHERE pi.workspace_id = p.workspace_id AND pi.problem_id = p.id) AS initiatives
     FROM problem p LEFT JOIN app_user u ON u.id = p.owner_id
     WHERE p.workspace_id = $1 ${id === undefined ? "" : "AND p.id = $2"}
     ORDER BY p.id`,
    id === undefined ? [ws] : [ws, id],
  );
  return r.rows;
}

export async function readLastClustering(
  db: Q,
  ws: number,
): Promise<{ builtAt: Date; texts: number; problems: number } | null> {
  const r = await db.query<{ builtAt: Date; texts: number; problems: number }>(
    `SELECT built_at AS "builtAt", texts, problems FROM problem_model WHERE workspace_id = $1`,
    [ws],
  );
  return r.rows[0] ?? null;
}

import type { Q, SourceKind } from "./store.ts";

/** A problem's page (mentions, history, comments, initiatives) and the writes of its lifecycle. */

export type MentionQuery = {
  channel?: string;
  locationId?: number;
  segmentId?: number;
  source?: SourceKind;
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
};

export type MentionView = {
  source: SourceKind;
  sourceId: number;
  text: string;
  customerId: number | null;
  customerName: string | null;
  channel: string | null;
  locationId: number | null;
  locationName: string | null;
  createdAt: Date;
  similarity: number;
  manual: boolean;
  /** For survey answers: "nps 3", "csat 1"… */
  score: string | null;
};

const TEXT_OF = `CASE m.source
    WHEN 'request' THEN (SELECT CASE WHEN coalesce(r.subject, '') = '' THEN r.text ELSE r.subject || '. ' || r.text END
                         FROM request r WHERE r.workspace_id = m.workspace_id AND r.id = m.source_id)
    WHEN 'feedback' THEN (SELECT f.comment FROM feedback f WHERE f.workspace_id = m.workspace_id AND f.id = m.source_id)
  END`;

export async function readMentions(
  db: Q,
  ws: number,
  problemId: number,
  q: MentionQuery,
): Promise<{ total: number; items: MentionView[] }> {
  const params: unknown[] = [ws, problemId];
  let where = "";
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where += ` AND ${sql.replace("?", `$${params.length}`)}`;
  };
  if (q.channel !== undefined) add("m.channel = ?", q.channel);
  if (q.locationId !== undefined) add("m.location_id = ?", q.locationId);
  if (q.segmentId !== undefined) {
    add(
      "m.customer_id IN (SELECT s.customer_id FROM customer_segment s WHERE s.workspace_id = $1 AND s.segment_id = ?)",
      q.segmentId,
    );
  }
  if (q.source !== undefined) add("m.source = ?", q.source);
  if (q.from !== undefined) add("m.created_at >= ?", q.from);
  if (q.to !== undefined) add("m.created_at < ?", q.to);
  const base = `FROM problem_mention m WHERE m.workspace_id = $1 AND m.problem_id = $2 ${where}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${base}`, params);
  const page = await db.query<MentionView>(
    `SELECT m.source, m.source_id AS "sourceId", coalesce(${TEXT_OF}, '') AS text, m.customer_id AS "customerId",
        c.name AS "customerName", m.channel, m.location_id AS "locationId", l.name AS "locationName",
        m.created_at AS "createdAt", m.similarity, m.manual,
        (SELECT f.kind || ' ' || f.score FROM feedback f
         WHERE m.source = 'feedback' AND f.workspace_id = m.workspace_id AND f.id = m.source_id) AS score
     FROM (SELECT m.* ${base} ORDER BY m.created_at DESC, m.source, m.source_id
           LIMIT $${params.length + 1} OFFSET $${params.length + 2}) m
     LEFT JOIN customer c ON c.workspace_id = m.workspace_id AND c.id = m.customer_id
     LEFT JOIN location l ON l.workspace_id = m.workspace_id AND l.id = m.location_id
     ORDER BY m.created_at DESC, m.source, m.source_id`,
    [...params, q.limit, q.offset],
  );
  return { total: total.rows[0]?.n ?? 0, items: page.rows };
}

export type QuoteView = { source: SourceKind; sourceId: number; text: string; createdAt: Date };

export async function readQuotes(
  db: Q,
  ws: number,
  quotes: readonly { source: string; id: number }[],
): Promise<QuoteView[]> {
  if (quotes.length === 0) return [];
  const r = await db.query<QuoteView & { ord: number }>(
    `SELECT m.source, m.source_id AS "sourceId", coalesce(${TEXT_OF}, '') AS text, m.created_at AS "createdAt", q.ord
     FROM unnest($2::text[], $3::bigint[]) WITH ORDINALITY AS q(source, id, ord)
     JOIN problem_mention m ON m.workspace_id = $1 AND m.source = q.source AND m.source_id = q.id
     ORDER BY q.ord`,
    [ws, quotes.map((x) => x.source), quotes.map((x) => x.id)],
  );
  return r.rows.map(({ ord: _ord, ...x }) => x);
}

export type EventView = {
  id: number;
  kind: string;
  actorId: number | null;
  actorName: string | null;
  payload: object;
  createdAt: Date;
};

export async function readEvents(db: Q, ws: number, problemId: number): Promise<EventView[]> {
  const r = await db.query<EventView>(
    `SELECT e.id, e.kind, e.actor_id AS "actorId", u.name AS "actorName", e.payload, e.created_at AS "createdAt"
     FROM problem_event e LEFT JOIN app_user u ON u.id = e.actor_id
     WHERE e.workspace_id = $1 AND e.problem_id = $2 ORDER BY e.created_at DESC, e.id DESC LIMIT 500`,
    [ws, problemId],
  );
  return r.rows;
}

export type CommentView = {
  id: number;
  authorId: number | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
};

export async function readComments(db: Q, ws: number, problemId: number): Promise<CommentView[]> {
  const r = await db.query<CommentView>(
    `SELECT c.id, c.author_id AS "authorId", u.name AS "authorName", c.body, c.created_at AS "createdAt"
     FROM problem_comment c LEFT JOIN app_user u ON u.id = c.author_id
     WHERE c.workspace_id = $1 AND c.problem_id = $2 ORDER BY c.created_at, c.id`,
    [ws, problemId],
  );
  return r.rows;
}

export type LinkedInitiative = {
  id: number;
  title: string;
  kind: string;
  status: string;
  startedAt: Date;
  linkedAt: Date;
  /** The problem's mentions (with the page's filters) in the 180 days before the start… */
  before: number;
  /** …and from 30 days after it (time to take effect) up to 180 days later or `to`; days in that span. */
  after: number;
  afterDays: number;
};

export async function readInitiatives(
  db: Q,
  ws: number,
  problemId: number,
  to: Date,
  f: { channel?: string; locationId?: number; segmentId?: number } = {},
): Promise<LinkedInitiative[]> {
  const params: unknown[] = [ws, problemId, to];
  let where = "";
  const add = (sql: string, value: unknown): void => {
    params.push(value);
    where += ` AND ${sql.replace("?", `$${params.length}`)}`;
  };
  if (f.channel !== undefined) add("m.channel = ?", f.channel);
  if (f.locationId !== undefined) add("m.location_id = ?", f.locationId);
  if (f.segmentId !== undefined) {
    add(
      "m.customer_id IN (SELECT s.customer_id FROM customer_segment s WHERE s.workspace_id = $1 AND s.segment_id = ?)",
      f.segmentId,
    );
  }
  const count = (from: string, until: string) => `(SELECT count(*)::int FROM problem_mention m
      WHERE m.workspace_id = $1 AND m.problem_id = $2 AND m.created_at >= ${from} AND m.created_at < ${until} ${where})`;
  const settled = "i.started_at + interval '30 days'";
  const end = "least($3::timestamptz, i.started_at + interval '210 days')";
  const r = await db.query<LinkedInitiative>(
    `SELECT i.id, i.title, i.kind, i.status, i.started_at AS "startedAt", pi.created_at AS "linkedAt",
        ${count("i.started_at - interval '180 days'", "i.started_at")} AS before,
        ${count(settled, end)} AS after,
        greatest(0, extract(epoch FROM ${end} - (${settled})) / 86400)::float8 AS "afterDays"
     FROM problem_initiative pi JOIN initiative i ON i.workspace_id = pi.workspace_id AND i.id = pi.initiative_id
     WHERE pi.workspace_id = $1 AND pi.problem_id = $2 ORDER BY i.started_at DESC, i.id`,
    params,
  );
  return r.rows;
}

export async function readAliases(
  db: Q,
  ws: number,
  problemId: number,
): Promise<{ id: number; label: string }[]> {
  const r = await db.query<{ id: number; label: string }>(
    `SELECT id, coalesce(custom_label, label) AS label FROM problem WHERE workspace_id = $1 AND merged_into = $2 ORDER BY id`,
    [ws, problemId],
  );
  return r.rows;
}

export async function isMember(db: Q, ws: number, userId: number): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM membership WHERE workspace_id = $1 AND user_id = $2", [ws, userId]);
  return (r.rowCount ?? 0) > 0;
}

export async function initiativeExists(db: Q, ws: number, id: number): Promise<boolean> {
  const r = await db.query("SELECT 1 FROM initiative WHERE workspace_id = $1 AND id = $2", [ws, id]);
  return (r.rowCount ?? 0) > 0;
}

export type Patch = {
  customLabel?: string | null;
  status?: string;
  ownerId?: number | null;
  dueDate?: string | null;
};

export async function updateProblem(db: Q, ws: number, id: number, p: Patch, now: Date): Promise<void> {
  const sets: string[] = ["updated_at = $3"];
  const params: unknown[] = [ws, id, now];
  const set = (col: string, value: unknown): void => {
    params.push(value);
    sets.push(`${col} = $${params.length}`);
  };
  if (p.customLabel !== undefined) set("custom_label", p.customLabel);
  if (p.ownerId !== undefined) set("owner_id", p.ownerId);
  if (p.dueDate !== undefined) set("due_date", p.dueDate);
  if (p.status !== undefined) {
    set("status", p.status);
    if (p.status === "solved") sets.push("solved_at = $3");
  }
  await db.query(`UPDATE problem SET ${sets.join(", ")} WHERE workspace_id = $1 AND id = $2`, params);
}

export async function touch(db: Q, ws: number, ids: readonly number[], now: Date): Promise<void> {
  await db.query("UPDATE problem SET updated_at = $3 WHERE workspace_id = $1 AND id = ANY($2::bigint[])", [
    ws,
    ids,
    now,
  ]);
}

export async function addDecision(
  db: Q,
  ws: number,
  d: {
    kind: string;
    problemId: number;
    targetId?: number | null;
    source?: string;
    sourceId?: number;
    payload?: object;
    by: number | null;
  },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO problem_decision (workspace_id, kind, problem_id, target_id, source, source_id, payload, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      ws,
      d.kind,
      d.problemId,
      d.targetId ?? null,
      d.source ?? null,
      d.sourceId ?? null,
      JSON.stringify(d.payload ?? {}),
      d.by,
      now,
    ],
  );
}

export async function addComment(
  db: Q,
  ws: number,
  problemId: number,
  authorId: number | null,
  body: string,
  now: Date,
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO problem_comment (workspace_id, problem_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [ws, problemId, authorId, body, now],
  );
  return r.rows[0]!.id;
}

export async function link(
  db: Q,
  ws: number,
  problemId: number,
  initiativeId: number,
  by: number | null,
  now: Date,
): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO problem_initiative (workspace_id, problem_id, initiative_id, linked_by, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [ws, problemId, initiativeId, by, now],
  );
  return (r.rowCount ?? 0) > 0;
}

export async function unlink(db: Q, ws: number, problemId: number, initiativeId: number): Promise<boolean> {
  const r = await db.query(
    "DELETE FROM problem_initiative WHERE workspace_id = $1 AND problem_id = $2 AND initiative_id = $3",
    [ws, problemId, initiativeId],
  );
  return (r.rowCount ?? 0) > 0;
}

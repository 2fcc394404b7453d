import type { Q, SourceKind } from "./store.ts";

/** Writes of a person's decisions on mentions (merge, split, move) and notifications. */

export async function problemExists(
  db: Q,
  ws: number,
  id: number,
): Promise<{ mergedInto: number | null } | undefined> {
  const r = await db.query<{ mergedInto: number | null }>(
    `SELECT merged_into AS "mergedInto" FROM problem WHERE workspace_id = $1 AND id = $2`,
    [ws, id],
  );
  return r.rows[0];
}

/** Moves every mention of `sources` to `target` and makes the sources aliases of it. */
export async function mergeInto(
  db: Q,
  ws: number,
  target: number,
  sources: readonly number[],
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE problem_mention SET problem_id = $2 WHERE workspace_id = $1 AND problem_id = ANY($3::bigint[])`,
    [ws, target, sources],
  );
  await db.query(
    `UPDATE problem SET merged_into = $2, updated_at = $4
     WHERE workspace_id = $1 AND (id = ANY($3::bigint[]) OR merged_into = ANY($3::bigint[]))`,
    [ws, target, sources, now],
  );
}

export type TextOfMention = {
  source: SourceKind;
  sourceId: number;
  text: string;
  language: "ru" | "uk" | "en" | null;
};

export async function readProblemTexts(db: Q, ws: number, problemId: number): Promise<TextOfMention[]> {
  const r = await db.query<TextOfMention>(
    `SELECT m.source, m.source_id AS "sourceId",
        coalesce(CASE m.source
          WHEN 'request' THEN (SELECT CASE WHEN coalesce(r.subject, '') = '' THEN r.text ELSE r.subject || '. ' || r.text END
                               FROM request r WHERE r.workspace_id = m.workspace_id AND r.id = m.source_id)
          WHEN 'feedback' THEN (SELECT f.comment FROM feedback f WHERE f.workspace_id = m.workspace_id AND f.id = m.source_id)
        END, '') AS text,
        CASE m.source
          WHEN 'request' THEN (SELECT r.language FROM request r WHERE r.workspace_id = m.workspace_id AND r.id = m.source_id)
          WHEN 'feedback' THEN (SELECT f.language FROM feedback f WHERE f.workspace_id = m.workspace_id AND f.id = m.source_id)
        END AS language
     FROM problem_mention m WHERE m.workspace_id = $1 AND m.problem_id = $2
     ORDER BY m.created_at, m.source, m.source_id`,
    [ws, problemId],
  );
  return r.rows;
}

export async function insertSplit(
  db: Q,
  ws: number,
  from: number,
  s: {
    label: string;
    labelLang: string | null;
    phrases: string[];
    customLabel: string | null;
    centroid: Buffer | null;
    exemplars: Buffer | null;
    size: number;
  },
  now: Date,
): Promise<number> {
  const r = await db.query<{ id: number }>(
    `INSERT INTO problem (workspace_id, label, label_lang, phrases, custom_label, split_from, centroid, exemplars, size,
        created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id`,
    [ws, s.label, s.labelLang, s.phrases, s.customLabel, from, s.centroid, s.exemplars, s.size, now],
  );
  return r.rows[0]!.id;
}

/** Pins mentions to a problem (or to none: "not a problem"); returns how many moved. */
export async function pinMentions(
  db: Q,
  ws: number,
  keys: readonly { source: SourceKind; id: number }[],
  to: number | null,
  onlyFrom?: number,
): Promise<number> {
  const r = await db.query(
    `UPDATE problem_mention m SET problem_id = $4, manual = true
     FROM unnest($2::text[], $3::bigint[]) AS k(source, id)
     WHERE m.workspace_id = $1 AND m.source = k.source AND m.source_id = k.id
       ${onlyFrom === undefined ? "" : "AND m.problem_id = $5"}`,
    onlyFrom === undefined
      ? [ws, keys.map((k) => k.source), keys.map((k) => k.id), to]
      : [ws, keys.map((k) => k.source), keys.map((k) => k.id), to, onlyFrom],
  );
  return r.rowCount ?? 0;
}

export async function setDismissed(
  db: Q,
  ws: number,
  id: number,
  dismissed: boolean,
  now: Date,
): Promise<void> {
  await db.query(`UPDATE problem SET dismissed = $3, updated_at = $4 WHERE workspace_id = $1 AND id = $2`, [
    ws,
    id,
    dismissed,
    now,
  ]);
}

export type NotificationView = {
  id: number;
  kind: string;
  payload: object;
  createdAt: Date;
  readAt: Date | null;
};

export async function readNotifications(
  db: Q,
  ws: number,
  userId: number,
  unreadOnly: boolean,
): Promise<NotificationView[]> {
  const r = await db.query<NotificationView>(
    `SELECT id, kind, payload, created_at AS "createdAt", read_at AS "readAt" FROM notification
     WHERE workspace_id = $1 AND user_id = $2 ${unreadOnly ? "AND read_at IS NULL" : ""}
     ORDER BY created_at DESC, id DESC LIMIT 200`,
    [ws, userId],
  );
  return r.rows;
}

export async function markRead(
  db: Q,
  ws: number,
  userId: number,
  id: number | null,
  now: Date,
): Promise<number> {
  const r =
    id === null
      ? await db.query(
          "UPDATE notification SET read_at = $3 WHERE workspace_id = $1 AND user_id = $2 AND read_at IS NULL",
          [ws, userId, now],
        )
      : await db.query(
          "UPDATE notification SET read_at = coalesce(read_at, $4) WHERE workspace_id = $1 AND user_id = $2 AND id = $3",
          [ws, userId, id, now],
        );
  return r.rowCount ?? 0;
}

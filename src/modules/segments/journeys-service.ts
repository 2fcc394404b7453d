import type pg from "pg";
import { JOURNEY_CHANNELS, type JourneyOptions, type JourneyOut } from "./journeys-schemas.ts";
import { journeyStages, journeyTouchpoints, requireJourney, type TouchpointRow } from "./journeys-store.ts";

/**
 * A journey map with its figures. Per touchpoint, over the 90 days up to the workspace's latest request (not the
 * wall clock, so an old import or the demo still shows figures), for the map's segment's customers (everyone when
 * the map has no segment), counting the requests whose channel is the touchpoint's channel and whose location is
 * its location (whichever of the two it names):
 * - requests and complaints (kind 'complaint'), complaint share = complaints / requests;
 * - median first response: the median of (first_response_at − created_at) in hours over those that got one;
 * - mentions: problem_mention rows of each linked problem with the same channel/location, window and customers
 *   (all mentions of the problem in the window when the touchpoint names neither).
 * A touchpoint naming neither a channel nor a location has no request figures (it would count everything).
 * Suggested pain point: at least PAIN_MIN_REQUESTS requests and a complaint share of PAIN_MIN_SHARE or more.
 */
export const WINDOW_DAYS = 90;
export const PAIN_MIN_REQUESTS = 5;
export const PAIN_MIN_SHARE = 0.5;
const DAY_MS = 86_400_000;

type Window = { from: Date; to: Date } | null;

async function figuresWindow(db: pg.Pool, ws: number): Promise<Window> {
  const r = await db.query<{ to: Date | null }>(
    `SELECT max(created_at) AS "to" FROM request WHERE workspace_id = $1`,
    [ws],
  );
  const to = r.rows[0]?.to;
  return to ? { from: new Date(to.getTime() - WINDOW_DAYS * DAY_MS), to } : null;
}

type RequestFigures = {
  requests: number;
  complaints: number;
  responded: number;
  medianFirstResponseHours: number | null;
};

async function requestFigures(
  db: pg.Pool,
  ws: number,
  segmentId: number | null,
  window: NonNullable<Window>,
  tps: TouchpointRow[],
): Promise<Map<number, RequestFigures>> {
  const counted = tps.filter((t) => t.channel !== null || t.locationId !== null);
  const out = new Map<number, RequestFigures>();
  if (counted.length === 0) return out;
  const r = await db.query<{
    id: string;
    requests: number;
    complaints: number;
    responded: number;
    median_s: number | null;
  }>(
    `WITH tp AS (
       SELECT * FROM unnest($2::bigint[], $3::text[], $4::bigint[]) AS tp(id, channel, location_id)
     ), req AS (
       SELECT r.id, r.channel, r.location_id, r.kind, r.created_at, r.first_response_at
       FROM request r
       WHERE r.workspace_id = $1 AND r.created_at > $5 AND r.created_at <= $6
         AND ($7::bigint IS NULL OR EXISTS (
           SELECT 1 FROM customer_segment cs
           WHERE cs.workspace_id = $1 AND cs.segment_id = $7 AND cs.customer_id = r.customer_id))
     )
     SELECT tp.id, count(req.id)::int AS requests,
            count(req.id) FILTER (WHERE req.kind = 'complaint')::int AS complaints,
            count(req.first_response_at)::int AS responded,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM req.first_response_at - req.created_at))
              AS median_s
     FROM tp LEFT JOIN req
       ON (tp.channel IS NULL OR req.channel = tp.channel) AND (tp.location_id IS NULL OR req.location_id = tp.location_id)
     GROUP BY tp.id`,
    [
      ws,
      counted.map((t) => t.id),
      counted.map((t) => t.channel),
      counted.map((t) => t.locationId),
      window.from,
      window.to,
      segmentId,
    ],
  );
  for (const x of r.rows)
    out.set(Number(x.id), {
      requests: x.requests,
      complaints: x.complaints,
      responded: x.responded,
      medianFirstResponseHours: x.median_s === null ? null : Number(x.median_s) / 3600,
    });
  return out;
}

/** mentions per (touchpoint, problem) */
async function mentionFigures(
  db: pg.Pool,
  ws: number,
  segmentId: number | null,
  window: NonNullable<Window>,
  tps: TouchpointRow[],
): Promise<Map<string, number>> {
  const pairs = tps.flatMap((t) => t.problemIds.map((p) => ({ t, p })));
  const out = new Map<string, number>();
  if (pairs.length === 0) return out;
  const r = await db.query<{ id: string; problem_id: string; mentions: number }>(
    `WITH tp AS (
       SELECT * FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[]) AS tp(id, problem_id, channel, location_id)
     )
     SELECT tp.id, tp.problem_id, count(m.source_id)::int AS mentions
     FROM tp LEFT JOIN problem_mention m
       ON m.workspace_id = $1 AND m.problem_id = tp.problem_id AND m.created_at > $6 AND m.created_at <= $7
      AND (tp.channel IS NULL OR m.channel = tp.channel) AND (tp.location_id IS NULL OR m.location_id = tp.location_id)
      AND ($8::bigint IS NULL OR EXISTS (
        SELECT 1 FROM customer_segment cs
        WHERE cs.workspace_id = $1 AND cs.segment_id = $8 AND cs.customer_id = m.customer_id))
     GROUP BY tp.id, tp.problem_id`,
    [
      ws,
      pairs.map((x) => x.t.id),
      pairs.map((x) => x.p),
      pairs.map((x) => x.t.channel),
      pairs.map((x) => x.t.locationId),
      window.from,
      window.to,
      segmentId,
    ],
  );
  for (const x of r.rows) out.set(`${x.id}:${x.problem_id}`, x.mentions);
  return out;
}

export const suggestPain = (requests: number, complaints: number): boolean =>
  requests >= PAIN_MIN_REQUESTS && complaints / requests >= PAIN_MIN_SHARE;

export async function journeyMap(pool: pg.Pool, ws: number, id: number): Promise<JourneyOut> {
  const j = await requireJourney(pool, ws, id);
  const [stages, tps, window] = await Promise.all([
    journeyStages(pool, ws, id),
    journeyTouchpoints(pool, ws, id),
    figuresWindow(pool, ws),
  ]);
  const problemIds = [...new Set(tps.flatMap((t) => t.problemIds))];
  const problems = new Map(
    problemIds.length === 0
      ? []
      : (
          await pool.query<{ id: string; label: string; status: string }>(
            `SELECT id, coalesce(custom_label, nullif(label, ''), '#' || id) AS label, status
             FROM problem WHERE workspace_id = $1 AND id = ANY($2::bigint[])`,
            [ws, problemIds],
          )
        ).rows.map((p) => [Number(p.id), { label: p.label, status: p.status }] as const),
  );
  const [req, men] = window
    ? await Promise.all([
        requestFigures(pool, ws, j.segmentId, window, tps),
        mentionFigures(pool, ws, j.segmentId, window, tps),
      ])
    : [new Map<number, RequestFigures>(), new Map<string, number>()];

  return {
    ...j,
    window: {
      from: window?.from.toISOString() ?? null,
      to: window?.to.toISOString() ?? null,
      days: WINDOW_DAYS,
    },
    painRule: { minRequests: PAIN_MIN_REQUESTS, minComplaintShare: PAIN_MIN_SHARE },
    stages: stages.map((s) => ({
      ...s,
      touchpoints: tps
        .filter((t) => t.stageId === s.id)
        .map((t) => {
          const linked = t.problemIds.flatMap((p) => {
            const found = problems.get(p);
            return found ? [{ id: p, ...found, mentions: men.get(`${t.id}:${p}`) ?? 0 }] : [];
          });
          const mentions = linked.reduce((a, p) => a + p.mentions, 0);
          const counted = t.channel !== null || t.locationId !== null;
          const f = req.get(t.id) ?? {
            requests: 0,
            complaints: 0,
            responded: 0,
            medianFirstResponseHours: null,
          };
          return {
            id: t.id,
            stageId: t.stageId,
            position: t.position,
            name: t.name,
            channel: t.channel,
            locationId: t.locationId,
            locationName: t.locationName,
            note: t.note,
            problems: linked,
            pain: t.pain,
            painSuggested: counted && suggestPain(f.requests, f.complaints),
            figures: counted
              ? { ...f, complaintShare: f.requests > 0 ? f.complaints / f.requests : null, mentions }
              : null,
          };
        }),
    })),
  };
}

/** What the editor's pickers offer: channels, locations, the live problems, the live segments. */
export async function journeyOptions(pool: pg.Pool, ws: number): Promise<JourneyOptions> {
  const [loc, prob, seg] = await Promise.all([
    pool.query<{ id: string; name: string }>(
      "SELECT id, name FROM location WHERE workspace_id = $1 ORDER BY name, id",
      [ws],
    ),
    pool.query<{ id: string; label: string; status: string }>(
      `SELECT id, coalesce(custom_label, nullif(label, ''), '#' || id) AS label, status FROM problem
       WHERE workspace_id = $1 AND merged_into IS NULL AND NOT dismissed AND dissolved_at IS NULL
       ORDER BY size DESC, id LIMIT 500`,
      [ws],
    ),
    pool.query<{ id: string; name: string }>(
      `SELECT id, coalesce(custom_name, name) AS name FROM segment
       WHERE workspace_id = $1 AND retired_at IS NULL ORDER BY kind, name, id`,
      [ws],
    ),
  ]);
  return {
    channels: [...JOURNEY_CHANNELS],
    locations: loc.rows.map((x) => ({ id: Number(x.id), name: x.name })),
    problems: prob.rows.map((x) => ({ id: Number(x.id), label: x.label, status: x.status })),
    segments: seg.rows.map((x) => ({ id: Number(x.id), name: x.name })),
  };
}

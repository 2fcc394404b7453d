import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import type {
  JourneyChannel,
  JourneySummary,
  TouchpointCreate,
  TouchpointUpdate,
} from "./journeys-schemas.ts";

/** Journey maps in journey, journey_stage, journey_touchpoint (migration 0008): reads and edits. */

export type JourneyRow = {
  id: number;
  name: string;
  segmentId: number | null;
  segmentName: string | null;
  createdAt: string;
  updatedAt: string;
};
export type StageRow = { id: number; position: number; name: string };
export type TouchpointRow = {
  id: number;
  stageId: number;
  position: number;
  name: string;
  channel: JourneyChannel | null;
  locationId: number | null;
  locationName: string | null;
  note: string;
  problemIds: number[];
  pain: boolean;
};

type Db = pg.Pool | pg.PoolClient;

/** A foreign key to a segment or location that is not in the workspace becomes a 422, not a 500. */
function translate(e: unknown): never {
  const code = (e as { code?: string }).code;
  const constraint = (e as { constraint?: string }).constraint ?? "";
  if (code === "23503") {
    const what = constraint.includes("segment")
      ? "segment"
      : constraint.includes("location")
        ? "location"
        : "row";
    throw new AppError("validation", `No such ${what} in this workspace`, { field: what });
  }
  throw e;
}

async function tx<T>(pool: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const out = await work(c);
    await c.query("COMMIT");
    return out;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    translate(e);
  } finally {
    c.release();
  }
}

const touch = (db: Db, ws: number, journeyId: number) =>
  db.query("UPDATE journey SET updated_at = now() WHERE workspace_id = $1 AND id = $2", [ws, journeyId]);

export async function listJourneys(pool: pg.Pool, ws: number): Promise<JourneySummary[]> {
  const r = await pool.query<{
    id: string;
    name: string;
    segment_id: string | null;
    segment_name: string | null;
    stages: number;
    touchpoints: number;
    pains: number;
    updated_at: Date;
  }>(
    `SELECT j.id, j.name, j.segment_id, coalesce(s.custom_name, s.name) AS segment_name, j.updated_at,
            (SELECT count(*)::int FROM journey_stage st WHERE st.workspace_id = j.workspace_id AND st.journey_id = j.id) AS stages,
            (SELECT count(*)::int FROM journey_touchpoint t JOIN journey_stage st
               ON st.workspace_id = t.workspace_id AND st.id = t.stage_id
             WHERE t.workspace_id = j.workspace_id AND st.journey_id = j.id) AS touchpoints,
            (SELECT count(*)::int FROM journey_touchpoint t JOIN journey_stage st
               ON st.workspace_id = t.workspace_id AND st.id = t.stage_id
             WHERE t.workspace_id = j.workspace_id AND st.journey_id = j.id AND t.pain) AS pains
     FROM journey j LEFT JOIN segment s ON s.workspace_id = j.workspace_id AND s.id = j.segment_id
     WHERE j.workspace_id = $1 ORDER BY j.updated_at DESC, j.id DESC`,
    [ws],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    name: x.name,
    segmentId: x.segment_id === null ? null : Number(x.segment_id),
    segmentName: x.segment_name,
    stages: x.stages,
    touchpoints: x.touchpoints,
    pains: x.pains,
    updatedAt: x.updated_at.toISOString(),
  }));
}

export async function findJourney(db: Db, ws: number, id: number): Promise<JourneyRow | null> {
  const r = await db.query<{
    id: string;
    name: string;
    segment_id: string | null;
    segment_name: string | null;
    created_at: Date;
    updated_at: Date;
  }>(
    `SELECT j.id, j.name, j.segment_id, coalesce(s.custom_name, s.name) AS segment_name, j.created_at, j.updated_at
     FROM journey j LEFT JOIN segment s ON s.workspace_id = j.workspace_id AND s.id = j.segment_id
     WHERE j.workspace_id = $1 AND j.id = $2`,
    [ws, id],
  );
  const x = r.rows[0];
  if (!x) return null;
  return {
    id: Number(x.id),
    name: x.name,
    segmentId: x.segment_id === null ? null : Number(x.segment_id),
    segmentName: x.segment_name,
    createdAt: x.created_at.toISOString(),
    updatedAt: x.updated_at.toISOString(),
  };
}

export async function requireJourney(db: Db, ws: number, id: number): Promise<JourneyRow> {
  const j = await findJourney(db, ws, id);
  if (!j) throw new AppError("not_found", `No journey map ${id}`);
  return j;
}

export async function journeyStages(db: Db, ws: number, journeyId: number): Promise<StageRow[]> {
  const r = await db.query<{ id: string; position: number; name: string }>(
    "SELECT id, position, name FROM journey_stage WHERE workspace_id = $1 AND journey_id = $2 ORDER BY position, id",
    [ws, journeyId],
  );
  return r.rows.map((x) => ({ id: Number(x.id), position: x.position, name: x.name }));
}

export async function journeyTouchpoints(db: Db, ws: number, journeyId: number): Promise<TouchpointRow[]> {
  const r = await db.query<{
    id: string;
    stage_id: string;
    position: number;
    name: string;
    channel: JourneyChannel | null;
    location_id: string | null;
    location_name: string | null;
    note: string;
    problem_ids: string[];
    pain: boolean;
  }>(
    `SELECT t.id, t.stage_id, t.position, t.name, t.channel, t.location_id, l.name AS location_name, t.note,
            t.problem_ids, t.pain
     FROM journey_touchpoint t
     JOIN journey_stage st ON st.workspace_id = t.workspace_id AND st.id = t.stage_id
     LEFT JOIN location l ON l.workspace_id = t.workspace_id AND l.id = t.location_id
     WHERE t.workspace_id = $1 AND st.journey_id = $2 ORDER BY st.position, st.id, t.position, t.id`,
    [ws, journeyId],
  );
  return r.rows.map((x) => ({
    id: Number(x.id),
    stageId: Number(x.stage_id),
    position: x.position,
    name: x.name,
    channel: x.channel,
    locationId: x.location_id === null ? null : Number(x.location_id),
    locationName: x.location_name,
    note: x.note,
    problemIds: x.problem_ids.map(Number),
    pain: x.pain,
  }));
}

export async function createJourney(
  pool: pg.Pool,
  ws: number,
  body: { name: string; segmentId?: number | null },
): Promise<number> {
  try {
    const r = await pool.query<{ id: string }>(
      "INSERT INTO journey (workspace_id, name, segment_id) VALUES ($1, $2, $3) RETURNING id",
      [ws, body.name, body.segmentId ?? null],
    );
    return Number(r.rows[0]!.id);
  } catch (e) {
    translate(e);
  }
}

export async function updateJourney(
  pool: pg.Pool,
  ws: number,
  id: number,
  body: { name?: string; segmentId?: number | null },
): Promise<void> {
  await requireJourney(pool, ws, id);
  try {
    await pool.query(
      `UPDATE journey SET name = coalesce($3, name),
              segment_id = CASE WHEN $4::boolean THEN $5::bigint ELSE segment_id END, updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [ws, id, body.name ?? null, body.segmentId !== undefined, body.segmentId ?? null],
    );
  } catch (e) {
    translate(e);
  }
}

export async function deleteJourney(pool: pg.Pool, ws: number, id: number): Promise<void> {
  const r = await pool.query("DELETE FROM journey WHERE workspace_id = $1 AND id = $2", [ws, id]);
  if (r.rowCount === 0) throw new AppError("not_found", `No journey map ${id}`);
}

/** Rewrites positions 0…n−1 of ids in the given order (ids are one table's rows of one parent). */
async function renumber(
  c: pg.PoolClient,
  table: "journey_stage" | "journey_touchpoint",
  ws: number,
  ids: number[],
) {
  if (ids.length === 0) return;
  await c.query(
    `UPDATE ${table} x SET position = o.ord - 1
     FROM unnest($2::bigint[]) WITH ORDINALITY AS o(id, ord)
     WHERE x.workspace_id = $1 AND x.id = o.id`,
    [ws, ids],
  );
}

/** ids with `moved` taken out and put back at `position` (clamped to the end). */
export function placeAt(ids: readonly number[], moved: number, position: number | undefined): number[] {
  const rest = ids.filter((x) => x !== moved);
  const at = position === undefined ? rest.length : Math.min(Math.max(position, 0), rest.length);
  return [...rest.slice(0, at), moved, ...rest.slice(at)];
}

export async function createStage(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  body: { name: string; position?: number },
): Promise<number> {
  return tx(pool, async (c) => {
    await requireJourney(c, ws, journeyId);
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    const stages = await journeyStages(c, ws, journeyId);
    const r = await c.query<{ id: string }>(
      "INSERT INTO journey_stage (workspace_id, journey_id, position, name) VALUES ($1, $2, $3, $4) RETURNING id",
      [ws, journeyId, stages.length, body.name],
    );
    const id = Number(r.rows[0]!.id);
    await renumber(
      c,
      "journey_stage",
      ws,
      placeAt(
        stages.map((s) => s.id),
        id,
        body.position,
      ),
    );
    await touch(c, ws, journeyId);
    return id;
  });
}

async function requireStage(c: Db, ws: number, journeyId: number, stageId: number): Promise<void> {
  const r = await c.query(
    "SELECT 1 FROM journey_stage WHERE workspace_id = $1 AND journey_id = $2 AND id = $3",
    [ws, journeyId, stageId],
  );
  if (r.rowCount === 0) throw new AppError("not_found", `No stage ${stageId} in journey map ${journeyId}`);
}

export async function updateStage(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  stageId: number,
  body: { name?: string; position?: number },
): Promise<void> {
  await tx(pool, async (c) => {
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    await requireStage(c, ws, journeyId, stageId);
    if (body.name !== undefined)
      await c.query("UPDATE journey_stage SET name = $3 WHERE workspace_id = $1 AND id = $2", [
        ws,
        stageId,
        body.name,
      ]);
    if (body.position !== undefined) {
      const stages = await journeyStages(c, ws, journeyId);
      await renumber(
        c,
        "journey_stage",
        ws,
        placeAt(
          stages.map((s) => s.id),
          stageId,
          body.position,
        ),
      );
    }
    await touch(c, ws, journeyId);
  });
}

export async function deleteStage(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  stageId: number,
): Promise<void> {
  await tx(pool, async (c) => {
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    await requireStage(c, ws, journeyId, stageId);
    await c.query("DELETE FROM journey_stage WHERE workspace_id = $1 AND id = $2", [ws, stageId]);
    const stages = await journeyStages(c, ws, journeyId);
    await renumber(
      c,
      "journey_stage",
      ws,
      stages.map((s) => s.id),
    );
    await touch(c, ws, journeyId);
  });
}

async function checkProblems(c: Db, ws: number, ids: number[] | undefined): Promise<number[] | undefined> {
  if (ids === undefined) return undefined;
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const r = await c.query<{ id: string }>(
    "SELECT id FROM problem WHERE workspace_id = $1 AND id = ANY($2::bigint[])",
    [ws, unique],
  );
  const found = new Set(r.rows.map((x) => Number(x.id)));
  const missing = unique.filter((x) => !found.has(x));
  if (missing.length > 0)
    throw new AppError("validation", `No problem ${missing.join(", ")} in this workspace`, {
      field: "problemIds",
    });
  return unique;
}

const stageTouchpointIds = async (c: Db, ws: number, stageId: number): Promise<number[]> =>
  (
    await c.query<{ id: string }>(
      "SELECT id FROM journey_touchpoint WHERE workspace_id = $1 AND stage_id = $2 ORDER BY position, id",
      [ws, stageId],
    )
  ).rows.map((x) => Number(x.id));

export async function createTouchpoint(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  stageId: number,
  body: TouchpointCreate,
): Promise<number> {
  return tx(pool, async (c) => {
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    await requireStage(c, ws, journeyId, stageId);
    const problemIds = (await checkProblems(c, ws, body.problemIds)) ?? [];
    const before = await stageTouchpointIds(c, ws, stageId);
    const r = await c.query<{ id: string }>(
      `INSERT INTO journey_touchpoint (workspace_id, stage_id, position, name, channel, location_id, problem_ids, pain, note)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bigint[], $8, $9) RETURNING id`,
      [
        ws,
        stageId,
        before.length,
        body.name,
        body.channel ?? null,
        body.locationId ?? null,
        problemIds,
        body.pain ?? false,
        body.note ?? "",
      ],
    );
    const id = Number(r.rows[0]!.id);
    await renumber(c, "journey_touchpoint", ws, placeAt(before, id, body.position));
    await touch(c, ws, journeyId);
    return id;
  });
}

async function touchpointStage(c: Db, ws: number, journeyId: number, touchpointId: number): Promise<number> {
  const r = await c.query<{ stage_id: string }>(
    `SELECT t.stage_id FROM journey_touchpoint t
     JOIN journey_stage st ON st.workspace_id = t.workspace_id AND st.id = t.stage_id
     WHERE t.workspace_id = $1 AND st.journey_id = $2 AND t.id = $3`,
    [ws, journeyId, touchpointId],
  );
  const row = r.rows[0];
  if (!row) throw new AppError("not_found", `No touchpoint ${touchpointId} in journey map ${journeyId}`);
  return Number(row.stage_id);
}

export async function updateTouchpoint(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  touchpointId: number,
  body: TouchpointUpdate,
): Promise<void> {
  await tx(pool, async (c) => {
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    const from = await touchpointStage(c, ws, journeyId, touchpointId);
    const to = body.stageId ?? from;
    if (to !== from) await requireStage(c, ws, journeyId, to);
    const problemIds = await checkProblems(c, ws, body.problemIds);
    await c.query(
      `UPDATE journey_touchpoint SET
         name = coalesce($3, name),
         channel = CASE WHEN $4::boolean THEN $5 ELSE channel END,
         location_id = CASE WHEN $6::boolean THEN $7::bigint ELSE location_id END,
         note = coalesce($8, note),
         problem_ids = coalesce($9::bigint[], problem_ids),
         pain = coalesce($10, pain),
         stage_id = $11
       WHERE workspace_id = $1 AND id = $2`,
      [
        ws,
        touchpointId,
        body.name ?? null,
        body.channel !== undefined,
        body.channel ?? null,
        body.locationId !== undefined,
        body.locationId ?? null,
        body.note ?? null,
        problemIds ?? null,
        body.pain ?? null,
        to,
      ],
    );
    if (to !== from || body.position !== undefined) {
      const ids = (await stageTouchpointIds(c, ws, to)).filter((x) => x !== touchpointId);
      await renumber(c, "journey_touchpoint", ws, placeAt(ids, touchpointId, body.position));
      if (to !== from) await renumber(c, "journey_touchpoint", ws, await stageTouchpointIds(c, ws, from));
    }
    await touch(c, ws, journeyId);
  });
}

export async function deleteTouchpoint(
  pool: pg.Pool,
  ws: number,
  journeyId: number,
  touchpointId: number,
): Promise<void> {
  await tx(pool, async (c) => {
    await c.query("SELECT 1 FROM journey WHERE workspace_id = $1 AND id = $2 FOR UPDATE", [ws, journeyId]);
    const stageId = await touchpointStage(c, ws, journeyId, touchpointId);
    await c.query("DELETE FROM journey_touchpoint WHERE workspace_id = $1 AND id = $2", [ws, touchpointId]);
    await renumber(c, "journey_touchpoint", ws, await stageTouchpointIds(c, ws, stageId));
    await touch(c, ws, journeyId);
  });
}

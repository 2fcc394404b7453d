import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { refreshSegments, speedometerReport } from "../speedometer/index.ts";
import { compileRule, type RuleDefinition } from "./rules.ts";
import { referenceTime } from "./store-features.ts";
import {
  findSegment,
  listSegments,
  members,
  type Quote,
  quotes,
  type RunRecord,
  readRun,
  ruleOptions,
  type SegmentRecord,
  type TopProblem,
  topProblems,
} from "./store-read.ts";
import { refreshRuleMembers } from "./store-write.ts";

/** What the segments page and `storona segments` show, and the changes people make. */

export type Stated = { value: number | null; lower: number | null; upper: number | null; enough: boolean };

export type SegmentView = SegmentRecord & {
  /** of the buyers segmented at the last rebuild */
  share: number | null;
  topProblems: TopProblem[];
  /** the speedometer's CCI and NPS for this segment over its default period (null before its first rebuild) */
  cci: Stated | null;
  nps: (Stated & { n: number }) | null;
};

export type SegmentsReport = {
  run: RunRecord | null;
  segments: SegmentView[];
  /** people who may own a segment (only for those who may set owners) */
  members?: Array<{ id: number; name: string }>;
  /** what the rule builder offers */
  options: { locations: Array<{ id: number; name: string }>; channels: string[] };
};

export type SegmentDetail = { segment: SegmentView; quotes: Quote[]; run: RunRecord | null };

async function speedometerBySegment(
  pool: pg.Pool,
  ws: number,
  now: Date,
): Promise<Map<string, { cci: Stated; nps: Stated & { n: number } }>> {
  const out = new Map<string, { cci: Stated; nps: Stated & { n: number } }>();
  try {
    const r = await speedometerReport(pool, ws, { by: "segment" }, now);
    for (const row of r.gap.rows) out.set(row.value, { cci: row.cci, nps: row.nps });
  } catch {
    // no speedometer figures yet (or no period): the page shows the segment without them
  }
  return out;
}

function view(
  s: SegmentRecord,
  run: RunRecord | null,
  problems: Map<number, TopProblem[]>,
  spd: Map<string, { cci: Stated; nps: Stated & { n: number } }>,
): SegmentView {
  const figures = spd.get(String(s.id));
  return {
    ...s,
    share:
      run && run.customers > 0 && (s.kind === "rfm" || s.kind === "cluster") ? s.size / run.customers : null,
    topProblems: problems.get(s.id) ?? [],
    cci: figures?.cci ?? null,
    nps: figures?.nps ?? null,
  };
}

export async function segmentsReport(
  pool: pg.Pool,
  ws: number,
  now: Date,
  o: { withMembers?: boolean } = {},
): Promise<SegmentsReport> {
  const [run, list, spd, options] = await Promise.all([
    readRun(pool, ws),
    listSegments(pool, ws),
    speedometerBySegment(pool, ws, now),
    ruleOptions(pool, ws),
  ]);
  const problems = await topProblems(
    pool,
    ws,
    list.map((s) => s.id),
    3,
  );
  return {
    run,
    segments: list.map((s) => view(s, run, problems, spd)),
    options,
    ...(o.withMembers ? { members: await members(pool, ws) } : {}),
  };
}

export async function segmentDetail(
  pool: pg.Pool,
  ws: number,
  id: number,
  now: Date,
): Promise<SegmentDetail> {
  const s = await findSegment(pool, ws, id);
  if (!s) throw new AppError("not_found", `No segment ${id}`);
  const [run, problems, spd, q] = await Promise.all([
    readRun(pool, ws),
    topProblems(pool, ws, [id], 5),
    speedometerBySegment(pool, ws, now),
    quotes(pool, ws, id, 5),
  ]);
  return { segment: view(s, run, problems, spd), quotes: q, run };
}

export type SegmentChange = {
  name?: string;
  description?: string | null;
  definition?: RuleDefinition;
  ownerId?: number | null;
  isTarget?: boolean;
  persona?: Partial<{ needs: string; jobs: string; valueProposition: string }>;
};

async function checkOwner(db: pg.ClientBase, ws: number, ownerId: number | null | undefined): Promise<void> {
  if (ownerId === null || ownerId === undefined) return;
  const r = await db.query("SELECT 1 FROM membership WHERE workspace_id = $1 AND user_id = $2", [
    ws,
    ownerId,
  ]);
  if (r.rowCount === 0) {
    throw new AppError("validation", "The owner must be a member of the workspace", [
      { path: "ownerId", message: "not a member" },
    ]);
  }
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const out = await fn(c);
    await c.query("COMMIT");
    return out;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/** A new rule segment with its members computed now. */
export async function createRuleSegment(
  pool: pg.Pool,
  ws: number,
  input: SegmentChange & { name: string; definition: RuleDefinition },
): Promise<SegmentRecord> {
  const asOf = await referenceTime(pool, ws);
  let moved: number[] = [];
  const id = await inTransaction(pool, async (c) => {
    await checkOwner(c, ws, input.ownerId);
    const r = await c.query<{ id: string }>(
      `INSERT INTO segment (workspace_id, name, kind, definition, description, owner_id, is_target,
         persona_needs, persona_jobs, persona_value)
       VALUES ($1, $2, 'rule', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        ws,
        input.name,
        input.definition,
        input.description ?? null,
        input.ownerId ?? null,
        input.isTarget ?? false,
        input.persona?.needs ?? "",
        input.persona?.jobs ?? "",
        input.persona?.valueProposition ?? "",
      ],
    );
    const id = Number(r.rows[0]!.id);
    moved = (await refreshRuleMembers(c, ws, id, input.definition, asOf)).moved;
    return id;
  });
  // The speedometer's figures for the new segment (its members counted again, in it now).
  if (moved.length > 0) await refreshSegments(pool, ws, moved);
  return (await findSegment(pool, ws, id))!;
}

/**
 * Owner, target mark, persona text and description for any segment; the name of any segment (for a computed
 * one it is kept as the person's name over the computed one); the rule of a rule segment (members recomputed).
 */
export async function updateSegment(
  pool: pg.Pool,
  ws: number,
  id: number,
  ch: SegmentChange,
): Promise<SegmentRecord> {
  const asOf = ch.definition ? await referenceTime(pool, ws) : null;
  let moved: number[] = [];
  await inTransaction(pool, async (c) => {
    const cur = await c.query<{ kind: string }>(
      "SELECT kind FROM segment WHERE workspace_id = $1 AND id = $2 FOR UPDATE",
      [ws, id],
    );
    const kind = cur.rows[0]?.kind;
    if (!kind) throw new AppError("not_found", `No segment ${id}`);
    if (ch.definition && kind !== "rule") {
      throw new AppError("validation", "Only a rule segment has a rule", [
        { path: "definition", message: "not a rule segment" },
      ]);
    }
    await checkOwner(c, ws, ch.ownerId);
    const sets: string[] = [];
    const args: unknown[] = [ws, id];
    const set = (col: string, v: unknown) => {
      args.push(v);
      sets.push(`${col} = $${args.length}`);
    };
    if (ch.name !== undefined) set(kind === "rule" || kind === "manual" ? "name" : "custom_name", ch.name);
    if (ch.description !== undefined) set("description", ch.description);
    if (ch.definition !== undefined) set("definition", ch.definition);
    if (ch.ownerId !== undefined) set("owner_id", ch.ownerId);
    if (ch.isTarget !== undefined) set("is_target", ch.isTarget);
    if (ch.persona?.needs !== undefined) set("persona_needs", ch.persona.needs);
    if (ch.persona?.jobs !== undefined) set("persona_jobs", ch.persona.jobs);
    if (ch.persona?.valueProposition !== undefined) set("persona_value", ch.persona.valueProposition);
    sets.push("updated_at = now()");
    await c.query(`UPDATE segment SET ${sets.join(", ")} WHERE workspace_id = $1 AND id = $2`, args);
    if (ch.definition) moved = (await refreshRuleMembers(c, ws, id, ch.definition, asOf)).moved;
  });
  // A changed rule: the customers who joined or left are counted again in the speedometer's segment figures.
  if (moved.length > 0) await refreshSegments(pool, ws, moved);
  return (await findSegment(pool, ws, id))!;
}

/** Removes a rule or manual segment; computed ones come back with the next rebuild, so they cannot be deleted. */
export async function deleteSegment(pool: pg.Pool, ws: number, id: number): Promise<void> {
  const s = await findSegment(pool, ws, id);
  if (!s) throw new AppError("not_found", `No segment ${id}`);
  if (s.kind === "rfm" || s.kind === "cluster") {
    throw new AppError("conflict", "A computed segment cannot be deleted; it is recomputed from the data");
  }
  await pool.query("DELETE FROM segment WHERE workspace_id = $1 AND id = $2", [ws, id]);
}

/** How many customers a rule would select now (the rule builder's live count). */
export async function previewRule(pool: pg.Pool, ws: number, def: RuleDefinition): Promise<number> {
  const rule = compileRule(def);
  const asOf = (await referenceTime(pool, ws)) ?? new Date();
  const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM (${rule.sql}) x`, [
    ws,
    asOf,
    ...rule.params,
  ]);
  return Number(r.rows[0]!.n);
}

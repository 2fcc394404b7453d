import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Feature } from "./features.ts";
import { RFM_SEGMENTS } from "./rfm.ts";
import { compileRule, type RuleDefinition, ruleDefinition } from "./rules.ts";
import type { Profile, Segmentation } from "./segmentation.ts";
import { type Centre, matchClusters } from "./stable-ids.ts";

/**
 * Writes a computed segmentation in one transaction: segment rows are updated in place (their ids, owners,
 * target marks and personas stay), memberships of computed and rule segments are replaced by difference
 * (a re-run on the same data writes no membership row), and the run's facts go to segment_run.
 */

export type WriteInput = {
  ws: number;
  asOf: Date | null;
  customerIds: Float64Array;
  seg: Segmentation;
  ms: number;
  /** time of each step (benchmarks) */
  trace?: (step: string, ms: number) => void;
};

export type WriteOutcome = {
  /** segment id per RFM_SEGMENTS index, and per cluster number − 1 */
  rfmIds: number[];
  clusterIds: number[];
  ruleIds: number[];
  inserted: number;
  deleted: number;
  /** customers who joined or left a segment; "all" on a workspace's first segmentation */
  moved: number[] | "all";
};

async function upsertComputed(
  c: pg.ClientBase,
  ws: number,
  kind: "rfm" | "cluster",
  code: string,
  name: string,
  profile: Profile,
  definition: Record<string, unknown>,
  keepId: number | null,
): Promise<number> {
  if (keepId !== null) {
    await c.query(
      `UPDATE segment SET code = $3, name = $4, size = $5, profile = $6, definition = $7, retired_at = NULL,
         updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [ws, keepId, code, name, profile.size, profile, definition],
    );
    return keepId;
  }
  const r = await c.query<{ id: string }>(
    `INSERT INTO segment (workspace_id, name, kind, code, size, profile, definition)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (workspace_id, code) WHERE code IS NOT NULL
     DO UPDATE SET name = EXCLUDED.name, size = EXCLUDED.size, profile = EXCLUDED.profile,
       definition = EXCLUDED.definition, retired_at = NULL, updated_at = now()
     RETURNING id`,
    [ws, name, kind, code, profile.size, profile, definition],
  );
  return Number(r.rows[0]!.id);
}

export async function writeSegmentation(pool: pg.Pool, w: WriteInput): Promise<WriteOutcome> {
  const { ws, seg } = w;
  const c = await pool.connect();
  let tick = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    w.trace?.(name, now - tick);
    tick = now;
  };
  try {
    await c.query("BEGIN");
    // one rebuild per workspace at a time
    await c.query("SELECT pg_advisory_xact_lock(8008, $1)", [ws]);
    await c.query("SET LOCAL work_mem = '256MB'");
    const rfmIds: number[] = [];
    for (const [j, s] of seg.rfmSegments.entries()) {
      rfmIds.push(await upsertComputed(c, ws, "rfm", `rfm:${RFM_SEGMENTS[j]}`, s.name, s.profile, {}, null));
    }
    // Clusters keep the ids of the previous run's nearest clusters; their codes are renumbered after.
    const prev = await c.query<{ id: string; centre: Centre | null }>(
      `SELECT id, definition -> 'centre' AS centre FROM segment
       WHERE workspace_id = $1 AND kind = 'cluster' AND retired_at IS NULL ORDER BY id`,
      [ws],
    );
    const previous = prev.rows.filter((r) => r.centre).map((r) => ({ id: Number(r.id), centre: r.centre! }));
    const keep = matchClusters(
      previous,
      seg.clusters.map((s) => s.profile.means),
      seg.scale,
    );
    // free the codes first: cluster numbers move with sizes, ids stay
    await c.query(
      "UPDATE segment SET code = 'cluster-old:' || id WHERE workspace_id = $1 AND kind = 'cluster' AND code IS NOT NULL",
      [ws],
    );
    const clusterIds: number[] = [];
    for (const [j, s] of seg.clusters.entries()) {
      const centre: Partial<Record<Feature, number | null>> = s.profile.means;
      clusterIds.push(
        await upsertComputed(
          c,
          ws,
          "cluster",
          `cluster:${s.key}`,
          s.name,
          s.profile,
          { centre },
          keep[j] ?? null,
        ),
      );
    }
    await c.query(
      `UPDATE segment SET retired_at = coalesce(retired_at, now()), size = 0, code = NULL, updated_at = now()
       WHERE workspace_id = $1 AND kind = 'cluster' AND NOT (id = ANY($2::bigint[]))`,
      [ws, clusterIds],
    );
    const retired = await c.query<{ id: string }>(
      "SELECT id FROM segment WHERE workspace_id = $1 AND kind = 'cluster' AND retired_at IS NOT NULL",
      [ws],
    );

    step("segments");
    const ids = w.customerIds;
    const labels = seg.labels;
    // COPY text built in 64 KB chunks straight from the typed arrays: two million rows, no array per row.
    // Rows go out segment by segment (a counting sort of the labels), so the primary key (workspace, segment,
    // customer) only ever grows at its right edge instead of taking inserts all over the index.
    function* bySegment(
      segIds: readonly number[],
      label: (i: number) => number,
      lead: string,
    ): Generator<string> {
      const order = new Uint32Array(ids.length);
      const start = new Uint32Array(segIds.length + 1);
      for (let i = 0; i < ids.length; i++) start[label(i) + 1]!++;
      for (let k = 0; k < segIds.length; k++) start[k + 1]! += start[k]!;
      const next = start.slice(0, segIds.length);
      for (let i = 0; i < ids.length; i++) order[next[label(i)]!++] = i;
      let buf = "";
      for (let k = 0; k < segIds.length; k++) {
        const prefix = `${lead}${segIds[k]!}\t`;
        for (let j = start[k]!; j < start[k + 1]!; j++) {
          buf += `${prefix}${ids[order[j]!]!}\n`;
          if (buf.length > 65_536) {
            yield buf;
            buf = "";
          }
        }
      }
      if (buf) yield buf;
    }
    function* rows(segTable: boolean): Generator<string> {
      const lead = segTable ? "" : `${ws}\t`;
      yield* bySegment(rfmIds, (i) => seg.rfm.segment[i]!, lead);
      if (labels) yield* bySegment(clusterIds, (i) => labels[i]!, lead);
    }
    const copyText = async (table: string, columns: string, segTable: boolean): Promise<number> => {
      await pipeline(
        Readable.from(rows(segTable)),
        c.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)),
      );
      return ids.length * (labels ? 2 : 1);
    };
    const computed = [...rfmIds, ...clusterIds, ...retired.rows.map((r) => Number(r.id))];
    const existing = await c.query(
      "SELECT 1 FROM customer_segment WHERE workspace_id = $1 AND segment_id = ANY($2::bigint[]) LIMIT 1",
      [ws, computed],
    );
    let inserted = 0;
    let deleted = 0;
    // Customers who joined or left a segment (the speedometer counts them again), or "all".
    let moved: Set<number> | "all";
    if (existing.rowCount === 0) {
      // the first run: nothing to compare with, the rows go straight in
      inserted = await copyText("customer_segment", "workspace_id, segment_id, customer_id", false);
      moved = inserted > 0 ? "all" : new Set();
      step("copy");
    } else {
      // later runs write only the difference, found by hash anti-joins with the new memberships
      await c.query(
        "CREATE TEMP TABLE seg_new (segment_id bigint NOT NULL, customer_id bigint NOT NULL) ON COMMIT DROP",
      );
      await copyText("seg_new", "segment_id, customer_id", true);
      await c.query("ANALYZE seg_new");
      step("copy");
      const del = await c.query(
        `DELETE FROM customer_segment cs WHERE cs.workspace_id = $1 AND cs.segment_id = ANY($2::bigint[])
         AND NOT EXISTS (SELECT 1 FROM seg_new n WHERE n.segment_id = cs.segment_id AND n.customer_id = cs.customer_id)
         RETURNING cs.customer_id`,
        [ws, computed],
      );
      step("delete");
      const ins = await c.query(
        `INSERT INTO customer_segment (workspace_id, segment_id, customer_id)
         SELECT $1, n.segment_id, n.customer_id FROM seg_new n
         WHERE NOT EXISTS (SELECT 1 FROM customer_segment cs
           WHERE cs.workspace_id = $1 AND cs.segment_id = n.segment_id AND cs.customer_id = n.customer_id)
         RETURNING customer_id`,
        [ws],
      );
      inserted = ins.rowCount ?? 0;
      deleted = del.rowCount ?? 0;
      moved = new Set([...del.rows, ...ins.rows].map((r) => Number(r.customer_id)));
    }
    step("insert");

    const ruleIds: number[] = [];
    const rules = await c.query<{ id: string; definition: unknown }>(
      "SELECT id, definition FROM segment WHERE workspace_id = $1 AND kind = 'rule' ORDER BY id",
      [ws],
    );
    for (const r of rules.rows) {
      const def = ruleDefinition.safeParse(r.definition);
      if (!def.success) continue;
      const out = await refreshRuleMembers(c, ws, Number(r.id), def.data, w.asOf);
      inserted += out.inserted;
      deleted += out.deleted;
      if (moved !== "all") for (const id of out.moved) moved.add(id);
      ruleIds.push(Number(r.id));
    }

    await c.query(
      `INSERT INTO segment_run (workspace_id, as_of, customers, k, silhouette, features, base, ms, built_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (workspace_id) DO UPDATE SET as_of = EXCLUDED.as_of, customers = EXCLUDED.customers, k = EXCLUDED.k,
         silhouette = EXCLUDED.silhouette, features = EXCLUDED.features, base = EXCLUDED.base, ms = EXCLUDED.ms,
         built_at = now()`,
      [
        ws,
        w.asOf,
        seg.n,
        seg.clusters.length || null,
        JSON.stringify(seg.silhouette),
        JSON.stringify(seg.scale.used),
        seg.base,
        Math.round(w.ms),
      ],
    );
    step("rules");
    await c.query("COMMIT");
    step("commit");
    return { rfmIds, clusterIds, ruleIds, inserted, deleted, moved: moved === "all" ? "all" : [...moved] };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/** Replaces one rule segment's members by what its rule selects now; updates its size. */
export async function refreshRuleMembers(
  c: pg.ClientBase,
  ws: number,
  segmentId: number,
  def: RuleDefinition,
  asOf: Date | null,
): Promise<{ inserted: number; deleted: number; size: number; moved: number[] }> {
  const rule = compileRule(def);
  const args = [ws, asOf ?? new Date(), ...rule.params];
  const n = args.length + 1;
  const del = await c.query(
    `DELETE FROM customer_segment cs WHERE cs.workspace_id = $1 AND cs.segment_id = $${n}
     AND cs.customer_id NOT IN (${rule.sql})
     RETURNING cs.customer_id`,
    [...args, segmentId],
  );
  const ins = await c.query(
    `INSERT INTO customer_segment (workspace_id, segment_id, customer_id)
     SELECT $1, $${n}, m.id FROM (${rule.sql}) m ON CONFLICT DO NOTHING
     RETURNING customer_id`,
    [...args, segmentId],
  );
  const size = await c.query<{ n: number }>(
    `UPDATE segment SET size = (SELECT count(*) FROM customer_segment WHERE workspace_id = $1 AND segment_id = $2),
       updated_at = now()
     WHERE workspace_id = $1 AND id = $2 RETURNING size AS n`,
    [ws, segmentId],
  );
  return {
    inserted: ins.rowCount ?? 0,
    deleted: del.rowCount ?? 0,
    size: size.rows[0]?.n ?? 0,
    moved: [...del.rows, ...ins.rows].map((r) => Number(r.customer_id)),
  };
}

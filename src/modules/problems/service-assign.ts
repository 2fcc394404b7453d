import type pg from "pg";
import { decodeModel } from "./codec.ts";
import { type Placer, placerOf } from "./pipeline.ts";
import {
  CLUSTER_MONTHS,
  langHintOf,
  monthsBefore,
  RECLUSTER_AFTER_GROWTH,
  reclusterWorkspace,
  reopenReturned,
} from "./service.ts";
import { assignerFor } from "./shapes.ts";
import * as store from "./store.ts";
import * as history from "./store-model.ts";

/** Placing texts that arrive between re-clusterings, with the last clustering's model and the problems' exemplars. */

type Cached = { stamp: string; place: Placer; texts: number };
const cache = new Map<number, Cached>();

/** The current model and problems of a workspace as a placer, cached until a clustering or a person changes them. */
async function cachedPlacer(pool: pg.Pool, ws: number): Promise<Cached | undefined> {
  const stamp = await history.modelStamp(pool, ws);
  if (stamp === undefined) return undefined;
  const hit = cache.get(ws);
  if (hit?.stamp === stamp) return hit;
  const row = await history.readModel(pool, ws);
  if (!row) return undefined;
  const model = decodeModel(row);
  const assign = assignerFor(model, await store.readKnownProblems(pool, ws));
  const langHint = langHintOf(await store.workspaceLocales(pool, ws));
  const entry = {
    stamp,
    place: placerOf(model, assign, new Set(row.boilerplate), langHint),
    texts: row.texts,
  };
  cache.set(ws, entry);
  return entry;
}

export type AssignResult = {
  texts: number;
  assigned: number;
  unsorted: number;
  reopened: number[];
  reclustered: boolean;
};

/**
 * Places complaint texts written (imported) since `since` that have no mention yet. Without a model the
 * workspace is clustered from scratch; when the texts placed since the last clustering grow past
 * RECLUSTER_AFTER_GROWTH of those it saw, it is clustered again.
 */
export async function assignNew(
  pool: pg.Pool,
  ws: number,
  since: Date,
  o: { now?: Date } = {},
): Promise<AssignResult> {
  const now = o.now ?? new Date();
  const placer = await cachedPlacer(pool, ws);
  if (!placer) {
    const r = await reclusterWorkspace(pool, ws, { now });
    return {
      texts: r.texts,
      assigned: r.texts - r.unsorted,
      unsorted: r.unsorted,
      reopened: r.reopened,
      reclustered: true,
    };
  }
  const texts = await store.readComplaintTexts(pool, ws, {
    since: monthsBefore(now, CLUSTER_MONTHS),
    updatedSince: since,
  });
  const rows = texts.map((t) => {
    const p = placer.place(t.text, t.language);
    return { ...t, problemId: p.key, similarity: p.similarity };
  });
  const client = await pool.connect();
  let reopened: number[] = [];
  let total = 0;
  try {
    await client.query("BEGIN");
    await store.lockWorkspace(client, ws);
    await store.insertMentions(client, ws, rows);
    await store.syncRequestProblems(client, ws);
    reopened = await reopenReturned(client, ws, now);
    total = await store.countMentions(client, ws);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  const assigned = rows.filter((r) => r.problemId !== null).length;
  const result = {
    texts: rows.length,
    assigned,
    unsorted: rows.length - assigned,
    reopened,
    reclustered: false,
  };
  if (total - placer.texts > RECLUSTER_AFTER_GROWTH * Math.max(placer.texts, 20)) {
    const r = await reclusterWorkspace(pool, ws, { now });
    return { ...result, reopened: [...reopened, ...r.reopened], reclustered: true };
  }
  return result;
}

import type pg from "pg";
import type { Language } from "../../platform/text/index.ts";
import { createAssigner } from "./assign.ts";
import { membersOf } from "./centroids.ts";
import { decodeVectors, encodeModel, toColumns } from "./codec.ts";
import { type PipelineResult, runPipeline } from "./pipeline.ts";
import { decodeCentroid, encodeShape } from "./shapes.ts";
import { rowOf } from "./sparse.ts";
import { type KnownProblem, matchClusters, resolveMerged } from "./stable-ids.ts";
import * as store from "./store.ts";
import * as history from "./store-model.ts";

/**
 * Re-clustering a workspace and placing new texts between re-clusterings. The clustering itself runs
 * before the transaction (it may take a while); the transaction then matches clusters to problems,
 * rewrites the algorithm's mentions (a person's stay), re-applies splits and reopens what came back.
 */

/** Texts older than this are left out of clustering: problems are about now. */
export const CLUSTER_MONTHS = 24;
/** A solved problem reopens when this many texts about it were written after it was solved. */
export const REOPEN_MIN_MENTIONS = 2;
/** New texts placed since the last clustering, as a share of the texts it saw, that call for a new one. */
export const RECLUSTER_AFTER_GROWTH = 0.25;

export type ProgressPhase = "read" | "analyse" | "cluster" | "name" | "write";
export type ReclusterOptions = {
  now?: Date;
  onProgress?: (phase: ProgressPhase, done: number, total: number) => void;
};

export type ReclusterResult = {
  texts: number;
  problems: number;
  matched: number;
  created: number;
  dissolved: number;
  unsorted: number;
  reopened: number[];
  ms: number;
};

export const monthsBefore = (d: Date, months: number): Date => {
  const x = new Date(d);
  x.setUTCMonth(x.getUTCMonth() - months);
  return x;
};

export const langHintOf = (locales: readonly string[]): Language | undefined =>
  locales.find((l): l is Language => l === "ru" || l === "uk" || l === "en");

type Shape = {
  label: string;
  labelLang: string;
  phrases: string[];
  quotes: { source: string; id: number }[];
  size: number;
};

export async function reclusterWorkspace(
  pool: pg.Pool,
  ws: number,
  o: ReclusterOptions = {},
): Promise<ReclusterResult> {
  const now = o.now ?? new Date();
  const started = performance.now();
  o.onProgress?.("read", 0, 1);
  const texts = await store.readComplaintTexts(pool, ws, { since: monthsBefore(now, CLUSTER_MONTHS) });
  const langHint = langHintOf(await store.workspaceLocales(pool, ws));
  const run = runPipeline(
    texts.map((t) => ({ text: t.text, lang: t.language })),
    { langHint, onProgress: (phase, done, total) => o.onProgress?.(phase, done, total) },
  );
  o.onProgress?.("write", 0, 1);
  const keys = texts.map((t) => store.keyOf(t.source, t.sourceId));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await store.lockWorkspace(client, ws);
    const result = await writeClustering(client, ws, texts, keys, run, now);
    await client.query("COMMIT");
    o.onProgress?.("write", 1, 1);
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function writeClustering(
  client: pg.PoolClient,
  ws: number,
  texts: readonly store.ComplaintText[],
  keys: readonly string[],
  run: PipelineResult,
  now: Date,
): Promise<Omit<ReclusterResult, "ms">> {
  const { clustering, model } = run;
  const known = await store.readKnownProblems(client, ws);
  const mentionRows = await store.readMentionKeys(client, ws);
  const pinned = new Map<string, number | null>();
  const sets = new Map<number, Set<string>>();
  for (const m of mentionRows) {
    const key = store.keyOf(m.source, m.sourceId);
    if (m.manual) pinned.set(key, m.problemId);
    if (m.problemId !== null) {
      if (!sets.has(m.problemId)) sets.set(m.problemId, new Set());
      sets.get(m.problemId)!.add(key);
    }
  }
  const members = membersOf(clustering.labels, clustering.k);
  const clusters = members.map((rows, c) => ({
    index: c,
    mentions: Array.from(rows, (r) => keys[r]!),
    centroid: {
      hashes: Uint32Array.from(clustering.centroids[c]!.idx, (j) => model.hashes[j]!),
      val: clustering.centroids[c]!.val,
    },
  }));
  const knownForMatch: KnownProblem[] = known.map((p) => ({
    id: p.id,
    mentions: sets.get(p.id) ?? new Set(),
    centroid: decodeCentroid(p.centroid),
    mergedInto: p.mergedInto,
  }));
  const matches = matchClusters(clusters, knownForMatch, new Set(keys));

  // Problems: one per match target; several clusters may continue one merged problem.
  const byProblem = new Map<number | string, number[]>();
  for (const m of matches) {
    const k = m.problemId ?? `new-${m.cluster}`;
    byProblem.set(k, [...(byProblem.get(k) ?? []), m.cluster]);
  }
  const clusterProblem = new Int32Array(clustering.k).fill(-1);
  const events: history.EventRow[] = [];
  let created = 0;
  for (const [k, cs] of byProblem) {
    const main = cs.reduce((a, b) => (members[b]!.length > members[a]!.length ? b : a));
    const draft = run.problems[main]!;
    const shape: Shape = {
      label: draft.label,
      labelLang: draft.lang,
      phrases: [...draft.phrases],
      quotes: draft.quotes.map((r) => ({ source: texts[r]!.source, id: texts[r]!.sourceId })),
      size: cs.reduce((s, c) => s + members[c]!.length, 0),
    };
    const stored = encodeShape(
      model,
      clustering.centroids[main]!,
      cs.flatMap((c) => clustering.exemplars[c]!),
    );
    let id: number;
    if (typeof k === "string") {
      id = await store.insertProblem(client, ws, { ...shape, ...stored }, now);
      events.push({
        problemId: id,
        kind: "created",
        actorId: null,
        payload: { label: shape.label, size: shape.size },
      });
      created++;
    } else {
      id = k;
      await store.updateProblemShape(client, ws, id, { ...shape, ...stored }, now);
    }
    for (const c of cs) clusterProblem[c] = id;
  }

  const problemOfRow = Int32Array.from(clustering.labels, (c) => (c >= 0 ? clusterProblem[c]! : -1));
  resplit(run, known, problemOfRow);

  const rows: store.MentionRow[] = [];
  texts.forEach((t, i) => {
    if (pinned.has(keys[i]!)) return;
    const p = problemOfRow[i]!;
    rows.push({
      source: t.source,
      sourceId: t.sourceId,
      problemId: p >= 0 ? p : null,
      customerId: t.customerId,
      channel: t.channel,
      locationId: t.locationId,
      createdAt: t.createdAt,
      similarity: p >= 0 ? clustering.similarity[i]! : 0,
    });
  });
  await store.replaceAutoMentions(client, ws, rows);
  await store.syncRequestProblems(client, ws);

  const alive = new Set<number>(clusterProblem);
  for (const v of pinned.values()) if (v !== null) alive.add(v);
  const gone = known.filter((p) => p.mergedInto === null && !alive.has(p.id) && p.dissolvedAt === null);
  await store.markDissolved(
    client,
    ws,
    gone.map((p) => p.id),
    now,
  );
  for (const p of gone) events.push({ problemId: p.id, kind: "dissolved", actorId: null, payload: {} });
  await history.addEvents(client, ws, events, now);
  await history.writeModel(client, ws, {
    ...encodeModel(model),
    texts: texts.length,
    problems: byProblem.size,
    diagnostics: { ...clustering.diagnostics, clusters: clustering.k },
    ms: 0,
    builtAt: now,
    boilerplate: [...run.boilerplate],
  });
  const reopened = await reopenReturned(client, ws, now);
  return {
    texts: texts.length,
    problems: byProblem.size,
    matched: byProblem.size - created,
    created,
    dissolved: gone.length,
    unsorted: rows.filter((r) => r.problemId === null).length,
    reopened,
  };
}

/**
 * A person split problem B off problem A: texts the algorithm put in A that are nearer B's exemplars than
 * A's go to B, so the split holds for texts that arrive after it too.
 */
function resplit(
  run: PipelineResult,
  known: readonly store.KnownProblemRow[],
  problemOfRow: Int32Array,
): void {
  const byId = new Map(
    known.map((p) => [
      p.id,
      { id: p.id, mentions: new Set<string>(), centroid: null, mergedInto: p.mergedInto },
    ]),
  );
  for (const b of known) {
    if (b.splitFrom === null || b.mergedInto !== null || !b.exemplars || !b.centroid) continue;
    const a = resolveMerged(b.splitFrom, byId);
    const rowsOfA: number[] = [];
    problemOfRow.forEach((p, i) => {
      if (p === a) rowsOfA.push(i);
    });
    if (rowsOfA.length === 0) continue;
    const c = run.clustering.labels[rowsOfA[0]!]!;
    const assign = createAssigner(
      [
        { key: a, centroid: run.clustering.centroids[c]!, exemplars: run.clustering.exemplars[c]! },
        {
          key: b.id,
          centroid: toColumns(decodeCentroid(b.centroid)!, run.model),
          exemplars: decodeVectors(b.exemplars).map((e) => toColumns(e, run.model)),
        },
      ],
      run.model.hashes.length,
    );
    for (const i of rowsOfA) if (assign(rowOf(run.matrix, i)).key === b.id) problemOfRow[i] = b.id;
  }
}

/** Reopens solved problems whose texts came back, tells their owners, and returns their ids. */
export async function reopenReturned(db: store.Q, ws: number, now: Date): Promise<number[]> {
  const back = await history.readReturned(db, ws, REOPEN_MIN_MENTIONS);
  if (back.length === 0) return [];
  await history.reopen(
    db,
    ws,
    back.map((p) => p.id),
    now,
  );
  await history.addEvents(
    db,
    ws,
    back.map((p) => ({
      problemId: p.id,
      kind: "reopened",
      actorId: null,
      payload: { returned: p.returned },
    })),
    now,
  );
  for (const p of back) {
    if (p.ownerId === null) continue;
    await history.notify(
      db,
      ws,
      p.ownerId,
      "problem_reopened",
      { problemId: p.id, label: p.label, returned: p.returned },
      now,
    );
  }
  return back.map((p) => p.id);
}

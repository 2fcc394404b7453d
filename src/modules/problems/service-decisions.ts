import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { analyze } from "../../platform/text/index.ts";
import { describe } from "./cluster.ts";
import { decodeModel } from "./codec.ts";
import { addTerms, createTermTable, nameClusters } from "./label.ts";
import { type Actor, inTransaction, live } from "./service-manage.ts";
import { encodeShape } from "./shapes.ts";
import { csrFromRows } from "./sparse.ts";
import * as store from "./store.ts";
import * as detail from "./store-detail.ts";
import * as manage from "./store-manage.ts";
import * as history from "./store-model.ts";
import { hashFeatures, vectorOf } from "./vectors.ts";

/**
 * A person's decisions. Each is logged in problem_decision and in the problems' history, and leaves its
 * effect where re-clustering respects it: merged problems become aliases (stable-ids.ts sends their texts
 * on), split-off texts and moved texts are pinned (manual mentions stay put) and a split problem keeps its
 * exemplars (service.ts re-splits), renames live in custom_label, "not a problem" in the dismissed flag.
 */

/** Merges `sources` into `target`: their texts become the target's; they remain as aliases. */
export async function mergeProblems(
  pool: pg.Pool,
  ws: number,
  target: number,
  sources: readonly number[],
  actor: Actor,
  now: Date,
): Promise<void> {
  const others = [...new Set(sources)].filter((s) => s !== target);
  if (others.length === 0)
    throw new AppError("validation", "Name at least one other problem to merge", [
      { path: "ids", message: "empty" },
    ]);
  await inTransaction(pool, ws, async (c) => {
    await live(c, ws, target);
    for (const s of others) await live(c, ws, s);
    await manage.mergeInto(c, ws, target, others, now);
    await detail.touch(c, ws, [target], now);
    for (const s of others)
      await detail.addDecision(c, ws, { kind: "merge", problemId: s, targetId: target, by: actor }, now);
    await history.addEvents(
      c,
      ws,
      [
        { problemId: target, kind: "merged", actorId: actor, payload: { from: others } },
        ...others.map((s) => ({
          problemId: s,
          kind: "merged_into",
          actorId: actor,
          payload: { into: target },
        })),
      ],
      now,
    );
  });
}

/** Splits the given texts off `id` into a new problem, named from what sets them apart. */
export async function splitProblem(
  pool: pg.Pool,
  ws: number,
  id: number,
  mentionKeys: readonly string[],
  label: string | null,
  actor: Actor,
  now: Date,
): Promise<number> {
  const keys = mentionKeys.map((k) => store.parseKey(k));
  if (keys.length === 0 || keys.some((k) => k === undefined)) {
    throw new AppError("validation", "mentionIds must be like request-12 or feedback-7", [
      { path: "mentionIds", message: "invalid" },
    ]);
  }
  return inTransaction(pool, ws, async (c) => {
    await live(c, ws, id);
    const texts = await manage.readProblemTexts(c, ws, id);
    const chosen = new Set(mentionKeys);
    const inside = texts.map((t) => chosen.has(store.keyOf(t.source, t.sourceId)));
    const count = inside.filter(Boolean).length;
    if (count !== chosen.size)
      throw new AppError("validation", "Every mention to split off must belong to this problem", [
        { path: "mentionIds", message: "not in problem" },
      ]);
    if (count === texts.length)
      throw new AppError("validation", "Leave at least one mention in the problem", [
        { path: "mentionIds", message: "all" },
      ]);
    const modelRow = await history.readModel(c, ws);
    const terms = createTermTable();
    const analyses = texts.map((t) => analyze(t.text, t.language ?? undefined));
    for (const a of analyses) addTerms(terms, a);
    const name = nameClusters(
      terms,
      Int32Array.from(inside, (x) => (x ? 0 : -1)),
      1,
    )[0]!;
    let shape: { centroid: Buffer | null; exemplars: Buffer | null } = { centroid: null, exemplars: null };
    if (modelRow) {
      const model = decodeModel(modelRow);
      const rows = analyses
        .filter((_, i) => inside[i])
        .map((a) => vectorOf(model, hashFeatures(a, model.params)));
      const m = csrFromRows(rows, model.hashes.length);
      const d = describe(
        m,
        new Int32Array(m.rows),
        1,
        { centroidLimit: 400, exemplars: 32, seed: 1 },
        { sampled: 0, edges: 0, modularity: 0 },
      );
      shape = encodeShape(model, d.centroids[0]!, d.exemplars[0]!);
    }
    const newId = await manage.insertSplit(
      c,
      ws,
      id,
      {
        label: name.label,
        labelLang: name.lang,
        phrases: [...name.phrases],
        customLabel: label?.trim() || null,
        ...shape,
        size: count,
      },
      now,
    );
    await manage.pinMentions(c, ws, keys as { source: store.SourceKind; id: number }[], newId, id);
    await detail.touch(c, ws, [id], now);
    await detail.addDecision(
      c,
      ws,
      { kind: "split", problemId: id, targetId: newId, payload: { mentions: mentionKeys }, by: actor },
      now,
    );
    await history.addEvents(
      c,
      ws,
      [
        { problemId: id, kind: "split", actorId: actor, payload: { into: newId, mentions: count } },
        { problemId: newId, kind: "split_from", actorId: actor, payload: { from: id, mentions: count } },
      ],
      now,
    );
    return newId;
  });
}

/** Pins one text to another problem, or (to = null) says it is not about a problem at all. */
export async function moveMention(
  pool: pg.Pool,
  ws: number,
  from: number,
  key: string,
  to: number | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  const k = store.parseKey(key);
  if (!k)
    throw new AppError("validation", "A mention id looks like request-12 or feedback-7", [
      { path: "mid", message: "invalid" },
    ]);
  await inTransaction(pool, ws, async (c) => {
    if (to !== null) await live(c, ws, to);
    const moved = await manage.pinMentions(c, ws, [k], to, from);
    if (moved === 0) throw new AppError("not_found", `Problem ${from} has no mention ${key}`);
    await detail.touch(c, ws, to === null ? [from] : [from, to], now);
    await detail.addDecision(
      c,
      ws,
      { kind: "move", problemId: from, targetId: to, source: k.source, sourceId: k.id, by: actor },
      now,
    );
    const events: history.EventRow[] = [
      { problemId: from, kind: "mention_moved_out", actorId: actor, payload: { mention: key, to } },
    ];
    if (to !== null)
      events.push({
        problemId: to,
        kind: "mention_moved_in",
        actorId: actor,
        payload: { mention: key, from },
      });
    await history.addEvents(c, ws, events, now);
  });
}

export async function setNotAProblem(
  pool: pg.Pool,
  ws: number,
  id: number,
  dismissed: boolean,
  actor: Actor,
  now: Date,
): Promise<void> {
  await inTransaction(pool, ws, async (c) => {
    await live(c, ws, id);
    await manage.setDismissed(c, ws, id, dismissed, now);
    await detail.addDecision(
      c,
      ws,
      { kind: dismissed ? "not_a_problem" : "restore", problemId: id, by: actor },
      now,
    );
    await history.addEvents(
      c,
      ws,
      [{ problemId: id, kind: dismissed ? "dismissed" : "restored", actorId: actor, payload: {} }],
      now,
    );
  });
}

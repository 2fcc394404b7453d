import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import * as store from "./store.ts";
import * as detail from "./store-detail.ts";
import * as manage from "./store-manage.ts";
import * as history from "./store-model.ts";

/** A problem's lifecycle: name, owner, status, due date, comments, initiatives (decisions: service-decisions.ts). */

export type Actor = number | null;
export type Status = "new" | "acknowledged" | "in_progress" | "solved" | "wont_fix";

export async function inTransaction<T>(
  pool: pg.Pool,
  ws: number,
  work: (c: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await store.lockWorkspace(client, ws);
    const out = await work(client);
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** The problem must exist and not be merged into another (404 / 409 otherwise). */
export async function live(db: store.Q, ws: number, id: number): Promise<void> {
  const p = await manage.problemExists(db, ws, id);
  if (!p) throw new AppError("not_found", `No problem ${id}`);
  if (p.mergedInto !== null)
    throw new AppError("conflict", `Problem ${id} was merged into problem ${p.mergedInto}`, {
      mergedInto: p.mergedInto,
    });
}

export type PatchInput = {
  customLabel?: string | null;
  ownerId?: number | null;
  status?: Status;
  dueDate?: string | null;
};

export async function patchProblem(
  pool: pg.Pool,
  ws: number,
  id: number,
  patch: PatchInput,
  actor: Actor,
  now: Date,
): Promise<void> {
  await inTransaction(pool, ws, async (c) => {
    await live(c, ws, id);
    if (
      patch.ownerId !== undefined &&
      patch.ownerId !== null &&
      !(await detail.isMember(c, ws, patch.ownerId))
    ) {
      throw new AppError("validation", "The owner must be a member of this workspace", [
        { path: "ownerId", message: "not a member" },
      ]);
    }
    const label = patch.customLabel === undefined ? undefined : patch.customLabel?.trim() || null;
    await detail.updateProblem(c, ws, id, { ...patch, customLabel: label }, now);
    const events: history.EventRow[] = [];
    const event = (kind: string, payload: object): void => {
      events.push({ problemId: id, kind, actorId: actor, payload });
    };
    if (label !== undefined) {
      await detail.addDecision(c, ws, { kind: "rename", problemId: id, payload: { label }, by: actor }, now);
      event("renamed", { label });
    }
    if (patch.ownerId !== undefined) event("owner_changed", { ownerId: patch.ownerId });
    if (patch.status !== undefined) event("status_changed", { status: patch.status });
    if (patch.dueDate !== undefined) event("due_date_changed", { dueDate: patch.dueDate });
    await history.addEvents(c, ws, events, now);
  });
}

export async function comment(
  pool: pg.Pool,
  ws: number,
  id: number,
  body: string,
  actor: Actor,
  now: Date,
): Promise<number> {
  return inTransaction(pool, ws, async (c) => {
    await live(c, ws, id);
    const commentId = await detail.addComment(c, ws, id, actor, body, now);
    await history.addEvents(
      c,
      ws,
      [{ problemId: id, kind: "commented", actorId: actor, payload: { commentId } }],
      now,
    );
    return commentId;
  });
}

export async function linkInitiative(
  pool: pg.Pool,
  ws: number,
  id: number,
  initiativeId: number,
  on: boolean,
  actor: Actor,
  now: Date,
): Promise<void> {
  await inTransaction(pool, ws, async (c) => {
    await live(c, ws, id);
    if (!(await detail.initiativeExists(c, ws, initiativeId)))
      throw new AppError("not_found", `No initiative ${initiativeId}`);
    const changed = on
      ? await detail.link(c, ws, id, initiativeId, actor, now)
      : await detail.unlink(c, ws, id, initiativeId);
    if (changed) {
      await history.addEvents(
        c,
        ws,
        [
          {
            problemId: id,
            kind: on ? "initiative_linked" : "initiative_unlinked",
            actorId: actor,
            payload: { initiativeId },
          },
        ],
        now,
      );
    }
  });
}

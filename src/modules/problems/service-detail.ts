import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { rateChange } from "./rank.ts";
import { type ListQuery, listProblems } from "./service-rank.ts";
import { keyOf, type SourceKind } from "./store.ts";
import * as detail from "./store-detail.ts";
import * as read from "./store-rank.ts";

/** Everything a problem's page shows: its figures, quotes, mentions (filtered, paged), history, comments, initiatives. */

export type DetailQuery = ListQuery & { source?: SourceKind; offset: number; limit: number };

export async function problemDetail(
  pool: pg.Pool,
  ws: { id: number; currency: string; timeZone: string },
  id: number,
  q: DetailQuery,
  now: Date,
) {
  const list = await listProblems(pool, ws, q, now, id);
  const item = list.problems[0];
  if (!item) throw new AppError("not_found", `No problem ${id}`);
  const meta = (await read.readMeta(pool, ws.id, id))[0]!;
  const [quotes, mentions, history, comments, initiatives, mergedFrom] = await Promise.all([
    detail.readQuotes(pool, ws.id, meta.quotes),
    detail.readMentions(pool, ws.id, id, {
      channel: q.channel,
      locationId: q.location,
      segmentId: q.segment,
      source: q.source,
      from: q.from,
      to: q.to,
      offset: q.offset,
      limit: q.limit,
    }),
    detail.readEvents(pool, ws.id, id),
    detail.readComments(pool, ws.id, id),
    detail.readInitiatives(pool, ws.id, id, list.window.to, {
      channel: q.channel,
      locationId: q.location,
      segmentId: q.segment,
    }),
    detail.readAliases(pool, ws.id, id),
  ]);
  return {
    window: list.window,
    problem: {
      ...item,
      mergedInto: meta.mergedInto,
      splitFrom: meta.splitFrom,
      dissolvedAt: meta.dissolvedAt,
      mergedFrom,
    },
    quotes: quotes.map((x) => ({
      mentionId: keyOf(x.source, x.sourceId),
      text: x.text,
      createdAt: x.createdAt,
    })),
    mentions: {
      total: mentions.total,
      offset: q.offset,
      limit: q.limit,
      items: mentions.items.map((m) => ({
        id: keyOf(m.source, m.sourceId),
        source: m.source,
        sourceId: m.sourceId,
        text: m.text,
        customer: m.customerId !== null ? { id: m.customerId, name: m.customerName } : null,
        channel: m.channel,
        location: m.locationId !== null ? { id: m.locationId, name: m.locationName } : null,
        createdAt: m.createdAt,
        similarity: m.similarity,
        manual: m.manual,
        score: m.score,
      })),
    },
    history: history.map((e) => ({
      id: e.id,
      kind: e.kind,
      actor: e.actorId !== null ? { id: e.actorId, name: e.actorName } : null,
      payload: e.payload as Record<string, unknown>,
      createdAt: e.createdAt,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      author: c.authorId !== null ? { id: c.authorId, name: c.authorName } : null,
      body: c.body,
      createdAt: c.createdAt,
    })),
    // What each linked pedal did to this problem: mentions per 30 days before and after it (DOMAIN.md: every
    // initiative is measured on the needle; here on the problem it was meant to fix).
    initiatives: initiatives.map((i) => ({
      ...i,
      per30Before: (i.before * 30) / 180,
      per30After: i.afterDays >= 30 ? (i.after * 30) / i.afterDays : null,
      change: i.afterDays >= 30 ? rateChange(i.after, i.afterDays, i.before, 180) : ("flat" as const),
    })),
  };
}

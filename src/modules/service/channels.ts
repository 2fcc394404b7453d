import { type Channel, HOUR, type Kind, type Month } from "./types.ts";

/**
 * Channels customers use, and customers who had to try a second one.
 *
 * The two-channel rule ("tried two channels for the same matter"): a request R is a second-channel try
 * when the same customer wrote an earlier request E such that
 *   1. E came through another channel than R,
 *   2. R was written within 72 hours after E (inclusive), and
 *   3. E was not resolved yet when R was written (no resolved_at, or resolved_at after R's created_at).
 * Praise is never a matter one chases, so praise is ignored on both sides. Condition 3 is what makes it
 * "the same matter" rather than two unrelated ones; requests have no thread id to say it outright.
 */

export const TWO_CHANNEL_WINDOW_MS = 72 * HOUR;

export type ChannelRequest = {
  id: number;
  channel: Channel;
  kind: Kind;
  createdAt: number;
  resolvedAt: number | null;
};

/**
 * The rule applied to a stream of requests in (created_at, id) order, any number of customers mixed: each
 * call returns the channel tried before, or null. It keeps only each customer's last 72 hours, so a
 * million requests stream through in little memory.
 */
export function twoChannelTracker(windowMs: number = TWO_CHANNEL_WINDOW_MS) {
  const recent = new Map<number, ChannelRequest[]>();
  let calls = 0;
  return (customerId: number | null, r: ChannelRequest): Channel | null => {
    if (customerId === null) return null;
    if (++calls % 100_000 === 0) {
      for (const [id, list] of recent) {
        const last = list[list.length - 1];
        if (!last || r.createdAt - last.createdAt > windowMs) recent.delete(id);
      }
    }
    if (r.kind === "praise") return null;
    let list = recent.get(customerId);
    if (!list) {
      list = [];
      recent.set(customerId, list);
    }
    while (list.length > 0 && r.createdAt - (list[0] as ChannelRequest).createdAt > windowMs) list.shift();
    let previous: Channel | null = null;
    for (let j = list.length - 1; j >= 0; j--) {
      const e = list[j] as ChannelRequest;
      if (e.channel === r.channel) continue;
      if (e.resolvedAt !== null && e.resolvedAt <= r.createdAt) continue;
      previous = e.channel;
      break;
    }
    list.push(r);
    return previous;
  };
}

/**
 * For one customer's requests (any order), the id of each second-channel try → the channel tried before
 * (the most recent qualifying earlier request).
 */
export function secondChannelTries(
  requests: readonly ChannelRequest[],
  windowMs: number = TWO_CHANNEL_WINDOW_MS,
): Map<number, Channel> {
  const out = new Map<number, Channel>();
  const next = twoChannelTracker(windowMs);
  const sorted = [...requests].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
  for (const r of sorted) {
    const previous = next(0, r);
    if (previous !== null) out.set(r.id, previous);
  }
  return out;
}

export type ChannelShift = {
  months: Month[];
  channels: Array<{
    channel: Channel;
    /** Requests per month, aligned with `months`. */
    counts: number[];
    /** Share of the month's requests, aligned with `months` (null in an empty month). */
    shares: Array<number | null>;
    /** Share over the first and the last quarter of the months, and the change in percentage points. */
    firstShare: number | null;
    lastShare: number | null;
    changePoints: number | null;
  }>;
};

/**
 * Channel shift: how the mix of channels moves month by month. The change compares the first and the
 * last quarter of the months shown (at least one month each), so one noisy month does not make a trend.
 */
export function channelShift(
  months: Month[],
  counts: ReadonlyMap<Channel, ReadonlyMap<Month, number>>,
): ChannelShift {
  const totals = months.map((m) => [...counts.values()].reduce((s, byMonth) => s + (byMonth.get(m) ?? 0), 0));
  const edge = Math.max(1, Math.floor(months.length / 4));
  const head = months.slice(0, edge);
  const tail = months.slice(Math.max(0, months.length - edge));
  const sumOver = (byMonth: ReadonlyMap<Month, number> | undefined, ms: Month[]) =>
    ms.reduce((s, m) => s + (byMonth?.get(m) ?? 0), 0);
  const allOver = (ms: Month[]) => ms.reduce((s, m) => s + (totals[months.indexOf(m)] ?? 0), 0);
  const channels = [...counts.keys()]
    .map((channel) => {
      const byMonth = counts.get(channel);
      const c = months.map((m) => byMonth?.get(m) ?? 0);
      const headAll = allOver(head);
      const tailAll = allOver(tail);
      const firstShare = headAll > 0 ? sumOver(byMonth, head) / headAll : null;
      const lastShare = tailAll > 0 ? sumOver(byMonth, tail) / tailAll : null;
      return {
        channel,
        counts: c,
        shares: c.map((x, i) => ((totals[i] ?? 0) > 0 ? x / (totals[i] as number) : null)),
        firstShare,
        lastShare,
        changePoints: firstShare !== null && lastShare !== null ? 100 * (lastShare - firstShare) : null,
      };
    })
    .filter((c) => c.counts.some((x) => x > 0))
    .sort((a, b) => b.counts.reduce((s, x) => s + x, 0) - a.counts.reduce((s, x) => s + x, 0));
  return { months, channels };
}

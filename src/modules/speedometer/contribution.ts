import { type Accumulator, F, NF } from "./accumulator.ts";
import {
  type HistoryBatch,
  ORDER_COMPLETED,
  ORDER_FULL_PRICE,
  ORDER_REFERRED,
  ORDER_WAITED,
} from "./batch.ts";
import { DAY_MS, type LocalClock, monthIndex, monthStart } from "./local-time.ts";

/**
 * Customers' contributions to every rollup count (DOMAIN.md "The speedometer: definitions"), added to
 * the accumulator with a sign: +1 to count customers in, −1 to take back what was counted before.
 *
 * Repeat without scanning windows: for a completed order at a with the customer's next one at n, the
 * customer is in the cohort of month-end t exactly when a is the last purchase before t − W and
 * a ≥ t − 2W, i.e. t ∈ (a + W, min(a + 2W, n + W)], and came back when also n < t. These ranges are
 * disjoint per customer, so a +1 where one starts and a −1 where it ends (a difference array; the store
 * keeps running sums) counts each customer at most once per month. Month k's figures use t = the start
 * of month k + 1, so a range (x, y] of t is the months [month(x), month(y) − 1].
 */
export type ContributionOptions = {
  windowDays: number;
  toLocal: LocalClock;
  /** false: the whole business only (a group of customers has no breakdown). */
  dims: boolean;
};

const MINUTE = 60_000;

/** The months a batch can touch: from its first event to W·2 after its last. */
export function monthsTouched(batches: readonly HistoryBatch[], o: ContributionOptions): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const b of batches) {
    for (const col of [
      b.orderAt.subarray(0, b.orderStart[b.size]),
      b.compAt.subarray(0, b.compStart[b.size]),
    ]) {
      for (let i = 0; i < col.length; i++) {
        const v = col[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  }
  if (lo > hi) return [0, 0];
  const first = monthIndex(o.toLocal(lo * MINUTE));
  const last = monthIndex(o.toLocal(hi * MINUTE) + 2 * o.windowDays * DAY_MS) + 1;
  return [first, last];
}

/** Whether the ascending values [from, to) of `sorted` hold one in [lo, hi). */
function anyIn(sorted: Float64Array, n: number, lo: number, hi: number): boolean {
  let a = 0;
  let b = n;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! < lo) a = mid + 1;
    else b = mid;
  }
  return a < n && sorted[a]! < hi;
}

/** Index of the last value ≤ x in the ascending list (first n values), or −1. */
function lastAtOrBefore(sorted: Float64Array, n: number, x: number): number {
  let a = 0;
  let b = n;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (sorted[mid]! <= x) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

export function contributeBatch(
  b: HistoryBatch,
  o: ContributionOptions,
  sign: 1 | -1,
  acc: Accumulator,
): void {
  const W = o.windowDays * DAY_MS;
  const W2 = 2 * W;
  const base = acc.base;
  const channelOf = Int32Array.from(b.channels, (name) => acc.channelId(name));
  let local = new Float64Array(64);
  let doneRow = new Int32Array(64);
  let g: Float64Array = acc.grid(acc.comboSlot(Number.NaN, -1));
  let sg: Float64Array | null = null;
  const add = (cell: number, v: number) => {
    g[cell]! += v;
    if (sg !== null) sg[cell]! += v;
  };
  const slotOf = (location: number, channel: number) =>
    o.dims ? acc.comboSlot(location, channel < 0 ? -1 : channelOf[channel]!) : acc.comboSlot(Number.NaN, -1);

  for (let c = 0; c < b.size; c++) {
    const s0 = b.orderStart[c]!;
    const s1 = b.orderStart[c + 1]!;
    const seg0 = b.segStart[c]!;
    const seg1 = b.segStart[c + 1]!;
    sg = o.dims && seg1 > seg0 ? acc.grid(acc.segsetSlot(b.segments.subarray(seg0, seg1))) : null;
    if (local.length < s1 - s0) local = new Float64Array(2 * (s1 - s0));
    if (doneRow.length < s1 - s0) doneRow = new Int32Array(2 * (s1 - s0));
    let nc = 0;
    for (let i = s0; i < s1; i++) {
      if (!(b.flags[i]! & ORDER_COMPLETED)) continue;
      doneRow[nc] = i;
      local[nc++] = o.toLocal(b.orderAt[i]! * MINUTE);
    }

    let ci = 0;
    let lastLoc = Number.NaN;
    let lastCh = -2;
    for (let i = s0; i < s1; i++) {
      const f = b.flags[i]!;
      const completed = (f & ORDER_COMPLETED) !== 0;
      const a = completed ? local[ci]! : o.toLocal(b.orderAt[i]! * MINUTE);
      const loc = b.location[i]!;
      const ch = b.channel[i]!;
      if (ch !== lastCh || !(loc === lastLoc || (Number.isNaN(loc) && Number.isNaN(lastLoc)))) {
        g = acc.grid(slotOf(loc, ch));
        lastLoc = loc;
        lastCh = ch;
      }
      const p0 = (monthIndex(a) - base) * NF;
      if (f & ORDER_WAITED) {
        add(p0 + F.waitOrders, sign);
        if (completed) add(p0 + F.waitCompleted, sign);
      }
      if (!completed) continue;
      const amount = b.amount[i]!;
      add(p0 + F.orders, sign);
      add(p0 + F.revenue, sign * amount);
      add(p0 + F.revenueSq, sign * amount * amount);
      if (f & ORDER_FULL_PRICE) {
        add(p0 + F.ordersFull, sign);
        add(p0 + F.revenueFull, sign * amount);
      }
      if (ci === 0) {
        add(p0 + F.newCustomers, sign);
        if (b.referred[c] === 1 || f & ORDER_REFERRED) add(p0 + F.newReferred, sign);
      }
      const hasNext = ci + 1 < nc;
      const n = hasNext ? local[ci + 1]! : 0;
      const baseStart = monthIndex(a + W) - base;
      const end = monthIndex(hasNext ? Math.min(a + W2, n + W) : a + W2) - base;
      if (baseStart < end) {
        add(baseStart * NF + F.repeatBase, sign);
        add(end * NF + F.repeatBase, -sign);
        if (hasNext) {
          const returnedStart = monthIndex(Math.max(a + W, n)) - base;
          if (returnedStart < end) {
            add(returnedStart * NF + F.repeatReturned, sign);
            add(end * NF + F.repeatReturned, -sign);
          }
        }
      }
      ci++;
    }

    // Recovery: complained in [t − 2W, t − W) iff t ∈ (c + W, c + 2W]; came back iff a completed order lies
    // in [t − W, t). The latest such complaint places the customer: its location (else that of the last
    // purchase at or before it) and the channel of that purchase, the channel the customer buys through.
    const k0 = b.compStart[c]!;
    const k1 = b.compStart[c + 1]!;
    if (k1 === k0) continue;
    const latest = new Map<number, number>();
    const placeAt = new Map<number, number>();
    for (let j = k0; j < k1; j++) {
      const at = o.toLocal(b.compAt[j]! * MINUTE);
      placeAt.set(j, lastAtOrBefore(local, nc, at));
      const last = monthIndex(at + W2) - 1;
      for (let k = monthIndex(at + W); k <= last; k++) latest.set(k, j);
    }
    for (const [k, j] of latest) {
      const t = monthStart(k + 1);
      const bought = placeAt.get(j)!;
      const row = bought < 0 ? -1 : doneRow[bought]!;
      const own = b.compLocation[j]!;
      g = acc.grid(
        slotOf(Number.isNaN(own) && row >= 0 ? b.location[row]! : own, row >= 0 ? b.channel[row]! : -1),
      );
      lastCh = -2;
      const p = (k - base) * NF;
      add(p + F.recoveryBase, sign);
      if (anyIn(local, nc, t - W, t)) add(p + F.recoveryReturned, sign);
    }
  }
}

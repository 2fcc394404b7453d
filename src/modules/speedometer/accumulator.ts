import { monthIndexToString } from "./local-time.ts";
import type { Dimension } from "./types.ts";

/**
 * Sums of every rollup field per slot and month, in flat typed arrays: a rebuild adds tens of millions of
 * small numbers here. A slot is a (location, channel) pair or a set of segments, so each event is added
 * once or twice; rows() then sums the slots into the whole business, each location, each channel and
 * each segment.
 */
export const FIELDS = [
  "repeat_base_delta",
  "repeat_returned_delta",
  "recovery_base",
  "recovery_returned",
  "orders",
  "orders_full",
  "revenue",
  "revenue_full",
  "revenue_sq",
  "wait_orders",
  "wait_completed",
  "new_customers",
  "new_referred",
] as const;
export const NF = FIELDS.length;

export const F = {
  repeatBase: 0,
  repeatReturned: 1,
  recoveryBase: 2,
  recoveryReturned: 3,
  orders: 4,
  ordersFull: 5,
  revenue: 6,
  revenueFull: 7,
  revenueSq: 8,
  waitOrders: 9,
  waitCompleted: 10,
  newCustomers: 11,
  newReferred: 12,
} as const;

export type RollupRow = { dim: "all" | Dimension; value: string; month: string; values: number[] };

export type Accumulator = {
  /** First month index held; an event's cell is grid(slot)[(month − base) · NF + field]. */
  readonly base: number;
  readonly months: number;
  channelId: (name: string) => number;
  /** location: an id or NaN; channel: a channelId or −1. */
  comboSlot: (location: number, channel: number) => number;
  /** A customer's segments (sorted ids). */
  segsetSlot: (segments: ArrayLike<number>) => number;
  grid: (slot: number) => Float64Array;
  rows: () => RollupRow[];
};

export function createAccumulator(firstMonth: number, lastMonth: number): Accumulator {
  const months = Math.max(1, lastMonth - firstMonth + 1);
  const grids: Float64Array[] = [];
  const combos: Array<{ slot: number; location: number; channel: number }> = [];
  const segsets: Array<{ slot: number; segments: number[] }> = [];
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  const byCombo = new Map<number, Map<number, number>>();
  const bySegset = new Map<string, number>();
  const newGrid = () => grids.push(new Float64Array(months * NF)) - 1;

  function comboSlot(location: number, channel: number): number {
    const key = Number.isNaN(location) ? -1 : location;
    let inner = byCombo.get(key);
    if (!inner) {
      inner = new Map();
      byCombo.set(key, inner);
    }
    let slot = inner.get(channel);
    if (slot === undefined) {
      slot = newGrid();
      inner.set(channel, slot);
      combos.push({ slot, location, channel });
    }
    return slot;
  }

  function segsetSlot(segments: ArrayLike<number>): number {
    const list = Array.from(segments);
    const key = list.join(",");
    let slot = bySegset.get(key);
    if (slot === undefined) {
      slot = newGrid();
      bySegset.set(key, slot);
      segsets.push({ slot, segments: list });
    }
    return slot;
  }

  function rows(): RollupRow[] {
    const sums = new Map<string, { dim: "all" | Dimension; value: string; g: Float64Array }>();
    const into = (dim: "all" | Dimension, value: string, from: Float64Array) => {
      const k = `${dim}\u0000${value}`;
      let s = sums.get(k);
      if (!s) {
        s = { dim, value, g: new Float64Array(months * NF) };
        sums.set(k, s);
      }
      for (let i = 0; i < from.length; i++) s.g[i]! += from[i]!;
    };
    for (const c of combos) {
      const g = grids[c.slot]!;
      into("all", "", g);
      if (!Number.isNaN(c.location)) into("location", String(c.location), g);
      if (c.channel >= 0) into("channel", channels[c.channel]!, g);
    }
    for (const s of segsets) for (const id of s.segments) into("segment", String(id), grids[s.slot]!);
    const out: RollupRow[] = [];
    for (const s of sums.values()) {
      for (let m = 0; m < months; m++) {
        const values = Array.from(s.g.subarray(m * NF, (m + 1) * NF));
        if (values.every((x) => x === 0)) continue;
        out.push({ dim: s.dim, value: s.value, month: monthIndexToString(firstMonth + m), values });
      }
    }
    return out;
  }

  return {
    base: firstMonth,
    months,
    channelId(name) {
      let k = channelIndex.get(name);
      if (k === undefined) {
        k = channels.push(name) - 1;
        channelIndex.set(name, k);
      }
      return k;
    },
    comboSlot,
    segsetSlot,
    grid: (slot) => grids[slot]!,
    rows,
  };
}

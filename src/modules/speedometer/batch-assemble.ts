import type { HistoryBatch } from "./batch.ts";
import type { BinaryRow } from "./copy-binary.ts";
import { byCustomer, group, mergeDistinct } from "./group-rows.ts";

/**
 * Builds a columnar batch from rows as they stream in (orders, complaints, referrers, segments), then
 * groups them by customer and puts each customer's rows in time order. Pure: rows in, batch out. Written
 * for millions of rows: typed arrays, a sorted id list instead of a hash map, counting sorts.
 */

const MINUTE = 60_000;

/** Growable numeric columns (column-major: each column is read and gathered on its own). */
function columnSet(names: readonly string[], capacity: number) {
  let size = Math.max(1024, Math.ceil(capacity));
  const cols: Float64Array[] = names.map(() => new Float64Array(size));
  let rows = 0;
  return {
    cols,
    /** Index of a new row. */
    next(): number {
      if (rows === size) {
        size *= 2;
        for (let c = 0; c < cols.length; c++) {
          const bigger = new Float64Array(size);
          bigger.set(cols[c]!);
          cols[c] = bigger;
        }
      }
      return rows++;
    },
    get rows() {
      return rows;
    },
  };
}

/** Channel names repeat endlessly: compare bytes with the ones seen, decode only new ones. */
function channelDictionary() {
  const names: string[] = [];
  const bytes: Buffer[] = [];
  let last = -1;
  return {
    names,
    of(r: BinaryRow, i: number): number {
      if (r.isNull(i)) return -1;
      if (last >= 0 && r.equals(i, bytes[last]!)) return last;
      let k = 0;
      while (k < bytes.length && !r.equals(i, bytes[k]!)) k++;
      last = k < bytes.length ? k : this.ofName(r.text(i));
      return last;
    },
    ofName(name: string | null): number {
      if (name === null) return -1;
      const k = names.indexOf(name);
      if (k >= 0) return k;
      names.push(name);
      bytes.push(Buffer.from(name, "utf8"));
      return names.length - 1;
    },
  };
}

const ORDER_COLUMNS = ["cust", "id", "at", "amount", "loc", "flags", "ch"] as const;
type Cols7 = [
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
  Float64Array,
];
type Cols5 = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
const COMPLAINT_COLUMNS = ["cust", "id", "at", "loc", "ch"] as const;

export function batchAssembler(expectedOrders = 1024) {
  const channels = channelDictionary();
  const orders = columnSet(ORDER_COLUMNS, expectedOrders);
  const complaints = columnSet(COMPLAINT_COLUMNS, 1024);
  const referred: number[] = [];
  const segCust: number[] = [];
  const segId: number[] = [];
  return {
    /** A COPY row: customer_id, id, ordered_at, flags (int2), amount, location_id, channel. */
    order(r: BinaryRow): void {
      const i = orders.next();
      const [cust, id, at, amount, loc, flags, ch] = orders.cols as Cols7;
      cust[i] = r.int(0);
      id[i] = r.int(1);
      at[i] = Math.floor(r.timestamp(2) / MINUTE);
      flags[i] = r.int(3);
      amount[i] = r.int(4);
      loc[i] = r.isNull(5) ? Number.NaN : r.int(5);
      ch[i] = channels.of(r, 6);
    },
    /** The same from values (at in UTC minutes, location NaN for none). */
    orderValues(
      customer: number,
      orderId: number,
      atMinute: number,
      f: number,
      amt: number,
      location: number,
      channel: string | null,
    ): void {
      const i = orders.next();
      const [cust, id, at, amount, loc, flags, ch] = orders.cols as Cols7;
      cust[i] = customer;
      id[i] = orderId;
      at[i] = atMinute;
      flags[i] = f;
      amount[i] = amt;
      loc[i] = location;
      ch[i] = channels.ofName(channel);
    },
    /** A COPY row: customer_id, id, created_at, location_id, channel. */
    complaint(r: BinaryRow): void {
      const i = complaints.next();
      const [cust, id, at, loc, ch] = complaints.cols as Cols5;
      cust[i] = r.int(0);
      id[i] = r.int(1);
      at[i] = Math.floor(r.timestamp(2) / MINUTE);
      loc[i] = r.isNull(3) ? Number.NaN : r.int(3);
      ch[i] = channels.of(r, 4);
    },
    complaintValues(
      customer: number,
      requestId: number,
      atMinute: number,
      location: number,
      channel: string | null,
    ): void {
      const i = complaints.next();
      const [cust, id, at, loc, ch] = complaints.cols as Cols5;
      cust[i] = customer;
      id[i] = requestId;
      at[i] = atMinute;
      loc[i] = location;
      ch[i] = channels.ofName(channel);
    },
    /** A customer whose row names a referrer. */
    referred(customerId: number): void {
      referred.push(customerId);
    },
    segment(customerId: number, segmentId: number): void {
      segCust.push(customerId);
      segId.push(segmentId);
    },
    counts: () => ({ orders: orders.rows, complaints: complaints.rows }),
    finish: (): HistoryBatch =>
      assemble(
        orders.cols,
        orders.rows,
        complaints.cols,
        complaints.rows,
        referred,
        segCust,
        segId,
        channels.names,
      ),
  };
}

/** Index of x in the ascending unique array, or −1. */
function find(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v < x) lo = mid + 1;
    else if (v > x) hi = mid - 1;
    else return mid;
  }
  return -1;
}

function assemble(
  oc: Float64Array[],
  nOrders: number,
  kc: Float64Array[],
  nComplaints: number,
  referredIds: readonly number[],
  segCust: readonly number[],
  segId: readonly number[],
  channels: string[],
): HistoryBatch {
  // Every customer with an order or a complaint, sorted: a customer's index is its position.
  const [oCust, oId, oAt, oAmount, oLoc, oFlags, oCh] = oc as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const [kCust, kId, kAt, kLoc, kCh] = kc as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const os = byCustomer(oCust, nOrders);
  const ks = byCustomer(kCust, nComplaints);
  const ids = mergeDistinct(os.sorted, ks.sorted);
  const size = ids.length;

  const referred = new Uint8Array(size);
  for (const c of referredIds) {
    const d = find(ids, c);
    if (d >= 0) referred[d] = 1;
  }
  // Segments: only customers in the batch; grouped and sorted by id.
  const segPairs: Array<[number, number]> = [];
  for (let i = 0; i < segCust.length; i++) {
    const d = find(ids, segCust[i]!);
    if (d >= 0) segPairs.push([d, segId[i]!]);
  }
  segPairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const segStart = new Uint32Array(size + 1);
  const segments = new Float64Array(segPairs.length);
  segPairs.forEach(([d, s], i) => {
    segments[i] = s;
    segStart[d + 1]!++;
  });
  for (let c = 0; c < size; c++) segStart[c + 1]! += segStart[c]!;

  const og = group(nOrders, ids, os, oAt, oId);
  const kg = group(nComplaints, ids, ks, kAt, kId);
  const n = og.perm.length;
  const orderId = new Float64Array(n);
  const orderAt = new Float64Array(n);
  const amount = new Float64Array(n);
  const flags = new Uint8Array(n);
  const location = new Float64Array(n);
  const channel = new Int32Array(n);
  const op = og.perm;
  for (let i = 0; i < n; i++) orderId[i] = oId[op[i]!]!;
  for (let i = 0; i < n; i++) orderAt[i] = oAt[op[i]!]!;
  for (let i = 0; i < n; i++) amount[i] = oAmount[op[i]!]!;
  for (let i = 0; i < n; i++) flags[i] = oFlags[op[i]!]!;
  for (let i = 0; i < n; i++) location[i] = oLoc[op[i]!]!;
  for (let i = 0; i < n; i++) channel[i] = oCh[op[i]!]!;
  const m = kg.perm.length;
  const compId = new Float64Array(m);
  const compAt = new Float64Array(m);
  const compLocation = new Float64Array(m);
  const compChannel = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const p = kg.perm[i]!;
    compId[i] = kId[p]!;
    compAt[i] = kAt[p]!;
    compLocation[i] = kLoc[p]!;
    compChannel[i] = kCh[p]!;
  }
  return {
    size,
    customerId: ids,
    referred,
    segStart,
    segments,
    orderStart: og.start,
    orderId,
    orderAt,
    amount,
    flags,
    location,
    channel,
    compStart: kg.start,
    compId,
    compAt,
    compLocation,
    compChannel,
    channels,
  };
}

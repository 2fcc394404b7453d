/**
 * Many customers' histories in columns (typed arrays), the unit every rebuild and refresh works on:
 * a rebuild holds five million orders, and an object per order would cost more than the arithmetic.
 * Orders and complaints of customer c are the rows [orderStart[c], orderStart[c + 1]), by time then id.
 * Times are whole UTC minutes (every boundary the speedometer uses falls on a minute).
 */
export const ORDER_COMPLETED = 1;
export const ORDER_WAITED = 2;
export const ORDER_FULL_PRICE = 4;
export const ORDER_REFERRED = 8;

export type HistoryBatch = {
  size: number;
  customerId: Float64Array;
  /** The customer row names a referrer. */
  referred: Uint8Array;
  segStart: Uint32Array;
  segments: Float64Array;
  orderStart: Uint32Array;
  /** Order ids: a refresh replaces changed orders by id. */
  orderId: Float64Array;
  orderAt: Float64Array;
  amount: Float64Array;
  /** ORDER_* bits. */
  flags: Uint8Array;
  /** NaN when the order names no location. */
  location: Float64Array;
  /** Index into `channels`, −1 for none. */
  channel: Int32Array;
  compStart: Uint32Array;
  compId: Float64Array;
  compAt: Float64Array;
  compLocation: Float64Array;
  compChannel: Int32Array;
  channels: string[];
};

/** One customer as plain objects (tests and small callers); `toBatch` turns a list into columns. */
export type OrderEvent = {
  id?: number;
  at: number;
  amount: number;
  flags: number;
  location: number | null;
  channel: string | null;
};
export type ComplaintEvent = { id?: number; at: number; location: number | null; channel: string | null };
export type CustomerHistory = {
  customerId: number;
  referred: boolean;
  segments: number[];
  orders: OrderEvent[];
  complaints: ComplaintEvent[];
};

function grow<T extends Float64Array | Uint8Array | Int32Array | Uint32Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 256));
  next.set(a);
  return next;
}

/** Appends customers one at a time; `finish` trims the columns to size. */
export function batchBuilder() {
  const b: HistoryBatch = {
    size: 0,
    customerId: new Float64Array(256),
    referred: new Uint8Array(256),
    segStart: new Uint32Array(257),
    segments: new Float64Array(256),
    orderStart: new Uint32Array(257),
    orderId: new Float64Array(1024),
    orderAt: new Float64Array(1024),
    amount: new Float64Array(1024),
    flags: new Uint8Array(1024),
    location: new Float64Array(1024),
    channel: new Int32Array(1024),
    compStart: new Uint32Array(257),
    compId: new Float64Array(256),
    compAt: new Float64Array(256),
    compLocation: new Float64Array(256),
    compChannel: new Int32Array(256),
    channels: [],
  };
  const channelIndex = new Map<string, number>();
  let nOrders = 0;
  let nComps = 0;
  let nSegs = 0;
  const channelOf = (name: string | null): number => {
    if (name === null) return -1;
    let k = channelIndex.get(name);
    if (k === undefined) {
      k = b.channels.push(name) - 1;
      channelIndex.set(name, k);
    }
    return k;
  };
  return {
    channelOf,
    /** Starts a customer; add its segments, orders and complaints next, in order. */
    customer(id: number, referred: boolean) {
      const c = b.size++;
      b.customerId = grow(b.customerId, b.size);
      b.referred = grow(b.referred, b.size);
      b.segStart = grow(b.segStart, b.size + 1);
      b.orderStart = grow(b.orderStart, b.size + 1);
      b.compStart = grow(b.compStart, b.size + 1);
      b.customerId[c] = id;
      b.referred[c] = referred ? 1 : 0;
      b.segStart[c] = nSegs;
      b.orderStart[c] = nOrders;
      b.compStart[c] = nComps;
      b.segStart[c + 1] = nSegs;
      b.orderStart[c + 1] = nOrders;
      b.compStart[c + 1] = nComps;
    },
    segment(id: number) {
      b.segments = grow(b.segments, nSegs + 1);
      b.segments[nSegs++] = id;
      b.segStart[b.size] = nSegs;
    },
    order(id: number, at: number, amount: number, flags: number, location: number, channel: number) {
      const i = nOrders++;
      if (i >= b.orderAt.length) {
        b.orderId = grow(b.orderId, nOrders);
        b.orderAt = grow(b.orderAt, nOrders);
        b.amount = grow(b.amount, nOrders);
        b.flags = grow(b.flags, nOrders);
        b.location = grow(b.location, nOrders);
        b.channel = grow(b.channel, nOrders);
      }
      b.orderId[i] = id;
      b.orderAt[i] = at;
      b.amount[i] = amount;
      b.flags[i] = flags;
      b.location[i] = location;
      b.channel[i] = channel;
      b.orderStart[b.size] = nOrders;
    },
    complaint(id: number, at: number, location: number, channel: number) {
      const i = nComps++;
      if (i >= b.compAt.length) {
        b.compId = grow(b.compId, nComps);
        b.compAt = grow(b.compAt, nComps);
        b.compLocation = grow(b.compLocation, nComps);
        b.compChannel = grow(b.compChannel, nComps);
      }
      b.compId[i] = id;
      b.compAt[i] = at;
      b.compLocation[i] = location;
      b.compChannel[i] = channel;
      b.compStart[b.size] = nComps;
    },
    finish(): HistoryBatch {
      return b;
    },
  };
}

export type BatchBuilder = ReturnType<typeof batchBuilder>;

/** Columns from plain histories (already in time order). */
export function toBatch(histories: readonly CustomerHistory[]): HistoryBatch {
  const bb = batchBuilder();
  for (const h of histories) {
    bb.customer(h.customerId, h.referred);
    for (const s of h.segments) bb.segment(s);
    h.orders.forEach((o, i) => {
      bb.order(o.id ?? i, o.at, o.amount, o.flags, o.location ?? Number.NaN, bb.channelOf(o.channel));
    });
    h.complaints.forEach((c, i) => {
      bb.complaint(c.id ?? i, c.at, c.location ?? Number.NaN, bb.channelOf(c.channel));
    });
  }
  return bb.finish();
}

import type { BatchBuilder, HistoryBatch } from "./batch.ts";

/**
 * One customer's history in the compact form kept in speedometer_customer.history (what the customer
 * contributed at the last refresh, so the next can take it back exactly). Little-endian:
 * u8 version, u8 referred, u16 n + f64 segment ids, u16 n + f64 location ids, u8 n + (u8 len, utf8) channels,
 * u32 n + orders (f64 id, u32 minute, f64 amount, u8 flags, u16 location #, u8 channel #),
 * u32 n + complaints (f64 id, u32 minute, u16 location #, u8 channel #); # 0xffff / 0xff = none.
 */
const VERSION = 1;
const NO_LOC = 0xffff;
const NO_CH = 0xff;

// Scratch dictionaries, reused: encoding runs a million times in a rebuild (and no closure is made per call).
const locs: number[] = [];
const chans: number[] = [];

function note(loc: number, ch: number): void {
  if (!Number.isNaN(loc) && !locs.includes(loc)) locs.push(loc);
  if (ch >= 0 && !chans.includes(ch)) chans.push(ch);
}

function dictionaries(b: HistoryBatch, c: number): void {
  locs.length = 0;
  chans.length = 0;
  for (let i = b.orderStart[c]!; i < b.orderStart[c + 1]!; i++) note(b.location[i]!, b.channel[i]!);
  for (let i = b.compStart[c]!; i < b.compStart[c + 1]!; i++) note(b.compLocation[i]!, b.compChannel[i]!);
  if (locs.length >= NO_LOC || chans.length >= NO_CH)
    throw new Error("a customer with too many locations or channels");
}

function locOf(l: number): number {
  if (Number.isNaN(l)) return NO_LOC;
  if (locs[0] === l) return 0;
  return locs.indexOf(l);
}

function chOf(k: number): number {
  if (k < 0) return NO_CH;
  if (chans[0] === k) return 0;
  return chans.indexOf(k);
}

/** Bytes of the batch's channel names, encoded once per batch. */
export const channelBytes = (b: HistoryBatch): Buffer[] =>
  b.channels.map((c) => Buffer.from(c, "utf8").subarray(0, 255));

/** Encoded size of customer c; also prepares the dictionaries writeHistory uses next. */
export function historySize(b: HistoryBatch, c: number, chBytes: readonly Buffer[]): number {
  dictionaries(b, c);
  let size = 2 + 2 + 8 * (b.segStart[c + 1]! - b.segStart[c]!) + 2 + 8 * locs.length + 1;
  for (const k of chans) size += 1 + chBytes[k]!.length;
  return (
    size +
    4 +
    24 * (b.orderStart[c + 1]! - b.orderStart[c]!) +
    4 +
    15 * (b.compStart[c + 1]! - b.compStart[c]!)
  );
}

const views = new WeakMap<ArrayBuffer, DataView>();
function viewOf(out: Buffer): { v: DataView; o: number } {
  let v = views.get(out.buffer as ArrayBuffer);
  if (!v) {
    v = new DataView(out.buffer);
    views.set(out.buffer as ArrayBuffer, v);
  }
  return { v, o: out.byteOffset };
}

/** Writes customer c at `p` (call historySize for the same customer first); returns the end offset. */
export function writeHistory(
  b: HistoryBatch,
  c: number,
  out: Buffer,
  p: number,
  chBytes: readonly Buffer[],
): number {
  const { v, o } = viewOf(out);
  let q = o + p;
  v.setUint8(q++, VERSION);
  v.setUint8(q++, b.referred[c]!);
  v.setUint16(q, b.segStart[c + 1]! - b.segStart[c]!, true);
  q += 2;
  for (let i = b.segStart[c]!; i < b.segStart[c + 1]!; i++, q += 8) v.setFloat64(q, b.segments[i]!, true);
  v.setUint16(q, locs.length, true);
  q += 2;
  for (const l of locs) {
    v.setFloat64(q, l, true);
    q += 8;
  }
  v.setUint8(q++, chans.length);
  for (const k of chans) {
    const bytes = chBytes[k]!;
    v.setUint8(q++, bytes.length);
    q += bytes.copy(out, q - o);
  }
  v.setUint32(q, b.orderStart[c + 1]! - b.orderStart[c]!, true);
  q += 4;
  for (let i = b.orderStart[c]!; i < b.orderStart[c + 1]!; i++, q += 24) {
    v.setFloat64(q, b.orderId[i]!, true);
    v.setUint32(q + 8, b.orderAt[i]!, true);
    v.setFloat64(q + 12, b.amount[i]!, true);
    v.setUint8(q + 20, b.flags[i]!);
    v.setUint16(q + 21, locOf(b.location[i]!), true);
    v.setUint8(q + 23, chOf(b.channel[i]!));
  }
  v.setUint32(q, b.compStart[c + 1]! - b.compStart[c]!, true);
  q += 4;
  for (let i = b.compStart[c]!; i < b.compStart[c + 1]!; i++, q += 15) {
    v.setFloat64(q, b.compId[i]!, true);
    v.setUint32(q + 8, b.compAt[i]!, true);
    v.setUint16(q + 12, locOf(b.compLocation[i]!), true);
    v.setUint8(q + 14, chOf(b.compChannel[i]!));
  }
  return q - o;
}

/** One customer's blob as a Buffer of its own (tests, small batches). */
export function encodeHistory(b: HistoryBatch, c: number): Buffer {
  const ch = channelBytes(b);
  const out = Buffer.allocUnsafe(historySize(b, c, ch));
  writeHistory(b, c, out, 0, ch);
  return out;
}

/** What decoding reports, row by row (a batch builder, or the refresh's merge). */
export type HistoryVisitor = {
  customer: (id: number, referred: boolean) => void;
  segment: (id: number) => void;
  order: (
    id: number,
    at: number,
    amount: number,
    flags: number,
    location: number,
    channel: string | null,
  ) => void;
  complaint: (id: number, at: number, location: number, channel: string | null) => void;
};

export function decodeHistory(customerId: number, blob: Buffer, v: HistoryVisitor): void {
  let p = 0;
  const version = blob.readUInt8(p++);
  if (version !== VERSION) throw new Error(`unknown speedometer history version ${version}`);
  v.customer(customerId, blob.readUInt8(p++) === 1);
  const nSeg = blob.readUInt16LE(p);
  p += 2;
  for (let i = 0; i < nSeg; i++, p += 8) v.segment(blob.readDoubleLE(p));
  const nLoc = blob.readUInt16LE(p);
  p += 2;
  const locations: number[] = [];
  for (let i = 0; i < nLoc; i++, p += 8) locations.push(blob.readDoubleLE(p));
  const nCh = blob.readUInt8(p++);
  const channels: string[] = [];
  for (let i = 0; i < nCh; i++) {
    const len = blob.readUInt8(p++);
    channels.push(blob.toString("utf8", p, p + len));
    p += len;
  }
  const loc = (i: number) => (i === NO_LOC ? Number.NaN : locations[i]!);
  const ch = (i: number) => (i === NO_CH ? null : channels[i]!);
  const nOrders = blob.readUInt32LE(p);
  p += 4;
  for (let i = 0; i < nOrders; i++, p += 24) {
    v.order(
      blob.readDoubleLE(p),
      blob.readUInt32LE(p + 8),
      blob.readDoubleLE(p + 12),
      blob.readUInt8(p + 20),
      loc(blob.readUInt16LE(p + 21)),
      ch(blob.readUInt8(p + 23)),
    );
  }
  const nComp = blob.readUInt32LE(p);
  p += 4;
  for (let i = 0; i < nComp; i++, p += 15) {
    v.complaint(
      blob.readDoubleLE(p),
      blob.readUInt32LE(p + 8),
      loc(blob.readUInt16LE(p + 12)),
      ch(blob.readUInt8(p + 14)),
    );
  }
}

/** Appends the customer a blob describes to a batch being built. */
export function decodeHistoryInto(bb: BatchBuilder, customerId: number, blob: Buffer): void {
  decodeHistory(customerId, blob, {
    customer: (id, referred) => bb.customer(id, referred),
    segment: (id) => bb.segment(id),
    order: (id, at, amount, flags, location, channel) =>
      bb.order(id, at, amount, flags, location, bb.channelOf(channel)),
    complaint: (id, at, location, channel) => bb.complaint(id, at, location, bb.channelOf(channel)),
  });
}

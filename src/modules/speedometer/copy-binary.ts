import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * PostgreSQL's binary COPY format, read and written without making a JavaScript object per field: the
 * rebuild streams millions of rows, and text COPY would spend its time formatting and parsing timestamps.
 * (Generic enough for src/platform/db; it lives here until a second module needs it.)
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
/** Microseconds between 1970-01-01 and PostgreSQL's epoch 2000-01-01. */
const PG_EPOCH_MS = 946_684_800_000;

/** The current row's fields; valid only inside the callback. */
export type BinaryRow = {
  isNull: (i: number) => boolean;
  /** int8 (exact up to 2^53), int4, int2 by their byte length. */
  int: (i: number) => number;
  bool: (i: number) => boolean;
  /** timestamptz as UTC milliseconds. */
  timestamp: (i: number) => number;
  text: (i: number) => string;
  bytes: (i: number) => Buffer;
  /** Whether the field holds exactly these bytes (no string made). */
  equals: (i: number, other: Buffer) => boolean;
};

const EMPTY = Buffer.alloc(0);

/**
 * A parser of the binary COPY format fed chunk by chunk (pure: no I/O), calling onRow per row. Fields are
 * read in place; only a row split across chunks is copied.
 */
export function binaryCopyParser(onRow: (row: BinaryRow) => void): {
  push: (chunk: Buffer) => void;
  rows: () => number;
} {
  let buf: Buffer = EMPTY;
  let headerDone = false;
  let count = 0;
  const starts = new Int32Array(64);
  const lengths = new Int32Array(64);
  const int8 = (p: number) => buf.readInt32BE(p) * 4_294_967_296 + buf.readUInt32BE(p + 4);
  const row: BinaryRow = {
    isNull: (i) => lengths[i]! < 0,
    int: (i) => {
      const p = starts[i]!;
      const len = lengths[i]!;
      return len === 8 ? int8(p) : len === 4 ? buf.readInt32BE(p) : buf.readInt16BE(p);
    },
    bool: (i) => buf[starts[i]!] === 1,
    timestamp: (i) => Math.floor(int8(starts[i]!) / 1000) + PG_EPOCH_MS,
    text: (i) => buf.toString("utf8", starts[i]!, starts[i]! + lengths[i]!),
    bytes: (i) => Buffer.from(buf.subarray(starts[i]!, starts[i]! + lengths[i]!)),
    equals: (i, other) => {
      const len = lengths[i]!;
      if (len !== other.length) return false;
      const p = starts[i]!;
      for (let k = 0; k < len; k++) if (buf[p + k] !== other[k]) return false;
      return true;
    },
  };
  function push(chunk: Buffer): void {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    const end = buf.length;
    let p = 0;
    if (!headerDone) {
      if (end < 19) return;
      if (!buf.subarray(0, 11).equals(SIGNATURE)) throw new Error("not a binary COPY stream");
      p = 19 + buf.readUInt32BE(15);
      headerDone = true;
    }
    while (p + 2 <= end) {
      const fields = buf.readInt16BE(p);
      if (fields === -1) {
        p = end;
        break;
      }
      let q = p + 2;
      let f = 0;
      for (; f < fields; f++) {
        if (q + 4 > end) break;
        const len = buf.readInt32BE(q);
        q += 4;
        starts[f] = q;
        lengths[f] = len;
        if (len > 0) q += len;
        if (q > end) break;
      }
      if (f < fields) break;
      onRow(row);
      count++;
      p = q;
    }
    buf = p >= end ? EMPTY : buf.subarray(p);
  }
  return { push, rows: () => count };
}

/**
 * Runs `COPY (sql) TO STDOUT (FORMAT binary)` and calls onRow for each row. A custom query object for pg:
 * pg's protocol parser hands every CopyData message (one row each) to handleCopyData; no stream sits in
 * between. Resolves with the row count once the server is ready for the next query.
 */
export function readBinaryCopy(
  client: pg.ClientBase,
  sql: string,
  onRow: (row: BinaryRow) => void,
): Promise<number> {
  const parser = binaryCopyParser(onRow);
  let failure: unknown;
  return new Promise((resolve, reject) => {
    const query = {
      submit(connection: { query: (text: string) => void }) {
        connection.query(`COPY (${sql}) TO STDOUT (FORMAT binary)`);
      },
      handleCopyData(msg: { chunk: Buffer }) {
        if (failure !== undefined) return;
        try {
          parser.push(msg.chunk);
        } catch (e) {
          failure = e;
        }
      },
      handleCommandComplete() {},
      handleError(err: Error) {
        failure = failure ?? err;
      },
      handleReadyForQuery() {
        if (failure !== undefined) reject(failure);
        else resolve(parser.rows());
      },
    };
    client.query(query as unknown as pg.Submittable);
  });
}

/**
 * Rows written straight into large chunks: `write(out, p)` writes one complete tuple at p (after
 * `size()` bytes were reserved) and returns the end. Avoids a Buffer per row when a million are written.
 */
export type TupleSource = Iterable<{ size: number; write: (out: Buffer, p: number) => number }>;

export async function writeBinaryTuples(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  tuples: TupleSource,
): Promise<number> {
  let count = 0;
  const CHUNK = 1 << 20;
  function* chunks() {
    let out = Buffer.allocUnsafe(CHUNK);
    SIGNATURE.copy(out, 0);
    out.fill(0, 11, 19);
    let p = 19;
    for (const t of tuples) {
      if (p + t.size > out.length) {
        yield out.subarray(0, p);
        out = Buffer.allocUnsafe(Math.max(CHUNK, t.size));
        p = 0;
      }
      p = t.write(out, p);
      count++;
    }
    if (p + 2 > out.length) {
      yield out.subarray(0, p);
      out = Buffer.allocUnsafe(2);
      p = 0;
    }
    p = out.writeInt16BE(-1, p);
    yield out.subarray(0, p);
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN (FORMAT binary)`));
  await pipeline(Readable.from(chunks()), sink);
  return count;
}

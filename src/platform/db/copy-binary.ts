/**
 * Rows in PostgreSQL's binary COPY format, written straight into a reused buffer. For bulk loads the server
 * then skips parsing text (a timestamp's text alone costs about a microsecond a row on the server).
 * Format: https://www.postgresql.org/docs/current/sql-copy.html ("Binary Format").
 */

const HEADER = Buffer.from([
  0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0,
]);
const TWO_32 = 2 ** 32;
// PostgreSQL's timestamps count microseconds from 2000-01-01 00:00 UTC.
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);

export class BinaryCopyWriter {
  private buf: Buffer;
  private at = 0;
  // Byte-by-byte writes: Buffer's checked writeInt32BE and write() cost more than the values themselves.
  private put32(v: number, at: number): void {
    const b = this.buf;
    b[at] = v >>> 24;
    b[at + 1] = v >>> 16;
    b[at + 2] = v >>> 8;
    b[at + 3] = v;
  }
  private started = false;

  constructor(private readonly flushAt = 1 << 20) {
    this.buf = Buffer.allocUnsafe(flushAt + 65_536);
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }

  /** Starts a row of `fields` values (the header goes before the first). */
  private header(): void {
    if (this.started) return;
    this.room(HEADER.length);
    HEADER.copy(this.buf, this.at);
    this.at += HEADER.length;
    this.started = true;
  }

  row(fields: number): this {
    this.header();
    this.room(2);
    this.buf[this.at] = fields >>> 8;
    this.buf[this.at + 1] = fields;
    this.at += 2;
    return this;
  }

  null(): this {
    this.room(4);
    this.put32(-1, this.at);
    this.at += 4;
    return this;
  }

  int4(v: number): this {
    this.room(8);
    this.put32(4, this.at);
    this.put32(v, this.at + 4);
    this.at += 8;
    return this;
  }

  /** A safe integer as int8. */
  int8(v: number): this {
    this.room(12);
    const hi = Math.floor(v / TWO_32);
    this.put32(8, this.at);
    this.put32(hi, this.at + 4);
    this.put32(v - hi * TWO_32, this.at + 8);
    this.at += 12;
    return this;
  }

  int8OrNull(v: number | null): this {
    return v === null ? this.null() : this.int8(v);
  }

  /** Milliseconds since 1970 as timestamptz. */
  timestamptz(ms: number): this {
    return this.int8((ms - PG_EPOCH_MS) * 1000);
  }

  /** UTF-8 text (NUL characters, which PostgreSQL's text refuses, are dropped). */
  text(s: string): this {
    const len = s.length;
    this.room(4 + len * 3);
    const b = this.buf;
    const start = this.at + 4;
    // ASCII without NUL, the usual case, byte by byte; anything else through the UTF-8 encoder.
    let k = 0;
    for (; k < len; k++) {
      const c = s.charCodeAt(k);
      if (c === 0 || c > 0x7f) break;
      b[start + k] = c;
    }
    let n = k;
    if (k < len) {
      const clean = s.includes("\0") ? s.replaceAll("\0", "") : s;
      n = b.write(clean, start, "utf8");
    }
    this.put32(n, this.at);
    this.at = start + n;
    return this;
  }

  /** Text that is already UTF-8 without NUL (the ASCII bytes of a file): copied as it is. */
  bytes(src: Uint8Array, from: number, to: number): this {
    const n = to - from;
    this.room(4 + n);
    this.put32(n, this.at);
    const b = this.buf;
    const start = this.at + 4;
    if (n < 64) for (let k = 0; k < n; k++) b[start + k] = src[from + k]!;
    else b.set(src.subarray(from, to), start);
    this.at = start + n;
    return this;
  }

  textOrNull(s: string | null): this {
    return s === null ? this.null() : this.text(s);
  }

  /** True when the buffered rows should be sent. */
  get full(): boolean {
    return this.at >= this.flushAt;
  }

  /** The rows so far (a copy: the buffer is reused), and a fresh start. */
  take(): Buffer {
    const out = Buffer.from(this.buf.subarray(0, this.at));
    this.at = 0;
    return out;
  }

  // Buffers handed out by lend() and given back by recycle() once their bytes were sent.
  private readonly spare: Buffer[] = [];

  /**
   * The rows so far without copying them, and a fresh start in another buffer. The caller gives the bytes
   * back with recycle() once the stream is done with them (a bulk load sends a gigabyte in these chunks:
   * fresh buffers for each would keep the garbage collector busy).
   */
  lend(): Buffer {
    const out = this.buf.subarray(0, this.at);
    this.buf = this.spare.pop() ?? Buffer.allocUnsafe(this.flushAt + 65_536);
    this.at = 0;
    return out;
  }

  /** Takes back a chunk lend() gave out, for a later one. */
  recycle(chunk: Buffer): void {
    const whole = chunk.buffer;
    if (chunk.byteOffset !== 0 || whole.byteLength < this.flushAt + 65_536 || this.spare.length >= 16) return;
    this.spare.push(Buffer.from(whole));
  }

  /** The last bytes of the stream: what is buffered plus the trailer. */
  end(): Buffer {
    this.header(); // an empty stream still needs it
    this.room(2);
    this.buf[this.at] = 0xff;
    this.buf[this.at + 1] = 0xff;
    this.at += 2;
    return this.take();
  }
}

/**
 * Sends the writer's rows so far to a COPY stream without copying them: the buffer goes back to the writer
 * when the stream calls back for it (pg-copy-streams does once the connection has taken the bytes; until
 * the server is ready for them it keeps the chunk queued and does not call back). Returns write()'s result.
 */
export function sendLent(sink: NodeJS.WritableStream, w: BinaryCopyWriter): boolean {
  const chunk = w.lend();
  return sink.write(chunk, (error?: Error | null) => {
    if (!error) w.recycle(chunk);
  });
}

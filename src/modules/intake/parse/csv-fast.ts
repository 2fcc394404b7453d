import { minorDigits } from "./currency.ts";
import { fastIsoParts } from "./dates.ts";
import { type EnumName, parseEnum } from "./enums.ts";
import { ENTITIES } from "./fields.ts";
import { rowIssue } from "./issues.ts";
import type { Mapping } from "./mapping.ts";
import { fastMinorBytes } from "./money.ts";
import type { DecimalSeparator } from "./numbers.ts";
import type { SourceRow } from "./source.ts";
import { isBlank } from "./values.ts";

/**
 * The order rows of a plain UTF-8 CSV read straight from its bytes, for a workspace's first large import
 * (the block load, docs/decisions/0009-bulk-orders.md). A line takes this lane only when every value in it
 * has a shape whose meaning is beyond doubt — printable ASCII, no quotes inside a field, ids without
 * surrounding spaces, ISO dates, plain decimal amounts, known statuses — and then it yields exactly what
 * the general reader and converter would (csv-fast.test.ts runs both over the same files). Any other line
 * is handed back, split into cells as the tokenizer would split it, for the general converter: so a bad
 * value gets the general error message, and an odd one (a currency sign, a dd.mm.yyyy date, a name in
 * Cyrillic) its general reading. A line whose very structure needs the tokenizer (quotes inside a field,
 * a lone CR, control characters, a line over 64 KB) stops the lane: the caller reads the rest of the file
 * with the general reader.
 */

const CR = 13;
const QUOTE = 34;
const SPACE = 32;
// What a byte is to the splitter (FastOrdersLane.kinds).
const PLAIN = 0; // printable ASCII other than the delimiter and the quote
const DELIM = 1;
const QUOTE_KIND = 2;
const STOP = 3; // NUL, CR
const OTHER = 4; // control characters and bytes beyond ASCII

function byteKinds(delimiter: number): Uint8Array {
  const kinds = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    if (c === 0 || c === CR) kinds[c] = STOP;
    else if (c < SPACE || c > 0x7e) kinds[c] = OTHER;
  }
  kinds[QUOTE] = QUOTE_KIND;
  kinds[delimiter] = DELIM;
  return kinds;
}
const MAX_LINE = 65_536;
const MAX_ID = 256;

/** A copy of a typed array with room for `size` entries (the old ones first). */
export function grown<T extends Int32Array | Float64Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** What a line did: taken (fast), handed back (slow), skipped (blank), or the lane stops before it. */
export type LineOutcome = "fast" | "slow" | "blank" | "stop";

/** The parsed values of the lane's rows, column by column in reused typed arrays (no object per row). */
export class FastOrderRows {
  n = 0;
  buf: Buffer = Buffer.alloc(0);
  line: Int32Array = new Int32Array(1024);
  idFrom: Int32Array = new Int32Array(1024);
  idTo: Int32Array = new Int32Array(1024);
  customerFrom: Int32Array = new Int32Array(1024);
  customerTo: Int32Array = new Int32Array(1024);
  at: Float64Array = new Float64Array(1024);
  amount: Float64Array = new Float64Array(1024);
  list: Float64Array = new Float64Array(1024);
  wait: Int32Array = new Int32Array(1024);
  // Statuses, channels and locations as codes into `words` (-1: none): a handful of distinct values.
  status: Int32Array = new Int32Array(1024);
  channel: Int32Array = new Int32Array(1024);
  location: Int32Array = new Int32Array(1024);
  words: string[] = [];

  reset(buf: Buffer): void {
    this.n = 0;
    this.buf = buf;
  }

  /** Room for one more row; returns its index. */
  next(): number {
    const i = this.n;
    if (i === this.line.length) {
      const size = i * 2;
      this.line = grown(this.line, size);
      this.idFrom = grown(this.idFrom, size);
      this.idTo = grown(this.idTo, size);
      this.customerFrom = grown(this.customerFrom, size);
      this.customerTo = grown(this.customerTo, size);
      this.wait = grown(this.wait, size);
      this.status = grown(this.status, size);
      this.channel = grown(this.channel, size);
      this.location = grown(this.location, size);
      this.at = grown(this.at, size);
      this.amount = grown(this.amount, size);
      this.list = grown(this.list, size);
    }
    return i;
  }

  statusOf(i: number): string {
    return this.words[this.status[i]!]!;
  }
  channelOf(i: number): string | null {
    const c = this.channel[i]!;
    return c < 0 ? null : this.words[c]!;
  }
  locationOf(i: number): string | null {
    const c = this.location[i]!;
    return c < 0 ? null : this.words[c]!;
  }

  /** The order id of row i as text (ASCII). */
  id(i: number): string {
    return latin1(this.buf, this.idFrom[i]!, this.idTo[i]!);
  }
  customer(i: number): string {
    return latin1(this.buf, this.customerFrom[i]!, this.customerTo[i]!);
  }
}

const latin1 = (b: Buffer, from: number, to: number): string => b.toString("latin1", from, to);

/** Low-cardinality cells (statuses, channels, locations) read once per distinct spelling, as codes. */
class Spellings<T extends number> {
  private readonly keys: string[] = [];
  private readonly values: T[] = [];
  // By a cheap hint (length, first and last byte): the spelling last seen there (most columns have a
  // handful of values, so the hint nearly always names the right one; same() decides).
  private readonly recent = new Int32Array(256).fill(-1);
  constructor(private readonly read: (text: string) => T) {}
  private same(j: number, b: Buffer, from: number, to: number): boolean {
    const key = this.keys[j]!;
    if (key.length !== to - from) return false;
    for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== b[from + k]) return false;
    return true;
  }
  get(b: Buffer, from: number, to: number): T {
    const hint = ((to - from) * 31 + (b[from] ?? 0) * 7 + (b[to - 1] ?? 0) * 131) & 255;
    const r = this.recent[hint]!;
    if (r >= 0 && this.same(r, b, from, to)) return this.values[r]!;
    for (let j = 0; j < this.keys.length; j++) {
      if (this.same(j, b, from, to)) {
        this.recent[hint] = j;
        return this.values[j]!;
      }
    }
    const text = latin1(b, from, to);
    const value = this.read(text);
    // Many distinct values (a free-text column): read each time rather than scan a long list.
    if (this.keys.length < 64) {
      this.keys.push(text);
      this.values.push(value);
      this.recent[hint] = this.keys.length - 1;
    }
    return value;
  }
}

type FieldPlan = { index: number; fallback: string | undefined };

/**
 * The lane for one file: built from the mapping and the formats the first batch decided, or null when the
 * mapping uses something only the general converter handles (contacts, a currency column, referrers,
 * derived order ids, defaults).
 */
export class FastOrdersLane {
  private readonly delim: number;
  private readonly kinds: Uint8Array;
  private readonly delimControl: boolean;
  private readonly columns: number;
  private readonly slot: Int32Array; // column → field code (or -1: not read)
  private readonly digits: number;
  /** The distinct statuses, channels and locations read so far; rows hold their codes. */
  readonly words: string[] = [];
  private readonly codes = new Map<string, number>();
  private readonly statuses: Spellings<number>; // a code, or -2: not a status
  private readonly texts = new Spellings<number>((t) => this.code(t));
  private readonly completed: number;
  private readonly starts = new Int32Array(MAX_LINE + 1);
  private readonly ends = new Int32Array(MAX_LINE + 1);

  private constructor(
    delimiter: string,
    columns: number,
    slot: Int32Array,
    currency: string,
    private readonly zone: string,
    private readonly decimals: [DecimalSeparator | null, DecimalSeparator | null],
    enumName: EnumName,
    private readonly blankList: boolean,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.kinds = byteKinds(this.delim);
    this.delimControl = this.delim < SPACE;
    this.columns = columns;
    this.slot = slot;
    this.digits = Math.max(0, Math.min(minorDigits(currency), 4));
    this.statuses = new Spellings((t) => {
      const r = parseEnum<string>(enumName, t);
      return r.ok ? this.code(r.value) : -2;
    });
    this.completed = this.code("completed");
  }

  private code(word: string): number {
    let c = this.codes.get(word);
    if (c === undefined) {
      c = this.words.length;
      this.words.push(word);
      this.codes.set(word, c);
    }
    return c;
  }

  static plan(
    mapping: Mapping<"orders">,
    o: {
      delimiter: string;
      timeZone: string;
      currency: string;
      decimal: (field: string) => DecimalSeparator | null;
    },
  ): FastOrdersLane | null {
    if (o.delimiter.length !== 1 || o.delimiter.charCodeAt(0) > 0x7e) return null;
    const specs = ENTITIES.orders.fields;
    const plan = new Map<string, FieldPlan>();
    for (const s of specs) {
      const index = mapping.byField[s.name];
      const fallback = mapping.defaults[s.name] ?? s.fallback;
      plan.set(s.name, { index: index ?? -1, fallback });
    }
    const p = (name: string) => plan.get(name)!;
    // Read by the lane: these may be mapped; the rest must be absent and without a default.
    const read = [
      "external_id",
      "customer_external_id",
      "ordered_at",
      "amount",
      "list_amount",
      "status",
      "wait_days",
      "channel",
      "location",
    ];
    for (const [name, f] of plan) {
      if (read.includes(name)) continue;
      if (f.index >= 0 || f.fallback !== undefined) return null;
    }
    if (p("external_id").index < 0 || p("customer_external_id").index < 0) return null;
    if (p("ordered_at").index < 0 || p("amount").index < 0) return null;
    for (const name of ["external_id", "customer_external_id", "ordered_at", "amount", "list_amount"])
      if (p(name).fallback !== undefined) return null;
    for (const name of ["channel", "location"]) if (p(name).fallback !== undefined) return null;
    // Only the built-in defaults of status and wait: "completed" and 0.
    if (p("status").fallback !== "completed" || p("wait_days").fallback !== "0") return null;
    const columns = mapping.columns.length;
    const slot = new Int32Array(columns).fill(-1);
    read.forEach((name, code) => {
      const i = p(name).index;
      if (i >= 0 && i < columns && !mapping.ignored.has(i)) slot[i] = code;
    });
    const enumName = specs.find((s) => s.name === "status")!.enumName!;
    return new FastOrdersLane(
      o.delimiter,
      columns,
      slot,
      o.currency,
      o.timeZone,
      [o.decimal("amount"), o.decimal("list_amount")],
      enumName,
      p("list_amount").index < 0,
    );
  }

  /**
   * Reads the line buf[from, to) (without its LF) as physical line `line`. A fast line goes into `rows`;
   * a slow one into `slow` as the tokenizer would have split it.
   */
  line(
    b: Buffer,
    from: number,
    to: number,
    line: number,
    rows: FastOrderRows,
    slow: SourceRow[],
  ): LineOutcome {
    let end = to;
    if (end > from && b[end - 1] === CR) end--;
    if (end - from > MAX_LINE) return "stop";
    const d = this.delim;
    const starts = this.starts;
    const ends = this.ends;
    const kind = this.kinds;
    let n = 0;
    let p = from;
    let ascii = true;
    let quoted = false;
    // Split: plain fields, or a whole field in quotes with no quote inside (anything else stops the lane).
    // One table look-up a byte: most bytes are plain and take a single comparison.
    for (;;) {
      if (n === MAX_LINE) return "stop";
      if (p < end && b[p] === QUOTE) {
        quoted = true;
        const open = p + 1;
        let q = open;
        for (; q < end; q++) {
          const k = kind[b[q]!]!;
          if (k === PLAIN) continue;
          if (k === QUOTE_KIND) break;
          if (k === STOP) return "stop"; // the reader removes NULs; a lone CR ends a line
          // Other bytes, and a control-character delimiter inside quotes, are not plain ASCII.
          if (k === OTHER || this.delimControl) ascii = false;
        }
        if (q >= end || (q + 1 < end && b[q + 1] !== d)) return "stop";
        starts[n] = open;
        ends[n++] = q;
        p = q + 1;
      } else {
        const s = p;
        for (; p < end; p++) {
          const k = kind[b[p]!]!;
          if (k === PLAIN) continue;
          if (k === DELIM) break;
          if (k !== OTHER) return "stop"; // a quote inside a field, NUL, a lone CR
          ascii = false;
        }
        starts[n] = s;
        ends[n++] = p;
      }
      if (p >= end) break;
      p++; // the delimiter
      if (p === end) {
        starts[n] = p;
        ends[n++] = p;
        break;
      }
    }
    if (!quoted) {
      let blank = true;
      for (let k = 0; blank && k < n; k++) if (ends[k]! > starts[k]!) blank = false;
      if (blank) return "blank";
    }
    if (ascii && n === this.columns && this.take(b, n, line, rows)) return "fast";
    const text = ascii ? null : b;
    const cells: string[] = new Array(n);
    for (let k = 0; k < n; k++) {
      cells[k] = text ? text.toString("utf8", starts[k], ends[k]) : latin1(b, starts[k]!, ends[k]!);
      // Bytes that are not UTF-8: the general reader notes them for the whole file.
      if (text && cells[k]!.includes("\ufffd")) return "stop";
    }
    // More cells than columns: fine when the extra ones are empty (spreadsheets add them), else an error.
    for (let k = this.columns; k < n; k++) {
      if (cells[k] === "") continue;
      const params = { count: n, expected: this.columns };
      slow.push({ line, cells: [], issue: rowIssue(line, "extra_fields", params) });
      return "slow";
    }
    slow.push({ line, cells });
    return "slow";
  }

  /** The fields of a split ASCII line into the next row, or false when any needs the general reader. */
  private take(b: Buffer, n: number, line: number, rows: FastOrderRows): boolean {
    const i = rows.next();
    let status = this.completed;
    let wait = 0;
    let channel = -1;
    let location = -1;
    let list = Number.NaN;
    for (let k = 0; k < n; k++) {
      const code = this.slot[k]!;
      if (code < 0) continue;
      const s = this.starts[k]!;
      const e = this.ends[k]!;
      if (e === s) {
        // An empty cell: fine where the field is optional and has no default of its own.
        if (code === 4) continue; // list price: the amount
        if (code === 5 || code === 6) continue; // status, wait: their defaults
        if (code === 7 || code === 8) continue; // channel, location: none
        return false;
      }
      const c0 = b[s]!;
      // Cells the general reader may read as empty ("null", "n/a", "-", "#N/A", " "): let it decide.
      if (
        e - s <= 16 &&
        (c0 <= SPACE || c0 === 45 || c0 === 35 || (c0 | 32) === 110 || (c0 | 32) === 117) &&
        isBlank(latin1(b, s, e))
      )
        return false;
      if (b[e - 1] === SPACE || c0 === SPACE) return false; // trimmed by the general reader
      switch (code) {
        case 0:
          if (e - s > MAX_ID) return false;
          rows.idFrom[i] = s;
          rows.idTo[i] = e;
          break;
        case 1:
          if (e - s > MAX_ID) return false;
          rows.customerFrom[i] = s;
          rows.customerTo[i] = e;
          break;
        case 2: {
          const ms = fastIsoParts(b, s, e, this.zone);
          if (Number.isNaN(ms)) return false;
          rows.at[i] = ms;
          break;
        }
        case 3: {
          const v = fastMinorBytes(b, s, e, this.digits, this.decimals[0]);
          // Not a plain amount, or negative (an error the general converter words).
          if (!(v >= 0)) return false;
          rows.amount[i] = v;
          break;
        }
        case 4:
          list = fastMinorBytes(b, s, e, this.digits, this.decimals[1]);
          if (!(list >= 0)) return false;
          break;
        case 5:
          status = this.statuses.get(b, s, e);
          if (status < 0) return false;
          break;
        case 6: {
          if (e - s > 9) return false;
          let v = 0;
          for (let q = s; q < e; q++) {
            const dgt = b[q]! - 48;
            if (dgt < 0 || dgt > 9) return false;
            v = v * 10 + dgt;
          }
          wait = v;
          break;
        }
        case 7:
          channel = this.texts.get(b, s, e);
          break;
        case 8:
          location = this.texts.get(b, s, e);
          break;
      }
    }
    rows.line[i] = line;
    rows.list[i] = Number.isNaN(list) || this.blankList ? rows.amount[i]! : list;
    rows.wait[i] = wait;
    rows.status[i] = status;
    rows.channel[i] = channel;
    rows.location[i] = location;
    rows.words = this.words;
    rows.n = i + 1;
    return true;
  }
}

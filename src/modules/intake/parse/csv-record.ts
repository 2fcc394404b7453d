import { type IssueCode, type IssueParams, rowIssue, shorten } from "./issues.ts";
import type { SourceRow } from "./source.ts";

export type CsvLimits = {
  /** A longer field rejects its row (the parser keeps going). */
  maxFieldChars: number;
  /** All fields of one row together. */
  maxRecordChars: number;
  maxFields: number;
};

export const defaultCsvLimits: CsvLimits = {
  maxFieldChars: 1024 * 1024,
  maxRecordChars: 4 * 1024 * 1024,
  maxFields: 10_000,
};

const LF = 10;
const CR = 13;

/** Where the text after a field's first line break starts, or -1 when the field has none. */
export const afterFirstBreak = (raw: string): number => {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === LF) return k + 1;
    if (c === CR) return raw.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
  }
  return -1;
};

export const findBreak = (s: string, from: number, to: number): number => {
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF || c === CR) return k;
  }
  return -1;
};

/** Where the tokenizer is: the physical line, and whether the last character seen was a CR. */
export type LinePosition = { line: number; prevCR: boolean };

// Line numbers stay physical inside quoted fields: CR, LF and CRLF each count once, even split across chunks.
export const countBreaks = (s: string, from: number, to: number, at: LinePosition): void => {
  let prevCR = at.prevCR;
  let line = at.line;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === CR) {
      line++;
      prevCR = true;
    } else {
      if (c === LF && !prevCR) line++;
      prevCR = false;
    }
  }
  at.prevCR = prevCR;
  at.line = line;
};

/**
 * Collects the fields of the record being read and emits it (or its rejection) as a SourceRow. Once a
 * record is rejected its later fields are not stored, so a hostile row costs no memory.
 */
export class CsvRecordBuilder {
  open = false;
  quotedAny = false;
  line = 1;
  /** False for records that start in re-read text (see CsvTokenizer): they are never re-read again. */
  canRefeed = true;
  /** The field being read when it spans chunks (raw: quotes still doubled in a quoted field). */
  partial = "";
  /** The current field is already rejected: keep scanning, store nothing. */
  discard = false;
  hadEscape = false;
  /** The raw text of the last quoted field, for re-reading it when a stray quote shows up after it. */
  lastRaw = "";
  /** The fields read so far (the first `count` slots: the array is reused, each row gets an exact copy). */
  private fields: string[] = [];
  private count = 0;
  private chars = 0;
  private rejection: { code: IssueCode; params: IssueParams; excerpt: string | null } | null = null;
  private out: SourceRow[] = [];
  private readonly limits: CsvLimits;

  constructor(limits: CsvLimits) {
    this.limits = limits;
  }

  start(line: number, canRefeed: boolean): void {
    this.open = true;
    this.line = line;
    this.canRefeed = canRefeed;
  }

  push(value: string): void {
    if (this.rejection) return;
    if (value.length > this.limits.maxFieldChars) {
      this.reject("field_too_long", { limit: this.limits.maxFieldChars }, value);
      return;
    }
    if (this.count >= this.limits.maxFields) {
      this.reject("too_many_fields", { limit: this.limits.maxFields }, null);
      return;
    }
    this.chars += value.length;
    if (this.chars > this.limits.maxRecordChars) {
      this.reject(
        "record_too_long",
        { limit: this.limits.maxRecordChars },
        this.count > 0 ? this.fields[0]! : value,
      );
      return;
    }
    this.fields[this.count++] = value;
  }

  /** Marks the record rejected; the first reason wins. */
  reject(code: IssueCode, params: IssueParams, excerpt: string | null): void {
    if (this.rejection) return;
    this.rejection = { code, params, excerpt: excerpt === null ? null : shorten(excerpt, 200) };
    this.count = 0;
  }

  appendPartial(piece: string): void {
    if (this.discard) return;
    this.partial += piece;
    if (this.partial.length > this.limits.maxFieldChars) {
      this.reject("field_too_long", { limit: this.limits.maxFieldChars }, this.partial);
      this.partial = "";
      this.discard = true;
    }
  }

  appendQuoted(piece: string): void {
    if (!this.discard) this.partial += piece;
  }

  finishUnquoted(value: string): void {
    this.partial = "";
    if (this.discard) this.discard = false;
    else this.push(value);
  }

  closeQuoted(tail: string): void {
    const raw = this.partial + tail;
    this.partial = "";
    this.lastRaw = raw;
    if (this.discard) this.discard = false;
    else this.push(this.hadEscape ? raw.replaceAll('""', '"') : raw);
  }

  end(): void {
    const fields = this.fields;
    const count = this.count;
    if (this.rejection) {
      const { code, params, excerpt } = this.rejection;
      this.out.push({ line: this.line, cells: [], issue: rowIssue(this.line, code, params, null, excerpt) });
    } else {
      // Rows of only empty, unquoted cells (blank lines, ",,,," that spreadsheets leave behind) are not data.
      let blank = !this.quotedAny;
      for (let k = 0; blank && k < count; k++) if (fields[k] !== "") blank = false;
      // An exact-size copy: a row's cells live until the row is converted, a grown array wastes half.
      if (!blank) this.out.push({ line: this.line, cells: count === 0 ? [] : fields.slice(0, count) });
    }
    // Do not keep a wide or long record's strings alive through the scratch array.
    if (this.chars > 65_536 || count > 256) this.fields = [];
    this.count = 0;
    this.open = false;
    this.quotedAny = false;
    this.chars = 0;
    this.rejection = null;
    this.discard = false;
    this.partial = "";
  }

  take(): SourceRow[] {
    const rows = this.out;
    this.out = [];
    return rows;
  }
}

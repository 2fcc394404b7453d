import {
  afterFirstBreak,
  type CsvLimits,
  CsvRecordBuilder,
  countBreaks,
  defaultCsvLimits,
  findBreak,
  type LinePosition,
} from "./csv-record.ts";
import type { SourceRow } from "./source.ts";

export { type CsvLimits, defaultCsvLimits } from "./csv-record.ts";

const QUOTE = 34;
const LF = 10;
const CR = 13;

// States of the RFC 4180 machine. Numbers, not strings: this loop runs for every character of the file.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_PENDING = 3; // a quote was the last character of a chunk: escape or end, decided by the next one
const AFTER_QUOTE = 4;
const SKIP_LINE = 5; // resynchronising after a broken record: drop everything up to the next line break

/**
 * A streaming RFC 4180 tokenizer: push decoded text in any chunking, take rows out. Rows carry the
 * physical line they start on. Broken input never throws: the row is emitted with an `issue` and the
 * parser resynchronises. For an unclosed quote it re-reads the text after the quote's line once, so
 * one stray quote costs one row, not the rest of the file; text re-read this way is never re-read again,
 * which keeps the work linear in the input (no hang on hostile files).
 */
export class CsvTokenizer {
  private readonly delim: number;
  private readonly limits: CsvLimits;
  private stripBom: boolean;
  private state = FIELD_START;
  private readonly rec: CsvRecordBuilder;
  private readonly at: LinePosition = { line: 1, prevCR: false };
  private quoteLine = 1;
  private skipLF = false;
  private inRefeed = false;

  /** `firstLine`: the physical line the text starts on (a file read from its middle). */
  constructor(delimiter: string, limits: Partial<CsvLimits> = {}, stripBom = true, firstLine = 1) {
    this.at.line = firstLine;
    this.quoteLine = firstLine;
    this.delim = delimiter.charCodeAt(0);
    this.limits = { ...defaultCsvLimits, ...limits };
    this.rec = new CsvRecordBuilder(this.limits);
    this.stripBom = stripBom;
  }

  /** The physical line the tokenizer has reached (for notices about the chunk being pushed). */
  get currentLine(): number {
    return this.at.line;
  }

  /** Rows completed so far; the caller takes them after each push. */
  take(): SourceRow[] {
    return this.rec.take();
  }

  push(s: string): void {
    let i = 0;
    if (this.stripBom && s.length > 0) {
      this.stripBom = false;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
    }
    this.process(s, i);
  }

  end(): void {
    switch (this.state) {
      case FIELD_START:
        if (this.rec.open) this.rec.push("");
        break;
      case UNQUOTED:
        this.rec.finishUnquoted(this.rec.partial);
        break;
      case QUOTE_PENDING:
        this.rec.closeQuoted("");
        break;
      case QUOTED: {
        const raw = this.rec.partial;
        this.rec.partial = "";
        this.rec.reject("unclosed_quote", { from: this.quoteLine }, raw);
        const at = this.rec.discard ? -1 : afterFirstBreak(raw);
        const refeed = at >= 0 && this.rec.canRefeed;
        this.rec.end();
        this.state = FIELD_START;
        if (refeed) {
          this.refeed(raw.slice(at), this.quoteLine + 1, this.at.line);
          this.end();
        }
        return;
      }
    }
    if (this.rec.open) this.rec.end();
    this.state = FIELD_START;
  }

  private process(s: string, from: number): void {
    const n = s.length;
    const d = this.delim;
    let i = from;
    let segStart = i;
    while (i < n) {
      switch (this.state) {
        case FIELD_START: {
          const c = s.charCodeAt(i);
          if (this.skipLF) {
            this.skipLF = false;
            if (c === LF) {
              i++;
              continue;
            }
          }
          if (!this.rec.open) this.rec.start(this.at.line, !this.inRefeed);
          if (c === QUOTE) {
            this.state = QUOTED;
            this.rec.quotedAny = true;
            this.quoteLine = this.at.line;
            this.rec.hadEscape = false;
            this.at.prevCR = false;
            i++;
          } else {
            this.state = UNQUOTED;
          }
          segStart = i;
          continue;
        }
        case UNQUOTED: {
          // The hot loop: runs of unquoted fields and records stay here instead of going back
          // through the state switch for every field (most files have no quotes at all).
          let j = i;
          let c = 0;
          for (;;) {
            while (j < n) {
              c = s.charCodeAt(j);
              if (c === d || c === LF || c === CR) break;
              j++;
            }
            if (j === n) {
              this.rec.appendPartial(s.slice(segStart, n));
              i = n;
              break;
            }
            this.rec.finishUnquoted(
              this.rec.partial === "" ? s.slice(segStart, j) : this.rec.partial + s.slice(segStart, j),
            );
            if (c === d) {
              i = j + 1;
              if (i < n && s.charCodeAt(i) !== QUOTE) {
                segStart = j = i;
                continue;
              }
            } else {
              i = this.lineBreak(j, c);
              if (this.skipLF && i < n && s.charCodeAt(i) === LF) {
                this.skipLF = false;
                i++;
              }
              const next = i < n ? s.charCodeAt(i) : QUOTE;
              if (next !== QUOTE && next !== LF && next !== CR) {
                this.skipLF = false;
                this.rec.start(this.at.line, !this.inRefeed);
                segStart = j = i;
                continue;
              }
            }
            this.state = FIELD_START;
            break;
          }
          continue;
        }
        case QUOTED: {
          const q = s.indexOf('"', i);
          const stop = q < 0 ? n : q;
          if (this.rec.discard) {
            const brk = findBreak(s, i, stop);
            if (brk >= 0) {
              // A field already too long hits a line break: end the broken row here rather than
              // let one stray quote swallow the rest of the file.
              this.rec.partial = "";
              i = this.lineBreak(brk, s.charCodeAt(brk));
              this.state = FIELD_START;
              continue;
            }
          } else {
            // Where the field's raw text passes the limit: a position in the text, not in the chunk,
            // so the outcome does not depend on how the input was cut into chunks.
            const over = segStart + this.limits.maxFieldChars + 1 - this.rec.partial.length;
            if (over <= stop) {
              const at = Math.max(over, i);
              countBreaks(s, i, at, this.at);
              this.overflow(this.rec.partial + s.slice(segStart, at));
              i = at;
              segStart = at;
              continue;
            }
            countBreaks(s, i, stop, this.at);
          }
          if (q < 0) {
            this.rec.appendQuoted(s.slice(segStart, n));
            i = n;
            continue;
          }
          this.at.prevCR = false;
          if (q + 1 < n) {
            if (s.charCodeAt(q + 1) === QUOTE) {
              this.rec.hadEscape = true;
              i = q + 2;
              if (i === n) this.rec.appendQuoted(s.slice(segStart, n)); // the chunk ends right after ""
              continue;
            }
            this.rec.closeQuoted(s.slice(segStart, q));
            this.state = AFTER_QUOTE;
            i = q + 1;
            continue;
          }
          if (!this.rec.discard) this.rec.partial += s.slice(segStart, q);
          this.state = QUOTE_PENDING;
          i = n;
          continue;
        }
        case QUOTE_PENDING: {
          if (s.charCodeAt(i) === QUOTE) {
            if (!this.rec.discard) this.rec.partial += '""';
            this.rec.hadEscape = true;
            this.state = QUOTED;
            i++;
            segStart = i;
          } else {
            this.rec.closeQuoted("");
            this.state = AFTER_QUOTE;
          }
          continue;
        }
        case AFTER_QUOTE: {
          const c = s.charCodeAt(i);
          if (c === d) {
            this.state = FIELD_START;
            i++;
          } else if (c === LF || c === CR) {
            i = this.lineBreak(i, c);
            this.state = FIELD_START;
          } else {
            this.textAfterQuote(i, s);
            segStart = i;
          }
          continue;
        }
        default: {
          const brk = findBreak(s, i, n);
          if (brk < 0) {
            i = n;
            continue;
          }
          i = this.lineBreak(brk, s.charCodeAt(brk));
          this.state = FIELD_START;
        }
      }
    }
  }

  private textAfterQuote(i: number, s: string): void {
    const raw = this.rec.lastRaw;
    const at = afterFirstBreak(raw);
    this.rec.reject("text_after_quote", { at: this.at.line, from: this.quoteLine }, s.slice(i, i + 40));
    if (at >= 0 && this.rec.canRefeed) {
      // The quote on quoteLine most likely never closed and paired with a later one: re-read what it hid.
      const current = this.at.line;
      this.rec.end();
      this.state = FIELD_START;
      this.refeed(`${raw.slice(at)}"`, this.quoteLine + 1, current);
      return;
    }
    // One-line damage such as "abc"def: the row is rejected, the rest of it is read as plain text.
    this.state = UNQUOTED;
    this.rec.discard = true;
  }

  private refeed(text: string, startLine: number, resumeLine: number): void {
    const wasRefeeding = this.inRefeed;
    this.inRefeed = true;
    this.at.line = startLine;
    this.process(text, 0);
    this.inRefeed = wasRefeeding;
    this.at.line = resumeLine;
  }

  /** A quoted field passed the size limit; `raw` is its text up to that point. */
  private overflow(raw: string): void {
    this.rec.partial = "";
    const at = afterFirstBreak(raw);
    if (at >= 0 && this.rec.canRefeed) {
      // Most likely a quote that never closes: reject its row and re-read what it swallowed.
      this.rec.reject("unclosed_quote", { from: this.quoteLine, limit: this.limits.maxFieldChars }, raw);
      const current = this.at.line;
      this.rec.end();
      this.state = FIELD_START;
      this.refeed(raw.slice(at), this.quoteLine + 1, current);
      return;
    }
    this.rec.reject("field_too_long", { limit: this.limits.maxFieldChars }, raw);
    if (at >= 0) this.state = SKIP_LINE;
    else this.rec.discard = true;
  }

  /** Ends the record at the line break at j (c is CR or LF); returns the index after it. */
  private lineBreak(j: number, c: number): number {
    this.rec.end();
    this.at.line++;
    if (c === CR) this.skipLF = true;
    return j + 1;
  }
}

import type { IssueParams } from "./issues.ts";
import type { RawCell } from "./source.ts";
import { isoString, zonedToUtc } from "./time-zone.ts";
import { cellText, fail, ok, type ValueResult } from "./values.ts";

/** How a column writes d/m/y dates: day first (31.12.2024, 31/12/2024) or month first (12/31/2024). */
export type DateOrder = "dmy" | "mdy";

export type DateOptions = {
  /** IANA zone for times without an offset (the workspace's). */
  timeZone: string;
  /** For d/m/y-shaped values; decided per column (see inferDateOrder). Default "dmy". */
  order?: DateOrder;
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const DAY = 86_400_000;
// Day 0 of the 1900 date system is 1899-12-31, but Lotus 1-2-3 (and so Excel) counts 1900-02-29, which
// never existed: from serial 61 on the epoch is effectively 1899-12-30.
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MAX_SERIAL = 73_415; // 2100-12-31

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DMY = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[,T ]+(.+))?$/;
// "12.03.2024 г." (ru) and "12.03.2024 р." (uk): the year abbreviation after a date.
const YEAR_WORD = /(?<=\d)\s*(?:г|р)\.?$/u;
const YMD = /^(\d{4})([./])(\d{1,2})\2(\d{1,2})(?:[,T ]+(.+))?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?$/;

const daysIn = (y: number, m: number): number =>
  m === 2
    ? y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
      ? 29
      : 28
    : m === 4 || m === 6 || m === 9 || m === 11
      ? 30
      : 31;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];
const MIN_UTC = Date.UTC(MIN_YEAR, 0, 1);
const MAX_UTC = Date.UTC(MAX_YEAR + 1, 0, 1);

/**
 * ISO 8601 as exports write it ("2024-05-17", "2024-05-17 10:30", "2024-05-17T10:30:00.123Z",
 * "2024-05-17T10:30:00,5+03:00") read without a regular expression, a Date or intermediate strings: this
 * runs for every row of a 5-million-row file. It only ever returns what parseDateTimeGeneral returns for
 * the same text; null for any other shape and for every invalid value (24:00, 2024-02-30, years out of
 * range), so the general reader decides those and words the error.
 */
export const fastIsoDateTime = (t: string, zone: string): string | null => {
  const len = t.length;
  if (len < 10 || len > 35 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return null;
  // "2024-12-14T03:25:18.214Z" (what toISOString writes) is already its own answer: check it, no arithmetic.
  if (len === 24 && t.charCodeAt(23) === 90 && isoUtcText(t)) return t;
  for (let k = 0; k < len; k++) {
    const c = t.charCodeAt(k);
    if (c > 0x7f) return null;
    scratch[k] = c;
  }
  const ms = fastIsoParts(scratch, 0, len, zone);
  return Number.isNaN(ms) ? null : isoString(ms);
};

const scratch = new Uint8Array(40);

const digitsAtB = (b: Uint8Array, from: number, count: number): number => {
  let v = 0;
  for (let k = from; k < from + count; k++) {
    const c = b[k]! - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

/**
 * fastIsoDateTime on the bytes b[from, to) (ASCII), as UTC milliseconds; NaN where it would return null.
 * The block load reads dates with it straight from the file (csv-fast.ts).
 */
export const fastIsoParts = (b: Uint8Array, from: number, to: number, zone: string): number => {
  const len = to - from;
  if (len < 10 || len > 35 || b[from + 4] !== 45 || b[from + 7] !== 45) return Number.NaN;
  const y = digitsAtB(b, from, 4);
  const mo = digitsAtB(b, from + 5, 2);
  const d = digitsAtB(b, from + 8, 2);
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return Number.NaN;
  let h = 0;
  let mi = 0;
  let s = 0;
  let ms = 0;
  let offset = Number.NaN; // none: a wall-clock time in `zone`
  if (len > 10) {
    const sep = b[from + 10];
    if (len < 16 || (sep !== 84 && sep !== 32) || b[from + 13] !== 58) return Number.NaN;
    h = digitsAtB(b, from + 11, 2);
    mi = digitsAtB(b, from + 14, 2);
    let p = from + 16;
    if (p < to && b[p] === 58) {
      if (len < 19) return Number.NaN;
      s = digitsAtB(b, from + 17, 2);
      p = from + 19;
      const mark = p < to ? b[p] : 0;
      if (mark === 46 || mark === 44) {
        const first = ++p;
        let n = 0;
        for (; p < to && p - first < 10; p++) {
          const c = b[p]! - 48;
          if (c < 0 || c > 9) break;
          n = n * 10 + c;
        }
        const k = p - first;
        if (k === 0 || k > 9) return Number.NaN;
        // n / 10^k is exactly the double Number("0.<digits>") reads (both operands are exact, division
        // rounds correctly), so this is the general reader's Math.round(Number(`0.${digits}`) * 1000).
        ms = Math.round((n / (POW10[k] as number)) * 1000);
      }
    }
    if (p < to) {
      const c = b[p];
      if (c === 90) {
        if (p + 1 !== to) return Number.NaN;
        offset = 0;
      } else if (c === 43 || c === 45) {
        const rest = to - p - 1;
        const oh = digitsAtB(b, p + 1, 2);
        let om = 0;
        if (rest === 4) om = digitsAtB(b, p + 3, 2);
        else if (rest === 5 && b[p + 3] === 58) om = digitsAtB(b, p + 4, 2);
        else if (rest !== 2) return Number.NaN;
        if (oh < 0 || om < 0) return Number.NaN;
        offset = (c === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
      } else return Number.NaN;
    }
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59) return Number.NaN;
  }
  const wall = civilMs(y, mo, d) + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
  if (Number.isNaN(offset)) return zonedToUtc(wall, zone);
  const utc = wall - offset;
  if (utc < MIN_UTC || utc >= MAX_UTC) return Number.NaN;
  return utc;
};

const two = (t: string, at: number): number => {
  const a = t.charCodeAt(at) - 48;
  const b = t.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/**
 * True when `t` is exactly YYYY-MM-DDTHH:MM:SS.sssZ with a real date and time, years 1900–2100: then the
 * general reader's answer is `t` itself (UTC, three fraction digits, the same fields).
 */
const isoUtcText = (t: string): boolean => {
  if (
    t.charCodeAt(10) !== 84 ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 58 ||
    t.charCodeAt(19) !== 46
  )
    return false;
  const hi = two(t, 0);
  const lo = two(t, 2);
  const mo = two(t, 5);
  const d = two(t, 8);
  const h = two(t, 11);
  const mi = two(t, 14);
  const s = two(t, 17);
  const m2 = two(t, 20);
  const m3 = t.charCodeAt(22) - 48;
  if (hi < 0 || lo < 0 || m2 < 0 || m3 < 0 || m3 > 9) return false;
  const y = hi * 100 + lo;
  return (
    y >= MIN_YEAR &&
    y <= MAX_YEAR &&
    mo >= 1 &&
    mo <= 12 &&
    d >= 1 &&
    d <= daysIn(y, mo) &&
    h >= 0 &&
    h <= 23 &&
    mi >= 0 &&
    mi <= 59 &&
    s >= 0 &&
    s <= 59
  );
};

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil), as UTC ms:
// the same as Date.UTC for our years, without its overhead on the hot path.
const civilMs = (year: number, m: number, d: number): number => {
  const y = m <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146_097 + doe - 719_468) * DAY;
};

type Wall = { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number };

const fullYear = (text: string): number => {
  const y = Number(text);
  // Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX/Excel pivot).
  return text.length === 2 ? (y < 70 ? 2000 + y : 1900 + y) : y;
};

const fraction = (digits: string | undefined): number =>
  digits ? Math.round(Number(`0.${digits}`) * 1000) : 0;

const parseClock = (text: string | undefined): [number, number, number, number] | null => {
  if (!text) return [0, 0, 0, 0];
  const m = TIME.exec(text.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const ampm = m[5]?.[0]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (ampm === "p" ? 12 : 0);
  }
  return [h, Number(m[2]), Number(m[3] ?? 0), fraction(m[4])];
};

type Checked = { ok: true; wall: number } | { ok: false; range: boolean };

const check = (w: Wall): Checked => {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.h > 23 || w.mi > 59 || w.s > 59)
    return { ok: false, range: false };
  if (w.y < MIN_YEAR || w.y > MAX_YEAR) return { ok: false, range: true };
  if (w.d > daysIn(w.y, w.mo)) return { ok: false, range: false };
  return { ok: true, wall: Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms) };
};

const fromWall = (w: Wall, cell: RawCell, zone: string, expected?: string): ValueResult<string> => {
  const c = check(w);
  if (!c.ok) return fail(c.range ? "date_out_of_range" : "not_a_date", expectParams(cell, expected));
  return ok(isoString(zonedToUtc(c.wall, zone)));
};

const expectParams = (cell: RawCell, expected?: string): IssueParams =>
  expected ? { value: cellText(cell), expected } : { value: cellText(cell) };

const offsetMs = (tz: string): number => {
  if (tz === "Z" || tz === "z" || tz === "UTC") return 0;
  const sign = tz[0] === "-" ? -1 : 1;
  const digits = tz.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
};

/** A spreadsheet serial day number (fraction = time of day) as a local wall-clock time. */
export const serialToWall = (serial: number): number | null => {
  if (!(serial >= 1 && serial <= MAX_SERIAL + 1)) return null;
  const days = Math.floor(serial);
  const base = days < 61 ? SERIAL_EPOCH + DAY : SERIAL_EPOCH; // before the phantom 1900-02-29
  // Spreadsheet times are binary fractions of a day: round to the second to drop the float noise.
  const ms = Math.round(((serial - days) * DAY) / 1000) * 1000;
  return base + days * DAY + ms;
};

const fromNumber = (n: number, cell: RawCell, zone: string): ValueResult<string> => {
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    const y = Math.floor(n / 10_000);
    return fromWall({ y, mo: Math.floor(n / 100) % 100, d: n % 100, h: 0, mi: 0, s: 0, ms: 0 }, cell, zone);
  }
  if (Number.isInteger(n) && n >= 1e9 && n < 1e10) return fromInstant(n * 1000, cell);
  if (Number.isInteger(n) && n >= 1e12 && n < 1e13) return fromInstant(n, cell);
  const wall = serialToWall(n);
  if (wall === null) return fail("not_a_date", { value: cellText(cell) });
  return ok(isoString(zonedToUtc(wall, zone)));
};

const fromInstant = (utc: number, cell: RawCell): ValueResult<string> => {
  const y = new Date(utc).getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) return fail("date_out_of_range", { value: cellText(cell) });
  return ok(isoString(utc));
};

/**
 * Any date or date-time a file may hold → a UTC ISO string. Text: ISO 8601 (an offset or Z is honoured,
 * otherwise the time is local to `timeZone`), d.m.y / d/m/y / m/d/y with an optional time (hh:mm[:ss],
 * AM/PM), yyyy/mm/dd, yyyymmdd, spreadsheet serials (45292.5), Unix seconds (10 digits) and milliseconds
 * (13 digits). Numbers are read the same way; Date cells (spreadsheets) are wall-clock times.
 */
export const parseDateTime = (cell: RawCell, options: DateOptions): ValueResult<string> => {
  if (typeof cell === "string") {
    const fast = fastIsoDateTime(cell, options.timeZone);
    if (fast !== null) return ok(fast);
  }
  return parseDateTimeGeneral(cell, options);
};

/** parseDateTime with regular expressions only (no fast path): what fastIsoDateTime is tested against. */
export const parseDateTimeGeneral = (cell: RawCell, options: DateOptions): ValueResult<string> => {
  const zone = options.timeZone;
  if (cell instanceof Date) {
    const t = cell.getTime();
    if (Number.isNaN(t)) return fail("not_a_date", { value: "" });
    return fromInstant(zonedToUtc(Math.round(t / 1000) * 1000, zone), cell);
  }
  if (typeof cell === "number") return fromNumber(cell, cell, zone);
  if (typeof cell !== "string") return fail("not_a_date", { value: cellText(cell) });
  const text = cell.trim().replace(YEAR_WORD, "");
  let m = ISO.exec(text);
  if (m) {
    const w = wallOf(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], m[7]);
    if (!m[8]) return fromWall(w, cell, zone);
    const c = check(w);
    if (!c.ok) return fail(c.range ? "date_out_of_range" : "not_a_date", { value: cell });
    return fromInstant(c.wall - offsetMs(m[8]), cell);
  }
  m = DMY.exec(text);
  if (m) {
    const clock = parseClock(m[5]);
    if (!clock) return fail("not_a_date", { value: cell });
    const monthFirst = options.order === "mdy";
    const a = Number(m[1]);
    const b = Number(m[3]);
    const sep = m[2]!;
    const expected = monthFirst ? `mm${sep}dd${sep}yyyy` : `dd${sep}mm${sep}yyyy`;
    const [h, mi, s, ms] = clock;
    const w = { y: fullYear(m[4]!), mo: monthFirst ? a : b, d: monthFirst ? b : a, h, mi, s, ms };
    return fromWall(w, cell, zone, expected);
  }
  m = YMD.exec(text);
  if (m) {
    const clock = parseClock(m[5]);
    if (!clock) return fail("not_a_date", { value: cell });
    const [h, mi, s, ms] = clock;
    return fromWall({ y: Number(m[1]), mo: Number(m[3]), d: Number(m[4]), h, mi, s, ms }, cell, zone);
  }
  m = COMPACT.exec(text);
  if (m) return fromWall(wallOf(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], undefined), cell, zone);
  if (/^\d{1,13}(?:[.,]\d+)?$/.test(text)) return fromNumber(Number(text.replace(",", ".")), cell, zone);
  return fail("not_a_date", { value: cell });
};

const wallOf = (
  y: string,
  mo: string,
  d: string,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
): Wall => ({
  y: Number(y),
  mo: Number(mo),
  d: Number(d),
  h: Number(h ?? 0),
  mi: Number(mi ?? 0),
  s: Number(s ?? 0),
  ms: fraction(frac),
});

export type DateOrderDecision = {
  order: DateOrder;
  /** evidence: a value only one order can read; conflict: values for both (majority wins); default: none. */
  decidedBy: "evidence" | "conflict" | "default" | "given";
  dayFirstVotes: number;
  monthFirstVotes: number;
};

/**
 * Decides a column's d/m/y order from its values. A first number over 12 votes day-first, a second number
 * over 12 votes month-first. No votes: slashes mean month-first (mm/dd/yyyy, what US-locale software
 * writes), dots and dashes mean day-first (dd.mm.yyyy, what ru/uk software writes).
 */
export const inferDateOrder = (values: Iterable<RawCell>): DateOrderDecision => {
  let dayFirst = 0;
  let monthFirst = 0;
  let slashes = 0;
  let others = 0;
  for (const cell of values) {
    if (typeof cell !== "string") continue;
    const m = DMY.exec(cell.trim().replace(YEAR_WORD, ""));
    if (!m) continue;
    if (m[2] === "/") slashes++;
    else others++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && b <= 12) dayFirst++;
    else if (b > 12 && a <= 12) monthFirst++;
  }
  const votes = { dayFirstVotes: dayFirst, monthFirstVotes: monthFirst };
  if (dayFirst > 0 && monthFirst > 0)
    return { order: monthFirst > dayFirst ? "mdy" : "dmy", decidedBy: "conflict", ...votes };
  if (dayFirst > 0) return { order: "dmy", decidedBy: "evidence", ...votes };
  if (monthFirst > 0) return { order: "mdy", decidedBy: "evidence", ...votes };
  return { order: slashes > others ? "mdy" : "dmy", decidedBy: "default", ...votes };
};

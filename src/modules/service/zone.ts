import { DAY } from "./types.ts";

/**
 * IANA time-zone arithmetic on `Intl` alone, fast enough for a million requests.
 *
 * `Intl.DateTimeFormat` answers "what does the wall clock read at this instant" (about 20 µs a call),
 * which is too slow per request but fine per day: for each UTC year we sample the offset at every
 * UTC midnight and, where two samples differ, bisect to the exact second of the transition. The year
 * becomes a short list of pieces with a constant offset, and every later question is a binary search.
 * Assumption: a zone changes its offset at most once between two UTC midnights (true of every zone in
 * the tz database since 1970; two changes in one day that cancel out would be missed).
 */

export type Zone = {
  name: string;
  /** Milliseconds to add to a UTC instant to get its wall-clock reading (local "as if UTC"). */
  offsetAt: (utcMs: number) => number;
  /** The piece of constant offset that holds `utcMs`: [start, end) and its offset. */
  pieceAt: (utcMs: number) => { start: number; end: number; offset: number };
};

/** A wall-clock reading: local day number (days since 1970-01-01 on the local calendar) and time of day. */
export type LocalTime = {
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
};

const known = new Map<string, boolean>();

/** Whether Intl knows the IANA zone (answers are kept: building a DateTimeFormat costs a fraction of a ms). */
export function isTimeZone(name: string): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > 64) return false;
  let ok = known.get(name);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: name });
      ok = true;
    } catch {
      ok = false;
    }
    if (known.size < 1000) known.set(name, ok);
  }
  return ok;
}

export const weekdayOfDay = (day: number): number => (((day + 3) % 7) + 7) % 7;

export function localTime(zone: Zone, utcMs: number): LocalTime {
  const local = utcMs + zone.offsetAt(utcMs);
  const day = Math.floor(local / DAY);
  return { day, weekday: weekdayOfDay(day), msOfDay: local - day * DAY };
}

const isoDays = new Map<number, string>();

/** "YYYY-MM-DD" of a local day number (memoised: a million facts share a few hundred days). */
export function dayToIso(day: number): string {
  let s = isoDays.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    if (isoDays.size < 100_000) isoDays.set(day, s);
  }
  return s;
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO 8601 in UTC of an instant, as toISOString() writes it, without making a Date. */
export function isoInstant(ms: number): string {
  const day = Math.floor(ms / DAY);
  let rest = Math.round(ms - day * DAY);
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const sec = rest % 60;
  rest = (rest - sec) / 60;
  const min = rest % 60;
  const hour = (rest - min) / 60;
  if (hour >= 24) return new Date(ms).toISOString();
  return `${dayToIso(day)}T${two(hour)}:${two(min)}:${two(sec)}.${String(milli).padStart(3, "0")}Z`;
}

/** The local day number of "YYYY-MM-DD" (no zone: days are counted on the local calendar). */
export function isoToDay(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

/**
 * The UTC instant at which the wall clock first reads `localMs` or later. A reading skipped by a
 * spring-forward gap maps to the end of the gap; a reading that occurs twice (fall back) to its first
 * occurrence.
 */
export function fromLocal(zone: Zone, localMs: number): number {
  // Try every offset the zone had within a day of the guess, earliest instant first.
  const candidates = new Set<number>();
  for (const probe of [localMs - DAY, localMs, localMs + DAY]) candidates.add(zone.offsetAt(probe));
  let best = Number.POSITIVE_INFINITY;
  for (const off of candidates) {
    const t = localMs - off;
    if (zone.offsetAt(t) === off && t < best) best = t;
  }
  if (best !== Number.POSITIVE_INFINITY) return best;
  // In a gap: the first instant after it, i.e. the transition itself.
  const before = zone.pieceAt(localMs - Math.max(...candidates));
  return before.end;
}

const zones = new Map<string, Zone>();

/** The zone by IANA name, cached for the process. Throws on an unknown name. */
export function zoneOf(name: string): Zone {
  let z = zones.get(name);
  if (!z) {
    z = makeZone(name);
    zones.set(name, z);
  }
  return z;
}

function makeZone(name: string): Zone {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: name,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  // The exact offset at a whole second, straight from Intl.
  const rawOffset = (t: number): number => {
    const s = Math.floor(t / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(s)) if (part.type !== "literal") p[part.type] = Number(part.value);
    const wall = Date.UTC(
      p.year ?? 1970,
      (p.month ?? 1) - 1,
      p.day ?? 1,
      p.hour ?? 0,
      p.minute ?? 0,
      p.second ?? 0,
    );
    return wall - s;
  };

  const years = new Map<number, { s: number[]; o: number[] }>();
  let starts: number[] = [];
  let offsets: number[] = [];
  let firstYear = 0;
  let lastYear = -1; // covered years: [firstYear, lastYear]

  function yearPieces(year: number): { s: number[]; o: number[] } {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const s = [from];
    const o = [rawOffset(from)];
    let prev = from;
    for (let t = from + DAY; prev < to; t += DAY) {
      const sample = Math.min(t, to);
      let current = o[o.length - 1] as number;
      while (rawOffset(sample) !== current) {
        // Bisect (prev, sample] to the first whole second with another offset.
        let lo = prev;
        let hi = sample;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (rawOffset(mid) === current) lo = mid;
          else hi = mid;
        }
        if (hi >= to) break; // the change happens exactly at next year's start
        current = rawOffset(hi);
        s.push(hi);
        o.push(current);
        prev = hi;
      }
      prev = sample;
    }
    return { s, o };
  }

  /** Covers `year` and one year either side (so that a piece never ends just past the table). */
  function cover(year: number): void {
    const lo = lastYear < firstYear ? year - 1 : Math.min(firstYear, year - 1);
    const hi = lastYear < firstYear ? year + 1 : Math.max(lastYear, year + 1);
    const s: number[] = [];
    const o: number[] = [];
    for (let y = lo; y <= hi; y++) {
      let pieces = years.get(y);
      if (!pieces) {
        pieces = yearPieces(y);
        years.set(y, pieces);
      }
      for (let i = 0; i < pieces.s.length; i++) {
        // A year boundary is not a transition: merge pieces with the same offset.
        if (o.length > 0 && o[o.length - 1] === pieces.o[i]) continue;
        s.push(pieces.s[i] as number);
        o.push(pieces.o[i] as number);
      }
    }
    starts = s;
    offsets = o;
    firstYear = lo;
    lastYear = hi;
    coverFromMs = Date.UTC(lo, 0, 1);
    coverToMs = Date.UTC(hi + 1, 0, 1);
  }

  function indexIn(t: number): number {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  let coverFromMs = 0;
  let coverToMs = 0;

  function ensure(t: number): void {
    if (t >= coverFromMs && t < coverToMs) return;
    cover(new Date(t).getUTCFullYear());
  }

  return {
    name,
    offsetAt(t) {
      ensure(t);
      return offsets[indexIn(t)] as number;
    },
    pieceAt(t) {
      ensure(t);
      const i = indexIn(t);
      const end = i + 1 < starts.length ? (starts[i + 1] as number) : coverToMs;
      return { start: starts[i] as number, end, offset: offsets[i] as number };
    },
  };
}

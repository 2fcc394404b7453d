/**
 * Wall-clock time in a workspace's zone, as milliseconds that read like UTC ("local ms"): month starts
 * and W-day windows are then plain arithmetic, as the definitions mean them (a month starts at local
 * midnight; W days is W calendar days). Offsets come from Intl and are cached per UTC hour; an hour
 * holding a zone transition is resolved to the minute.
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;

export type LocalClock = (utcMs: number) => number;

function offsetReader(timeZone: string): (utcMs: number) => number {
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (utcMs) => {
    const at = Math.floor(utcMs / 1000) * 1000;
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(at)) if (part.type !== "literal") p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - at;
  };
}

/** A converter from UTC ms to local ms for one IANA zone (offsets cached per hour in a typed array). */
export function localClock(timeZone: string): LocalClock {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return (utcMs) => utcMs;
  const offsetAt = offsetReader(timeZone);
  let first = 0;
  let cache = new Float64Array(0);
  const MIXED = Number.POSITIVE_INFINITY;
  return (utcMs) => {
    const h = Math.floor(utcMs / HOUR);
    let i = h - first;
    if (i < 0 || i >= cache.length) {
      // Grow to cover h, with room on both sides (a rebuild spans a few years: ~20,000 hours).
      const lo = cache.length === 0 ? h - 24 * 400 : Math.min(first, h - 24 * 400);
      const hi = cache.length === 0 ? h + 24 * 400 : Math.max(first + cache.length, h + 24 * 400);
      const next = new Float64Array(hi - lo).fill(Number.NaN);
      if (cache.length > 0) next.set(cache, first - lo);
      cache = next;
      first = lo;
      i = h - first;
    }
    let off = cache[i]!;
    if (Number.isNaN(off)) {
      const a = offsetAt(h * HOUR);
      const b = offsetAt((h + 1) * HOUR - 1000);
      off = a === b ? a : MIXED;
      cache[i] = off;
    }
    if (off === MIXED) off = offsetAt(Math.floor(utcMs / MINUTE) * MINUTE);
    return utcMs + off;
  };
}

/** Month index y·12 + (m − 1) of a day number since 1970 (civil-from-days, Hinnant). */
function monthOfDay(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + (m - 1);
}

// Days 1900-01-01 … 2100-12-31 looked up, the rest computed: the rebuild asks millions of times.
const FIRST_DAY = -25567;
const DAYS = 73414;
const monthTable = new Int32Array(DAYS);
for (let d = 0; d < DAYS; d++) monthTable[d] = monthOfDay(FIRST_DAY + d);

/** Month index y·12 + (m − 1) of a local ms. */
export function monthIndex(localMs: number): number {
  const d = Math.floor(localMs / DAY) - FIRST_DAY;
  return d >= 0 && d < DAYS ? monthTable[d]! : monthOfDay(d + FIRST_DAY);
}

/** Local ms of the first instant of month index k. */
export const monthStart = (k: number): number => Date.UTC(Math.floor(k / 12), k - Math.floor(k / 12) * 12, 1);

export const monthIndexToString = (k: number): string =>
  `${String(Math.floor(k / 12)).padStart(4, "0")}-${String(k - Math.floor(k / 12) * 12 + 1).padStart(2, "0")}`;

export const DAY_MS = DAY;

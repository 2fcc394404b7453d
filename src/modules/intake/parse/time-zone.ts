/**
 * Local wall-clock time in an IANA zone → UTC, with Intl only (no tz library). Offsets are cached per UTC
 * day, and per 15-minute bucket on the few days a zone changes its offset, so a 5-million-row file asks
 * Intl a few thousand times at most.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const caches = new Map<string, Map<number, number>>();
const BUCKET = 15 * 60_000;

const isUtc = (zone: string): boolean =>
  zone === "UTC" || zone === "Etc/UTC" || zone === "GMT" || zone === "Z";

export const isValidTimeZone = (zone: string): boolean => {
  if (isUtc(zone)) return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
};

const formatterFor = (zone: string): Intl.DateTimeFormat => {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
};

/** The zone's offset from UTC (ms, east positive) at the instant `utc`, straight from Intl. */
const exactOffset = (utc: number, zone: string): number => {
  const parts = formatterFor(zone).formatToParts(new Date(utc));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const p of parts) {
    if (p.type === "year") y = Number(p.value);
    else if (p.type === "month") mo = Number(p.value);
    else if (p.type === "day") d = Number(p.value);
    else if (p.type === "hour") h = Number(p.value) % 24;
    else if (p.type === "minute") mi = Number(p.value);
    else if (p.type === "second") s = Number(p.value);
    else if (p.type === "era") bc = p.value.startsWith("B");
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  return wall - (utc - (((utc % 1000) + 1000) % 1000));
};

const DAY = 86_400_000;
const TRANSITION = Number.NaN;
const dayCaches = new Map<string, Map<number, number>>();

/** Offset at `utc`: cached per UTC day (a day without a change has one offset), per 15 minutes on change days. */
export const offsetAt = (utc: number, zone: string): number => {
  if (isUtc(zone)) return 0;
  let days = dayCaches.get(zone);
  if (!days) {
    days = new Map();
    dayCaches.set(zone, days);
  }
  const day = Math.floor(utc / DAY);
  const known = days.get(day);
  if (known !== undefined && !Number.isNaN(known)) return known;
  if (known === undefined) {
    const start = exactOffset(day * DAY, zone);
    const end = exactOffset(day * DAY + DAY - 1000, zone);
    if (days.size > 100_000) days.clear();
    days.set(day, start === end ? start : TRANSITION);
    if (start === end) return start;
  }
  return bucketOffset(utc, zone);
};

const bucketOffset = (utc: number, zone: string): number => {
  let cache = caches.get(zone);
  if (!cache) {
    cache = new Map();
    caches.set(zone, cache);
  }
  const bucket = Math.floor(utc / BUCKET);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const start = exactOffset(bucket * BUCKET, zone);
  const end = exactOffset(bucket * BUCKET + BUCKET - 1000, zone);
  if (start !== end) return exactOffset(utc, zone); // the change happens inside this bucket: never cached
  if (cache.size > 50_000) cache.clear();
  cache.set(bucket, start);
  return start;
};

/**
 * UTC milliseconds for a wall-clock time in `zone`. A time skipped by a DST change is moved forward by the
 * gap; a time that happens twice takes the earlier instant (the first pass).
 */
export const zonedToUtc = (wall: number, zone: string): number => {
  if (isUtc(zone)) return wall;
  const steady = steadyOffset(Math.floor(wall / DAY), zone);
  if (!Number.isNaN(steady)) return wall - steady;
  const before = offsetAt(wall - 86_400_000, zone);
  const after = offsetAt(wall + 86_400_000, zone);
  if (before === after) {
    const t = wall - before;
    if (offsetAt(t, zone) === before) return t;
  }
  // Near a transition: try the earlier offset first (first pass of a repeated hour), then the later one.
  const first = wall - Math.max(before, after);
  if (offsetAt(first, zone) === Math.max(before, after)) return first;
  const second = wall - Math.min(before, after);
  if (offsetAt(second, zone) === Math.min(before, after)) return second;
  // In a gap: the instant the clock jumps over, shifted by the gap.
  return wall - before;
};

const steadyDays = new Map<string, Map<number, number>>();
let lastZone = "";
let lastDay = Number.NaN;
let lastSteady = Number.NaN;

/**
 * The offset when the day before, the day and the day after all keep one offset (then wall − offset is the
 * only answer, since offsets are under a day); NaN near a change. One Map lookup per row, none for a run
 * of rows on the same day.
 */
const steadyOffset = (day: number, zone: string): number => {
  if (day === lastDay && zone === lastZone) return lastSteady;
  let days = steadyDays.get(zone);
  if (!days) {
    days = new Map();
    steadyDays.set(zone, days);
  }
  let steady = days.get(day);
  if (steady === undefined) {
    const a = offsetAt(day * DAY - DAY, zone);
    const b = offsetAt(day * DAY, zone);
    const c = offsetAt(day * DAY + DAY, zone);
    const d = offsetAt(day * DAY + 2 * DAY - 1000, zone);
    steady = a === b && b === c && c === d ? b : Number.NaN;
    if (days.size > 100_000) days.clear();
    days.set(day, steady);
  }
  lastZone = zone;
  lastDay = day;
  lastSteady = steady;
  return steady;
};

/**
 * `new Date(ms).toISOString()`, several times faster for whole milliseconds in years 1000–9999: the date
 * from days by Howard Hinnant's civil_from_days, the text made in one flat string (no pieces to join).
 */
export const isoString = (ms: number): string => {
  const days = Math.floor(ms / DAY);
  let rest = ms - days * DAY;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  if (!(y >= 1000 && y <= 9999 && Number.isInteger(ms))) return isoStringSlow(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const y2 = y % 100;
  const m3 = milli % 100;
  return String.fromCharCode(
    48 + Math.floor(y / 1000),
    48 + (Math.floor(y / 100) % 10),
    48 + Math.floor(y2 / 10),
    48 + (y2 % 10),
    45,
    48 + Math.floor(mo / 10),
    48 + (mo % 10),
    45,
    48 + Math.floor(d / 10),
    48 + (d % 10),
    84,
    48 + Math.floor(h / 10),
    48 + (h % 10),
    58,
    48 + Math.floor(mi / 10),
    48 + (mi % 10),
    58,
    48 + Math.floor(s / 10),
    48 + (s % 10),
    46,
    48 + Math.floor(milli / 100),
    48 + Math.floor(m3 / 10),
    48 + (m3 % 10),
    90,
  );
};

const PAD = Array.from({ length: 60 }, (_, k) => String(k).padStart(2, "0"));
const dayPrefixes = new Map<number, string>();

/** The former isoString, kept for what the fast one does not cover (fractions of a millisecond, far years). */
const isoStringSlow = (ms: number): string => {
  const day = Math.floor(ms / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    if (dayPrefixes.size > 20_000) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const s = Math.floor(rest / 1000);
  const milli = rest - s * 1000;
  const ms3 = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${prefix}${PAD[h]}:${PAD[mi]}:${PAD[s]}.${ms3}Z`;
};

/**
 * Wall-clock arithmetic in Europe/Kyiv without a time-zone library: the demo needs it per event, millions
 * of times, and Intl is far too slow for that. Kyiv follows the EU rule: UTC+3 from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+2 otherwise.
 */
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

const dstCache = new Map<number, readonly [number, number]>();

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  const back = lastDay.getUTCDay(); // 0 = Sunday
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 1);
}

function dstRange(year: number): readonly [number, number] {
  let range = dstCache.get(year);
  if (!range) {
    range = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)];
    dstCache.set(year, range);
  }
  return range;
}

export function kyivOffsetMs(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const [start, end] = dstRange(year);
  return utcMs >= start && utcMs < end ? 3 * HOUR : 2 * HOUR;
}

/** 0 = Monday … 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type LocalTime = {
  /** Days since 1970-01-01 on the Kyiv calendar. */
  day: number;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
  month: number;
  year: number;
};

export function kyivLocal(utcMs: number): LocalTime {
  const local = utcMs + kyivOffsetMs(utcMs);
  const day = Math.floor(local / DAY);
  const date = new Date(day * DAY);
  return {
    day,
    // 1970-01-01 was a Thursday (weekday 3 when Monday is 0).
    weekday: ((((day + 3) % 7) + 7) % 7) as Weekday,
    minutes: Math.floor((local - day * DAY) / MINUTE),
    month: date.getUTCMonth(),
    year: date.getUTCFullYear(),
  };
}

/** The UTC instant of a Kyiv wall-clock time given as local day number and minutes after midnight. */
export function kyivToUtc(day: number, minutes: number): number {
  const local = day * DAY + minutes * MINUTE;
  const guess = local - kyivOffsetMs(local - 2 * HOUR);
  return local - kyivOffsetMs(guess);
}

/** One opening interval per weekday in minutes after midnight; null when closed all day. */
export type OpeningHours = readonly (readonly [number, number] | null)[];

export const CONTACT_CENTRE_HOURS: OpeningHours = [
  [540, 1080],
  [540, 1080],
  [540, 1080],
  [540, 1080],
  [540, 1080],
  null,
  null,
];

export const STORE_HOURS: OpeningHours = [
  [600, 1260],
  [600, 1260],
  [600, 1260],
  [600, 1260],
  [600, 1260],
  [600, 1260],
  [600, 1260],
];

export function isOpen(utcMs: number, hours: OpeningHours): boolean {
  const local = kyivLocal(utcMs);
  const span = hours[local.weekday];
  return !!span && local.minutes >= span[0] && local.minutes < span[1];
}

/** The first instant at or after utcMs when the hours are open. */
export function nextOpening(utcMs: number, hours: OpeningHours): number {
  const local = kyivLocal(utcMs);
  for (let d = 0; d < 8; d++) {
    const span = hours[(local.weekday + d) % 7];
    if (!span) continue;
    if (d === 0) {
      if (local.minutes < span[0]) return kyivToUtc(local.day, span[0]);
      if (local.minutes < span[1]) return utcMs;
      continue;
    }
    return kyivToUtc(local.day + d, span[0]);
  }
  throw new Error("opening hours are closed all week");
}

/**
 * utcMs moved forward by the given amount of open time: work paused at closing resumes at the next
 * opening. The result is always strictly inside the hours, never on the closing instant itself.
 */
export function addOpenMinutes(utcMs: number, minutes: number, hours: OpeningHours): number {
  let t = nextOpening(utcMs, hours);
  let left = minutes * MINUTE;
  for (;;) {
    const local = kyivLocal(t);
    const span = hours[local.weekday];
    if (!span) throw new Error("nextOpening returned a closed day");
    const closesAt = kyivToUtc(local.day, span[1]);
    if (t + left < closesAt) return t + left;
    left -= closesAt - t;
    t = nextOpening(closesAt, hours);
  }
}

/** Adds calendar months in UTC, clamping the day (31 March − 1 month = 28/29 February). */
export function addMonthsUtc(utcMs: number, months: number): number {
  const d = new Date(utcMs);
  const target = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes()),
  );
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), lastDay));
  return target.getTime() + d.getUTCSeconds() * 1000 + d.getUTCMilliseconds();
}

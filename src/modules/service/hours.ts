import { DAY, HOUR, MINUTE } from "./types.ts";
import { fromLocal, isoToDay, localTime, weekdayOfDay, type Zone, zoneOf } from "./zone.ts";

/**
 * Working hours and business time.
 *
 * Definition: a schedule is open at an instant when the wall clock of the schedule's zone at that
 * instant falls inside one of the day's open spans. Business time between two instants is the measure
 * of the open instants between them. It follows that on a spring-forward day a 24-hour span lasts 23
 * real hours and on a fall-back day 25 (the repeated hour is open twice), a span that ends at 03:30 in
 * a gap 03:00–04:00 ends at the gap, and a holiday replaces the whole day's spans.
 */

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" to "HH:MM"; "24:00" may end a span. A span whose end is not after its start runs past midnight. */
export type TimeSpan = { from: string; to: string };
export type WeeklyHours = Record<Weekday, TimeSpan[]>;
export type HoursSpec = { timeZone: string; alwaysOpen: boolean; week: WeeklyHours };
/** A day (in the schedule's zone) with its own hours: [] = closed all day. */
export type HolidaySpec = { date: string; name: string; hours: TimeSpan[] };

export const CLOCK_RE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function clockMinutes(s: string): number {
  if (!CLOCK_RE.test(s)) throw new Error(`'${s}' is not a time like 09:00`);
  return Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
}

export const weekOf = (spans: readonly TimeSpan[], days: readonly Weekday[] = WEEKDAYS): WeeklyHours =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, days.includes(d) ? [...spans] : []])) as unknown as WeeklyHours;

/** What Storona assumes when nobody said: an office, Mon–Fri 09:00–18:00 (the seed's "9 to 6" test). */
export const assumedHours = (timeZone: string): HoursSpec => ({
  timeZone,
  alwaysOpen: false,
  week: weekOf([{ from: "09:00", to: "18:00" }], ["mon", "tue", "wed", "thu", "fri"]),
});

export const alwaysOpenHours = (timeZone: string): HoursSpec => ({
  timeZone,
  alwaysOpen: true,
  week: weekOf([{ from: "00:00", to: "24:00" }]),
});

export type Schedule = {
  zone: Zone;
  alwaysOpen: boolean;
  /** Per weekday (0 = Monday): sorted, disjoint [start, end) pairs, flattened, in ms after local midnight. */
  week: readonly (readonly number[])[];
  /** Local day number → that day's pairs (empty: closed). */
  holidays: ReadonlyMap<number, readonly number[]>;
  /** Whether any weekday has open time (else adding business time never ends). */
  openSomeWeekday: boolean;
};

function merge(pairs: Array<[number, number]>): number[] {
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    if (b <= a) continue;
    const last = out.length - 1;
    if (last > 0 && a <= (out[last] as number)) out[last] = Math.max(out[last] as number, b);
    else out.push(a, b);
  }
  return out;
}

/** Holidays replace the day; a 24/7 schedule ignores them (24/7 means every day of the year). */
export function compileSchedule(spec: HoursSpec, holidays: readonly HolidaySpec[] = []): Schedule {
  const zone = zoneOf(spec.timeZone);
  const days: Array<Array<[number, number]>> = WEEKDAYS.map(() => []);
  WEEKDAYS.forEach((name, w) => {
    for (const span of spec.week[name] ?? []) {
      const a = clockMinutes(span.from) * MINUTE;
      const b = clockMinutes(span.to) * MINUTE;
      if (b > a) {
        days[w]?.push([a, b]);
      } else {
        // Runs past midnight: the rest of this day and the start of the next.
        days[w]?.push([a, DAY]);
        if (b > 0) days[(w + 1) % 7]?.push([0, b]);
      }
    }
  });
  const week = days.map(merge);
  const hol = new Map<number, number[]>();
  if (!spec.alwaysOpen) {
    for (const h of holidays) {
      const pairs = h.hours.map((s): [number, number] => [
        clockMinutes(s.from) * MINUTE,
        clockMinutes(s.to) * MINUTE,
      ]);
      hol.set(isoToDay(h.date), merge(pairs));
    }
  }
  return {
    zone,
    alwaysOpen: spec.alwaysOpen,
    week,
    holidays: hol,
    openSomeWeekday: week.some((d) => d.length > 0),
  };
}

export const withoutHolidays = (s: Schedule): Schedule => ({ ...s, holidays: new Map() });

export const spansOn = (s: Schedule, day: number): readonly number[] =>
  s.holidays.get(day) ?? (s.week[weekdayOfDay(day)] as readonly number[]);

export function isOpenAt(s: Schedule, utcMs: number): boolean {
  if (s.alwaysOpen) return true;
  const lt = localTime(s.zone, utcMs);
  const spans = spansOn(s, lt.day);
  for (let i = 0; i < spans.length; i += 2) {
    if (lt.msOfDay >= (spans[i] as number) && lt.msOfDay < (spans[i + 1] as number)) return true;
  }
  return false;
}

/** Open time inside the local interval [l0, l1), read on the wall clock. */
function openWithinLocal(s: Schedule, l0: number, l1: number): number {
  let total = 0;
  for (let day = Math.floor(l0 / DAY); day * DAY < l1; day++) {
    const base = day * DAY;
    const spans = spansOn(s, day);
    for (let i = 0; i < spans.length; i += 2) {
      const lo = Math.max(base + (spans[i] as number), l0);
      const hi = Math.min(base + (spans[i + 1] as number), l1);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** Business milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMs(s: Schedule, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (s.alwaysOpen) return to - from;
  let total = 0;
  // Within a piece of constant offset the wall clock runs with real time, so local lengths are real lengths.
  for (let t = from; t < to; ) {
    const p = s.zone.pieceAt(t);
    const end = Math.min(p.end, to);
    total += openWithinLocal(s, t + p.offset, end + p.offset);
    t = end;
  }
  return total;
}

/** Give up adding business time after this long (a schedule open only on a holiday years away). */
const SEARCH_LIMIT = 3660 * DAY;

/**
 * The instant at which `ms` of business time has passed since `from` (a deadline). A deadline that falls
 * on a closing time is that closing time. Null when the schedule never opens.
 */
export function addBusinessMs(s: Schedule, from: number, ms: number): number | null {
  if (ms <= 0) return from;
  if (s.alwaysOpen) return from + ms;
  let holidayOpen = false;
  for (const pairs of s.holidays.values()) if (pairs.length > 0) holidayOpen = true;
  if (!s.openSomeWeekday && !holidayOpen) return null;
  let left = ms;
  for (let t = from; t < from + SEARCH_LIMIT; ) {
    const p = s.zone.pieceAt(t);
    const l0 = t + p.offset;
    const l1 = p.end + p.offset;
    for (let day = Math.floor(l0 / DAY); day * DAY < l1; day++) {
      const base = day * DAY;
      const spans = spansOn(s, day);
      for (let i = 0; i < spans.length; i += 2) {
        const lo = Math.max(base + (spans[i] as number), l0);
        const hi = Math.min(base + (spans[i + 1] as number), l1);
        if (hi <= lo) continue;
        if (hi - lo >= left) return lo + left - p.offset;
        left -= hi - lo;
      }
    }
    t = p.end;
  }
  return null;
}

/**
 * The share of each hour of a typical week (ignoring holidays) that the schedule is open, read on the
 * display zone's clock: 168 cells, Monday 00–01 first. The week is the one holding `referenceUtc`, so a
 * schedule kept in another zone is shifted by the offsets of that week.
 */
export function weeklyOpenShare(s: Schedule, display: Zone, referenceUtc: number): number[] {
  const plain = withoutHolidays(s);
  const ref = localTime(display, referenceUtc);
  const monday = ref.day - ref.weekday;
  const out: number[] = [];
  for (let cell = 0; cell < 168; cell++) {
    const local = (monday + Math.floor(cell / 24)) * DAY + (cell % 24) * HOUR;
    const a = fromLocal(display, local);
    const b = fromLocal(display, local + HOUR);
    out.push(b > a ? businessMs(plain, a, b) / (b - a) : 0);
  }
  return out;
}

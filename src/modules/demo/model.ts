import type { ProblemSpec } from "./problems.ts";
import type { Rng } from "./random.ts";
import { DAY, kyivToUtc, type LocalTime } from "./time.ts";
import type { Lang, LocationKey } from "./types.ts";
import type { Timeline } from "./workspace.ts";

/**
 * The behaviour behind the demo: when people buy, where, and how the planted problems come and go.
 * Every number here is a story choice, not an estimate; the tests check the story comes through.
 */

export const HOME_WEIGHTS: Readonly<Record<LocationKey, number>> = {
  "store-khreshchatyk": 0.28,
  "store-obolon": 0.24,
  "store-livoberezhna": 0.2,
  online: 0.28,
};

export const LANGUAGE_WEIGHTS: Readonly<Record<LocationKey, Readonly<Record<Lang, number>>>> = {
  "store-khreshchatyk": { uk: 0.45, ru: 0.33, en: 0.22 },
  "store-obolon": { uk: 0.5, ru: 0.38, en: 0.12 },
  "store-livoberezhna": { uk: 0.42, ru: 0.48, en: 0.1 },
  online: { uk: 0.48, ru: 0.34, en: 0.18 },
};

/**
 * How much worse customers of a location are treated beyond its planted problems: a multiplier on the
 * base churn and on the chance a complaint is fixed. Livoberezhna is the neglected store.
 */
export const LOCATION_CHURN: Readonly<Record<LocationKey, number>> = {
  "store-khreshchatyk": 1,
  "store-obolon": 0.85,
  "store-livoberezhna": 1.3,
  online: 1.05,
};

export const FIX_CHANCE: Readonly<Record<LocationKey, number>> = {
  "store-khreshchatyk": 0.8,
  "store-obolon": 0.85,
  "store-livoberezhna": 0.55,
  online: 0.75,
};

// Hour weights in Kyiv time. Stores open 10–21 and fill up after work; people order and write
// online mostly in the evening; weekends bring more visits.
const STORE_HOURS_WEIGHTS = [3, 4, 5, 5, 5, 5, 6, 8, 10, 10, 7];
const ONLINE_HOURS_WEIGHTS = [
  1.5, 0.8, 0.4, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3, 3.2, 3.4, 3.6, 3.4, 3.3, 3.3, 3.5, 3.9, 4.5, 5.5, 6.5, 6.8,
  5.5, 3.2,
];
const WRITING_HOURS_WEIGHTS = [
  0.6, 0.3, 0.1, 0.1, 0.1, 0.2, 0.4, 1, 2, 4.6, 5.2, 5.2, 5, 5, 4.9, 4.9, 5, 4.9, 3.8, 3.4, 3, 2.6, 1.8, 1,
];
const STORE_WEEKDAY_WEIGHTS = [0.8, 0.8, 0.85, 0.9, 1.1, 1.5, 1.3];
const ONLINE_WEEKDAY_WEIGHTS = [1, 1, 1, 1, 1, 1.15, 1.2];
const WRITING_WEEKDAY_WEIGHTS = [1, 1, 1, 1, 1, 0.8, 0.8];

/** Kyiv minutes after midnight for a store visit, an online order, or a message written at home. */
export function minuteOfDay(kind: "store" | "online" | "writing", rng: Rng): number {
  if (kind === "store") return (10 + rng.weightedIndex(STORE_HOURS_WEIGHTS)) * 60 + rng.int(0, 59);
  const weights = kind === "online" ? ONLINE_HOURS_WEIGHTS : WRITING_HOURS_WEIGHTS;
  return rng.weightedIndex(weights) * 60 + rng.int(0, 59);
}

/** Accepts a Kyiv day with probability proportional to its weekday weight (thinning). */
export function acceptWeekday(kind: "store" | "online" | "writing", weekday: number, rng: Rng): boolean {
  const weights =
    kind === "store"
      ? STORE_WEEKDAY_WEIGHTS
      : kind === "online"
        ? ONLINE_WEEKDAY_WEIGHTS
        : WRITING_WEEKDAY_WEIGHTS;
  return rng.next() * 1.5 < (weights[weekday] ?? 1);
}

/** A moment on the given Kyiv day, or a later day if the weekday is thinned out. */
export function momentOn(day: number, kind: "store" | "online" | "writing", rng: Rng): number {
  let d = day;
  for (let i = 0; i < 7; i++, d++) {
    if (acceptWeekday(kind, (((d + 3) % 7) + 7) % 7, rng)) break;
  }
  return kyivToUtc(d, minuteOfDay(kind, rng));
}

/** Purchase seasonality: the run-up to New Year, Black Friday and the spring clean-up sell more. */
export function seasonality(month: number): number {
  return [0.85, 0.8, 0.95, 1.05, 1, 0.9, 0.85, 0.9, 1, 1.05, 1.25, 1.45][month] ?? 1;
}

/** Extra chance of a discount in sale weeks. */
export function saleBoost(local: LocalTime): number {
  const dayOfMonth = new Date(local.day * DAY).getUTCDate();
  if (local.month === 10 && dayOfMonth >= 22) return 0.35;
  if (local.month === 0 && dayOfMonth <= 20) return 0.25;
  if (local.month === 6 && dayOfMonth >= 15) return 0.15;
  return 0;
}

/** 0 before `at`, rising linearly to 1 over `days` after it. */
export function ramp(t: number, at: number, days: number): number {
  if (t <= at) return 0;
  return Math.min(1, (t - at) / (days * DAY));
}

/** The chance, per order, of meeting a problem at a location at a moment: the planted dynamics live here. */
export function problemRate(
  spec: ProblemSpec,
  location: LocationKey,
  t: number,
  local: LocalTime,
  tl: Timeline,
): number {
  const base = spec.rates[location] ?? 0;
  if (base === 0) return 0;
  switch (spec.key) {
    case "late_delivery":
      // The cheaper courier from courierSwitchAt is late about four times as often.
      return base * (1 + 2.8 * ramp(t, tl.courierSwitchAt, 10)) * (local.month === 11 ? 1.4 : 1);
    case "long_queue": {
      const evening = local.minutes >= 17 * 60;
      const weekend = local.weekday >= 5 ? 1.3 : 1;
      const holiday = local.month === 11 ? 1.4 : 1;
      let factor = (evening ? 1.9 : 0.45) * weekend * holiday;
      // The extra evening cashier removes most of the evening queue at Khreshchatyk.
      if (location === "store-khreshchatyk" && evening) factor *= 1 - 0.82 * ramp(t, tl.extraCashierAt, 21);
      return base * factor;
    }
    case "entrance_puddle":
      return base * (local.month >= 9 || local.month <= 3 ? 1.55 : 0.3);
    case "staff_parking":
      return base * (local.weekday >= 5 ? 0.6 : 1.2);
    default:
      return base;
  }
}

/**
 * Extra chance of not coming back after a visit, felt by everyone in the shop, not only by those who
 * complain: the evening crush at the Khreshchatyk tills until the extra cashier arrives.
 */
export function ambientStress(location: LocationKey, t: number, local: LocalTime, tl: Timeline): number {
  if (location !== "store-khreshchatyk") return 0;
  return (local.minutes >= 17 * 60 ? 0.16 : 0.04) * (1 - 0.85 * ramp(t, tl.extraCashierAt, 21));
}

/** Chance that a new customer of this location came because a friend recommended it, given how it treats people now. */
export function referralChance(home: LocationKey, t: number, tl: Timeline): number {
  const base = 0.16;
  switch (home) {
    case "store-obolon":
      return base * 1.25;
    case "store-livoberezhna":
      return base * 0.55;
    case "store-khreshchatyk":
      return base * (0.8 + 0.45 * ramp(t, tl.extraCashierAt, 60));
    case "online":
      return base * (1 - 0.4 * ramp(t, tl.courierSwitchAt, 20));
  }
}

/** Shapes shared by the speedometer's pure functions, its store and its API. */

/** The five behavioural components of the needle (DOMAIN.md "The speedometer: definitions"). */
export const componentKeys = ["repeat", "fullPrice", "waitTolerance", "referral", "recovery"] as const;
export type ComponentKey = (typeof componentKeys)[number];

/**
 * A proportion as every screen shows it: the counts behind it, the estimate and its 95% Wilson interval.
 * value/lower/upper are null when there is not enough data (n below the minimum): the UI then says
 * "not enough data" instead of a number. n is the sample size the rule is applied to; effectiveN is the
 * size the interval is computed from (equal to n except for revenue shares, see proportion.ts).
 */
export type Proportion = {
  numerator: number;
  denominator: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  effectiveN: number;
  enough: boolean;
};

/** The additive counts one month (or one period) of behaviour holds for one slice of the business. */
export type BehaviourCounts = {
  repeatBase: number;
  repeatReturned: number;
  recoveryBase: number;
  recoveryReturned: number;
  orders: number;
  ordersFull: number;
  /** Minor units. */
  revenue: number;
  revenueFull: number;
  /** Σ amount² over the orders in `revenue`. */
  revenueSq: number;
  waitOrders: number;
  waitCompleted: number;
  newCustomers: number;
  newReferred: number;
};

/** Survey answers of one month (or period) for one slice. */
export type StatedCounts = {
  npsN: number;
  npsPromoters: number;
  npsDetractors: number;
  csatN: number;
  csatGood: number;
  cesN: number;
  cesSum: number;
  cesSumSq: number;
};

export type MonthCounts = BehaviourCounts & StatedCounts;

/** "YYYY-MM": a calendar month in the workspace's time zone. */
export type Month = string;

export type Dimension = "location" | "channel" | "segment";

export type Change = "up" | "down" | "no_change" | "unknown";

export const emptyBehaviour = (): BehaviourCounts => ({
  repeatBase: 0,
  repeatReturned: 0,
  recoveryBase: 0,
  recoveryReturned: 0,
  orders: 0,
  ordersFull: 0,
  revenue: 0,
  revenueFull: 0,
  revenueSq: 0,
  waitOrders: 0,
  waitCompleted: 0,
  newCustomers: 0,
  newReferred: 0,
});

export const emptyStated = (): StatedCounts => ({
  npsN: 0,
  npsPromoters: 0,
  npsDetractors: 0,
  csatN: 0,
  csatGood: 0,
  cesN: 0,
  cesSum: 0,
  cesSumSq: 0,
});

export const emptyCounts = (): MonthCounts => ({ ...emptyBehaviour(), ...emptyStated() });

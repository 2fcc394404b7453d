import { countProportion, revenueShare } from "./proportion.ts";
import type { BehaviourCounts, ComponentKey, Proportion } from "./types.ts";

/**
 * The five components, twice: as counts from raw events (the definitions read literally, used by tests
 * and by anyone checking a figure by hand) and as proportions from rollup counts (what the API shows).
 * Times are milliseconds of wall-clock time in the workspace's zone; the caller passes every instant.
 */

export type OrderStatus = "completed" | "cancelled" | "returned";

/** One order as the speedometer sees it. `referred`: the order or its customer names a referrer. */
export type OrderFact = {
  customer: string;
  at: number;
  status: OrderStatus;
  amount: number;
  listAmount: number;
  waitDays: number;
  referred: boolean;
};

export type ComplaintFact = { customer: string; at: number };

const DAY = 86_400_000;

const inRange = (at: number, from: number, to: number) => at >= from && at < to;

/** Customers with a completed order in [from, to). DOMAIN.md: "Only completed orders count." */
function buyersIn(orders: readonly OrderFact[], from: number, to: number): Set<string> {
  const s = new Set<string>();
  for (const o of orders) if (o.status === "completed" && inRange(o.at, from, to)) s.add(o.customer);
  return s;
}

/** DOMAIN.md Repeat: of customers who bought in [t−2W, t−W), those who bought again in [t−W, t). */
export function repeatCounts(
  orders: readonly OrderFact[],
  t: number,
  windowDays: number,
): { base: number; returned: number } {
  const w = windowDays * DAY;
  const base = buyersIn(orders, t - 2 * w, t - w);
  const again = buyersIn(orders, t - w, t);
  let returned = 0;
  for (const c of base) if (again.has(c)) returned++;
  return { base: base.size, returned };
}

/** DOMAIN.md Recovery: of customers who complained in [t−2W, t−W), those who bought in [t−W, t). */
export function recoveryCounts(
  complaints: readonly ComplaintFact[],
  orders: readonly OrderFact[],
  t: number,
  windowDays: number,
): { base: number; returned: number } {
  const w = windowDays * DAY;
  const base = new Set<string>();
  for (const c of complaints) if (inRange(c.at, t - 2 * w, t - w)) base.add(c.customer);
  const again = buyersIn(orders, t - w, t);
  let returned = 0;
  for (const c of base) if (again.has(c)) returned++;
  return { base: base.size, returned };
}

/** DOMAIN.md Full price: revenue of completed orders in the period, and the part paid at amount ≥ list_amount. */
export function fullPriceCounts(
  orders: readonly OrderFact[],
  from: number,
  to: number,
): { revenue: number; revenueFull: number; revenueSq: number; orders: number; ordersFull: number } {
  const r = { revenue: 0, revenueFull: 0, revenueSq: 0, orders: 0, ordersFull: 0 };
  for (const o of orders) {
    if (o.status !== "completed" || !inRange(o.at, from, to)) continue;
    r.orders++;
    r.revenue += o.amount;
    r.revenueSq += o.amount * o.amount;
    if (o.amount >= o.listAmount) {
      r.ordersFull++;
      r.revenueFull += o.amount;
    }
  }
  return r;
}

/**
 * DOMAIN.md Wait tolerance: of orders in the period where the customer was asked to wait (wait_days > 0),
 * those completed rather than cancelled. Returned orders are neither and stay out (docs/decisions/0003).
 */
export function waitCounts(
  orders: readonly OrderFact[],
  from: number,
  to: number,
): { waitOrders: number; waitCompleted: number } {
  let waitOrders = 0;
  let waitCompleted = 0;
  for (const o of orders) {
    if (o.waitDays <= 0 || !inRange(o.at, from, to)) continue;
    if (o.status === "completed") waitCompleted++;
    if (o.status === "completed" || o.status === "cancelled") waitOrders++;
  }
  return { waitOrders, waitCompleted };
}

/**
 * DOMAIN.md Referral: of customers whose first (completed) order falls in the period, those who came by
 * an actual referral. Orders at the same instant keep their list order.
 */
export function referralCounts(
  orders: readonly OrderFact[],
  from: number,
  to: number,
): { newCustomers: number; newReferred: number } {
  const first = new Map<string, OrderFact>();
  for (const o of orders) {
    if (o.status !== "completed") continue;
    const f = first.get(o.customer);
    if (!f || o.at < f.at) first.set(o.customer, o);
  }
  let newCustomers = 0;
  let newReferred = 0;
  for (const o of first.values()) {
    if (!inRange(o.at, from, to)) continue;
    newCustomers++;
    if (o.referred) newReferred++;
  }
  return { newCustomers, newReferred };
}

/** Repeat as a proportion of the cohort (customers). */
export const repeat = (c: BehaviourCounts): Proportion => countProportion(c.repeatReturned, c.repeatBase);

/** Full price as a share of revenue; its interval uses the effective number of orders. */
export const fullPrice = (c: BehaviourCounts): Proportion =>
  revenueShare(c.revenueFull, c.revenue, c.orders, c.revenueSq);

/** Wait tolerance as a proportion of the orders that asked the customer to wait. */
export const waitTolerance = (c: BehaviourCounts): Proportion =>
  countProportion(c.waitCompleted, c.waitOrders);

/** Referral as a proportion of the period's new customers. */
export const referral = (c: BehaviourCounts): Proportion => countProportion(c.newReferred, c.newCustomers);

/** Recovery as a proportion of the customers who complained. */
export const recovery = (c: BehaviourCounts): Proportion =>
  countProportion(c.recoveryReturned, c.recoveryBase);

export function componentsOf(c: BehaviourCounts): Record<ComponentKey, Proportion> {
  return {
    repeat: repeat(c),
    fullPrice: fullPrice(c),
    waitTolerance: waitTolerance(c),
    referral: referral(c),
    recovery: recovery(c),
  };
}

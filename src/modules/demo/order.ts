import type { CustomerState, OrderRef } from "./customer-state.ts";
import { momentOn, problemRate, saleBoost } from "./model.ts";
import { PROBLEMS, type ProblemSpec, problemSpec } from "./problems.ts";
import type { Rng } from "./random.ts";
import { kyivLocal, type LocalTime } from "./time.ts";
import type { DemoOrder, LocationKey, OrderChannel, OrderStatus } from "./types.ts";
import { STORE_KEYS } from "./workspace.ts";

/** One purchase: where and when, at what price, whether the customer had to wait, and what went wrong. */

export type PlacedOrder = { order: DemoOrder; ref: OrderRef; met: ProblemSpec[]; local: LocalTime };

/** Share of cancelled online orders that were paid in advance and so need a refund. */
const PREPAID_SHARE = 0.7;
const DISCOUNT_STEPS = [5, 10, 15, 20, 30, 40];
const DISCOUNT_WEIGHTS = [2, 4, 3, 3, 2, 0.7];

/** Shelf prices end in 9: 1 249 грн, not 1 253 грн. */
function listPrice(spend: number, rng: Rng): number {
  const uah = Math.max(49, Math.round(((spend / 100) * rng.lognormal(0, 0.5)) / 10) * 10 - 1);
  return uah * 100;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Where the next purchase happens: online customers mostly online, store customers mostly at their store. */
export function nextPlace(state: CustomerState): LocationKey {
  const { rng } = state;
  if (rng.chance(state.traits.onlineShare)) return "online";
  return state.home !== "online" && rng.chance(0.9) ? state.home : rng.pick(STORE_KEYS);
}

/** The moment of the purchase on the day that `after` falls on, or null if it falls past the end. */
export function orderMoment(state: CustomerState, after: number, location: LocationKey): number | null {
  const { rng, tl } = state;
  const kind = location === "online" ? "online" : "store";
  const day = kyivLocal(after).day;
  let at = momentOn(day, kind, rng);
  if (at < tl.start) at = momentOn(day + 1, kind, rng);
  return at < tl.end ? at : null;
}

function price(
  state: CustomerState,
  location: LocationKey,
  local: LocalTime,
): { amount: number; listAmount: number } {
  const { rng } = state;
  const listAmount = listPrice(state.traits.spend, rng);
  // Unhappy customers are kept with discounts; the neglected store discounts more to keep anyone at all.
  const discountChance = Math.min(
    0.9,
    state.traits.priceSensitivity +
      0.3 * state.dissat +
      saleBoost(local) +
      (location === "store-livoberezhna" ? 0.08 : 0),
  );
  if (!rng.chance(discountChance)) return { amount: listAmount, listAmount };
  const off = DISCOUNT_STEPS[rng.weightedIndex(DISCOUNT_WEIGHTS)] ?? 10;
  return { amount: Math.round((listAmount * (100 - off)) / 10_000) * 100, listAmount };
}

/** Visit problems first; then whether the customer waits, cancels, returns; then what follows delivery and refunds. */
export function placeOrder(state: CustomerState, at: number, location: LocationKey, n: number): PlacedOrder {
  const { rng, tl } = state;
  const online = location === "online";
  const local = kyivLocal(at);
  const channel: OrderChannel = online ? (rng.chance(0.85) ? "online" : "phone") : "store";

  const met: ProblemSpec[] = [];
  for (const spec of PROBLEMS) {
    if (spec.trigger !== "visit" || spec.key === "late_delivery" || spec.key === "broken_item") continue;
    if (rng.chance(problemRate(spec, location, at, local, tl))) met.push(spec);
  }
  const outOfStock = met.some((s) => s.key === "out_of_stock");
  const { amount, listAmount } = price(state, location, local);

  // Asked to wait: a backorder in a store, a later delivery slot online (later still with the new courier).
  const waitChance = (online ? 0.07 : 0.03) + (outOfStock ? 0.6 : 0);
  const courierDelay = online && at >= tl.courierSwitchAt ? 2 : 0;
  const waitDays = rng.chance(waitChance) ? (online ? 1 : 2) + rng.poisson(online ? 4 : 5) + courierDelay : 0;
  let status: OrderStatus = "completed";
  if (waitDays > 0) {
    const worseStore = location === "store-livoberezhna" ? 0.3 : 0;
    if (rng.chance(sigmoid(-2.4 + 0.15 * waitDays + 2.2 * state.dissat + worseStore))) status = "cancelled";
  }
  if (status !== "cancelled") {
    const delivered = online && rng.chance(0.85);
    for (const key of ["late_delivery", "broken_item"] as const) {
      if (key === "late_delivery" && !delivered) continue;
      const spec = problemSpec(key);
      if (rng.chance(problemRate(spec, location, at, local, tl))) met.push(spec);
    }
    const broken = met.some((s) => s.key === "broken_item");
    if (rng.chance(0.025 + (online ? 0.02 : 0) + (broken ? 0.7 : 0))) status = "returned";
  }
  const refundDue = status === "returned" || (status === "cancelled" && online && rng.chance(PREPAID_SHARE));
  if (refundDue) {
    const spec = problemSpec("slow_refund");
    if (rng.chance(spec.rates[location] ?? 0)) met.push(spec);
  }

  const order: DemoOrder = {
    externalId: `O${state.externalId.slice(1)}-${String(n).padStart(3, "0")}`,
    customer: state.externalId,
    orderedAt: new Date(at),
    amount,
    listAmount,
    currency: "UAH",
    channel,
    location,
    status,
    waitDays,
    referredBy: null,
  };
  const ref: OrderRef = {
    externalId: order.externalId,
    // What the customer sees on the receipt: a six-digit number, unique enough to quote.
    number: String(100_000 + (state.index + 1) * 100 + (n % 100)),
    t: at,
    location,
    channel,
    amount,
    waitDays,
  };
  return { order, ref, met, local };
}

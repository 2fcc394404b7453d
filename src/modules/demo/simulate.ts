import { complain } from "./contacts.ts";
import type { CustomerState } from "./customer-state.ts";
import { ambientStress, HOME_WEIGHTS, LANGUAGE_WEIGHTS, LOCATION_CHURN, seasonality } from "./model.ts";
import { nextPlace, orderMoment, type PlacedOrder, placeOrder } from "./order.ts";
import { maybeAsk, maybeNps, maybeThankOrSuggest } from "./order-contacts.ts";
import { emailOf, type Person, person, phoneOf } from "./people.ts";
import type { Rng } from "./random.ts";
import { DAY, kyivLocal } from "./time.ts";
import type {
  DemoBundle,
  DemoCustomer,
  DemoOrder,
  Lang,
  LocationKey,
  ProblemKey,
  RequestChannel,
} from "./types.ts";
import type { Timeline } from "./workspace.ts";

/** One customer's two years: orders one after another, what went wrong, what they said, whether they stayed. */

export type Newcomer = {
  index: number;
  home: LocationKey;
  lang: Lang;
  acquiredAt: number;
  /** Already a customer when the two years begin: the survivors, who leave less readily. */
  regular: boolean;
};

/** Who a customer is and when they first appear; decided before the referral lookup, which needs the time. */
export function newcomer(index: number, rng: Rng, tl: Timeline): Newcomer {
  const home = rng.weighted(HOME_WEIGHTS);
  const lang = rng.weighted(LANGUAGE_WEIGHTS[home]);
  const span = tl.end - tl.start;
  let acquiredAt: number;
  const regular = rng.chance(0.25);
  if (regular) {
    // The customers the shop already had show up in the first weeks.
    acquiredAt = tl.start + rng.uniform(0, 75) * DAY;
  } else {
    // Newcomers double over the two years, with the holiday season bringing more newcomers.
    for (;;) {
      const x = rng.next();
      const t = tl.start + x * (span - 3 * DAY);
      if (rng.next() * 2 * 1.45 < (1 + x) * seasonality(kyivLocal(t).month)) {
        acquiredAt = t;
        break;
      }
    }
  }
  return { index, home, lang, acquiredAt, regular };
}

export type Summary = { firstOrderAt: number; lastOrderAt: number; advocate: boolean };

function messengerOf(lang: Lang, rng: Rng): RequestChannel {
  return lang === "en"
    ? rng.weighted({ whatsapp: 4, telegram: 2, instagram: 2, viber: 0.5 })
    : rng.weighted({ telegram: 4, viber: 4, instagram: 1.5, whatsapp: 0.8 });
}

function initialState(who: Newcomer, p: Person, rng: Rng, tl: Timeline): CustomerState {
  return {
    index: who.index,
    externalId: `C${String(who.index + 1).padStart(7, "0")}`,
    lang: who.lang,
    person: p,
    home: who.home,
    rng,
    tl,
    traits: {
      rate: rng.gamma(2, 1 / (2 * 18)),
      baseChurn: rng.beta(1.2, 18) * LOCATION_CHURN[who.home] * (who.regular ? 0.45 : 1),
      priceSensitivity: rng.beta(1.6, 4.2),
      spend: Math.round(rng.lognormal(Math.log(950), 0.45)) * 100,
      // Expats write to shops more readily than locals do.
      voice: Math.min(2.2, Math.max(0.3, rng.lognormal(0, 0.5))) * (who.lang === "en" ? 1.3 : 1),
      warmth: rng.normal(8.4, 1.1),
      onlineShare: who.home === "online" ? rng.beta(8, 1.5) : rng.beta(1, 6),
      messenger: messengerOf(who.lang, rng),
    },
    dissat: 0,
    penalty: 0,
    unvoiced: [],
    requests: [],
    feedback: [],
    lastSurveyAt: -Infinity,
  };
}

/** What the customer meets with an order, says about it, and how it changes their mind. */
function live(state: CustomerState, placed: PlacedOrder): void {
  const { rng } = state;
  const { ref, met, order } = placed;
  const moodBefore = state.dissat;
  const metKeys: ProblemKey[] = [];
  for (const spec of met) {
    metKeys.push(spec.key);
    state.dissat = Math.min(1, state.dissat + spec.severity * rng.uniform(0.7, 1));
    // Most unhappy customers never write; what they met may still surface in a survey comment.
    if (rng.chance(Math.min(0.95, spec.voice * state.traits.voice))) complain(state, spec, ref);
    else state.unvoiced.push({ problem: spec.key, t: ref.t });
  }
  if (state.unvoiced.length > 6) state.unvoiced.splice(0, state.unvoiced.length - 6);
  maybeAsk(state, ref);
  maybeThankOrSuggest(state, ref);
  if (order.status !== "cancelled") maybeNps(state, ref, metKeys, moodBefore);
}

/** Whether the customer walks away after this order: the needle the product reads from behaviour. */
function leaves(state: CustomerState, placed: PlacedOrder): boolean {
  const { order, ref, local } = placed;
  const chance = Math.min(
    0.85,
    state.traits.baseChurn +
      0.27 * state.dissat +
      state.penalty +
      ambientStress(ref.location, ref.t, local, state.tl) +
      (order.status === "cancelled" ? 0.06 : 0),
  );
  return state.rng.chance(chance);
}

function customerRecord(
  state: CustomerState,
  who: Newcomer,
  referredBy: string | null,
  firstOrderAt: number | null,
): DemoCustomer {
  const { rng, person: p } = state;
  const hasEmail = rng.chance(0.82);
  return {
    externalId: state.externalId,
    name: `${p.first} ${p.last}`,
    email: hasEmail ? emailOf(p, rng) : null,
    phone: !hasEmail || rng.chance(0.85) ? phoneOf(rng) : null,
    firstSeenAt: new Date(firstOrderAt ?? who.acquiredAt),
    attributes: {
      city:
        who.home === "online" && rng.chance(0.35)
          ? rng.pick(["Бровари", "Ірпінь", "Бориспіль", "Вишгород"])
          : "Київ",
      language: who.lang,
      gender: p.female ? "f" : "m",
      loyaltyCard: rng.chance(0.45),
      marketingConsent: rng.chance(0.6),
      source: referredBy ? "friend" : rng.pick(["walk_in", "instagram", "google", "facebook_ads", "outdoor"]),
    },
    referredBy,
  };
}

export function simulateCustomer(
  who: Newcomer,
  referredBy: string | null,
  rng: Rng,
  tl: Timeline,
): { bundle: DemoBundle; summary: Summary } {
  const state = initialState(who, person(who.lang, rng), rng, tl);
  const orders: DemoOrder[] = [];
  let t = who.acquiredAt;
  while (orders.length < 500) {
    const location = nextPlace(state);
    const at = orderMoment(state, t, location);
    if (at === null) break;
    t = at;
    const placed = placeOrder(state, at, location, orders.length + 1);
    if (orders.length === 0) placed.order.referredBy = referredBy;
    orders.push(placed.order);
    live(state, placed);
    if (leaves(state, placed)) break;
    if (placed.met.length === 0) state.dissat *= 0.8;
    state.penalty *= 0.5;
    // At least a day between purchases keeps them in order; unhappy customers come back less often.
    const rate = state.traits.rate * seasonality(placed.local.month) * (1 - 0.35 * state.dissat);
    t += Math.max(1, rng.exponential(rate)) * DAY;
  }
  const firstOrderAt = orders[0]?.orderedAt.getTime() ?? null;
  const lastOrderAt = orders.at(-1)?.orderedAt.getTime() ?? 0;
  const customer = customerRecord(state, who, referredBy, firstOrderAt);
  const advocate = orders.length >= 2 && state.dissat < 0.25 && state.traits.warmth >= 8.2;
  return {
    bundle: { customer, orders, requests: state.requests, feedback: state.feedback },
    summary: { firstOrderAt: firstOrderAt ?? 0, lastOrderAt, advocate },
  };
}

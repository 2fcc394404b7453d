import { chooseChannel, clamp, textContext } from "./contact-context.ts";
import { addRequest } from "./contacts.ts";
import type { CustomerState, OrderRef } from "./customer-state.ts";
import { nextFeedbackId } from "./customer-state.ts";
import { momentOn } from "./model.ts";
import { problemSpec } from "./problems.ts";
import { vagueNegative } from "./texts/common.ts";
import { plainText, problemComment } from "./texts/compose.ts";
import {
  praise,
  type QuestionTopic,
  questionClosers,
  questionOpeners,
  questions,
  suggestions,
} from "./texts/requests.ts";
import { genericDetractorComments, passiveComments, promoterComments } from "./texts/survey.ts";
import { DAY, HOUR, kyivLocal } from "./time.ts";
import type { ProblemKey, RequestChannel } from "./types.ts";
import { STORE_KEYS } from "./workspace.ts";

/** Contacts around an order that are not complaints: questions, thanks, ideas, and the NPS survey. */

const questionChannels: Readonly<Partial<Record<RequestChannel, number>>> = {
  phone: 3,
  telegram: 2.5,
  viber: 2.5,
  email: 1.5,
  web: 1.5,
  instagram: 1.2,
  whatsapp: 0.6,
};

export function maybeAsk(state: CustomerState, order: OrderRef): void {
  const { rng, tl } = state;
  const online = order.location === "online";
  if (!rng.chance(online ? 0.065 : 0.03)) return;
  const topic: QuestionTopic = online
    ? rng.weighted({ delivery_status: 5.5, payment: 1.5, returns: 1.5, availability: 0.8, other: 0.7 })
    : rng.weighted({ availability: 4, opening_hours: 2.5, returns: 1.5, payment: 1, other: 1 });
  // Availability and opening hours are asked before the visit; delivery status after the order.
  const before = topic === "availability" || topic === "opening_hours";
  const day = kyivLocal(order.t).day + (before ? -rng.int(0, 2) : rng.int(1, 3));
  let at = momentOn(day, "writing", rng);
  if (before && at >= order.t) at = order.t - rng.lognormal(Math.log(5), 0.6) * HOUR;
  if (!before && at <= order.t) at = order.t + rng.lognormal(Math.log(20), 0.5) * HOUR;
  if (at < tl.start) return;
  const channel = chooseChannel(state, questionChannels, false);
  // Pick-up, opening hours and stock questions are about a store even when the order was placed online.
  const store =
    order.location !== "online"
      ? order.location
      : state.home !== "online"
        ? state.home
        : rng.pick(STORE_KEYS);
  const ctx = textContext(state, at, order, {
    location: topic === "delivery_status" && rng.chance(0.6) ? "online" : store,
  });
  const text = plainText(rng.pick(questions[state.lang][topic]), ctx, rng, {
    channel,
    before: questionOpeners[state.lang],
    after: questionClosers[state.lang],
  });
  addRequest(state, {
    kind: "question",
    channel,
    createdAt: at,
    location: order.location,
    text,
    problem: null,
    order,
  });
}

export function maybeThankOrSuggest(state: CustomerState, order: OrderRef): void {
  const { rng } = state;
  const praiseChance =
    order.location === "store-obolon" ? 0.013 : order.location === "store-livoberezhna" ? 0.003 : 0.007;
  const kind = rng.chance(praiseChance) ? "praise" : rng.chance(0.005) ? "suggestion" : null;
  if (!kind) return;
  const atStore = order.location !== "online";
  const channel = chooseChannel(
    state,
    kind === "praise"
      ? { instagram: 2, in_person: 2, telegram: 1.5, viber: 1, email: 1.5, web: 1.5 }
      : { email: 2, web: 3, telegram: 1, viber: 1, instagram: 1, in_person: 1 },
    atStore,
  );
  const at =
    channel === "in_person"
      ? order.t + rng.int(2, 15) * 60_000
      : momentOn(kyivLocal(order.t).day + rng.int(0, 2), "writing", rng);
  const createdAt = at > order.t ? at : order.t + rng.lognormal(Math.log(3), 0.6) * HOUR;
  const ctx = textContext(state, createdAt, order);
  const body = rng.pick((kind === "praise" ? praise : suggestions)[state.lang]);
  const text = plainText(body, ctx, rng, { channel, positive: true });
  addRequest(state, { kind, channel, createdAt, location: order.location, text, problem: null, order });
}

/**
 * The NPS survey after an order. Online orders are surveyed at checkout, before the parcel arrives, so a
 * late courier does not show in that score but does in what the customer does next: a planted say–do gap.
 */
export function maybeNps(
  state: CustomerState,
  order: OrderRef,
  metHere: readonly ProblemKey[],
  moodBefore: number,
): void {
  const { rng, tl } = state;
  if (order.t - state.lastSurveyAt < 60 * DAY || !rng.chance(0.085)) return;
  const online = order.location === "online";
  const at = order.t + (online ? rng.lognormal(Math.log(2), 0.7) : rng.lognormal(Math.log(20), 0.6)) * HOUR;
  if (at >= tl.end) return;
  state.lastSurveyAt = order.t;
  const afterDelivery: ReadonlySet<ProblemKey> = new Set(["late_delivery", "broken_item", "slow_refund"]);
  const seen = online ? metHere.filter((p) => !afterDelivery.has(p)) : metHere;
  let mood = moodBefore;
  for (const key of seen) mood += problemSpec(key).severity;
  const score = clamp(Math.round(state.traits.warmth - 7 * Math.min(1, mood) + rng.normal(0, 1.1)), 0, 10);
  if (score <= 6) state.penalty += 0.1;

  let comment: string | null = null;
  let problem: ProblemKey | null = null;
  if (rng.chance(score <= 6 ? 0.7 : 0.45)) {
    const ctx = textContext(state, at, order);
    const recent = state.unvoiced.filter((u) => order.t - u.t < 120 * DAY);
    const about: ProblemKey | null =
      seen.length > 0
        ? rng.pick(seen)
        : recent.length > 0 && rng.chance(0.6)
          ? rng.pick(recent).problem
          : null;
    if (score <= 6) {
      if (about) {
        problem = about;
        comment = problemComment(problemSpec(about).texts[state.lang], ctx, rng);
      } else {
        comment = rng.chance(0.5)
          ? rng.pick(vagueNegative[state.lang])
          : rng.pick(genericDetractorComments[state.lang]);
      }
    } else if (score <= 8) {
      if (about && rng.chance(0.35)) {
        problem = about;
        comment = problemComment(problemSpec(about).texts[state.lang], ctx, rng);
      } else comment = plainText(rng.pick(passiveComments[state.lang]), ctx, rng);
    } else {
      comment = plainText(rng.pick(promoterComments[state.lang]), ctx, rng);
    }
  }
  state.feedback.push({
    externalId: nextFeedbackId(state),
    customer: state.externalId,
    kind: "nps",
    score,
    comment,
    language: state.lang,
    order: order.externalId,
    request: null,
    location: order.location,
    channel: order.channel,
    createdAt: new Date(at),
    problem,
  });
}

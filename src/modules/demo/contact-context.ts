import type { CustomerState, OrderRef } from "./customer-state.ts";
import type { TextContext } from "./texts/compose.ts";
import { kyivLocal } from "./time.ts";
import type { RequestChannel } from "./types.ts";
import { BADGE_NAMES } from "./workspace.ts";

/** Helpers every contact needs: the facts a text is filled from, and the channel a customer picks. */

const messengers: readonly RequestChannel[] = ["telegram", "viber", "whatsapp", "instagram"];

export function textContext(
  state: CustomerState,
  t: number,
  order: OrderRef | null,
  extra: Partial<TextContext> = {},
): TextContext {
  const { rng } = state;
  const local = kyivLocal(order?.t ?? t);
  return {
    lang: state.lang,
    location: order?.location ?? state.home,
    weekday: local.weekday,
    minuteOfDay: local.minutes,
    days: rng.int(3, 12),
    hours: rng.int(14, 60),
    minutes: rng.int(15, 45),
    order: order?.number ?? null,
    amount: order?.amount ?? state.traits.spend,
    fee: rng.pick([49, 79, 99, 120, 150, 199]) * 100,
    name: state.person.first,
    staff: rng.pick(BADGE_NAMES[state.lang]),
    ...extra,
  };
}

/** Channel weights of a problem, bent towards the messenger this customer uses. */
export function chooseChannel(
  state: CustomerState,
  weights: Readonly<Partial<Record<RequestChannel, number>>>,
  atStore: boolean,
): RequestChannel {
  const bent: Partial<Record<RequestChannel, number>> = {};
  for (const [channel, w] of Object.entries(weights) as [RequestChannel, number][]) {
    if (channel === "in_person" && !atStore) continue;
    const isMessenger = messengers.includes(channel);
    bent[channel] = w * (channel === state.traits.messenger ? 2.5 : isMessenger ? 0.6 : 1);
  }
  return state.rng.weighted(bent);
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

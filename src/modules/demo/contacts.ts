import { chooseChannel, textContext } from "./contact-context.ts";
import type { CustomerState, OrderRef } from "./customer-state.ts";
import { nextRequestId } from "./customer-state.ts";
import { FIX_CHANCE, momentOn } from "./model.ts";
import { type ProblemSpec, problemSpec } from "./problems.ts";
import { serviceSurvey } from "./service-survey.ts";
import { handleRequest } from "./service-times.ts";
import { complaintText } from "./texts/compose.ts";
import { subjects } from "./texts/survey.ts";
import { CONTACT_CENTRE_HOURS, DAY, HOUR, isOpen, kyivLocal, MINUTE } from "./time.ts";
import type { DemoRequest, LocationKey, ProblemKey, RequestChannel, RequestKind } from "./types.ts";

/** Requests: complaints about what went wrong, and how each one is handled. */

type NewRequest = {
  kind: RequestKind;
  channel: RequestChannel;
  createdAt: number;
  location: LocationKey | null;
  text: string;
  problem: ProblemKey | null;
  order: OrderRef | null;
};

/** Records a request, its handling and maybe a service survey; returns the request so callers can react to how it went. */
export function addRequest(
  state: CustomerState,
  input: NewRequest,
): {
  request: DemoRequest;
  fixed: boolean;
  hoursToAnswer: number | null;
  hoursToClose: number | null;
} | null {
  const { rng, tl } = state;
  if (input.createdAt >= tl.end || input.createdAt < tl.start) return null;
  const location = input.location;
  const handling = handleRequest(
    {
      channel: input.channel,
      kind: input.kind,
      createdAt: input.createdAt,
      location,
      problem: input.problem,
      fixChance: FIX_CHANCE[location ?? state.home],
      end: tl.end,
    },
    rng,
  );
  const emailLike = input.channel === "email" || input.channel === "web";
  const subjectKind =
    input.kind === "complaint" ? "complaint" : input.kind === "question" ? "question" : "other";
  const request: DemoRequest = {
    externalId: nextRequestId(state),
    // Web forms without login and walk-ins who leave no name: nobody to tie the request to.
    customer: rng.chance(input.channel === "web" || input.channel === "in_person" ? 0.08 : 0.015)
      ? null
      : state.externalId,
    channel: input.channel,
    kind: input.kind,
    subject: emailLike && rng.chance(0.8) ? rng.pick(subjects[state.lang][subjectKind]) : null,
    text: input.text,
    language: state.lang,
    createdAt: new Date(input.createdAt),
    firstResponseAt: handling.firstResponseAt === null ? null : new Date(handling.firstResponseAt),
    resolvedAt: handling.resolvedAt === null ? null : new Date(handling.resolvedAt),
    location,
    status: handling.status,
    assignee: handling.assignee,
    problem: input.problem,
  };
  state.requests.push(request);
  if (handling.resolvedAt !== null && request.customer !== null) serviceSurvey(state, request, handling);
  return {
    request,
    fixed: handling.fixed,
    hoursToAnswer: handling.hoursToAnswer,
    hoursToClose: handling.hoursToClose,
  };
}

/** When a customer writes about a problem met at time t: on the spot, that evening, or once it has dragged on. */
function complaintMoment(
  state: CustomerState,
  spec: ProblemSpec,
  order: OrderRef,
  channel: RequestChannel,
): number {
  const { rng } = state;
  if (channel === "in_person") return order.t + rng.int(2, 25) * MINUTE;
  const day = kyivLocal(order.t).day;
  let offsetDays: number;
  switch (spec.key) {
    case "late_delivery":
      offsetDays = 1 + order.waitDays + rng.int(1, 4);
      break;
    case "broken_item":
      offsetDays = order.location === "online" ? rng.int(1, 4) : rng.int(0, 2);
      break;
    case "slow_refund":
      offsetDays = rng.int(8, 25);
      break;
    case "site_typos":
    case "hidden_fees":
    case "messenger_unavailable":
      return order.t + rng.lognormal(Math.log(40), 1) * MINUTE;
    default:
      offsetDays = rng.chance(0.6) ? 0 : rng.int(1, 3);
  }
  const at = momentOn(day + offsetDays, "writing", rng);
  return at > order.t ? at : order.t + rng.lognormal(Math.log(90), 0.7) * MINUTE;
}

/** A complaint about a problem met with an order; returns how much worse or better it leaves the customer. */
export function complain(state: CustomerState, spec: ProblemSpec, order: OrderRef): void {
  const { rng } = state;
  const atStore = order.location !== "online" && spec.key !== "slow_refund";
  const channel = chooseChannel(state, spec.channels, atStore);
  const createdAt = complaintMoment(state, spec, order, channel);
  const days = Math.max(2, Math.round((createdAt - order.t) / DAY));
  const ctx = textContext(state, createdAt, order, { days });
  const text = complaintText(spec.texts[state.lang], ctx, channel, rng);
  const done = addRequest(state, {
    kind: "complaint",
    channel,
    createdAt,
    location: order.location,
    text,
    problem: spec.key,
    order,
  });
  if (!done) return;
  const { fixed, hoursToAnswer, hoursToClose } = done;
  if (fixed && hoursToClose !== null && hoursToClose <= 48) {
    state.dissat *= 0.35; // a complaint put right quickly wins the customer back
  } else if (!fixed || hoursToClose === null) {
    state.penalty += 0.22;
    state.dissat = Math.min(1, state.dissat + 0.15);
  } else {
    state.dissat *= 0.75;
  }
  const offHours = !isOpen(createdAt, CONTACT_CENTRE_HOURS);
  if (channel !== "in_person" && offHours && (hoursToAnswer ?? 99) > 12 && rng.chance(0.3)) {
    chaseUnanswered(state, done.request, createdAt, hoursToAnswer ?? 24);
  }
}

/** "Is anybody there?": a second message about the silence itself, sent before the first one is answered. */
function chaseUnanswered(
  state: CustomerState,
  first: DemoRequest,
  createdAt: number,
  hoursToAnswer: number,
): void {
  const { rng } = state;
  const spec = problemSpec("no_evening_reply");
  const waited = rng.uniform(0.25, 0.85) * hoursToAnswer;
  const at = createdAt + waited * HOUR;
  const channel = rng.chance(0.7) ? first.channel : chooseChannel(state, spec.channels, false);
  const ctx = textContext(state, at, null, {
    hours: Math.max(2, Math.round(waited)),
    minuteOfDay: kyivLocal(createdAt).minutes,
  });
  addRequest(state, {
    kind: "complaint",
    channel,
    createdAt: at,
    location: first.location,
    text: complaintText(spec.texts[state.lang], ctx, channel, rng),
    problem: spec.key,
    order: null,
  });
  state.dissat = Math.min(1, state.dissat + spec.severity * 0.5);
}

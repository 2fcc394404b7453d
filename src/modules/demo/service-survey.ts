import { clamp, textContext } from "./contact-context.ts";
import type { CustomerState } from "./customer-state.ts";
import { nextFeedbackId } from "./customer-state.ts";
import { problemSpec } from "./problems.ts";
import { vagueNegative } from "./texts/common.ts";
import { plainText, problemComment } from "./texts/compose.ts";
import { serviceBad, serviceGood } from "./texts/survey.ts";
import { HOUR } from "./time.ts";
import type { DemoRequest, ProblemKey } from "./types.ts";

/** The CSAT and CES surveys sent when a request is closed. */

export function serviceSurvey(
  state: CustomerState,
  request: DemoRequest,
  handling: {
    fixed: boolean;
    hoursToAnswer: number | null;
    hoursToClose: number | null;
    resolvedAt: number | null;
  },
): void {
  const { rng, tl } = state;
  const closedAt = handling.resolvedAt ?? 0;
  const waitedOvernight = (handling.hoursToAnswer ?? 0) > 12;
  const hoursToClose = handling.hoursToClose ?? 0;
  if (rng.chance(0.42)) {
    const at = closedAt + rng.lognormal(Math.log(3), 0.8) * HOUR;
    if (at < tl.end) {
      const base =
        request.kind !== "complaint"
          ? 4.5
          : !handling.fixed
            ? 1.7
            : hoursToClose < 24
              ? 4.6
              : hoursToClose < 96
                ? 3.9
                : 3.1;
      const score = clamp(Math.round(base - (waitedOvernight ? 0.6 : 0) + rng.normal(0, 0.6)), 1, 5);
      let comment: string | null = null;
      let problem: ProblemKey | null = null;
      if (rng.chance(0.45)) {
        const ctx = textContext(state, at, null, {
          hours: Math.max(1, Math.round(handling.hoursToAnswer ?? 1)),
        });
        if (score >= 4) comment = plainText(rng.pick(serviceGood[state.lang]), ctx, rng);
        else if (waitedOvernight && rng.chance(0.6)) {
          problem = "no_evening_reply";
          comment = problemComment(problemSpec(problem).texts[state.lang], ctx, rng);
        } else comment = plainText(rng.pick(serviceBad[state.lang]), ctx, rng);
      }
      pushFeedback(state, request, "csat", score, comment, problem, at);
    }
  }
  if (rng.chance(0.12)) {
    const at = closedAt + rng.lognormal(Math.log(5), 0.8) * HOUR;
    if (at < tl.end) {
      // CES 2.0: 7 = "it was easy to get my issue handled".
      const base =
        6.2 - (waitedOvernight ? 1.5 : 0) - (handling.fixed ? 0 : 2.2) - (hoursToClose > 72 ? 1 : 0);
      const comment = rng.chance(0.2) && base < 4 ? rng.pick(vagueNegative[state.lang]) : null;
      pushFeedback(
        state,
        request,
        "ces",
        clamp(Math.round(base + rng.normal(0, 0.8)), 1, 7),
        comment,
        null,
        at,
      );
    }
  }
}

function pushFeedback(
  state: CustomerState,
  request: DemoRequest,
  kind: "csat" | "ces",
  score: number,
  comment: string | null,
  problem: ProblemKey | null,
  at: number,
): void {
  state.feedback.push({
    externalId: nextFeedbackId(state),
    customer: state.externalId,
    kind,
    score,
    comment,
    language: state.lang,
    order: null,
    request: request.externalId,
    location: request.location,
    channel: request.channel,
    createdAt: new Date(at),
    problem: comment === null ? null : problem,
  });
}

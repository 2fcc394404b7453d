import type { Rng } from "./random.ts";
import { addOpenMinutes, CONTACT_CENTRE_HOURS, HOUR, isOpen, MINUTE, nextOpening } from "./time.ts";
import type { LocationKey, ProblemKey, RequestChannel, RequestKind, RequestStatus } from "./types.ts";
import { CONTACT_CENTRE_STAFF, STORE_STAFF } from "./workspace.ts";

/**
 * How a request is handled. The contact centre answers every remote channel only Mon–Fri 9:00–18:00
 * Kyiv time, so a message written on Friday evening waits until Monday morning, behind the backlog of
 * everything else that came in overnight. In a store, staff answer on the spot.
 */
export type Handling = {
  firstResponseAt: number | null;
  resolvedAt: number | null;
  status: RequestStatus;
  assignee: string | null;
  /** The customer's issue was actually put right (a closed request may not be). */
  fixed: boolean;
  /** Hours from writing to the first answer. */
  hoursToAnswer: number | null;
  /** Hours from writing to the end of the case, if it ended before the data ends. */
  hoursToClose: number | null;
};

const answerMedianMinutes: Readonly<Record<RequestChannel, number>> = {
  phone: 3,
  telegram: 20,
  viber: 20,
  whatsapp: 25,
  instagram: 45,
  email: 140,
  web: 120,
  in_person: 2,
};

/** Median calendar hours from first answer to the end of a complaint, by what has to happen in between. */
function complaintHours(problem: ProblemKey | null): number {
  switch (problem) {
    case "slow_refund":
      return 110;
    case "broken_item":
      return 70;
    case "late_delivery":
    case "out_of_stock":
      return 30;
    case "hidden_fees":
      return 40;
    default:
      return 18;
  }
}

export type RequestInput = {
  channel: RequestChannel;
  kind: RequestKind;
  createdAt: number;
  location: LocationKey | null;
  problem: ProblemKey | null;
  fixChance: number;
  end: number;
};

export function handleRequest(input: RequestInput, rng: Rng): Handling {
  const { channel, kind, createdAt, end } = input;
  const inPerson = channel === "in_person";
  const storeStaff = input.location && input.location !== "online" ? STORE_STAFF[input.location] : null;
  const assignee = inPerson && storeStaff ? rng.pick(storeStaff) : rng.pick(CONTACT_CENTRE_STAFF);

  let first: number;
  if (inPerson) {
    first = createdAt + rng.int(0, 4) * MINUTE;
  } else {
    const handling = rng.lognormal(Math.log(answerMedianMinutes[channel]), 0.9);
    // Whatever arrived while nobody was working is answered in a morning queue.
    const backlog = isOpen(createdAt, CONTACT_CENTRE_HOURS) ? 0 : rng.lognormal(Math.log(55), 0.8);
    first = addOpenMinutes(createdAt, Math.round(backlog + handling), CONTACT_CENTRE_HOURS);
  }

  const fixed = kind !== "complaint" || rng.chance(input.fixChance);
  let closeAt: number | null;
  if (kind === "question") {
    closeAt = rng.chance(0.7)
      ? first + rng.int(1, 20) * MINUTE
      : first + rng.lognormal(Math.log(5), 0.9) * HOUR;
  } else if (kind !== "complaint") {
    closeAt = first + rng.int(1, 15) * MINUTE;
  } else if (inPerson && fixed && rng.chance(0.4)) {
    closeAt = first + rng.int(5, 40) * MINUTE;
  } else if (rng.chance(0.015)) {
    closeAt = null; // lost between shifts: never closed
  } else {
    const hours = rng.lognormal(Math.log(complaintHours(input.problem)), 0.8) * (fixed ? 1 : 1.6);
    closeAt = first + hours * HOUR;
  }
  if (closeAt !== null && !inPerson) closeAt = nextOpening(closeAt, CONTACT_CENTRE_HOURS);

  if (first >= end) {
    return {
      firstResponseAt: null,
      resolvedAt: null,
      status: "open",
      assignee: null,
      fixed,
      hoursToAnswer: null,
      hoursToClose: null,
    };
  }
  const hoursToAnswer = (first - createdAt) / HOUR;
  if (closeAt === null || closeAt >= end) {
    return {
      firstResponseAt: first,
      resolvedAt: null,
      status: "pending",
      assignee,
      fixed,
      hoursToAnswer,
      hoursToClose: null,
    };
  }
  return {
    firstResponseAt: first,
    resolvedAt: closeAt,
    status: fixed ? "resolved" : "closed",
    assignee,
    fixed,
    hoursToAnswer,
    hoursToClose: (closeAt - createdAt) / HOUR,
  };
}

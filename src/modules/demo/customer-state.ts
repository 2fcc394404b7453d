import type { Person } from "./people.ts";
import type { Rng } from "./random.ts";
import type { DemoFeedback, DemoRequest, Lang, LocationKey, ProblemKey, RequestChannel } from "./types.ts";
import type { Timeline } from "./workspace.ts";

/** What the simulation knows about one customer while it walks through their two years. */
export type CustomerState = {
  index: number;
  externalId: string;
  lang: Lang;
  person: Person;
  home: LocationKey;
  rng: Rng;
  tl: Timeline;
  traits: {
    /** Orders per day before seasonality. */
    rate: number;
    baseChurn: number;
    priceSensitivity: number;
    /** Median list amount of an order, minor units. */
    spend: number;
    /** How readily this person writes when something goes wrong. */
    voice: number;
    /** The NPS this person gives when nothing has gone wrong. */
    warmth: number;
    onlineShare: number;
    messenger: RequestChannel;
  };
  /** 0..1: accumulated bad experience, fading with good ones. */
  dissat: number;
  /** Extra chance of leaving after an unresolved complaint or a detractor score; decays per order. */
  penalty: number;
  /** Problems met but not written about, which may surface in a survey comment. */
  unvoiced: { problem: ProblemKey; t: number }[];
  requests: DemoRequest[];
  feedback: DemoFeedback[];
  lastSurveyAt: number;
};

/** The order a contact is about, as the texts and the feedback rows need it. */
export type OrderRef = {
  externalId: string;
  number: string;
  t: number;
  location: LocationKey;
  channel: string;
  /** Minor units. */
  amount: number;
  waitDays: number;
};

export function nextRequestId(state: CustomerState): string {
  return `R${state.externalId.slice(1)}-${String(state.requests.length + 1).padStart(2, "0")}`;
}

export function nextFeedbackId(state: CustomerState): string {
  return `F${state.externalId.slice(1)}-${String(state.feedback.length + 1).padStart(2, "0")}`;
}

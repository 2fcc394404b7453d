/** The demo workspace as the generator describes it, before anything touches the database. */

export type Lang = "ru" | "uk" | "en";

export type LocationKey = "store-khreshchatyk" | "store-obolon" | "store-livoberezhna" | "online";

export type ProblemKey =
  | "late_delivery"
  | "rude_guard"
  | "dirty_toilet"
  | "entrance_puddle"
  | "staff_parking"
  | "site_typos"
  | "long_queue"
  | "no_evening_reply"
  | "hidden_fees"
  | "messenger_unavailable"
  | "broken_item"
  | "slow_refund"
  | "out_of_stock";

export type OrderChannel = "store" | "online" | "phone";
export type OrderStatus = "completed" | "cancelled" | "returned";
export type RequestChannel =
  | "email"
  | "phone"
  | "telegram"
  | "whatsapp"
  | "viber"
  | "instagram"
  | "web"
  | "in_person";
export type RequestKind = "complaint" | "question" | "suggestion" | "praise";
export type RequestStatus = "open" | "pending" | "resolved" | "closed";
export type FeedbackKind = "nps" | "csat" | "ces";
export type InitiativeKind = "product" | "process" | "people";

export type DemoOptions = {
  seed: number;
  customers: number;
  /** Everything happens in the 24 months before this instant; passed in, never read from the clock. */
  endDate: Date;
};

export type WeeklyHours = Readonly<
  Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", readonly { from: string; to: string }[]>
>;

export type DemoLocation = {
  externalId: LocationKey;
  name: string;
  kind: "store" | "online";
  address: string | null;
  timeZone: string;
  workingHours: WeeklyHours;
};

export type DemoWorkspace = {
  currency: "UAH";
  timeZone: "Europe/Kyiv";
  locales: readonly Lang[];
  /** Merged into workspace.settings; each module reads its own key. */
  settings: Record<string, unknown>;
};

export type DemoCustomer = {
  externalId: string;
  name: string;
  email: string | null;
  phone: string | null;
  firstSeenAt: Date;
  attributes: Record<string, string | number | boolean>;
  referredBy: string | null;
};

export type DemoOrder = {
  externalId: string;
  customer: string;
  orderedAt: Date;
  /** Paid, minor units; below listAmount means a discount. */
  amount: number;
  listAmount: number;
  currency: "UAH";
  channel: OrderChannel;
  location: LocationKey;
  status: OrderStatus;
  waitDays: number;
  referredBy: string | null;
};

export type DemoRequest = {
  externalId: string;
  customer: string | null;
  channel: RequestChannel;
  kind: RequestKind;
  subject: string | null;
  text: string;
  language: Lang;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  location: LocationKey | null;
  status: RequestStatus;
  assignee: string | null;
  /** Ground truth for tests: the problem the text was written about. Never loaded into the database. */
  problem: ProblemKey | null;
};

export type DemoFeedback = {
  externalId: string;
  customer: string | null;
  kind: FeedbackKind;
  score: number;
  comment: string | null;
  language: Lang;
  order: string | null;
  request: string | null;
  location: LocationKey | null;
  channel: string | null;
  createdAt: Date;
  /** Ground truth for tests, as on DemoRequest. Never loaded. */
  problem: ProblemKey | null;
};

export type DemoInitiative = {
  externalId: string;
  title: string;
  description: string;
  kind: InitiativeKind;
  lever: string;
  startedAt: Date;
  /** Minor units. */
  cost: number;
  currency: "UAH";
  owner: string;
  target: Record<string, string>;
};

/** Everything generated for one customer: the unit the stream is made of. */
export type DemoBundle = {
  customer: DemoCustomer;
  orders: DemoOrder[];
  requests: DemoRequest[];
  feedback: DemoFeedback[];
};

export type GroundTruth = {
  entity: "request" | "feedback";
  externalId: string;
  problem: ProblemKey;
  language: Lang;
};

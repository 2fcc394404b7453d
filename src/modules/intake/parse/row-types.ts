import type {
  FeedbackKind,
  Language,
  OrderStatus,
  RequestChannel,
  RequestKind,
  RequestStatus,
} from "./enums.ts";
import type { JsonValue } from "./source.ts";

// The typed rows the readers' records become. Times are UTC ISO 8601 strings; money is integer minor
// units of `currency`; external ids are the file's, or derived from the row (see deriveId).

/** Who a row is about. `externalId` falls back to "email:…" or "phone:…" when the file has no customer id. */
export type CustomerRef = {
  externalId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
};

// Times are UTC ISO 8601 strings; money is integer minor units of `currency`.
export type CustomerRow = CustomerRef & {
  line: number;
  firstSeenAt: string | null;
  referredBy: string | null;
  attributes: Record<string, JsonValue>;
};

export type OrderRow = {
  line: number;
  externalId: string;
  /** True when the file had no order id and `externalId` was derived from the row (see deriveId). */
  derivedId: boolean;
  customer: CustomerRef;
  orderedAt: string;
  amount: number;
  listAmount: number;
  currency: string;
  channel: string | null;
  location: string | null;
  status: OrderStatus;
  waitDays: number;
  referredBy: string | null;
};

export type RequestRow = {
  line: number;
  externalId: string;
  derivedId: boolean;
  customer: CustomerRef | null;
  channel: RequestChannel;
  kind: RequestKind;
  subject: string | null;
  text: string;
  language: Language | null;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  location: string | null;
  status: RequestStatus;
  assignee: string | null;
};

export type FeedbackRow = {
  line: number;
  externalId: string;
  derivedId: boolean;
  customer: CustomerRef | null;
  kind: FeedbackKind;
  score: number;
  comment: string | null;
  language: Language | null;
  orderExternalId: string | null;
  requestExternalId: string | null;
  location: string | null;
  channel: string | null;
  createdAt: string;
};

export type EntityRows = {
  customers: CustomerRow;
  orders: OrderRow;
  requests: RequestRow;
  feedback: FeedbackRow;
};

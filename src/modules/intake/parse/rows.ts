import { AppError } from "../../../platform/errors.ts";
import { isCurrencyCode } from "./currency.ts";
import { deriveId, OccurrenceCounter } from "./derive-id.ts";
import type {
  FeedbackKind,
  Language,
  OrderStatus,
  RequestChannel,
  RequestKind,
  RequestStatus,
} from "./enums.ts";
import type { EntityKind } from "./fields.ts";
import { inferColumnFormats } from "./formats.ts";
import type { RowIssue } from "./issues.ts";
import type { Mapping } from "./mapping.ts";
import { type ConvertOptions, RowContext } from "./row-context.ts";
import type { JsonValue, SourceRow } from "./source.ts";
import { isValidTimeZone } from "./time-zone.ts";

export type { ConvertOptions } from "./row-context.ts";

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

export type RowResult<T> =
  | { ok: true; row: T; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

export type ConvertedBatch<T> = { rows: T[]; errors: RowIssue[]; warnings: RowIssue[] };

export type RowConverter<T> = {
  convert(row: SourceRow): RowResult<T>;
  /** Converts a batch; the first call decides column formats from its rows unless options.formats was given. */
  convertBatch(rows: readonly SourceRow[]): ConvertedBatch<T>;
};

type Build<T> = (c: RowContext, ids: OccurrenceCounter) => T | null;

const customerRef = (c: RowContext, prefix: "" | "customer_"): CustomerRef | null => {
  const id = c.id(`${prefix}external_id`);
  const email = c.email(`${prefix}email`);
  const phone = c.phone(`${prefix}phone`);
  const name = c.text(`${prefix}name`);
  const externalId = id ?? (email ? `email:${email}` : phone ? `phone:${phone}` : null);
  return externalId === null ? null : { externalId, name, email, phone };
};

// The content a derived id is built from: parsed values, so "1 234,50" and "1234.5" give the same id.
type Content = (string | number | null)[];

const derive = (ids: OccurrenceCounter, entity: string, content: Content): string =>
  ids.idFor(deriveId(entity, content));

const buildCustomer: Build<CustomerRow> = (c) => {
  const ref = c.required("external_id", customerRef(c, ""));
  const firstSeenAt = c.date("first_seen_at");
  const referredBy = c.id("referred_by");
  const attributes = c.attributes();
  return ref && c.errors.length === 0 ? { line: c.line, ...ref, firstSeenAt, referredBy, attributes } : null;
};

const buildOrder: Build<OrderRow> = (c, ids) => {
  const given = c.id("external_id");
  const customer = c.required("customer_external_id", customerRef(c, "customer_"));
  const orderedAt = c.required("ordered_at", c.date("ordered_at"));
  const column = c.currency("currency");
  const base = column ?? c.options.currency;
  const amount = c.required("amount", c.money("amount", base));
  const list = c.money("list_amount", base);
  const written = amount?.currency ?? list?.currency ?? null;
  if (column && written && written !== column)
    c.issue("amount", "currency_conflict", { found: written, currency: column });
  const currency = column ?? written ?? base;
  if (amount && amount.minor < 0) c.issue("amount", "negative", {});
  if (list && list.minor < 0) c.issue("list_amount", "negative", {});
  const status = c.choice<OrderStatus>("status") ?? "completed";
  const waitDays = c.integer("wait_days") ?? 0;
  if (waitDays < 0) c.issue("wait_days", "negative", {});
  const channel = c.text("channel");
  const location = c.text("location");
  const referredBy = c.id("referred_by");
  if (!customer || !orderedAt || !amount || c.errors.length > 0) return null;
  const listAmount = list?.minor ?? amount.minor;
  const content = (): Content => [
    customer.externalId,
    orderedAt,
    amount.minor,
    listAmount,
    currency,
    status,
    channel,
    location,
    waitDays,
  ];
  return {
    line: c.line,
    externalId: given ?? derive(ids, "orders", content()),
    derivedId: given === null,
    customer,
    orderedAt,
    amount: amount.minor,
    listAmount,
    currency,
    channel,
    location,
    status,
    waitDays,
    referredBy,
  };
};

const buildRequest: Build<RequestRow> = (c, ids) => {
  const given = c.id("external_id");
  const customer = customerRef(c, "customer_");
  const channel = c.required("channel", c.choice<RequestChannel>("channel"));
  const kind = c.required("kind", c.choice<RequestKind>("kind"));
  const subject = c.text("subject");
  const text = c.text("text") ?? "";
  const language = c.choice<Language>("language");
  const createdAt = c.required("created_at", c.date("created_at"));
  const firstResponseAt = c.date("first_response_at");
  const resolvedAt = c.date("resolved_at");
  if (firstResponseAt && createdAt && firstResponseAt < createdAt)
    c.issue("first_response_at", "time_order", { other: "created_at" });
  if (resolvedAt && createdAt && resolvedAt < createdAt)
    c.issue("resolved_at", "time_order", { other: "created_at" });
  const status = c.choice<RequestStatus>("status") ?? (resolvedAt ? "resolved" : "open");
  const location = c.text("location");
  const assignee = c.text("assignee");
  if (!channel || !kind || !createdAt || c.errors.length > 0) return null;
  const externalId =
    given ?? derive(ids, "requests", [customer?.externalId ?? null, createdAt, channel, kind, subject, text]);
  const head = {
    line: c.line,
    externalId,
    derivedId: given === null,
    customer,
    channel,
    kind,
    subject,
    text,
  };
  return { ...head, language, createdAt, firstResponseAt, resolvedAt, location, status, assignee };
};

const SCORE_RANGE: Record<FeedbackKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

const buildFeedback: Build<FeedbackRow> = (c, ids) => {
  const given = c.id("external_id");
  const customer = customerRef(c, "customer_");
  const kind = c.required("kind", c.choice<FeedbackKind>("kind"));
  const score = c.required("score", c.integer("score"));
  if (kind && score !== null) {
    const [min, max] = SCORE_RANGE[kind];
    if (score < min || score > max) c.issue("score", "out_of_range", { min, max });
  }
  const comment = c.text("comment");
  const language = c.choice<Language>("language");
  const orderExternalId = c.id("order_external_id");
  const requestExternalId = c.id("request_external_id");
  const location = c.text("location");
  const channel = c.text("channel");
  const createdAt = c.required("created_at", c.date("created_at"));
  if (!kind || score === null || !createdAt || c.errors.length > 0) return null;
  const content: Content = [
    customer?.externalId ?? null,
    createdAt,
    kind,
    score,
    comment,
    orderExternalId,
    requestExternalId,
  ];
  const externalId = given ?? derive(ids, "feedback", content);
  const head = {
    line: c.line,
    externalId,
    derivedId: given === null,
    customer,
    kind,
    score,
    comment,
    language,
  };
  return { ...head, orderExternalId, requestExternalId, location, channel, createdAt };
};

const builders: { [E in EntityKind]: Build<EntityRows[E]> } = {
  customers: buildCustomer,
  orders: buildOrder,
  requests: buildRequest,
  feedback: buildFeedback,
};

/**
 * Turns reader rows into validated rows of one entity. Stateful (the duplicate counter for derived ids,
 * the column formats): one converter per file, rows in file order.
 */
export const createRowConverter = <E extends EntityKind>(
  mapping: Mapping<E>,
  options: ConvertOptions,
): RowConverter<EntityRows[E]> => {
  // Settings errors are the caller's, not the file's: fail before the first row.
  if (!isValidTimeZone(options.timeZone))
    throw new AppError("bad_request", `unknown time zone "${options.timeZone}"`, {
      timeZone: options.timeZone,
    });
  if (!isCurrencyCode(options.currency))
    throw new AppError("bad_request", `unknown currency "${options.currency}"`, {
      currency: options.currency,
    });
  const context = new RowContext(mapping, options);
  const ids = new OccurrenceCounter(options.duplicateWindow);
  const build = builders[mapping.entity] as Build<EntityRows[E]>;
  const convert = (row: SourceRow): RowResult<EntityRows[E]> => {
    if (row.issue) return { ok: false, errors: [row.issue], warnings: [] };
    context.begin(row);
    const built = build(context, ids);
    const warnings = context.warnings.length > 0 ? [...context.warnings] : [];
    if (built && context.errors.length === 0) return { ok: true, row: built, warnings };
    return { ok: false, errors: [...context.errors], warnings };
  };
  return {
    convert,
    convertBatch(rows) {
      if (!context.formats) context.formats = inferColumnFormats(mapping, rows);
      const out: ConvertedBatch<EntityRows[E]> = { rows: [], errors: [], warnings: [] };
      for (const row of rows) {
        const r = convert(row);
        if (r.ok) out.rows.push(r.row);
        else out.errors.push(...r.errors);
        if (r.warnings.length > 0) out.warnings.push(...r.warnings);
      }
      return out;
    },
  };
};

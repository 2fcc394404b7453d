import type { OccurrenceCounter } from "./derive-id.ts";
import { deriveId } from "./derive-id.ts";
import type {
  FeedbackKind,
  Language,
  OrderStatus,
  RequestChannel,
  RequestKind,
  RequestStatus,
} from "./enums.ts";
import type { EntityKind } from "./fields.ts";
import type { Field, RowContext } from "./row-context.ts";
import type { CustomerRef, CustomerRow, EntityRows, FeedbackRow, OrderRow, RequestRow } from "./row-types.ts";

// One builder per entity: which fields a row has, their defaults and cross-field checks. Builders resolve
// their fields once per file and return the per-row function (objects made per row are single literals:
// spreading them costs more than all the parsing of a row).

/** Resolves an entity's fields once, then builds one row per call (null when the row has errors). */
export type Builder<T> = (c: RowContext, ids: OccurrenceCounter) => () => T | null;

// The content a derived id is built from: parsed values, so "1 234,50" and "1234.5" give the same id.
type Content = (string | number | null)[];
const derive = (ids: OccurrenceCounter, entity: string, content: Content): string =>
  ids.idFor(deriveId(entity, content));

/** The customer fields of a row: its id, or "email:…" / "phone:…" when the file identifies people that way. */
const customerReader = (c: RowContext, prefix: "" | "customer_") => {
  const [id, email, phone, name] = ["external_id", "email", "phone", "name"].map((f) => c.field(prefix + f));
  return (): CustomerRef | null => {
    const externalId = c.id(id!);
    const mail = c.email(email!);
    const tel = c.phone(phone!);
    const who = c.text(name!);
    const key = externalId ?? (mail ? `email:${mail}` : tel ? `phone:${tel}` : null);
    return key === null ? null : { externalId: key, name: who, email: mail, phone: tel };
  };
};

const customers: Builder<CustomerRow> = (c) => {
  const ref = customerReader(c, "");
  const [externalId, firstSeen, referred] = ["external_id", "first_seen_at", "referred_by"].map((f) =>
    c.field(f),
  );
  return () => {
    const who = c.required(externalId!, ref());
    const firstSeenAt = c.date(firstSeen!);
    const referredBy = c.id(referred!);
    const attributes = c.attributes();
    return who && c.errors.length === 0
      ? {
          line: c.line,
          externalId: who.externalId,
          name: who.name,
          email: who.email,
          phone: who.phone,
          firstSeenAt,
          referredBy,
          attributes,
        }
      : null;
  };
};

const orders: Builder<OrderRow> = (c, ids) => {
  const ref = customerReader(c, "customer_");
  const f = (name: string): Field => c.field(name);
  const [id, customerId, at, amountF, listF, currencyF] = [
    f("external_id"),
    f("customer_external_id"),
    f("ordered_at"),
    f("amount"),
    f("list_amount"),
    f("currency"),
  ];
  const [statusF, waitF, channelF, locationF, referredF] = [
    f("status"),
    f("wait_days"),
    f("channel"),
    f("location"),
    f("referred_by"),
  ];
  return () => {
    const given = c.id(id);
    const customer = c.required(customerId, ref());
    const orderedAt = c.required(at, c.date(at));
    const column = c.currency(currencyF);
    const base = column ?? c.options.currency;
    const amount = c.required(amountF, c.money(amountF, base));
    const amountWritten = c.written.currency;
    const list = c.money(listF, base);
    const written = amountWritten ?? c.written.currency;
    if (column && written && written !== column)
      c.issue(amountF, "currency_conflict", { found: written, currency: column });
    const currency = column ?? written ?? base;
    if (amount !== null && amount < 0) c.issue(amountF, "negative", {});
    if (list !== null && list < 0) c.issue(listF, "negative", {});
    const status = c.choice<OrderStatus>(statusF) ?? "completed";
    const waitDays = c.integer(waitF) ?? 0;
    if (waitDays < 0) c.issue(waitF, "negative", {});
    const channel = c.text(channelF);
    const location = c.text(locationF);
    const referredBy = c.id(referredF);
    if (!customer || !orderedAt || amount === null || c.errors.length > 0) return null;
    const listAmount = list ?? amount;
    const externalId =
      given ??
      derive(ids, "orders", [
        customer.externalId,
        orderedAt,
        amount,
        listAmount,
        currency,
        status,
        channel,
        location,
        waitDays,
      ]);
    // One literal, no spread: this object is made for every row of the file.
    return {
      line: c.line,
      externalId,
      derivedId: given === null,
      customer,
      orderedAt,
      amount,
      listAmount,
      currency,
      channel,
      location,
      status,
      waitDays,
      referredBy,
    };
  };
};

const requests: Builder<RequestRow> = (c, ids) => {
  const ref = customerReader(c, "customer_");
  const f = (name: string): Field => c.field(name);
  const [id, channelF, kindF, subjectF, textF, languageF] = [
    f("external_id"),
    f("channel"),
    f("kind"),
    f("subject"),
    f("text"),
    f("language"),
  ];
  const [createdF, respondedF, resolvedF, statusF, locationF, assigneeF] = [
    f("created_at"),
    f("first_response_at"),
    f("resolved_at"),
    f("status"),
    f("location"),
    f("assignee"),
  ];
  return () => {
    const given = c.id(id);
    const customer = ref();
    const channel = c.required(channelF, c.choice<RequestChannel>(channelF));
    const kind = c.required(kindF, c.choice<RequestKind>(kindF));
    const subject = c.text(subjectF);
    const text = c.text(textF) ?? "";
    const language = c.choice<Language>(languageF);
    const createdAt = c.required(createdF, c.date(createdF));
    const firstResponseAt = c.date(respondedF);
    const resolvedAt = c.date(resolvedF);
    // ISO strings in UTC compare in time order.
    if (firstResponseAt && createdAt && firstResponseAt < createdAt)
      c.issue(respondedF, "time_order", { other: "created_at" });
    if (resolvedAt && createdAt && resolvedAt < createdAt)
      c.issue(resolvedF, "time_order", { other: "created_at" });
    const status = c.choice<RequestStatus>(statusF) ?? (resolvedAt ? "resolved" : "open");
    const location = c.text(locationF);
    const assignee = c.text(assigneeF);
    if (!channel || !kind || !createdAt || c.errors.length > 0) return null;
    const externalId =
      given ??
      derive(ids, "requests", [customer?.externalId ?? null, createdAt, channel, kind, subject, text]);
    // One literal, no spread: this object is made for every row of the file.
    return {
      line: c.line,
      externalId,
      derivedId: given === null,
      customer,
      channel,
      kind,
      subject,
      text,
      language,
      createdAt,
      firstResponseAt,
      resolvedAt,
      location,
      status,
      assignee,
    };
  };
};

const SCORE_RANGE: Record<FeedbackKind, [number, number]> = { nps: [0, 10], csat: [1, 5], ces: [1, 7] };

const feedback: Builder<FeedbackRow> = (c, ids) => {
  const ref = customerReader(c, "customer_");
  const f = (name: string): Field => c.field(name);
  const [id, kindF, scoreF, commentF, languageF, orderF] = [
    f("external_id"),
    f("kind"),
    f("score"),
    f("comment"),
    f("language"),
    f("order_external_id"),
  ];
  const [requestF, locationF, channelF, createdF] = [
    f("request_external_id"),
    f("location"),
    f("channel"),
    f("created_at"),
  ];
  return () => {
    const given = c.id(id);
    const customer = ref();
    const kind = c.required(kindF, c.choice<FeedbackKind>(kindF));
    const score = c.required(scoreF, c.integer(scoreF));
    if (kind && score !== null) {
      const [min, max] = SCORE_RANGE[kind];
      if (score < min || score > max) c.issue(scoreF, "out_of_range", { min, max });
    }
    const comment = c.text(commentF);
    const language = c.choice<Language>(languageF);
    const orderExternalId = c.id(orderF);
    const requestExternalId = c.id(requestF);
    const location = c.text(locationF);
    const channel = c.text(channelF);
    const createdAt = c.required(createdF, c.date(createdF));
    if (!kind || score === null || !createdAt || c.errors.length > 0) return null;
    const content = [
      customer?.externalId ?? null,
      createdAt,
      kind,
      score,
      comment,
      orderExternalId,
      requestExternalId,
    ];
    const externalId = given ?? derive(ids, "feedback", content);
    // One literal, no spread: this object is made for every row of the file.
    return {
      line: c.line,
      externalId,
      derivedId: given === null,
      customer,
      kind,
      score,
      comment,
      language,
      orderExternalId,
      requestExternalId,
      location,
      channel,
      createdAt,
    };
  };
};

export const builders: { [E in EntityKind]: Builder<EntityRows[E]> } = {
  customers,
  orders,
  requests,
  feedback,
};

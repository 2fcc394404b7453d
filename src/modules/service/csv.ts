import type { ServiceReport } from "./report.ts";
import type { ServiceRequestsPage } from "./service.ts";
import type { Proportion } from "./types.ts";

/** CSV exports: UTF-8 with a byte-order mark (Excel then reads Cyrillic right), CRLF line ends (RFC 4180). */

const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

type Cell = string | number | boolean | null | undefined;

/**
 * A cell a spreadsheet will not run: text starting like a formula (= + - @, or a tab or carriage return)
 * gets a leading apostrophe (OWASP "CSV injection"); plain numbers such as -0.25 stay numbers. Cells with
 * commas, quotes or line breaks are quoted.
 */
export function csvCell(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s = typeof v === "number" ? (Number.isFinite(v) ? String(v) : "") : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const toCsv = (header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string =>
  `\uFEFF${[header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n")}\r\n`;

export const REPORT_HEADER = [
  "section",
  "period_from",
  "period_to",
  "channel",
  "location",
  "weekday",
  "hour",
  "month",
  "week",
  "bucket",
  "metric",
  "value",
  "lower",
  "upper",
  "numerator",
  "denominator",
  "n",
] as const;

type Key = Partial<Record<"channel" | "location" | "weekday" | "hour" | "month" | "week" | "bucket", Cell>>;

/** The page's figures in long form: one figure a row, so any spreadsheet can pivot them. */
export function reportCsv(r: ServiceReport): string {
  const rows: Cell[][] = [];
  const put = (
    section: string,
    key: Key,
    metric: string,
    value: Cell,
    extra: Partial<Record<"lower" | "upper" | "numerator" | "denominator" | "n", Cell>> = {},
  ) =>
    rows.push([
      section,
      r.period.from,
      r.period.to,
      key.channel,
      key.location,
      key.weekday,
      key.hour,
      key.month,
      key.week,
      key.bucket,
      metric,
      value,
      extra.lower,
      extra.upper,
      extra.numerator,
      extra.denominator,
      extra.n,
    ]);
  const share = (section: string, key: Key, metric: string, p: Proportion) =>
    put(section, key, metric, p.value, {
      lower: p.lower,
      upper: p.upper,
      numerator: p.numerator,
      denominator: p.denominator,
      n: p.denominator,
    });
  for (const c of [r.total, ...r.channels]) {
    const key = { channel: c.channel ?? "all" };
    put("summary", key, "requests", c.requests);
    share("summary", key, "answered_share", c.answered);
    share("summary", key, "inside_hours_share", c.insideHours);
    for (const [step, w] of [
      ["first_response", c.firstResponse],
      ["resolution", c.resolution],
    ] as const) {
      for (const clock of ["calendar", "business"] as const) {
        const d = w[clock];
        put("summary", key, `${step}_${clock}_median_hours`, d.median, { n: d.n });
        put("summary", key, `${step}_${clock}_p90_hours`, d.p90, { n: d.n });
        put("summary", key, `${step}_${clock}_mean_hours`, d.mean, { n: d.n });
      }
    }
    share("summary", key, "sla_first_response_met", c.sla.firstResponse);
    share("summary", key, "sla_resolution_met", c.sla.resolution);
    put("summary", key, "second_channel_tries", c.secondChannelTries);
  }
  const rh = r.heatmap.requests;
  const oh = r.heatmap.orders;
  for (let i = 0; i < 168; i++) {
    const key = { weekday: Math.floor(i / 24), hour: i % 24 };
    put("heatmap_requests", key, "requests", rh.counts[i]);
    put("heatmap_requests", key, "outside_hours", rh.outside[i]);
    put("heatmap_requests", key, "mean_first_response_hours", rh.meanFirstResponseHours?.[i]);
    put("heatmap_requests", key, "open_share", r.hours.openShare[i]);
    put("heatmap_orders", key, "orders", oh.counts[i]);
    put("heatmap_orders", key, "outside_hours", oh.outside[i]);
  }
  const o = r.outsideHours;
  share("outside_hours", {}, "requests_outside_share", o.requests);
  share("outside_hours", {}, "orders_outside_share", o.orders);
  put("outside_hours", {}, "first_response_inside_median_hours", o.firstResponseInside.calendar.median, {
    n: o.firstResponseInside.calendar.n,
  });
  put("outside_hours", {}, "first_response_outside_median_hours", o.firstResponseOutside.calendar.median, {
    n: o.firstResponseOutside.calendar.n,
  });
  put("outside_hours", {}, "extra_wait_hours", o.extraWaitHours);
  for (const v of r.verdicts) put("verdict", {}, v.key, JSON.stringify(v.values));
  r.channelShift.channels.forEach((c) => {
    r.channelShift.months.forEach((m, i) => {
      put("channel_shift", { channel: c.channel, month: m }, "requests", c.counts[i]);
      put("channel_shift", { channel: c.channel, month: m }, "share", c.shares[i]);
    });
    put("channel_shift", { channel: c.channel }, "change_points", c.changePoints);
  });
  put("two_channel", {}, "customers", r.twoChannel.customers);
  put("two_channel", {}, "requests", r.twoChannel.requests);
  for (const p of r.twoChannel.pairs)
    put("two_channel", { channel: `${p.from}>${p.to}` }, "requests", p.requests);
  for (const l of r.sla.byLocation) {
    share("sla_location", { location: l.location.name }, "first_response_met", l.firstResponse);
    share("sla_location", { location: l.location.name }, "resolution_met", l.resolution);
  }
  for (const w of r.sla.byWeek) {
    share("sla_week", { week: w.week }, "first_response_met", w.firstResponse);
    share("sla_week", { week: w.week }, "resolution_met", w.resolution);
  }
  for (const d of r.orderWaits.distribution) put("order_waits", { bucket: d.waitDays }, "orders", d.orders);
  for (const b of r.orderWaits.buckets)
    share("order_wait_cancellation", { bucket: b.label }, "cancelled_share", b.cancellation);
  return toCsv(REPORT_HEADER, rows);
}

export const REQUESTS_HEADER = [
  "id",
  "external_id",
  "created_at",
  "created_local",
  "channel",
  "kind",
  "location",
  "customer",
  "status",
  "assignee",
  "subject",
  "in_hours",
  "first_response_at",
  "resolved_at",
  "first_response_hours",
  "first_response_business_hours",
  "resolution_hours",
  "resolution_business_hours",
  "first_response_due_at",
  "resolution_due_at",
  "first_response_sla",
  "resolution_sla",
  "previous_channel",
] as const;

export const requestsCsv = (p: ServiceRequestsPage): string =>
  toCsv(
    REQUESTS_HEADER,
    p.requests.map((r) => [
      r.id,
      r.externalId,
      r.createdAt,
      r.createdLocal,
      r.channel,
      r.kind,
      r.location?.name,
      r.customer?.externalId,
      r.status,
      r.assignee,
      r.subject,
      r.inHours,
      r.firstResponseAt,
      r.resolvedAt,
      r.firstResponseHours,
      r.firstResponseBusinessHours,
      r.resolutionHours,
      r.resolutionBusinessHours,
      r.firstResponseDueAt,
      r.resolutionDueAt,
      r.firstResponseSla,
      r.resolutionSla,
      r.previousChannel,
    ]),
  );

import type { CsvCell } from "../intake/csv.ts";
import { cancellationRate, slaCounts } from "./figures.ts";
import type { ChannelFigures, Proportion, ServiceReport } from "./service-api.ts";

// Every table of the page as CSV rows: plain numbers (hours to a hundredth, shares as percent to a tenth)
// so a spreadsheet can compute with them; the header's words come from i18n (servicePage.col.<key>).

export type Table = { columns: readonly string[]; rows: CsvCell[][] };

const h2 = (x: number | null): number | null => (x === null ? null : Math.round(x * 100) / 100);
const pct = (p: Proportion): number | null => (p.value === null ? null : Math.round(p.value * 1000) / 10);
const pctOf = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 10);

const timeColumns = [
  "requests",
  "answered",
  "answeredPercent",
  "insideHoursPercent",
  "firstResponseMedianCalendar",
  "firstResponseP90Calendar",
  "firstResponseMedianBusiness",
  "firstResponseP90Business",
  "resolutionMedianCalendar",
  "resolutionP90Calendar",
  "resolutionMedianBusiness",
  "resolutionP90Business",
] as const;

const timeCells = (c: ChannelFigures): CsvCell[] => [
  c.requests,
  c.answered.numerator,
  pct(c.answered),
  pct(c.insideHours),
  h2(c.firstResponse.calendar.median),
  h2(c.firstResponse.calendar.p90),
  h2(c.firstResponse.business.median),
  h2(c.firstResponse.business.p90),
  h2(c.resolution.calendar.median),
  h2(c.resolution.calendar.p90),
  h2(c.resolution.business.median),
  h2(c.resolution.business.p90),
];

/** Times per channel, the total first; `name` gives a channel's (or the total's) name. */
export function timesByChannel(r: ServiceReport, name: (c: ChannelFigures) => string): Table {
  return {
    columns: ["channel", ...timeColumns],
    rows: [r.total, ...r.channels].map((c) => [name(c), ...timeCells(c)]),
  };
}

/** Times per location: one report per location (the location filter), in the order given. */
export function timesByLocation(list: Array<{ name: string; figures: ChannelFigures }>): Table {
  return { columns: ["location", ...timeColumns], rows: list.map((l) => [l.name, ...timeCells(l.figures)]) };
}

/** The trend: one report per month. */
export function timesByMonth(list: Array<{ month: string; figures: ChannelFigures }>): Table {
  return { columns: ["month", ...timeColumns], rows: list.map((m) => [m.month, ...timeCells(m.figures)]) };
}

const slaColumns = [
  "requests",
  "firstResponseMet",
  "firstResponseBreached",
  "firstResponseMetPercent",
  "resolutionMet",
  "resolutionBreached",
  "resolutionMetPercent",
] as const;
const slaCells = (requests: number, fr: Proportion, res: Proportion): CsvCell[] => [
  requests,
  slaCounts(fr).met,
  slaCounts(fr).breached,
  pct(fr),
  slaCounts(res).met,
  slaCounts(res).breached,
  pct(res),
];

export function slaByChannel(r: ServiceReport, name: (c: ChannelFigures) => string): Table {
  return {
    columns: ["channel", ...slaColumns, "running"],
    rows: [r.total, ...r.channels].map((c) => [
      name(c),
      ...slaCells(c.requests, c.sla.firstResponse, c.sla.resolution),
      c.sla.running,
    ]),
  };
}

export function slaByLocation(r: ServiceReport): Table {
  return {
    columns: ["location", ...slaColumns],
    rows: r.sla.byLocation.map((l) => [
      l.location.name,
      ...slaCells(l.requests, l.firstResponse, l.resolution),
    ]),
  };
}

export function slaByWeek(r: ServiceReport): Table {
  return {
    columns: ["week", ...slaColumns],
    rows: r.sla.byWeek.map((w) => [w.week, ...slaCells(w.requests, w.firstResponse, w.resolution)]),
  };
}

/** The 168 hours of the week, Monday 00:00 first, with both heatmaps and the overlay. */
export function heatmapTable(r: ServiceReport, weekday: (d: number) => string): Table {
  const q = r.heatmap.requests;
  const o = r.heatmap.orders;
  return {
    columns: [
      "weekday",
      "hour",
      "openShare",
      "requests",
      "requestsOutside",
      "meanFirstResponse",
      "orders",
      "ordersOutside",
    ],
    rows: Array.from({ length: 168 }, (_, i) => [
      weekday(Math.floor(i / 24)),
      `${String(i % 24).padStart(2, "0")}:00`,
      r.hours.openShare[i] ?? 0,
      q.counts[i] ?? 0,
      q.outside[i] ?? 0,
      h2(q.meanFirstResponseHours?.[i] ?? null),
      o.counts[i] ?? 0,
      o.outside[i] ?? 0,
    ]),
  };
}

/** First response inside and outside the hours. */
export function outsideTable(r: ServiceReport, labels: { inside: string; outside: string }): Table {
  const o = r.outsideHours;
  const inside = r.total.insideHours.numerator;
  const row = (label: string, requests: number, w: typeof o.firstResponseInside): CsvCell[] => [
    label,
    requests,
    h2(w.calendar.median),
    h2(w.calendar.p90),
    h2(w.business.median),
    h2(w.business.p90),
  ];
  return {
    columns: [
      "when",
      "requests",
      "firstResponseMedianCalendar",
      "firstResponseP90Calendar",
      "firstResponseMedianBusiness",
      "firstResponseP90Business",
    ],
    rows: [
      row(labels.inside, inside, o.firstResponseInside),
      row(labels.outside, o.requests.numerator, o.firstResponseOutside),
    ],
  };
}

/** Requests per channel per month, and each channel's share of the month, in percent. */
export function channelShiftTable(r: ServiceReport, name: (c: string) => string): Table {
  const s = r.channelShift;
  return {
    columns: ["channel", "month", "requests", "sharePercent"],
    rows: s.channels.flatMap((c) =>
      s.months.map((m, i) => [name(c.channel), m, c.counts[i] ?? 0, pctOf(c.shares[i] ?? null)]),
    ),
  };
}

export function twoChannelTable(r: ServiceReport, name: (c: string) => string): Table {
  return {
    columns: ["fromChannel", "toChannel", "requests"],
    rows: r.twoChannel.pairs.map((p) => [name(p.from), name(p.to), p.requests]),
  };
}

export function waitDistributionTable(r: ServiceReport): Table {
  return {
    columns: ["waitDays", "orders", "completed", "cancelled", "returned", "cancellationPercent"],
    rows: r.orderWaits.distribution.map((d) => [
      d.waitDays,
      d.orders,
      d.completed,
      d.cancelled,
      d.returned,
      pctOf(cancellationRate(d.cancelled, d.completed)),
    ]),
  };
}

export function waitBucketsTable(r: ServiceReport): Table {
  return {
    columns: [
      "waitDays",
      "orders",
      "cancelled",
      "completedOrCancelled",
      "cancellationPercent",
      "lowerPercent",
      "upperPercent",
    ],
    rows: r.orderWaits.buckets.map((b) => [
      b.label,
      b.orders,
      b.cancellation.numerator,
      b.cancellation.denominator,
      pct(b.cancellation),
      pctOf(b.cancellation.lower),
      pctOf(b.cancellation.upper),
    ]),
  };
}

/** Requests and the mean first answer by hour of the day, per channel (the total first). */
export function byHourTable(r: ServiceReport, name: (c: ChannelFigures) => string): Table {
  return {
    columns: ["channel", "hour", "requests", "meanFirstResponse"],
    rows: [r.total, ...r.channels].flatMap((c) =>
      Array.from({ length: 24 }, (_, h) => [
        name(c),
        `${String(h).padStart(2, "0")}:00`,
        c.byHour.requests[h] ?? 0,
        h2(c.byHour.meanFirstResponseHours[h] ?? null),
      ]),
    ),
  };
}

import { type ChannelShift, channelShift, TWO_CHANNEL_WINDOW_MS } from "./channels.ts";
import {
  type Duration,
  durationExact,
  durationFromHistogram,
  emptyHistogram,
  type OrderWaits,
  orderWaits,
  proportion,
  zeros,
} from "./figures.ts";
import { addFloat64, addInt32 } from "./packed.ts";
import { monthRange, type Period } from "./period.ts";
import type { SlaPolicy } from "./sla.ts";
import type {
  ExactRow,
  LocationSlaRow,
  OrderHeatRow,
  OrderWaitRow,
  RollupRow,
  RunningRow,
  TwoChannel,
  WeekRow,
} from "./store-read.ts";
import type { Channel, Kind, Month, Proportion } from "./types.ts";
import { type Verdict, verdicts } from "./verdict.ts";

/** The service page's figures, assembled from the rollups (no I/O here; `now` came in with the rows). */

export type Waits = { calendar: Duration; business: Duration };

export type ChannelFigures = {
  channel: Channel | null;
  requests: number;
  answered: Proportion;
  insideHours: Proportion;
  firstResponse: Waits;
  resolution: Waits;
  sla: { firstResponse: Proportion; resolution: Proportion; running: number };
  secondChannelTries: number;
  /** By hour of day of the request (workspace clock, index 0 = 00–01): requests and mean calendar hours to a first answer. */
  byHour: { requests: number[]; meanFirstResponseHours: Array<number | null> };
};

/**
 * An hour-of-the-week grid in parallel arrays of 168 cells, index = weekday × 24 + hour (weekday 0 =
 * Monday, workspace clock): compact for a heatmap chart and cheap to send.
 */
export type Heatmap = { counts: number[]; outside: number[]; meanFirstResponseHours?: Array<number | null> };

export type ServiceReport = {
  workspace: { id: number; slug: string; name: string; timeZone: string };
  period: Period;
  filters: { location: { id: number; name: string } | null; channel: Channel | null; kind: Kind | null };
  freshness: { rebuiltAt: string | null; refreshedAt: string | null; stale: boolean };
  percentiles: { method: "exact" | "binned"; definition: string };
  hours: { source: string; openShare: number[] };
  total: ChannelFigures;
  channels: ChannelFigures[];
  heatmap: { requests: Heatmap; orders: Heatmap };
  outsideHours: {
    requests: Proportion;
    orders: Proportion;
    firstResponseInside: Waits;
    firstResponseOutside: Waits;
    extraWaitHours: number | null;
  };
  verdicts: Verdict[];
  channelShift: ChannelShift;
  twoChannel: TwoChannel & { windowHours: number };
  sla: {
    source: "custom" | "default";
    policies: SlaPolicy[];
    byLocation: Array<{
      location: { id: number; name: string };
      requests: number;
      firstResponse: Proportion;
      resolution: Proportion;
    }>;
    byWeek: Array<{ week: string; requests: number; firstResponse: Proportion; resolution: Proportion }>;
  };
  orderWaits: OrderWaits;
  locations: Array<{ id: number; name: string }>;
};

export type ReportInput = Omit<
  ServiceReport,
  | "percentiles"
  | "total"
  | "channels"
  | "heatmap"
  | "outsideHours"
  | "verdicts"
  | "channelShift"
  | "twoChannel"
  | "sla"
  | "orderWaits"
> & {
  rows: RollupRow[];
  exact: ExactRow[] | null;
  trend: Array<{ month: Month; channel: Channel; requests: number }>;
  weeks: WeekRow[];
  byLocation: LocationSlaRow[];
  running: RunningRow[];
  twoChannel: TwoChannel;
  orders: { heat: OrderHeatRow[]; waits: OrderWaitRow[] };
  sla: { source: "custom" | "default"; policies: SlaPolicy[] };
};

type Acc = {
  requests: number;
  answered: number;
  resolved: number;
  inside: number;
  sums: [number, number, number, number];
  hists: [number[], number[], number[], number[]];
  frMet: number;
  frBreached: number;
  resMet: number;
  resBreached: number;
  running: number;
  switched: number;
  heat: number[];
  heatAnswered: number[];
  heatFrSum: number[];
};

const newAcc = (): Acc => ({
  requests: 0,
  answered: 0,
  resolved: 0,
  inside: 0,
  sums: [0, 0, 0, 0],
  hists: [emptyHistogram(), emptyHistogram(), emptyHistogram(), emptyHistogram()],
  frMet: 0,
  frBreached: 0,
  resMet: 0,
  resBreached: 0,
  running: 0,
  switched: 0,
  heat: zeros(168),
  heatAnswered: zeros(168),
  heatFrSum: zeros(168),
});

function addRow(a: Acc, r: RollupRow): void {
  a.requests += r.requests;
  a.answered += r.answered;
  a.resolved += r.resolved;
  if (r.in_hours) a.inside += r.requests;
  a.sums[0] += Number(r.fr_sum);
  a.sums[1] += Number(r.frb_sum);
  a.sums[2] += Number(r.res_sum);
  a.sums[3] += Number(r.resb_sum);
  addInt32(a.hists[0], r.hist_fr);
  addInt32(a.hists[1], r.hist_frb);
  addInt32(a.hists[2], r.hist_res);
  addInt32(a.hists[3], r.hist_resb);
  a.frMet += r.fr_met;
  a.frBreached += r.fr_breached;
  a.resMet += r.res_met;
  a.resBreached += r.res_breached;
  a.switched += r.switched;
  addInt32(a.heat, r.heat);
  addInt32(a.heatAnswered, r.heat_answered);
  addFloat64(a.heatFrSum, r.heat_fr_sum);
}

/** Requests still running at refresh whose deadline has passed since count as breached now. */
function addRunning(a: Acc, r: RunningRow): void {
  if (r.fr === "late") a.frBreached++;
  if (r.res === "late") a.resBreached++;
  if (r.fr === "running" || r.res === "running") a.running++;
}

function waits(a: Acc, exact: ExactRow | undefined, step: "fr" | "res"): Waits {
  const cal = step === "fr" ? 0 : 2;
  const n = step === "fr" ? a.answered : a.resolved;
  const sumCal = a.sums[cal] as number;
  const sumBus = a.sums[cal + 1] as number;
  if (exact) {
    return {
      calendar: durationExact(step === "fr" ? exact.fr : exact.res, sumCal, n),
      business: durationExact(step === "fr" ? exact.frb : exact.resb, sumBus, n),
    };
  }
  return {
    calendar: durationFromHistogram(a.hists[cal] as number[], sumCal, n),
    business: durationFromHistogram(a.hists[cal + 1] as number[], sumBus, n),
  };
}

function figures(channel: Channel | null, a: Acc, exact: ExactRow | undefined): ChannelFigures {
  const byHour: ChannelFigures["byHour"] = { requests: [], meanFirstResponseHours: [] };
  for (let hour = 0; hour < 24; hour++) {
    let requests = 0;
    let answered = 0;
    let sum = 0;
    for (let d = 0; d < 7; d++) {
      requests += a.heat[d * 24 + hour] ?? 0;
      answered += a.heatAnswered[d * 24 + hour] ?? 0;
      sum += a.heatFrSum[d * 24 + hour] ?? 0;
    }
    byHour.requests.push(requests);
    byHour.meanFirstResponseHours.push(answered > 0 ? sum / answered / 3600 : null);
  }
  return {
    channel,
    requests: a.requests,
    answered: proportion(a.answered, a.requests),
    insideHours: proportion(a.inside, a.requests),
    firstResponse: waits(a, exact, "fr"),
    resolution: waits(a, exact, "res"),
    sla: {
      firstResponse: proportion(a.frMet, a.frMet + a.frBreached),
      resolution: proportion(a.resMet, a.resMet + a.resBreached),
      running: a.running,
    },
    secondChannelTries: a.switched,
    byHour,
  };
}

const meanHours = (answered: number[], frSum: number[]): Array<number | null> =>
  answered.map((n, i) => (n > 0 ? (frSum[i] as number) / n / 3600 : null));

export function buildReport(input: ReportInput): ServiceReport {
  const { rows, exact, running } = input;
  const total = newAcc();
  const byChannel = new Map<Channel, Acc>();
  const inside = newAcc();
  const outside = newAcc();
  const outsideHeat = zeros(168);
  for (const r of rows) {
    addRow(total, r);
    const c = byChannel.get(r.channel) ?? newAcc();
    byChannel.set(r.channel, c);
    addRow(c, r);
    addRow(r.in_hours ? inside : outside, r);
    if (!r.in_hours) addInt32(outsideHeat, r.heat);
  }
  for (const r of running) {
    addRunning(total, r);
    const c = byChannel.get(r.channel);
    if (c) addRunning(c, r);
  }
  const exactOf = (pred: (e: ExactRow) => boolean) => exact?.find(pred);
  const channels = [...byChannel]
    .map(([ch, a]) =>
      figures(
        ch,
        a,
        exactOf((e) => e.channel === ch),
      ),
    )
    .sort((a, b) => b.requests - a.requests);
  const totalFigures = figures(
    null,
    total,
    exactOf((e) => e.channel === null && e.in_hours === null),
  );
  const firstResponseInside = waits(
    inside,
    exactOf((e) => e.in_hours === true),
    "fr",
  );
  const firstResponseOutside = waits(
    outside,
    exactOf((e) => e.in_hours === false),
    "fr",
  );
  const mi = firstResponseInside.calendar.median;
  const mo = firstResponseOutside.calendar.median;

  const orderHeat = zeros(168);
  const orderOutside = zeros(168);
  let ordersOutside = 0;
  let orders = 0;
  for (const h of input.orders.heat) {
    addInt32(orderHeat, h.heat);
    orders += h.orders;
    if (!h.in_hours) {
      addInt32(orderOutside, h.heat);
      ordersOutside += h.orders;
    }
  }
  const waitsFigures = orderWaits(
    input.orders.waits.map((w) => ({
      waitDays: w.wait_days,
      orders: w.orders,
      completed: w.completed,
      cancelled: w.cancelled,
      returned: w.returned,
    })),
  );
  const outsideShare = proportion(outside.requests, total.requests);

  const trendCounts = new Map<Channel, Map<Month, number>>();
  for (const t of input.trend) {
    const m = trendCounts.get(t.channel) ?? new Map<Month, number>();
    trendCounts.set(t.channel, m);
    m.set(t.month, t.requests);
  }
  const names = new Map(input.locations.map((l) => [String(l.id), l.name]));
  const lateBy = (key: (r: RunningRow) => string) => {
    const m = new Map<string, { fr: number; res: number }>();
    for (const r of running) {
      const k = key(r);
      const v = m.get(k) ?? { fr: 0, res: 0 };
      if (r.fr === "late") v.fr++;
      if (r.res === "late") v.res++;
      m.set(k, v);
    }
    return m;
  };
  const lateByLocation = lateBy((r) => r.location);
  const lateByWeek = lateBy((r) => r.week);
  const {
    rows: _r,
    exact: _e,
    trend: _t,
    weeks: _w,
    byLocation: _b,
    running: _ru,
    orders: _o,
    ...base
  } = input;

  return {
    ...base,
    percentiles: {
      method: exact ? "exact" : "binned",
      definition:
        "type 7 (linear interpolation between closest ranks; PostgreSQL percentile_cont, Excel PERCENTILE.INC)",
    },
    total: totalFigures,
    channels,
    heatmap: {
      requests: {
        counts: total.heat,
        outside: outsideHeat,
        meanFirstResponseHours: meanHours(total.heatAnswered, total.heatFrSum),
      },
      orders: { counts: orderHeat, outside: orderOutside },
    },
    outsideHours: {
      requests: outsideShare,
      orders: proportion(ordersOutside, orders),
      firstResponseInside,
      firstResponseOutside,
      extraWaitHours: mi !== null && mo !== null ? mo - mi : null,
    },
    verdicts: verdicts({
      outside: outsideShare,
      medianInsideHours: mi,
      medianOutsideHours: mo,
      channels: channels.map((c) => ({
        channel: c.channel as Channel,
        requests: c.requests,
        answered: c.answered,
        medianFirstResponseHours: c.firstResponse.calendar.median,
      })),
      slaFirstResponse: totalFigures.sla.firstResponse,
      twoChannelCustomers: input.twoChannel.customers,
      waitBuckets: waitsFigures.buckets,
    }),
    channelShift: channelShift(monthRange(input.period.trendFrom, input.period.to), trendCounts),
    twoChannel: { ...input.twoChannel, windowHours: TWO_CHANNEL_WINDOW_MS / 3_600_000 },
    sla: {
      ...input.sla,
      byLocation: input.byLocation.map((l) => {
        const late = lateByLocation.get(l.location) ?? { fr: 0, res: 0 };
        return {
          location: {
            id: Number(l.location),
            name: names.get(l.location) ?? (l.location === "0" ? "—" : l.location),
          },
          requests: l.requests,
          firstResponse: proportion(l.fr_met, l.fr_met + l.fr_breached + late.fr),
          resolution: proportion(l.res_met, l.res_met + l.res_breached + late.res),
        };
      }),
      byWeek: input.weeks.map((w) => {
        const late = lateByWeek.get(w.week) ?? { fr: 0, res: 0 };
        return {
          week: w.week,
          requests: w.requests,
          firstResponse: proportion(w.fr_met, w.fr_met + w.fr_breached + late.fr),
          resolution: proportion(w.res_met, w.res_met + w.res_breached + late.res),
        };
      }),
    },
    orderWaits: waitsFigures,
  };
}

import { monthOfDay, type RequestFact, weekStartOfDay } from "./facts.ts";
import { BIN_COUNT, binOf } from "./percentiles.ts";
import { CHANNELS, type Channel, type Month } from "./types.ts";

/**
 * The rollups the page reads, accumulated from facts in one pass. Each request counts in four slices so
 * that any combination of the location and kind filters reads one slice: all, location, kind and
 * location × kind (the channel is a column of every row). Heatmaps are 168 cells, Monday 00–01 first,
 * in the workspace's zone; durations go into histograms (percentiles.ts) and sums.
 */

export type Dim = "all" | "location" | "kind" | "location_kind";

export const locationValue = (id: number | null): string => String(id ?? 0);

export function slicesOf(f: { locationId: number | null; kind: string }): Array<[Dim, string]> {
  const loc = locationValue(f.locationId);
  return [
    ["all", ""],
    ["location", loc],
    ["kind", f.kind],
    ["location_kind", `${loc}|${f.kind}`],
  ];
}

export type RequestRollup = {
  month: Month;
  dim: Dim;
  value: string;
  channel: Channel;
  inHours: boolean;
  requests: number;
  answered: number;
  resolved: number;
  frSum: number;
  frBusinessSum: number;
  resSum: number;
  resBusinessSum: number;
  frMet: number;
  frBreached: number;
  resMet: number;
  resBreached: number;
  /** Second-channel tries (channels.ts). */
  switched: number;
  heat: Int32Array;
  heatAnswered: Int32Array;
  /** Sum of calendar first-response seconds per cell (for the mean wait at each hour). */
  heatFrSum: Float64Array;
  histFr: Int32Array;
  histFrBusiness: Int32Array;
  histRes: Int32Array;
  histResBusiness: Int32Array;
};

export type WeekRollup = {
  /** Local day number of the Monday. */
  week: number;
  dim: Dim;
  value: string;
  channel: Channel;
  requests: number;
  frMet: number;
  frBreached: number;
  resMet: number;
  resBreached: number;
};

function emptyRequestRollup(
  month: Month,
  dim: Dim,
  value: string,
  channel: Channel,
  inHours: boolean,
): RequestRollup {
  // One backing buffer per row for all its counters: thousands of rows, not thousands × 6 allocations.
  const ints = new Int32Array(2 * 168 + 4 * BIN_COUNT);
  const hist = (k: number) => ints.subarray(336 + k * BIN_COUNT, 336 + (k + 1) * BIN_COUNT);
  return {
    month,
    dim,
    value,
    channel,
    inHours,
    requests: 0,
    answered: 0,
    resolved: 0,
    frSum: 0,
    frBusinessSum: 0,
    resSum: 0,
    resBusinessSum: 0,
    frMet: 0,
    frBreached: 0,
    resMet: 0,
    resBreached: 0,
    switched: 0,
    heat: ints.subarray(0, 168),
    heatAnswered: ints.subarray(168, 336),
    heatFrSum: new Float64Array(168),
    histFr: hist(0),
    histFrBusiness: hist(1),
    histRes: hist(2),
    histResBusiness: hist(3),
  };
}

/** What the rollups need of a fact (the stored facts read back give exactly this). */
export type RollupFact = Pick<
  RequestFact,
  | "day"
  | "weekday"
  | "hour"
  | "channel"
  | "kind"
  | "locationId"
  | "inHours"
  | "firstResponseS"
  | "firstResponseBusinessS"
  | "resolutionS"
  | "resolutionBusinessS"
  | "firstResponseSla"
  | "resolutionSla"
  | "previousChannel"
>;

export type RequestAccumulator = {
  add: (f: RollupFact) => void;
  rows: () => RequestRollup[];
  weeks: () => WeekRollup[];
};

/**
 * `keep` limits what is written: rows of months and weeks outside it are not accumulated (an incremental
 * refresh reads whole weeks around the months it rewrites).
 */
const channelIndex = (c: Channel): number => CHANNELS.indexOf(c);
/** Months since year 0: a small number for the row keys. */
const monthIndex = (m: Month): number => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));

export function requestAccumulator(keep: {
  month: (m: Month) => boolean;
  week: (w: number) => boolean;
}): RequestAccumulator {
  const rows = new Map<number, RequestRollup>();
  const weeks = new Map<number, WeekRollup>();
  // A million facts go through here: per-fact work is done once for the four slices, and rows are found
  // by numeric keys (slice id, month, channel, in/out), which hash far faster than strings.
  const sliceIds = new Map<string, number>();
  const sliceId = (dim: Dim, value: string): number => {
    const k = `${dim}|${value}`;
    let id = sliceIds.get(k);
    if (id === undefined) {
      id = sliceIds.size;
      sliceIds.set(k, id);
    }
    return id;
  };
  const sliceMemo = new Map<number, Map<string, Array<[Dim, string, number]>>>();
  const slices = (f: RollupFact) => {
    const loc = f.locationId ?? 0;
    let byKind = sliceMemo.get(loc);
    if (!byKind) {
      byKind = new Map();
      sliceMemo.set(loc, byKind);
    }
    let list = byKind.get(f.kind);
    if (!list) {
      list = slicesOf(f).map(([dim, value]) => [dim, value, sliceId(dim, value)] as [Dim, string, number]);
      byKind.set(f.kind, list);
    }
    return list;
  };
  return {
    add(f) {
      const month = monthOfDay(f.day);
      const week = weekStartOfDay(f.day);
      const keepMonth = keep.month(month);
      const keepWeek = keep.week(week);
      const cell = f.weekday * 24 + f.hour;
      const bins = [
        f.firstResponseS === null ? -1 : binOf(f.firstResponseS),
        f.firstResponseBusinessS === null ? -1 : binOf(f.firstResponseBusinessS),
        f.resolutionS === null ? -1 : binOf(f.resolutionS),
        f.resolutionBusinessS === null ? -1 : binOf(f.resolutionBusinessS),
      ] as const;
      const channel = channelIndex(f.channel);
      const monthPart = (monthIndex(month) * 16 + channel) * 2 + (f.inHours ? 1 : 0);
      const weekPart = week * 16 + channel;
      for (const [dim, value, slice] of slices(f)) {
        if (keepMonth) {
          const key = slice * 1e6 + monthPart;
          let r = rows.get(key);
          if (!r) {
            r = emptyRequestRollup(month, dim, value, f.channel, f.inHours);
            rows.set(key, r);
          }
          addToRow(r, f, cell, bins);
        }
        if (keepWeek) {
          const key = slice * 1e6 + weekPart;
          let w = weeks.get(key);
          if (!w) {
            w = {
              week,
              dim,
              value,
              channel: f.channel,
              requests: 0,
              frMet: 0,
              frBreached: 0,
              resMet: 0,
              resBreached: 0,
            };
            weeks.set(key, w);
          }
          w.requests++;
          if (f.firstResponseSla === "met") w.frMet++;
          else if (f.firstResponseSla === "breached") w.frBreached++;
          if (f.resolutionSla === "met") w.resMet++;
          else if (f.resolutionSla === "breached") w.resBreached++;
        }
      }
    },
    rows: () => [...rows.values()],
    weeks: () => [...weeks.values()],
  };
}

function addToRow(
  r: RequestRollup,
  f: RollupFact,
  cell: number,
  bins: readonly [number, number, number, number],
): void {
  r.requests++;
  r.heat[cell] = (r.heat[cell] as number) + 1;
  if (f.firstResponseS !== null && f.firstResponseBusinessS !== null) {
    r.answered++;
    r.frSum += f.firstResponseS;
    r.frBusinessSum += f.firstResponseBusinessS;
    r.heatAnswered[cell] = (r.heatAnswered[cell] as number) + 1;
    r.heatFrSum[cell] = (r.heatFrSum[cell] as number) + f.firstResponseS;
    r.histFr[bins[0]] = (r.histFr[bins[0]] as number) + 1;
    r.histFrBusiness[bins[1]] = (r.histFrBusiness[bins[1]] as number) + 1;
  }
  if (f.resolutionS !== null && f.resolutionBusinessS !== null) {
    r.resolved++;
    r.resSum += f.resolutionS;
    r.resBusinessSum += f.resolutionBusinessS;
    r.histRes[bins[2]] = (r.histRes[bins[2]] as number) + 1;
    r.histResBusiness[bins[3]] = (r.histResBusiness[bins[3]] as number) + 1;
  }
  if (f.firstResponseSla === "met") r.frMet++;
  else if (f.firstResponseSla === "breached") r.frBreached++;
  if (f.resolutionSla === "met") r.resMet++;
  else if (f.resolutionSla === "breached") r.resBreached++;
  if (f.previousChannel !== null) r.switched++;
}

/** Orders: wait_days above this are counted together ("60 days or more"). */
export const WAIT_CAP = 60;

export type OrderRow = {
  id: number;
  orderedAt: number;
  channel: string | null;
  locationId: number | null;
  status: "completed" | "cancelled" | "returned";
  waitDays: number;
};

export type OrderFact = OrderRow & { day: number; weekday: number; hour: number; inHours: boolean };

export type OrderRollup = {
  month: Month;
  locationId: number;
  channel: string;
  inHours: boolean;
  orders: number;
  heat: Int32Array;
};

export type OrderWaitRollup = {
  month: Month;
  locationId: number;
  channel: string;
  waitDays: number;
  orders: number;
  completed: number;
  cancelled: number;
  returned: number;
};

export function orderAccumulator(keep: (m: Month) => boolean) {
  const heat = new Map<string, OrderRollup>();
  const waits = new Map<string, OrderWaitRollup>();
  return {
    add(o: OrderFact): void {
      const month = monthOfDay(o.day);
      if (!keep(month)) return;
      const locationId = o.locationId ?? 0;
      const channel = o.channel ?? "";
      const hk = `${month}|${locationId}|${channel}|${o.inHours}`;
      let h = heat.get(hk);
      if (!h) {
        h = { month, locationId, channel, inHours: o.inHours, orders: 0, heat: new Int32Array(168) };
        heat.set(hk, h);
      }
      h.orders++;
      const cell = o.weekday * 24 + o.hour;
      h.heat[cell] = (h.heat[cell] as number) + 1;
      const waitDays = Math.min(WAIT_CAP, Math.max(0, o.waitDays));
      const wk = `${month}|${locationId}|${channel}|${waitDays}`;
      let w = waits.get(wk);
      if (!w) {
        w = { month, locationId, channel, waitDays, orders: 0, completed: 0, cancelled: 0, returned: 0 };
        waits.set(wk, w);
      }
      w.orders++;
      w[o.status]++;
    },
    heatRows: () => [...heat.values()],
    waitRows: () => [...waits.values()],
  };
}

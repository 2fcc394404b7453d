import type pg from "pg";
import type { CopyValue } from "../../platform/db/index.ts";
import type { RequestFact, RequestRow } from "./facts.ts";
import { dayOfMonthStart } from "./facts.ts";
import { packFloat64, packInt32 } from "./packed.ts";
import type {
  OrderRollup,
  OrderRow,
  OrderWaitRollup,
  RequestRollup,
  RollupFact,
  WeekRollup,
} from "./rollup.ts";
import type { SlaStatus } from "./sla.ts";
import type { Channel, Kind } from "./types.ts";
import { dayToIso, isoInstant } from "./zone.ts";

/** Rows between PostgreSQL and the pure code: cursors to read in batches, and COPY encodings to write. */

let cursorSeq = 0;

/** Reads a query in batches through a cursor (the caller holds a transaction on `client`). */
export async function* batches<T extends pg.QueryResultRow>(
  client: pg.ClientBase,
  sql: string,
  params: unknown[],
  size = 20_000,
): AsyncGenerator<T[]> {
  const name = `service_cursor_${++cursorSeq}`;
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const r = await client.query<T>(`FETCH ${size} FROM ${name}`);
      if (r.rows.length === 0) break;
      yield r.rows;
    }
  } finally {
    await client.query(`CLOSE ${name}`);
  }
}

const ms = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/** Requests of the workspace; read in time order (facts.ts and the two-channel rule expect it). */
export const requestSelect = `SELECT id, customer_id, channel, kind, ${ms("created_at")} AS created_ms,
    ${ms("first_response_at")} AS fr_ms, ${ms("resolved_at")} AS res_ms, location_id
  FROM request WHERE workspace_id = $1`;
export const requestOrder = " ORDER BY created_at, id";

export type RequestDbRow = {
  id: number;
  customer_id: number | null;
  channel: string;
  kind: string;
  created_ms: number;
  fr_ms: number | null;
  res_ms: number | null;
  location_id: number | null;
};

export const toRequestRow = (r: RequestDbRow): RequestRow => ({
  id: r.id,
  customerId: r.customer_id,
  channel: r.channel as Channel,
  kind: r.kind as Kind,
  createdAt: r.created_ms,
  firstResponseAt: r.fr_ms,
  resolvedAt: r.res_ms,
  locationId: r.location_id,
});

export const orderSelect = `SELECT id, ${ms("ordered_at")} AS ordered_ms, channel, location_id, status, wait_days
  FROM orders WHERE workspace_id = $1`;

export type OrderDbRow = {
  id: number;
  ordered_ms: number;
  channel: string | null;
  location_id: number | null;
  status: OrderRow["status"];
  wait_days: number;
};

export const toOrderRow = (r: OrderDbRow): OrderRow => ({
  id: r.id,
  orderedAt: r.ordered_ms,
  channel: r.channel,
  locationId: r.location_id,
  status: r.status,
  waitDays: r.wait_days,
});

export const FACT_COLUMNS = [
  "workspace_id",
  "request_id",
  "customer_id",
  "created_at",
  "day",
  "weekday",
  "hour",
  "channel",
  "kind",
  "location_id",
  "in_hours",
  "fr_s",
  "fr_bs",
  "res_s",
  "res_bs",
  "fr_due_at",
  "res_due_at",
  "fr_sla",
  "res_sla",
  "prev_channel",
] as const;

const instant = (t: number | null): string | null => (t === null ? null : isoInstant(t));

export const factValues = (ws: number, f: RequestFact): CopyValue[] => [
  ws,
  f.requestId,
  f.customerId,
  instant(f.createdAt),
  dayToIso(f.day),
  f.weekday,
  f.hour,
  f.channel,
  f.kind,
  f.locationId,
  f.inHours,
  f.firstResponseS,
  f.firstResponseBusinessS,
  f.resolutionS,
  f.resolutionBusinessS,
  instant(f.firstResponseDue),
  instant(f.resolutionDue),
  f.firstResponseSla,
  f.resolutionSla,
  f.previousChannel,
];

/** The columns of a stored fact that the rollups read. */
export const FACT_FIELDS = `(day - date '1970-01-01') AS day, weekday, hour, channel, kind, location_id,
    in_hours, fr_s, fr_bs, res_s, res_bs, fr_sla, res_sla, prev_channel`;

/** The stored facts read back for the rollups. */
export const factSelect = `SELECT ${FACT_FIELDS}
  FROM service_request_fact WHERE workspace_id = $1 AND day >= $2::date AND day < $3::date`;

/** Whether two facts count the same in every rollup. */
export const sameFigures = (a: RollupFact, b: RollupFact): boolean =>
  a.day === b.day &&
  a.weekday === b.weekday &&
  a.hour === b.hour &&
  a.channel === b.channel &&
  a.kind === b.kind &&
  a.locationId === b.locationId &&
  a.inHours === b.inHours &&
  a.firstResponseS === b.firstResponseS &&
  a.firstResponseBusinessS === b.firstResponseBusinessS &&
  a.resolutionS === b.resolutionS &&
  a.resolutionBusinessS === b.resolutionBusinessS &&
  a.firstResponseSla === b.firstResponseSla &&
  a.resolutionSla === b.resolutionSla &&
  a.previousChannel === b.previousChannel;

export type FactDbRow = {
  day: number;
  weekday: number;
  hour: number;
  channel: string;
  kind: string;
  location_id: number | null;
  in_hours: boolean;
  fr_s: number | null;
  fr_bs: number | null;
  res_s: number | null;
  res_bs: number | null;
  fr_sla: SlaStatus | null;
  res_sla: SlaStatus | null;
  prev_channel: string | null;
};

export const toRollupFact = (r: FactDbRow): RollupFact => ({
  day: r.day,
  weekday: r.weekday,
  hour: r.hour,
  channel: r.channel as Channel,
  kind: r.kind as Kind,
  locationId: r.location_id,
  inHours: r.in_hours,
  firstResponseS: r.fr_s,
  firstResponseBusinessS: r.fr_bs,
  resolutionS: r.res_s,
  resolutionBusinessS: r.res_bs,
  firstResponseSla: r.fr_sla,
  resolutionSla: r.res_sla,
  previousChannel: r.prev_channel as Channel | null,
});

const monthDate = (m: string): string => dayToIso(dayOfMonthStart(m));

export const ROLLUP_COLUMNS = [
  "workspace_id",
  "dim",
  "value",
  "month",
  "channel",
  "in_hours",
  "requests",
  "answered",
  "resolved",
  "fr_sum",
  "frb_sum",
  "res_sum",
  "resb_sum",
  "fr_met",
  "fr_breached",
  "res_met",
  "res_breached",
  "switched",
  "heat",
  "heat_answered",
  "heat_fr_sum",
  "hist_fr",
  "hist_frb",
  "hist_res",
  "hist_resb",
] as const;

export const rollupValues = (ws: number, r: RequestRollup): CopyValue[] => [
  ws,
  r.dim,
  r.value,
  monthDate(r.month),
  r.channel,
  r.inHours,
  r.requests,
  r.answered,
  r.resolved,
  Math.round(r.frSum),
  Math.round(r.frBusinessSum),
  Math.round(r.resSum),
  Math.round(r.resBusinessSum),
  r.frMet,
  r.frBreached,
  r.resMet,
  r.resBreached,
  r.switched,
  packInt32(r.heat),
  packInt32(r.heatAnswered),
  packFloat64(r.heatFrSum),
  packInt32(r.histFr),
  packInt32(r.histFrBusiness),
  packInt32(r.histRes),
  packInt32(r.histResBusiness),
];

export const WEEK_COLUMNS = [
  "workspace_id",
  "dim",
  "value",
  "week",
  "channel",
  "requests",
  "fr_met",
  "fr_breached",
  "res_met",
  "res_breached",
] as const;

export const weekValues = (ws: number, w: WeekRollup): CopyValue[] => [
  ws,
  w.dim,
  w.value,
  dayToIso(w.week),
  w.channel,
  w.requests,
  w.frMet,
  w.frBreached,
  w.resMet,
  w.resBreached,
];

export const ORDER_COLUMNS = [
  "workspace_id",
  "month",
  "location_id",
  "channel",
  "in_hours",
  "orders",
  "heat",
] as const;

export const orderValues = (ws: number, o: OrderRollup): CopyValue[] => [
  ws,
  monthDate(o.month),
  o.locationId,
  o.channel,
  o.inHours,
  o.orders,
  packInt32(o.heat),
];

export const WAIT_COLUMNS = [
  "workspace_id",
  "month",
  "location_id",
  "channel",
  "wait_days",
  "orders",
  "completed",
  "cancelled",
  "returned",
] as const;

export const waitValues = (ws: number, w: OrderWaitRollup): CopyValue[] => [
  ws,
  monthDate(w.month),
  w.locationId,
  w.channel,
  w.waitDays,
  w.orders,
  w.completed,
  w.cancelled,
  w.returned,
];

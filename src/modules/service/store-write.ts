import type pg from "pg";
import { type CopyValue, copyRows } from "../../platform/db/index.ts";
import { twoChannelTracker } from "./channels.ts";
import { dayOfMonthStart, type FactContext, type RequestFact, requestFact, weekStartOfDay } from "./facts.ts";
import { isOpenAt } from "./hours.ts";
import { scheduleResolver } from "./hours-config.ts";
import { orderAccumulator, requestAccumulator } from "./rollup.ts";
import type { ServiceContext } from "./store-config.ts";
import {
  batches,
  FACT_COLUMNS,
  type FactDbRow,
  factSelect,
  factValues,
  ORDER_COLUMNS,
  type OrderDbRow,
  orderSelect,
  orderValues,
  type RequestDbRow,
  ROLLUP_COLUMNS,
  rollupValues,
  toOrderRow,
  toRequestRow,
  toRollupFact,
  WAIT_COLUMNS,
  WEEK_COLUMNS,
  waitValues,
  weekValues,
} from "./store-rows.ts";
import type { Month } from "./types.ts";
import { dayToIso, fromLocal, localTime, zoneOf } from "./zone.ts";

/** The writing steps that rebuild and refresh (store.ts) are made of. */

export type Client = pg.PoolClient;

export const factContext = (ctx: ServiceContext, now: Date): FactContext => ({
  display: zoneOf(ctx.timeZone),
  schedules: scheduleResolver(ctx.hours),
  policies: ctx.policies,
  now: now.getTime(),
});

/**
 * Computes and writes the facts of the requests the query yields (in customer order), calling `each` with
 * every fact; returns how many there were. The query must give the requests in (created_at, id) order, and
 * each customer's whole history (the two-channel rule looks back 72 hours). They are read on a connection of their own, so that
 * reading, computing and PostgreSQL's COPY of the facts (on `c`, inside the caller's transaction) overlap.
 */
export async function writeFacts(
  pool: pg.Pool,
  c: Client,
  ctx: ServiceContext,
  fc: FactContext,
  sql: string,
  params: unknown[],
  each: (f: RequestFact) => void,
): Promise<number> {
  let count = 0;
  const reader = await pool.connect();
  const previousChannel = twoChannelTracker();
  // Rows arrive in time order, so that the facts lie on disk in the order days are read back.
  async function* facts(): AsyncGenerator<CopyValue[]> {
    for await (const rows of batches<RequestDbRow>(reader, sql, params)) {
      for (const db of rows) {
        const r = toRequestRow(db);
        const f = requestFact(r, fc, previousChannel(r.customerId, r));
        each(f);
        count++;
        yield factValues(ctx.id, f);
      }
    }
  }
  try {
    await reader.query("BEGIN READ ONLY");
    // Plan the cursor for all its rows, not the first few: a fast-start plan walks the whole customer
    // index to find the few customers a refresh asks for.
    await reader.query("SET LOCAL cursor_tuple_fraction = 1");
    await reader.query("SET LOCAL work_mem = '128MB'");
    await copyRows(c, "service_request_fact", FACT_COLUMNS, facts());
    await reader.query("COMMIT");
  } finally {
    await reader.query("ROLLBACK").catch(() => {});
    reader.release();
  }
  return count;
}

export async function writeRollups(
  c: Client,
  ctx: ServiceContext,
  acc: ReturnType<typeof requestAccumulator>,
) {
  await copyRows(
    c,
    "service_rollup",
    ROLLUP_COLUMNS,
    acc.rows().map((r) => rollupValues(ctx.id, r)),
  );
  await copyRows(
    c,
    "service_week",
    WEEK_COLUMNS,
    acc.weeks().map((w) => weekValues(ctx.id, w)),
  );
}

/** Orders of the query into their rollups; `keep` says which months to write. */
export async function writeOrders(
  c: Client,
  ctx: ServiceContext,
  fc: FactContext,
  where: string,
  params: unknown[],
  keep: (m: Month) => boolean,
): Promise<number> {
  const acc = orderAccumulator(keep);
  let count = 0;
  for await (const rows of batches<OrderDbRow>(c, `${orderSelect}${where}`, params)) {
    for (const db of rows) {
      const o = toOrderRow(db);
      const lt = localTime(fc.display, o.orderedAt);
      const inHours = isOpenAt(fc.schedules(null, o.locationId), o.orderedAt);
      acc.add({ ...o, day: lt.day, weekday: lt.weekday, hour: Math.floor(lt.msOfDay / 3_600_000), inHours });
      count++;
    }
  }
  await copyRows(
    c,
    "service_order_rollup",
    ORDER_COLUMNS,
    acc.heatRows().map((r) => orderValues(ctx.id, r)),
  );
  await copyRows(
    c,
    "service_order_wait",
    WAIT_COLUMNS,
    acc.waitRows().map((r) => waitValues(ctx.id, r)),
  );
  return count;
}

export async function saveState(c: Client, ctx: ServiceContext, rebuilt: boolean): Promise<void> {
  await c.query(
    `INSERT INTO service_state (workspace_id, config_hash, time_zone, first_month, last_month, rebuilt_at, refreshed_at)
     SELECT $1, $2, $3, min(month), max(month), now(), now()
     FROM (SELECT month FROM service_rollup WHERE workspace_id = $1 AND dim = 'all'
           UNION ALL SELECT month FROM service_order_rollup WHERE workspace_id = $1) m
     ON CONFLICT (workspace_id) DO UPDATE SET config_hash = EXCLUDED.config_hash, time_zone = EXCLUDED.time_zone,
       first_month = EXCLUDED.first_month, last_month = EXCLUDED.last_month,
       rebuilt_at = CASE WHEN $4 THEN EXCLUDED.rebuilt_at ELSE service_state.rebuilt_at END,
       refreshed_at = EXCLUDED.refreshed_at`,
    [ctx.id, ctx.hash, ctx.timeZone, rebuilt],
  );
}

const sortedMonths = (months: Set<Month>): Month[] => [...months].sort();
const nextMonthStart = (m: Month): number => {
  const [y, mo] = m.split("-").map(Number) as [number, number];
  return Math.floor(Date.UTC(y, mo, 1) / 86_400_000);
};

/** Rewrites the monthly rows of `months` and the weekly rows of every whole week read around them. */
export async function rewriteRequestRollups(
  c: Client,
  ctx: ServiceContext,
  months: Set<Month>,
): Promise<void> {
  const list = sortedMonths(months);
  const from = weekStartOfDay(dayOfMonthStart(list[0] as Month));
  const to = weekStartOfDay(nextMonthStart(list[list.length - 1] as Month) - 1) + 7;
  const ws = ctx.id;
  await c.query(
    "DELETE FROM service_rollup WHERE workspace_id = $1 AND to_char(month, 'YYYY-MM') = ANY($2)",
    [ws, list],
  );
  await c.query("DELETE FROM service_week WHERE workspace_id = $1 AND week >= $2::date AND week < $3::date", [
    ws,
    dayToIso(from),
    dayToIso(to),
  ]);
  const acc = requestAccumulator({ month: (m) => months.has(m), week: () => true });
  for await (const rows of batches<FactDbRow>(c, factSelect, [ws, dayToIso(from), dayToIso(to)])) {
    for (const r of rows) acc.add(toRollupFact(r));
  }
  await writeRollups(c, ctx, acc);
}

export async function rewriteOrderRollups(
  c: Client,
  ctx: ServiceContext,
  now: Date,
  months: Set<Month>,
): Promise<number> {
  const list = sortedMonths(months);
  const ws = ctx.id;
  for (const t of ["service_order_rollup", "service_order_wait"]) {
    await c.query(`DELETE FROM ${t} WHERE workspace_id = $1 AND to_char(month, 'YYYY-MM') = ANY($2)`, [
      ws,
      list,
    ]);
  }
  const zone = zoneOf(ctx.timeZone);
  const from = new Date(fromLocal(zone, dayOfMonthStart(list[0] as Month) * 86_400_000));
  const to = new Date(fromLocal(zone, nextMonthStart(list[list.length - 1] as Month) * 86_400_000));
  return writeOrders(
    c,
    ctx,
    factContext(ctx, now),
    " AND ordered_at >= $2 AND ordered_at < $3",
    [ws, from, to],
    (m) => months.has(m),
  );
}

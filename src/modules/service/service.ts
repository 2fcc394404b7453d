import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { weeklyOpenShare } from "./hours.ts";
import { resolveHours, scheduleResolver } from "./hours-config.ts";
import { type Period, PeriodError, resolvePeriod } from "./period.ts";
import { buildReport, type ServiceReport } from "./report.ts";
import { isCurrent, loadContext, type ServiceContext } from "./store-config.ts";
import { type OrderCell, type RequestCell, readOrderCell, readRequestCell } from "./store-drill.ts";
import {
  countAll,
  type Filters,
  readByLocation,
  readExact,
  readOrders,
  readRollups,
  readRunning,
  readTrend,
  readTwoChannel,
  readWeeks,
} from "./store-read.ts";
import { type Channel, DAY, type Kind, type Month } from "./types.ts";
import { localTime, zoneOf } from "./zone.ts";

/** The service figures as the API and the CLI give them. */

export type ServiceQuery = { from?: Month; to?: Month; location?: number; channel?: Channel; kind?: Kind };

/**
 * Up to this many requests in the period (whole workspace), percentiles are computed exactly from the
 * facts; above it, from the rollups' histograms (percentiles.ts bounds the difference).
 */
export const EXACT_LIMIT = 20_000;

export type ReportOptions = { exactLimit?: number };

const monthOfInstant = (tz: string, t: Date): Month => {
  const lt = localTime(zoneOf(tz), t.getTime());
  return new Date(lt.day * DAY).toISOString().slice(0, 7);
};

async function contextAndScope(
  pool: pg.Pool,
  workspace: number | string,
  q: ServiceQuery,
  now: Date,
): Promise<{ ctx: ServiceContext; period: Period; filters: Filters; locationName: string | null }> {
  const ctx = await loadContext(pool, workspace);
  if (!ctx) throw new AppError("not_found", `No workspace '${workspace}'`);
  let period: Period;
  try {
    period = resolvePeriod({
      from: q.from,
      to: q.to,
      currentMonth: monthOfInstant(ctx.timeZone, now),
      firstMonth: ctx.state?.firstMonth ?? null,
      lastMonth: ctx.state?.lastMonth ?? null,
    });
  } catch (e) {
    if (e instanceof PeriodError)
      throw new AppError("validation", e.message, [{ path: "from", message: e.message }]);
    throw e;
  }
  let locationName: string | null = null;
  if (q.location !== undefined && q.location !== 0) {
    const loc = ctx.locations.find((l) => l.id === q.location);
    if (!loc) {
      const message = `No location ${q.location} in this workspace`;
      throw new AppError("validation", message, [{ path: "location", message }]);
    }
    locationName = loc.name;
  }
  const filters: Filters = { location: q.location ?? null, channel: q.channel ?? null, kind: q.kind ?? null };
  return { ctx, period, filters, locationName };
}

export async function serviceReport(
  pool: pg.Pool,
  workspace: number | string,
  q: ServiceQuery,
  now: Date,
  opts: ReportOptions = {},
): Promise<ServiceReport> {
  const { ctx, period, filters, locationName } = await contextAndScope(pool, workspace, q, now);
  const ws = ctx.id;
  const { from, to } = period;
  // Exact percentiles cost a second round trip, taken only when the period is small enough for them.
  const exactFor = async () =>
    (await countAll(pool, ws, from, to)) <= (opts.exactLimit ?? EXACT_LIMIT)
      ? readExact(pool, ws, filters, from, to)
      : null;
  const [rows, exact, trend, weeks, byLocation, running, twoChannel, orders] = await Promise.all([
    readRollups(pool, ws, filters, from, to),
    exactFor(),
    readTrend(pool, ws, filters, period.trendFrom, to),
    readWeeks(pool, ws, filters, from, to),
    readByLocation(pool, ws, filters, from, to),
    readRunning(pool, ws, filters, from, to, now),
    readTwoChannel(pool, ws, filters, from, to),
    readOrders(pool, ws, filters.location, from, to),
  ]);
  // The overlay: the hours that apply to the filtered channel and location, on the workspace's clock, in
  // the middle of the period's last month (or now, if that is earlier).
  const [y, m] = to.split("-").map(Number) as [number, number];
  const reference = Math.min(now.getTime(), Date.UTC(y, m - 1, 15, 12));
  const location = filters.location === 0 ? null : filters.location;
  const schedule = scheduleResolver(ctx.hours)(filters.channel, location);
  const hoursSource = resolveHours(ctx.hours, filters.channel, location).source;
  return buildReport({
    workspace: { id: ctx.id, slug: ctx.slug, name: ctx.name, timeZone: ctx.timeZone },
    period,
    filters: {
      location: filters.location === null ? null : { id: filters.location, name: locationName ?? "—" },
      channel: filters.channel,
      kind: filters.kind,
    },
    freshness: {
      rebuiltAt: ctx.state?.rebuiltAt.toISOString() ?? null,
      refreshedAt: ctx.state?.refreshedAt.toISOString() ?? null,
      stale: !isCurrent(ctx),
    },
    hours: { source: hoursSource, openShare: weeklyOpenShare(schedule, zoneOf(ctx.timeZone), reference) },
    locations: ctx.locations.map((l) => ({ id: l.id, name: l.name })),
    rows,
    exact,
    trend,
    weeks,
    byLocation,
    running,
    twoChannel,
    orders,
    sla: { source: ctx.settings.slaPolicies.length > 0 ? "custom" : "default", policies: [...ctx.policies] },
  });
}

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const hours = (s: number | null) => (s === null ? null : s / 3600);

export async function serviceRequests(
  pool: pg.Pool,
  workspace: number | string,
  q: ServiceQuery & RequestCell & { limit?: number; offset?: number },
  now: Date,
) {
  const { ctx, period, filters } = await contextAndScope(pool, workspace, q, now);
  const page = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
  const found = await readRequestCell(pool, ctx.id, ctx.timeZone, filters, period, q, page, now);
  return {
    period: { from: period.from, to: period.to },
    total: found.total,
    ...page,
    requests: found.rows.map((r) => ({
      id: r.id,
      externalId: r.external_id,
      createdAt: r.created_at.toISOString(),
      createdLocal: r.created_local,
      channel: r.channel,
      kind: r.kind,
      location: r.location_id === null ? null : { id: r.location_id, name: r.location_name ?? "" },
      customer:
        r.customer_id === null ? null : { id: r.customer_id, externalId: r.customer_external_id ?? "" },
      status: r.status,
      assignee: r.assignee,
      subject: r.subject,
      inHours: r.in_hours,
      firstResponseAt: iso(r.first_response_at),
      resolvedAt: iso(r.resolved_at),
      firstResponseHours: hours(r.fr_s),
      firstResponseBusinessHours: hours(r.fr_bs),
      resolutionHours: hours(r.res_s),
      resolutionBusinessHours: hours(r.res_bs),
      firstResponseDueAt: iso(r.fr_due_at),
      resolutionDueAt: iso(r.res_due_at),
      firstResponseSla: r.fr_sla,
      resolutionSla: r.res_sla,
      previousChannel: r.prev_channel,
    })),
  };
}

export type ServiceRequestsPage = Awaited<ReturnType<typeof serviceRequests>>;

export async function serviceOrders(
  pool: pg.Pool,
  workspace: number | string,
  q: ServiceQuery & OrderCell & { limit?: number; offset?: number },
  now: Date,
) {
  const { ctx, period, filters } = await contextAndScope(pool, workspace, q, now);
  const page = { limit: q.limit ?? 50, offset: q.offset ?? 0 };
  const found = await readOrderCell(pool, ctx.id, ctx.timeZone, filters.location, period, q, page);
  return {
    period: { from: period.from, to: period.to },
    total: found.total,
    ...page,
    orders: found.rows.map((o) => ({
      id: o.id,
      externalId: o.external_id,
      orderedAt: o.ordered_at.toISOString(),
      orderedLocal: o.ordered_local,
      customerExternalId: o.customer_external_id,
      channel: o.channel,
      location: o.location_id === null ? null : { id: o.location_id, name: o.location_name ?? "" },
      status: o.status,
      waitDays: o.wait_days,
      amount: o.amount,
      currency: o.currency,
    })),
  };
}

import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { monthOf } from "./months.ts";
import { loadFrom, PeriodError, resolvePeriod } from "./period.ts";
import { buildReport, type SpeedometerReport } from "./report.ts";
import { isCurrent, loadContext } from "./store.ts";
import { readDimensions, readSeries, readSlices, resolveDimensionValue } from "./store-read.ts";
import type { Dimension, Month } from "./types.ts";

export type SpeedometerQuery = {
  from?: Month;
  to?: Month;
  /** The dimension of the say–do gap table (default location). */
  by?: Dimension;
  location?: string;
  channel?: string;
  segment?: string;
};

/**
 * The speedometer as the page and the CLI show it, from rollups only. `now` decides which month is still
 * running (shown as partial) and the default period.
 */
export async function speedometerReport(
  pool: pg.Pool,
  workspace: number | string,
  query: SpeedometerQuery,
  now: Date,
): Promise<SpeedometerReport> {
  const filters = (["location", "channel", "segment"] as const).filter((d) => query[d] !== undefined);
  if (filters.length > 1) {
    throw new AppError(
      "validation",
      "Filter by one of location, channel or segment at a time",
      filters.map((f) => ({ path: f, message: "only one filter at a time" })),
    );
  }
  const dim = filters[0];
  const given = dim === undefined ? undefined : (query[dim] as string);
  // Two rounds of queries: what does not depend on the period (the workspace's state, the filter values,
  // the filter itself) at once, then the rollup rows of the period at once.
  const known = typeof workspace === "number" ? workspace : (await loadContext(pool, workspace))?.id;
  if (known === undefined) throw new AppError("not_found", `No workspace '${workspace}'`);
  const [ctx, dimensions, value] = await Promise.all([
    loadContext(pool, known),
    readDimensions(pool, known),
    dim === undefined || given === undefined ? undefined : resolveDimensionValue(pool, known, dim, given),
  ]);
  if (!ctx) throw new AppError("not_found", `No workspace '${workspace}'`);
  const currentMonth = monthOf(now, ctx.timeZone);
  let period: ReturnType<typeof resolvePeriod>;
  try {
    period = resolvePeriod({
      from: query.from,
      to: query.to,
      currentMonth,
      firstMonth: ctx.state?.firstMonth ?? null,
      lastMonth: ctx.state?.lastMonth ?? null,
    });
  } catch (e) {
    if (e instanceof PeriodError)
      throw new AppError("validation", e.message, [{ path: "from", message: e.message }]);
    throw e;
  }
  const by = query.by ?? "location";
  const [series, slices] = await Promise.all([
    readSeries(
      pool,
      ctx.id,
      dim === undefined ? { dim: "all", value: "" } : { dim, value: value ?? given ?? "" },
      loadFrom(period),
      period.to,
    ),
    readSlices(pool, ctx.id, by, period.from, period.to),
  ]);
  let filter: { dim: Dimension; value: string; label: string } | null = null;
  if (dim !== undefined && given !== undefined) {
    const v = value ?? given;
    filter = { dim, value: v, label: dimensions[dim].find((o) => o.value === v)?.label ?? given };
  }
  const labels = new Map(dimensions[by].map((o) => [o.value, o.label]));
  return buildReport({
    workspace: { id: ctx.id, slug: ctx.slug, timeZone: ctx.timeZone, currency: ctx.currency },
    settings: ctx.settings,
    freshness: {
      rebuiltAt: ctx.state?.rebuiltAt ?? null,
      refreshedAt: ctx.state?.refreshedAt ?? null,
      firstMonth: ctx.state?.firstMonth ?? null,
      lastMonth: ctx.state?.lastMonth ?? null,
      needsRebuild: !isCurrent(ctx),
    },
    currentMonth,
    period,
    filter,
    series,
    gap: {
      by,
      slices: [...slices].map(([value, months]) => ({ value, label: labels.get(value) ?? value, months })),
    },
    dimensions,
  });
}

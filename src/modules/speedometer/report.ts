import { type Figures, figures, type TrendPoint, trend } from "./figures.ts";
import { type GapRow, gapRows } from "./gap.ts";
import { addMonths, compareMonths, monthRange } from "./months.ts";
import { type Period, periodCounts } from "./period.ts";
import { MIN_SAMPLE } from "./proportion.ts";
import type { SpeedometerSettings } from "./settings.ts";
import { type Dimension, emptyCounts, type Month, type MonthCounts } from "./types.ts";

/** Everything the speedometer page (and `storona speedometer --json`) shows, from rollup rows only. */

export type DimensionOption = { value: string; label: string };

export type ReportData = {
  workspace: { id: number; slug: string; timeZone: string; currency: string };
  settings: SpeedometerSettings;
  freshness: {
    rebuiltAt: Date | null;
    refreshedAt: Date | null;
    firstMonth: Month | null;
    lastMonth: Month | null;
    /** The window or time zone changed since the last rebuild (or there was none). */
    needsRebuild: boolean;
  };
  currentMonth: Month;
  period: Period;
  filter: { dim: Dimension; value: string; label: string } | null;
  /** The filtered slice, month by month. */
  series: ReadonlyMap<Month, MonthCounts>;
  gap: {
    by: Dimension;
    slices: ReadonlyArray<{ value: string; label: string; months: ReadonlyMap<Month, MonthCounts> }>;
  };
  dimensions: Record<Dimension, DimensionOption[]>;
};

export type SpeedometerReport = Figures & {
  workspace: ReportData["workspace"];
  settings: SpeedometerSettings & { minSample: number };
  freshness: ReportData["freshness"];
  period: Period & { partial: boolean };
  filter: ReportData["filter"];
  trend: TrendPoint[];
  gap: { by: Dimension; rows: GapRow[] };
  dimensions: Record<Dimension, DimensionOption[]>;
};

export function buildReport(d: ReportData): SpeedometerReport {
  const { period: p, settings } = d;
  const partial = (m: Month) => compareMonths(m, d.currentMonth) >= 0;
  const current = periodCounts(d.series, p.from, p.to);
  const previous = periodCounts(d.series, p.previousFrom, p.previousTo);
  const points = trend(
    monthRange(addMonths(p.trendFrom, -1), p.to).map((m) => ({
      month: m,
      partial: partial(m),
      counts: d.series.get(m) ?? emptyCounts(),
    })),
    settings.weights,
  );
  const rows = gapRows(
    d.gap.slices.map((s) => ({
      value: s.value,
      label: s.label,
      counts: periodCounts(s.months, p.from, p.to),
    })),
    settings.weights,
  );
  return {
    workspace: d.workspace,
    settings: { ...settings, minSample: MIN_SAMPLE },
    freshness: d.freshness,
    period: { ...p, partial: partial(p.to) },
    filter: d.filter,
    ...figures(current, previous, settings.weights),
    trend: points,
    gap: { by: d.gap.by, rows },
    dimensions: d.dimensions,
  };
}

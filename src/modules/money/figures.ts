/**
 * The money page's figures from the per-group sums the database returns: group means with 95% intervals,
 * differences between groups, histogram edges, parameter intervals. Money is in minor units throughout.
 */
import { meanDifferenceInterval, type SampleSummary } from "../../platform/stats/intervals.ts";
import { normalQuantile } from "../../platform/stats/special.ts";

/** DOMAIN.md: fewer than 30 in the denominator reads "not enough data", never a number. */
export const MIN_SAMPLE = 30;
const Z95 = normalQuantile(0.975);

/** What the database returns per group: count, sum, mean and sample standard deviation of a value. */
export type Moments = { n: number; sum: number; mean: number | null; sd: number | null };

export type ValueStat = { total: number; mean: number | null; lower: number | null; upper: number | null };

export type GroupFigure = {
  group: string;
  customers: number;
  enough: boolean;
  clv: ValueStat;
  revenue12m: ValueStat;
};

export type DifferenceFigure = {
  of: string;
  versus: string;
  enough: boolean;
  /** mean(of) − mean(versus), with its 95% interval (Welch standard error); null when not enough data. */
  clv: { estimate: number; lower: number; upper: number } | null;
  revenue12m: { estimate: number; lower: number; upper: number } | null;
};

const round = (v: number): number => Math.round(v);

/**
 * A group mean with its normal-approximation interval, mean ± 1.96·sd/√n. CLV is skewed, but with 30 or
 * more customers the mean's sampling distribution is close enough to normal for a page that reads "about".
 */
export function valueStat(m: Moments, minSample = MIN_SAMPLE): ValueStat {
  const total = round(m.sum);
  if (m.n < minSample || m.mean === null || m.sd === null)
    return { total, mean: null, lower: null, upper: null };
  const half = (Z95 * m.sd) / Math.sqrt(m.n);
  return { total, mean: round(m.mean), lower: round(m.mean - half), upper: round(m.mean + half) };
}

export type GroupMoments = { group: string; clv: Moments; revenue12m: Moments };

/** Figures for the given groups in the given order; groups without customers show as zeros. */
export function groupFigures(
  order: readonly string[],
  rows: readonly GroupMoments[],
  minSample = MIN_SAMPLE,
): GroupFigure[] {
  const empty: Moments = { n: 0, sum: 0, mean: null, sd: null };
  return order.map((group) => {
    const r = rows.find((x) => x.group === group) ?? { group, clv: empty, revenue12m: empty };
    return {
      group,
      customers: r.clv.n,
      enough: r.clv.n >= minSample,
      clv: valueStat(r.clv, minSample),
      revenue12m: valueStat(r.revenue12m, minSample),
    };
  });
}

const sample = (m: Moments): SampleSummary | null =>
  m.mean === null || m.sd === null ? null : { mean: m.mean, sd: m.sd, n: m.n };

/** mean(of) − mean(versus) for CLV and realised revenue, when both groups have enough customers. */
export function differenceFigure(
  of: string,
  versus: string,
  rows: readonly GroupMoments[],
  minSample = MIN_SAMPLE,
): DifferenceFigure {
  const a = rows.find((r) => r.group === of);
  const b = rows.find((r) => r.group === versus);
  const enough = (a?.clv.n ?? 0) >= minSample && (b?.clv.n ?? 0) >= minSample;
  const diff = (x: Moments | undefined, y: Moments | undefined) => {
    const sx = x && sample(x);
    const sy = y && sample(y);
    if (!enough || !sx || !sy) return null;
    const d = meanDifferenceInterval(sx, sy);
    return { estimate: round(d.estimate), lower: round(d.lower), upper: round(d.upper) };
  };
  return { of, versus, enough, clv: diff(a?.clv, b?.clv), revenue12m: diff(a?.revenue12m, b?.revenue12m) };
}

/**
 * Histogram edges on a 1–2–5 ladder from 0 to at least `top` (the 99th percentile, so one whale does not
 * squeeze everyone into the first bar), about `target` bars; the last bar is open-ended in the figures.
 */
export function niceEdges(top: number, target = 10): number[] {
  if (!(top > 0)) return [0, 1];
  const raw = top / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const edges: number[] = [];
  for (let e = 0; e < top + step / 2; e += step) edges.push(e);
  if ((edges.at(-1) as number) < top) edges.push((edges.at(-1) as number) + step);
  return edges;
}

export type ParamView = {
  name: string;
  estimate: number;
  standardError: number | null;
  lower: number | null;
  upper: number | null;
};

/**
 * Parameters with standard errors and a 95% interval. The fits are maximum likelihood in log θ, so the
 * interval is symmetric there, θ·exp(±1.96·se/θ): it stays positive, as the parameters must.
 */
export function paramViews(params: Record<string, number>, errors: Record<string, number>): ParamView[] {
  return Object.entries(params).map(([name, estimate]) => {
    const se = errors[name];
    if (se === undefined || !Number.isFinite(se) || !(estimate > 0)) {
      return { name, estimate, standardError: null, lower: null, upper: null };
    }
    const f = Math.exp((Z95 * se) / estimate);
    // A parameter running off to infinity (e.g. BG/NBD's a, b when nobody drops out) has no upper bound.
    const bound = (v: number) => (Number.isFinite(v) && v > 0 ? v : null);
    return { name, estimate, standardError: se, lower: bound(estimate / f), upper: bound(estimate * f) };
  });
}

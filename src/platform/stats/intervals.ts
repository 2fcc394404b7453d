/**
 * Intervals and tests that every figure on screen leans on. Each takes counts or samples and a
 * confidence level (two-sided, default 95%).
 */
import { createRandom } from "./random.ts";
import { normalCdf, normalQuantile } from "./special.ts";

export type Interval = { estimate: number; lower: number; upper: number };

const zFor = (confidence: number): number => normalQuantile(0.5 + confidence / 2);

/**
 * Wilson score interval for a proportion (Wilson 1927). Unlike the Wald interval it stays inside [0, 1]
 * and keeps its coverage for small n and proportions near 0 or 1. n = 0 gives NaN with bounds [0, 1].
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval & { n: number } {
  if (n <= 0) return { estimate: Number.NaN, lower: 0, upper: 1, n: 0 };
  const z = zFor(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  // At 0 or n successes the bound is exactly 0 or 1; say so instead of showing rounding dust.
  const lower = successes <= 0 ? 0 : Math.max(0, centre - half);
  const upper = successes >= n ? 1 : Math.min(1, centre + half);
  return { estimate: p, lower, upper, n };
}

export type TwoProportionTest = {
  p1: number;
  p2: number;
  difference: number;
  z: number;
  /** Two-sided p-value. */
  pValue: number;
};

/** Two-proportion z-test with the pooled standard error under H0: p1 = p2. */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionTest {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const difference = p1 - p2;
  // Both proportions 0 or both 1: no variance, no evidence of a difference.
  const z = se > 0 ? difference / se : 0;
  return { p1, p2, difference, z, pValue: 2 * normalCdf(-Math.abs(z)) };
}

export type SampleSummary = { mean: number; sd: number; n: number };

/** Mean, sample standard deviation (n − 1) and size. */
export function summarize(values: ArrayLike<number>): SampleSummary {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ((values[i] as number) - mean) / (i + 1);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] as number) - mean) ** 2;
  return { mean: n > 0 ? mean : Number.NaN, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN, n };
}

/**
 * Normal-approximation interval for mean(a) − mean(b) with unpooled (Welch) standard error
 * √(s_a²/n_a + s_b²/n_b); fine for the samples of dozens and more this product deals in.
 */
export function meanDifferenceInterval(
  a: SampleSummary,
  b: SampleSummary,
  confidence = 0.95,
): Interval & { standardError: number } {
  const standardError = Math.sqrt((a.sd * a.sd) / a.n + (b.sd * b.sd) / b.n);
  const estimate = a.mean - b.mean;
  const half = zFor(confidence) * standardError;
  return { estimate, lower: estimate - half, upper: estimate + half, standardError };
}

export type BootstrapOptions = { resamples?: number; seed?: number; confidence?: number };

/**
 * Percentile bootstrap interval of a statistic (Efron 1979), seeded so the same data give the same
 * interval. The estimate is the statistic on the original sample.
 */
export function bootstrapInterval<T>(
  data: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: BootstrapOptions = {},
): Interval & { resamples: number } {
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const rng = createRandom(options.seed ?? 1);
  const n = data.length;
  const stats = new Float64Array(resamples);
  const sample: T[] = new Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = data[rng.int(n)] as T;
    stats[r] = statistic(sample);
  }
  stats.sort();
  const alpha = (1 - confidence) / 2;
  return {
    estimate: statistic(data),
    lower: quantileSorted(stats, alpha),
    upper: quantileSorted(stats, 1 - alpha),
    resamples,
  };
}

/** Linear-interpolation quantile (type 7, as R's default) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = (n - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  const w = pos - lo;
  return (1 - w) * (sorted[lo] as number) + w * (sorted[hi] as number);
}

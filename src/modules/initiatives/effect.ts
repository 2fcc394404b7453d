import {
  type ComponentKey,
  commonComponents,
  componentKeys,
  computeCci,
  countProportion,
  emptyCounts,
  type Month,
  type MonthCounts,
  nps,
  type Proportion,
  pooledProportion,
  revenueShare,
  standardErrorOf,
  type Weights,
  Z95,
} from "../speedometer/index.ts";

/**
 * What a pedal did to the needle (DOMAIN.md initiatives: "before/after against a comparison group"):
 * difference-in-differences, effect = (target after − target before) − (rest after − rest before).
 * The rest of the business absorbs what happened to everyone (season, prices, the market), so what remains
 * is the target's own change. SE = √ of the four cells' squared SEs (cells treated as independent samples);
 * the verdict is "improved" / "worsened" only when the 95% interval excludes 0.
 */

export type Verdict = "improved" | "worsened" | "no_clear_change" | "not_enough_data";

export type Cell = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  enough: boolean;
};

export type DidResult = {
  target: { before: Cell; after: Cell };
  /** null when the target is the whole business (then the effect is a plain after − before). */
  comparison: { before: Cell; after: Cell } | null;
  effect: number | null;
  lower: number | null;
  upper: number | null;
  verdict: Verdict;
};

export type EffectInput = {
  target: ReadonlyMap<Month, MonthCounts>;
  comparison: ReadonlyMap<Month, MonthCounts> | null;
  before: readonly Month[];
  after: readonly Month[];
  windowDays: number;
  weights: Weights;
};

export type EffectEstimate = {
  cci: DidResult & { components: ComponentKey[] };
  components: Record<ComponentKey, DidResult>;
  nps: DidResult;
};

/** Average days in a month: a repeat or recovery cohort spans about W / 30.44 month-ends. */
const MONTH_DAYS = 30.44;

/** Counts pooled over months: flows add up; repeat and recovery add up too, with their overlap noted. */
function pool(series: ReadonlyMap<Month, MonthCounts>, months: readonly Month[]): MonthCounts {
  const sum = emptyCounts();
  for (const m of months) {
    const c = series.get(m);
    if (!c) continue;
    for (const k of Object.keys(sum) as Array<keyof MonthCounts>) sum[k] += c[k];
  }
  return sum;
}

function pooledComponents(
  c: MonthCounts,
  months: number,
  windowDays: number,
): Record<ComponentKey, Proportion> {
  const overlap = Math.min(months, windowDays / MONTH_DAYS);
  return {
    repeat: pooledProportion(c.repeatReturned, c.repeatBase, overlap),
    recovery: pooledProportion(c.recoveryReturned, c.recoveryBase, overlap),
    fullPrice: revenueShare(c.revenueFull, c.revenue, c.orders, c.revenueSq),
    waitTolerance: countProportion(c.waitCompleted, c.waitOrders),
    referral: countProportion(c.newReferred, c.newCustomers),
  };
}

type Estimate = Cell & { se: number | null };

const fromProportion = (p: Proportion): Estimate => ({
  value: p.value,
  lower: p.lower,
  upper: p.upper,
  n: p.n,
  enough: p.enough,
  se: standardErrorOf(p),
});

function did(tb: Estimate, ta: Estimate, cb: Estimate | null, ca: Estimate | null): DidResult {
  const cell = ({ se: _se, ...c }: Estimate): Cell => c;
  const cells = [tb, ta, ...(cb && ca ? [cb, ca] : [])];
  const base = {
    target: { before: cell(tb), after: cell(ta) },
    comparison: cb && ca ? { before: cell(cb), after: cell(ca) } : null,
  };
  if (cells.some((c) => !c.enough || c.value === null || c.se === null)) {
    return { ...base, effect: null, lower: null, upper: null, verdict: "not_enough_data" };
  }
  const v = (c: Estimate) => c.value as number;
  const effect = v(ta) - v(tb) - (cb && ca ? v(ca) - v(cb) : 0);
  const se = Math.sqrt(cells.reduce((s, c) => s + (c.se as number) ** 2, 0));
  const lower = effect - Z95 * se;
  const upper = effect + Z95 * se;
  const verdict: Verdict = lower > 0 ? "improved" : upper < 0 ? "worsened" : "no_clear_change";
  return { ...base, effect, lower, upper, verdict };
}

export function estimateEffect(input: EffectInput): EffectEstimate {
  const nb = input.before.length;
  const na = input.after.length;
  const t = { b: pool(input.target, input.before), a: pool(input.target, input.after) };
  const c = input.comparison
    ? { b: pool(input.comparison, input.before), a: pool(input.comparison, input.after) }
    : null;
  const comps = {
    tb: pooledComponents(t.b, nb, input.windowDays),
    ta: pooledComponents(t.a, na, input.windowDays),
    cb: c ? pooledComponents(c.b, nb, input.windowDays) : null,
    ca: c ? pooledComponents(c.a, na, input.windowDays) : null,
  };
  const components = {} as Record<ComponentKey, DidResult>;
  for (const k of componentKeys) {
    components[k] = did(
      fromProportion(comps.tb[k]),
      fromProportion(comps.ta[k]),
      comps.cb ? fromProportion(comps.cb[k]) : null,
      comps.ca ? fromProportion(comps.ca[k]) : null,
    );
  }
  // The CCI of each cell over the components all four cells have, so like is compared with like.
  const all = [comps.tb, comps.ta, ...(comps.cb && comps.ca ? [comps.cb, comps.ca] : [])];
  const common = commonComponents(all);
  const cciOf = (x: Record<ComponentKey, Proportion> | null): Estimate | null => {
    if (!x) return null;
    const r = computeCci(x, input.weights, common);
    // The CCI's n: the smallest sample among the components it averages.
    const n = common.length > 0 ? Math.min(...common.map((k) => x[k].n)) : 0;
    return { value: r.value, lower: r.lower, upper: r.upper, n, enough: r.enough, se: r.standardError };
  };
  const cci = did(cciOf(comps.tb)!, cciOf(comps.ta)!, cciOf(comps.cb), cciOf(comps.ca));
  const npsOf = (x: MonthCounts | undefined): Estimate | null => {
    if (!x) return null;
    const r = nps(x);
    const se = r.lower === null || r.upper === null ? null : (r.upper - r.lower) / (2 * Z95);
    return { value: r.value, lower: r.lower, upper: r.upper, n: r.n, enough: r.enough, se };
  };
  return {
    cci: { ...cci, components: common },
    components,
    nps: did(npsOf(t.b)!, npsOf(t.a)!, npsOf(c?.b), npsOf(c?.a)),
  };
}

/**
 * The money API's shapes (zod): they validate the routes, feed OpenAPI, and are the types the service
 * returns. Money is in minor units of the workspace currency; shares are fractions (0.25 = 25%); dates
 * are days in the workspace's time zone (YYYY-MM-DD).
 */
import { z } from "zod";

export const atRiskReasons = ["unresolved_complaint", "detractor", "alive_dropped"] as const;
export type AtRiskReason = (typeof atRiskReasons)[number];
export const npsGroups = ["promoter", "passive", "detractor", "no_answer"] as const;
export const complaintGroups = ["none", "fast", "slow", "unresolved"] as const;

const num = z.number();
const nullableNum = z.number().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const settingsSchema = z.object({
  horizonMonths: z.number().int(),
  margin: num,
  annualDiscountRate: num,
  atRiskThreshold: num,
  periodDays: z.number().int(),
  fastResolutionHours: nullableNum,
});

const valueStat = z.object({ total: num, mean: nullableNum, lower: nullableNum, upper: nullableNum });
const groupFigure = z.object({
  group: z.string(),
  customers: z.number().int(),
  enough: z.boolean(),
  clv: valueStat,
  revenue12m: valueStat,
});
const interval = z.object({ estimate: num, lower: num, upper: num }).nullable();
const difference = z.object({
  of: z.string(),
  versus: z.string(),
  enough: z.boolean(),
  clv: interval,
  revenue12m: interval,
});

export const figuresSchema = z.object({
  totals: z.object({
    customers: z.number().int(),
    repeatCustomers: z.number().int(),
    clv: num,
    expectedPurchases: num,
    revenue12m: num,
    /** Customers with P(alive) ≥ 0.5. */
    likelyActive: z.number().int(),
    meanPAlive: nullableNum,
  }),
  distribution: z.object({
    buckets: z.array(z.object({ from: num, to: nullableNum, customers: z.number().int(), clv: num })),
    quantiles: z.object({ p10: num, p25: num, p50: num, p75: num, p90: num, p99: num, max: num }).nullable(),
    /** Share of all CLV held by the most valuable 20% of customers. */
    top20Share: nullableNum,
  }),
  atRisk: z.object({
    amount: num,
    customers: z.number().int(),
    share: nullableNum,
    threshold: num,
    periodDays: z.number().int(),
    byReason: z.array(z.object({ reason: z.enum(atRiskReasons), customers: z.number().int(), amount: num })),
  }),
  satisfaction: z.object({
    nps: z.object({ groups: z.array(groupFigure), promotersVsDetractors: difference }),
    complaints: z.object({
      fastResolutionHours: nullableNum,
      thresholdSource: z.enum(["setting", "median", "none"]),
      groups: z.array(groupFigure),
      fastVsUnresolved: difference,
      fastVsSlow: difference,
    }),
  }),
});
export type MoneyFigures = z.infer<typeof figuresSchema>;

const paramView = z.object({
  name: z.string(),
  estimate: num,
  standardError: nullableNum,
  lower: nullableNum,
  upper: nullableNum,
});

export const fitViewSchema = z.object({
  id: z.number().int(),
  fittedAt: z.string(),
  asOf: z.string(),
  calibrationEnd: date,
  unit: z.literal("weeks"),
  durationMs: nullableNum,
  /** The settings changed since this fit: values and figures use the old ones until the next fit. */
  stale: z.boolean(),
  settings: settingsSchema,
  customers: z.number().int(),
  repeatCustomers: z.number().int(),
  purchase: z.object({
    model: z.literal("bgnbd"),
    params: z.array(paramView),
    logLik: num,
    converged: z.boolean(),
    rows: z.number().int(),
  }),
  alive: z.object({
    model: z.enum(["pareto-nbd", "bgnbd"]),
    params: z.array(paramView),
    logLik: nullableNum,
    converged: z.boolean().nullable(),
    /** Customers in the subsample Pareto/NBD was fitted on; null when it saw everyone. */
    subsample: z.number().int().nullable(),
    /** The estimate sits at the search box's edge: customers differ too little to tell apart. */
    boundary: z.boolean(),
    fallbackReason: z.enum(["pareto_failed", "pareto_too_slow"]).nullable(),
  }),
  spend: z.object({
    model: z.enum(["gamma-gamma", "mean"]),
    params: z.array(paramView),
    logLik: nullableNum,
    converged: z.boolean().nullable(),
    customers: z.number().int(),
    /** Pearson correlation of repeat purchases and mean spend (Gamma-Gamma assumes about 0). */
    correlation: nullableNum,
    meanSpend: nullableNum,
    fallbackReason: z
      .enum(["too_few_repeat_customers", "frequency_spend_correlated", "fit_failed"])
      .nullable(),
  }),
  holdout: z
    .object({
      cutoff: date,
      end: date,
      weeks: num,
      customers: z.number().int(),
      meanAbsoluteError: num,
      naiveMeanAbsoluteError: num,
      totalActual: num,
      totalPredicted: num,
      params: z.array(paramView),
    })
    .nullable(),
  holdoutSkipped: z.enum(["too_short", "cutoff_outside_data", "fit_failed"]).nullable(),
  /**
   * Completed orders in currencies other than the workspace's, most first: counted as purchases, their
   * amounts left out of spend, revenue and CLV (no conversion). Empty when there are none.
   */
  otherCurrencies: z.array(z.object({ currency: z.string(), orders: z.number().int() })),
  tracking: z.array(
    z.object({ date, actual: num, predicted: num, phase: z.enum(["calibration", "holdout"]) }),
  ),
});
export type FitView = z.infer<typeof fitViewSchema>;

export const readingFormat = z.enum(["money", "percent", "count", "decimal", "date", "text"]);
export const readingLineSchema = z.object({
  /** An i18n key under money.reading (the web app words it in ru, uk or en). */
  key: z.string(),
  tone: z.enum(["good", "neutral", "warning"]),
  params: z.record(z.string(), z.object({ value: z.union([z.number(), z.string()]), format: readingFormat })),
});
export type ReadingLine = z.infer<typeof readingLineSchema>;

export const summarySchema = z.object({
  workspace: z.object({ id: z.number().int(), slug: z.string(), currency: z.string(), timeZone: z.string() }),
  settings: settingsSchema,
  fit: fitViewSchema.nullable(),
  figures: figuresSchema.nullable(),
  reading: z.array(readingLineSchema),
});
export type MoneySummary = z.infer<typeof summarySchema>;

export const atRiskSorts = [
  "clv",
  "pAlive",
  "pAliveDrop",
  "revenue12m",
  "lastPurchase",
  "expectedPurchases",
  "expectedSpend",
  "name",
] as const;
export type AtRiskSort = (typeof atRiskSorts)[number];

export const atRiskQuery = z.object({
  sort: z.enum(atRiskSorts).default("clv"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  reason: z.enum(atRiskReasons).optional(),
});
export type AtRiskQuery = z.infer<typeof atRiskQuery>;

export const customerValueSchema = z.object({
  customerId: z.number().int(),
  externalId: z.string(),
  name: z.string().nullable(),
  clv: num,
  pAlive: num,
  pAlivePrevious: nullableNum,
  expectedPurchases: num,
  expectedSpend: num,
  repeatPurchases: z.number().int(),
  firstPurchase: date,
  lastPurchase: date,
  revenue12m: num,
  latestNps: z.number().int().nullable(),
  complaintOutcome: z.enum(complaintGroups),
  reasons: z.array(z.enum(atRiskReasons)),
});
export type CustomerValueRow = z.infer<typeof customerValueSchema>;

export const atRiskResponse = z.object({
  fitId: z.number().int().nullable(),
  total: z.number().int(),
  amount: num,
  items: z.array(customerValueSchema),
});
export type AtRiskPage = z.infer<typeof atRiskResponse>;

export const fitBody = z
  .object({
    /** Fit on data up to this day (default: now). */
    asOf: date.optional(),
    /** Last calibration day of the holdout check (default: the start of the last quarter of the data). */
    holdoutCutoff: date.optional(),
  })
  .strict();

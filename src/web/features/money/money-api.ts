import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import type { Role } from "../../app/types.ts";
import { workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/money/schemas.ts, as the page reads them. Money is in minor units of the
// workspace currency, shares are fractions (0.25 = 25%), dates are days (YYYY-MM-DD).

export const atRiskReasons = ["unresolved_complaint", "detractor", "alive_dropped"] as const;
export type AtRiskReason = (typeof atRiskReasons)[number];
export const npsGroups = ["promoter", "passive", "detractor", "no_answer"] as const;
export const complaintGroups = ["none", "fast", "slow", "unresolved"] as const;
export type ComplaintOutcome = (typeof complaintGroups)[number];

export type MoneySettings = {
  horizonMonths: number;
  margin: number;
  annualDiscountRate: number;
  atRiskThreshold: number;
  periodDays: number;
  fastResolutionHours: number | null;
};

export type ValueStat = { total: number; mean: number | null; lower: number | null; upper: number | null };
export type GroupFigure = {
  group: string;
  customers: number;
  enough: boolean;
  clv: ValueStat;
  revenue12m: ValueStat;
};
export type Interval = { estimate: number; lower: number; upper: number } | null;
export type Difference = { of: string; versus: string; enough: boolean; clv: Interval; revenue12m: Interval };

export type Bucket = { from: number; to: number | null; customers: number; clv: number };
export type Quantiles = {
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  p99: number;
  max: number;
};

export type MoneyFigures = {
  totals: {
    customers: number;
    repeatCustomers: number;
    clv: number;
    expectedPurchases: number;
    revenue12m: number;
    likelyActive: number;
    meanPAlive: number | null;
  };
  distribution: { buckets: Bucket[]; quantiles: Quantiles | null; top20Share: number | null };
  atRisk: {
    amount: number;
    customers: number;
    share: number | null;
    threshold: number;
    periodDays: number;
    byReason: { reason: AtRiskReason; customers: number; amount: number }[];
  };
  satisfaction: {
    nps: { groups: GroupFigure[]; promotersVsDetractors: Difference };
    complaints: {
      fastResolutionHours: number | null;
      thresholdSource: "setting" | "median" | "none";
      groups: GroupFigure[];
      fastVsUnresolved: Difference;
      fastVsSlow: Difference;
    };
  };
};

export type ParamView = {
  name: string;
  estimate: number;
  standardError: number | null;
  lower: number | null;
  upper: number | null;
};

export type TrackingPoint = {
  date: string;
  actual: number;
  predicted: number;
  phase: "calibration" | "holdout";
};

export type Holdout = {
  cutoff: string;
  end: string;
  weeks: number;
  customers: number;
  meanAbsoluteError: number;
  naiveMeanAbsoluteError: number;
  totalActual: number;
  totalPredicted: number;
  params: ParamView[];
};

export type FitView = {
  id: number;
  fittedAt: string;
  asOf: string;
  calibrationEnd: string;
  unit: "weeks";
  durationMs: number | null;
  stale: boolean;
  settings: MoneySettings;
  customers: number;
  repeatCustomers: number;
  purchase: { model: "bgnbd"; params: ParamView[]; logLik: number; converged: boolean; rows: number };
  alive: {
    model: "pareto-nbd" | "bgnbd";
    params: ParamView[];
    logLik: number | null;
    converged: boolean | null;
    subsample: number | null;
    boundary: boolean;
    fallbackReason: "pareto_failed" | "pareto_too_slow" | null;
  };
  spend: {
    model: "gamma-gamma" | "mean";
    params: ParamView[];
    logLik: number | null;
    converged: boolean | null;
    customers: number;
    correlation: number | null;
    meanSpend: number | null;
    fallbackReason: "too_few_repeat_customers" | "frequency_spend_correlated" | "fit_failed" | null;
  };
  holdout: Holdout | null;
  holdoutSkipped: "too_short" | "cutoff_outside_data" | "fit_failed" | null;
  /** Completed orders in other currencies than the workspace's (counted as purchases, not valued). */
  otherCurrencies: { currency: string; orders: number }[];
  tracking: TrackingPoint[];
};

export type ReadingFormat = "money" | "percent" | "count" | "decimal" | "date" | "text";
export type ReadingLine = {
  /** money.reading.* on the server; the page words it under moneyPage.reading.*. */
  key: string;
  tone: "good" | "neutral" | "warning";
  params: Record<string, { value: number | string; format: ReadingFormat }>;
};

export type MoneySummary = {
  workspace: { id: number; slug: string; currency: string; timeZone: string };
  settings: MoneySettings;
  fit: FitView | null;
  figures: MoneyFigures | null;
  reading: ReadingLine[];
};

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
export type SortDir = "asc" | "desc";

export type AtRiskQuery = {
  sort: AtRiskSort;
  dir: SortDir;
  limit: number;
  offset: number;
  reason?: AtRiskReason;
};

export type CustomerValue = {
  customerId: number;
  externalId: string;
  name: string | null;
  clv: number;
  pAlive: number;
  pAlivePrevious: number | null;
  expectedPurchases: number;
  expectedSpend: number;
  repeatPurchases: number;
  firstPurchase: string;
  lastPurchase: string;
  revenue12m: number;
  latestNps: number | null;
  complaintOutcome: ComplaintOutcome;
  reasons: AtRiskReason[];
};

export type AtRiskPage = { fitId: number | null; total: number; amount: number; items: CustomerValue[] };

// Mirrors the server's grants (src/platform/http/roles.ts): the page hides only what the server refuses.
export const canExport = (role: Role) =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";
/** "analyse": run a fit. */
export const canRefit = canExport;
/** "analyse": the CLV settings (horizon, margin, discount rate) are tuned by whoever may fit. */
export const canChangeSettings = canRefit;

const moneyKey = (slug: string) => ["workspace", slug, "money"] as const;
export const moneyKeys = {
  summary: (slug: string) => [...moneyKey(slug), "summary"] as const,
  atRisk: (slug: string, q: AtRiskQuery) => [...moneyKey(slug), "at-risk", q] as const,
};

export const atRiskCsvUrl = (slug: string, reason?: AtRiskReason) =>
  workspaceUrl(slug, `/money/at-risk.csv${reason ? `?reason=${reason}` : ""}`);
export const customersCsvUrl = (slug: string) => workspaceUrl(slug, "/money/customers.csv");

export function useMoneySummary(slug: string) {
  return useQuery({
    queryKey: moneyKeys.summary(slug),
    queryFn: () => api<MoneySummary>(workspaceUrl(slug, "/money")),
  });
}

export function atRiskSearch(q: AtRiskQuery): string {
  const params = new URLSearchParams({
    sort: q.sort,
    dir: q.dir,
    limit: String(q.limit),
    offset: String(q.offset),
  });
  if (q.reason) params.set("reason", q.reason);
  return params.toString();
}

export function useAtRisk(slug: string, q: AtRiskQuery, enabled: boolean) {
  return useQuery({
    queryKey: moneyKeys.atRisk(slug, q),
    queryFn: () => api<AtRiskPage>(workspaceUrl(slug, `/money/at-risk?${atRiskSearch(q)}`)),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export type SettingsPatch = Partial<MoneySettings>;

export function useSaveSettings(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: SettingsPatch) =>
      api<{ settings: MoneySettings; refitNeeded: boolean }>(workspaceUrl(slug, "/money/settings"), {
        method: "PATCH",
        body: patch,
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: moneyKeys.summary(slug) }),
  });
}

/** Fits the models now; the answer is the new summary, and every list of customers is out of date. */
export function useRefit(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<MoneySummary>(workspaceUrl(slug, "/money/fit"), { method: "POST", body: {} }),
    onSuccess: (summary) => {
      client.setQueryData(moneyKeys.summary(slug), summary);
      void client.invalidateQueries({ queryKey: moneyKey(slug) });
      void client.invalidateQueries({ queryKey: ["workspace", slug, "overview"] });
    },
  });
}

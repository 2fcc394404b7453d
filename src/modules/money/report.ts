/**
 * What the money page, the CLI and other modules read: the summary (fit diagnostics, figures, reading),
 * the customers behind revenue at risk, money at stake, and the settings.
 */
import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { differenceFigure, groupFigures, paramViews } from "./figures.ts";
import { moneyReading } from "./reading.ts";
import {
  type AtRiskPage,
  type AtRiskQuery,
  complaintGroups,
  type FitView,
  type MoneyFigures,
  type MoneySummary,
  npsGroups,
} from "./schemas.ts";
import {
  type MoneySettings,
  type MoneySettingsPatch,
  parseMoneySettings,
  settingsDiffer,
} from "./settings.ts";
import { loadWorkspace, updateMoneySettings } from "./store.ts";
import { type FitRow, latestFit } from "./store-fit.ts";
import {
  readAtRisk,
  readAtRiskPage,
  readGroupMoments,
  readHistogram,
  readMoneyAtStake,
  readTopShare,
  readTotals,
} from "./store-read.ts";

type FastResolution = { hours: number | null; source: string };

/** The page's figures from customer_value; run once after each fit and kept with it. */
export async function computeFigures(
  pool: pg.Pool,
  ws: number,
  settings: MoneySettings,
  fast: FastResolution,
): Promise<MoneyFigures> {
  const [totals, risk, nps, complaints] = await Promise.all([
    readTotals(pool, ws),
    readAtRisk(pool, ws, settings.atRiskThreshold),
    readGroupMoments(pool, ws, "nps"),
    readGroupMoments(pool, ws, "complaints"),
  ]);
  const q = totals.quantiles;
  const [buckets, top20Share] = await Promise.all([
    readHistogram(pool, ws, q?.[5] ?? 0),
    readTopShare(pool, ws, totals.customers, totals.clv),
  ]);
  return {
    totals: {
      customers: totals.customers,
      repeatCustomers: totals.repeatCustomers,
      clv: totals.clv,
      expectedPurchases: totals.expectedPurchases,
      revenue12m: totals.revenue12m,
      likelyActive: totals.likelyActive,
      meanPAlive: totals.meanPAlive,
    },
    distribution: {
      buckets,
      quantiles:
        q && totals.max !== null
          ? { p10: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p90: q[4]!, p99: q[5]!, max: totals.max }
          : null,
      top20Share,
    },
    atRisk: {
      amount: risk.amount,
      customers: risk.customers,
      share: totals.clv > 0 ? risk.amount / totals.clv : null,
      threshold: settings.atRiskThreshold,
      periodDays: settings.periodDays,
      byReason: risk.byReason,
    },
    satisfaction: {
      nps: {
        groups: groupFigures(npsGroups, nps),
        promotersVsDetractors: differenceFigure("promoter", "detractor", nps),
      },
      complaints: {
        fastResolutionHours: fast.hours,
        thresholdSource: fast.source === "setting" ? "setting" : fast.source === "median" ? "median" : "none",
        groups: groupFigures(complaintGroups, complaints),
        fastVsUnresolved: differenceFigure("fast", "unresolved", complaints),
        fastVsSlow: differenceFigure("fast", "slow", complaints),
      },
    },
  };
}

type Params = Record<string, number>;
/** jsonb keeps keys in its own order; the page shows them in the papers' order. */
const PARAM_ORDER = ["r", "alpha", "a", "b", "s", "beta", "p", "q", "gamma"];
const numbers = (v: unknown): Params => {
  const given = (v ?? {}) as Record<string, unknown>;
  const keys = Object.keys(given).sort((x, y) => PARAM_ORDER.indexOf(x) - PARAM_ORDER.indexOf(y));
  const out: Params = {};
  for (const k of keys) out[k] = typeof given[k] === "number" ? (given[k] as number) : Number.NaN;
  return out;
};

/** The stored fit as the API shows it; `current` are today's settings (a difference makes it stale). */
export function fitViewOf(row: FitRow, current: MoneySettings): FitView {
  const settings = parseMoneySettings(row.settings);
  const d = row.diagnostics as {
    purchase?: { converged?: boolean; rows?: number };
    alive?: {
      boundary?: boolean;
      logLik?: number | null;
      converged?: boolean | null;
      subsample?: number | null;
      fallbackReason?: FitView["alive"]["fallbackReason"];
    };
    spend?: FitView["spend"] & Record<string, unknown>;
    holdoutSkipped?: FitView["holdoutSkipped"];
    otherCurrencies?: FitView["otherCurrencies"];
  };
  const views = (key: string) =>
    row.params[key] ? paramViews(numbers(row.params[key]), numbers(row.standard_errors[key])) : [];
  const holdout = row.holdout as
    | (Omit<NonNullable<FitView["holdout"]>, "params"> & { params: Params })
    | null;
  return {
    id: row.id,
    fittedAt: row.fitted_at.toISOString(),
    asOf: row.as_of.toISOString(),
    calibrationEnd: row.calibration_end,
    unit: "weeks",
    durationMs: row.duration_ms,
    stale: settingsDiffer(settings, current),
    settings,
    customers: row.customers,
    repeatCustomers: row.repeat_customers,
    purchase: {
      model: "bgnbd",
      params: views("purchase"),
      logLik: row.log_likelihood,
      converged: d.purchase?.converged ?? true,
      rows: d.purchase?.rows ?? 0,
    },
    alive: {
      model: row.alive_model,
      params: views("alive"),
      logLik: d.alive?.logLik ?? null,
      converged: d.alive?.converged ?? null,
      subsample: d.alive?.subsample ?? null,
      boundary: d.alive?.boundary ?? false,
      fallbackReason: d.alive?.fallbackReason ?? null,
    },
    spend: {
      model: row.spend_model,
      params: views("spend"),
      logLik: d.spend?.logLik ?? null,
      converged: d.spend?.converged ?? null,
      customers: d.spend?.customers ?? 0,
      correlation: d.spend?.correlation ?? null,
      meanSpend: d.spend?.meanSpend ?? null,
      fallbackReason: d.spend?.fallbackReason ?? null,
    },
    holdout: holdout ? { ...holdout, params: paramViews(numbers(holdout.params), {}) } : null,
    holdoutSkipped: d.holdoutSkipped ?? null,
    otherCurrencies: d.otherCurrencies ?? [],
    tracking: (row.tracking as FitView["tracking"] | null) ?? [],
  };
}

async function workspaceOrThrow(pool: pg.Pool, workspace: number | string) {
  const ws = await loadWorkspace(pool, workspace);
  if (!ws) throw new AppError("not_found", `No workspace '${workspace}'`);
  return ws;
}

/** Everything the money page shows, from the latest fit (nothing is recomputed from orders here). */
export async function moneySummary(pool: pg.Pool, workspace: number | string): Promise<MoneySummary> {
  const ws = await workspaceOrThrow(pool, workspace);
  const settings = parseMoneySettings(ws.settings);
  const row = await latestFit(pool, ws.id);
  const fit = row ? fitViewOf(row, settings) : null;
  let figures = (row?.figures as MoneyFigures | null) ?? null;
  if (row && !figures) {
    // A fit interrupted between writing values and figures: compute them now from what it wrote.
    const d = row.diagnostics as { fastResolution?: FastResolution };
    figures = await computeFigures(
      pool,
      ws.id,
      fit!.settings,
      d.fastResolution ?? { hours: null, source: "none" },
    );
  }
  return {
    workspace: { id: ws.id, slug: ws.slug, currency: ws.currency, timeZone: ws.timeZone },
    settings,
    fit,
    figures,
    reading: moneyReading(fit, figures),
  };
}

/** The threshold the latest fit's values were judged with (the fit's settings, for consistency). */
async function fitThreshold(pool: pg.Pool, wsId: number) {
  const row = await latestFit(pool, wsId);
  return row ? { fitId: row.id, threshold: parseMoneySettings(row.settings).atRiskThreshold, row } : null;
}

export async function atRiskCustomers(
  pool: pg.Pool,
  workspace: number | string,
  query: AtRiskQuery,
): Promise<AtRiskPage> {
  const ws = await workspaceOrThrow(pool, workspace);
  const fit = await fitThreshold(pool, ws.id);
  if (!fit) return { fitId: null, total: 0, amount: 0, items: [] };
  // The fit's figures already hold the count and amount, overall and per reason.
  const risk = (fit.row.figures as MoneyFigures | null)?.atRisk;
  const part = query.reason ? risk?.byReason.find((b) => b.reason === query.reason) : risk;
  const totals = part ? { total: part.customers, amount: part.amount } : null;
  return { fitId: fit.fitId, ...(await readAtRiskPage(pool, ws.id, fit.threshold, query, totals)) };
}

/** For exports and the CLI: the workspace, its currency's minor-unit digits, and the fit's threshold. */
export async function exportContext(pool: pg.Pool, workspace: number | string) {
  const ws = await workspaceOrThrow(pool, workspace);
  const fit = await fitThreshold(pool, ws.id);
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: ws.currency }).resolvedOptions()
    .maximumFractionDigits;
  return {
    ws,
    fitId: fit?.fitId ?? null,
    threshold: fit?.threshold ?? parseMoneySettings(ws.settings).atRiskThreshold,
    digits: digits ?? 2,
  };
}

export async function updateSettings(
  pool: pg.Pool,
  workspace: number | string,
  patch: MoneySettingsPatch,
): Promise<MoneySettings> {
  const ws = await workspaceOrThrow(pool, workspace);
  await updateMoneySettings(pool, ws.id, patch);
  return parseMoneySettings({ ...((ws.settings as object | null) ?? {}), ...patch });
}

export type MoneyAtStake = {
  /** Minor units of the workspace currency. */
  amount: number;
  currency: string;
  /** Distinct customers asked about, and those counted (no completed order after their date). */
  customers: number;
  counted: number;
  source: "clv" | "revenue_12m";
  fitId: number | null;
};

/**
 * DOMAIN.md "Top-10 problems": money at stake = the summed remaining CLV of affected customers who have
 * not bought since. `since` is one date for all, or a date per customer (e.g. when each was affected);
 * customers without a date are always counted. Before the first fit, the last 12 months' revenue of
 * those customers stands in for CLV.
 */
export async function moneyAtStake(
  pool: pg.Pool,
  workspaceId: number,
  customerIds: readonly number[],
  options: { since?: Date | ReadonlyMap<number, Date>; now?: Date } = {},
): Promise<MoneyAtStake> {
  const ws = await workspaceOrThrow(pool, workspaceId);
  const fit = await latestFit(pool, ws.id);
  const source = fit ? "clv" : "revenue_12m";
  const since = customerIds.map((id) =>
    options.since instanceof Map
      ? (options.since.get(id) ?? null)
      : ((options.since as Date | undefined) ?? null),
  );
  const r = await readMoneyAtStake(pool, ws.id, customerIds, since, source, options.now ?? new Date());
  return { ...r, currency: ws.currency, source, fitId: fit?.id ?? null };
}

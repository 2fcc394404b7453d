/**
 * Fitting a workspace: aggregates from SQL, models in Node (fit-engine.ts), values written back with
 * COPY, then the page's figures computed once and kept with the fit.
 */
import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import {
  type AggregateDays,
  type CustomerAggregates,
  dayToIso,
  holdoutCutoffDay,
  isoToDay,
} from "./aggregates.ts";
import { type FitOutcome, fitAggregates } from "./fit-engine.ts";
import { computeFigures, fitViewOf } from "./report.ts";
import type { FitView, MoneyFigures } from "./schemas.ts";
import { type MoneySettings, parseMoneySettings } from "./settings.ts";
import {
  firstOrderDay,
  loadWorkspace,
  medianResolutionHours,
  otherCurrencyOrders,
  readAggregates,
  resolveAsOf,
} from "./store.ts";
import { type FitRecord, latestFit, saveFigures, saveFit, type ValueRow } from "./store-fit.ts";

export type FitPhase = "aggregate" | "fit" | "write" | "figures";

export type FitOptions = {
  /** Data up to this instant, or to the end of this YYYY-MM-DD day in the workspace's zone (default: now). */
  asOf?: Date | string;
  /** Last calibration day (YYYY-MM-DD) of the holdout check; default: the start of the data's last quarter. */
  holdoutCutoff?: string;
  /** Overrides of the workspace's money settings for this fit only. */
  settings?: Partial<MoneySettings>;
  now?: () => Date;
  onProgress?: (phase: FitPhase) => void;
};

export type FitResult = { fitId: number; fit: FitView; figures: MoneyFigures };

/** Fits the workspace's models and replaces its customer values (see docs/decisions/0004-money.md). */
export async function fitWorkspace(
  pool: pg.Pool,
  workspace: number | string,
  options: FitOptions = {},
): Promise<FitResult> {
  const started = performance.now();
  const ws = await loadWorkspace(pool, workspace);
  if (!ws) throw new AppError("not_found", `No workspace '${workspace}'`);
  const settings: MoneySettings = { ...parseMoneySettings(ws.settings), ...options.settings };
  const now = options.now ?? (() => new Date());
  const asOf = options.asOf ?? now();
  if (typeof asOf === "string" && !isIsoDay(asOf)) {
    throw new AppError("validation", "asOf must be a date like 2026-03-31", [
      { path: "asOf", message: "not a date" },
    ]);
  }
  const { bound, endDay } = await resolveAsOf(pool, ws.id, asOf);
  const firstDay = await firstOrderDay(pool, ws.id, bound);
  if (firstDay === null) {
    throw new AppError("validation", `No completed orders before ${dayToIso(endDay + 1)}: nothing to fit`, {
      customers: 0,
    });
  }
  let givenCutoff: number | null = null;
  if (options.holdoutCutoff !== undefined) {
    if (!isIsoDay(options.holdoutCutoff)) {
      throw new AppError("validation", "holdoutCutoff must be a date like 2026-01-31", [
        { path: "holdoutCutoff", message: "not a date" },
      ]);
    }
    givenCutoff = isoToDay(options.holdoutCutoff);
  }
  const { cutoff, reason } = holdoutCutoffDay(firstDay, endDay, givenCutoff);
  const days: AggregateDays = {
    end: endDay,
    cutoff,
    previous: endDay - settings.periodDays,
    revenueFrom: endDay - 364,
  };
  options.onProgress?.("aggregate");
  const agg = await readAggregates(pool, ws.id, bound, days);
  // Only when the stream saw such orders: a second look at the orders, by currency, for the page.
  const otherCurrencies = agg.unvaluedOccasions > 0 ? await otherCurrencyOrders(pool, ws.id, bound) : [];
  options.onProgress?.("fit");
  const outcome = fitAggregates(agg, days, settings, reason);
  const fixedHours = settings.fastResolutionHours;
  const fastHours = fixedHours ?? (await medianResolutionHours(pool, ws.id, bound));
  const fastSource = fixedHours !== null ? "setting" : fastHours !== null ? "median" : "none";
  options.onProgress?.("write");
  const record = fitRecord(outcome, settings, bound, endDay, { hours: fastHours, source: fastSource });
  record.diagnostics.otherCurrencies = otherCurrencies;
  const fitId = await saveFit(pool, ws.id, record, valueRows(agg, outcome), fastHours);
  options.onProgress?.("figures");
  const figures = await computeFigures(pool, ws.id, settings, { hours: fastHours, source: fastSource });
  await saveFigures(pool, ws.id, fitId, figures, performance.now() - started);
  const row = await latestFit(pool, ws.id);
  if (!row || row.id !== fitId)
    throw new AppError("conflict", "Another fit of this workspace finished at the same time");
  return { fitId, fit: fitViewOf(row, settings), figures };
}

const isIsoDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

function fitRecord(
  o: FitOutcome,
  settings: MoneySettings,
  bound: Date,
  endDay: number,
  fast: { hours: number | null; source: string },
): FitRecord {
  const alive = o.alive.kind === "pareto-nbd" ? o.alive.fit : null;
  const spend = o.spend.kind === "gamma-gamma" ? o.spend.fit : null;
  return {
    alive: o.alive.kind,
    spend: o.spend.kind,
    params: { purchase: o.purchase.params, alive: alive?.params ?? null, spend: spend?.params ?? null },
    standardErrors: {
      purchase: o.purchase.standardErrors,
      alive: alive?.standardErrors ?? null,
      spend: spend?.standardErrors ?? null,
    },
    logLik: o.purchase.logLik,
    customers: o.customers,
    repeatCustomers: o.repeatCustomers,
    asOf: bound,
    calibrationEnd: dayToIso(endDay),
    settings,
    holdout: o.holdout,
    tracking: o.tracking,
    diagnostics: {
      purchase: {
        converged: o.purchase.converged,
        rows: o.purchase.rows,
        evaluations: o.purchase.evaluations,
      },
      alive: {
        logLik: alive?.logLik ?? null,
        converged: alive?.converged ?? null,
        subsample: o.alive.kind === "pareto-nbd" ? o.alive.subsample : null,
        boundary: o.alive.kind === "pareto-nbd" && o.alive.boundary,
        fallbackReason: o.alive.kind === "bgnbd" ? o.alive.reason : null,
      },
      spend: {
        logLik: spend?.logLik ?? null,
        converged: spend?.converged ?? null,
        customers: o.spend.customers,
        correlation: Number.isFinite(o.spend.correlation) ? o.spend.correlation : null,
        meanSpend: Number.isFinite(o.spend.meanSpend) ? o.spend.meanSpend : null,
        fallbackReason: o.spend.kind === "mean" ? o.spend.reason : null,
      },
      holdoutSkipped: o.holdoutSkipped,
      fastResolution: fast,
    },
  };
}

/** The staging rows COPY writes: one per customer, NaN turned into NULL or 0 so nothing odd is stored. */
function* valueRows(agg: CustomerAggregates, o: FitOutcome): Generator<ValueRow> {
  const v = o.values;
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  for (let i = 0; i < agg.customerId.length; i++) {
    const prev = v.pAlivePrevious[i] as number;
    yield [
      agg.customerId[i] as number,
      finite(v.pAlive[i] as number),
      Number.isFinite(prev) ? prev : null,
      finite(v.expectedPurchases[i] as number),
      finite(v.expectedSpend[i] as number),
      Math.round(finite(v.clv[i] as number)),
      agg.x[i] as number,
      agg.firstDay[i] as number,
      agg.lastDay[i] as number,
      Math.round(agg.revenue12m[i] as number),
    ];
  }
}

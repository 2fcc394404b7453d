/** The money module's public API: purchase and spend models, CLV and the holdout check (pure parts). */
export {
  type BgNbdParams,
  bgnbdConditionalExpected,
  bgnbdExpectedPurchases,
  bgnbdLogLik,
  bgnbdLogLikFunction,
  bgnbdProbabilityAlive,
  bgnbdProbabilityPurchases,
  fitBgNbd,
} from "./bgnbd.ts";
export {
  type ClvSettings,
  type CustomerValues,
  conditionalExpectedPurchases,
  customerValues,
  discountedValue,
  expectedPurchases,
  type PurchaseModel,
  probabilityAlive,
} from "./clv.ts";
export {
  fitGammaGamma,
  type GammaGammaParams,
  gammaGammaExpectedSpend,
  gammaGammaLogLik,
  type SpendRows,
  spendRows,
} from "./gamma-gamma.ts";
export { type HoldoutOptions, type HoldoutResult, holdoutCheck, type TrackingPoint } from "./holdout.ts";
// The workspace side: fits stored per workspace, the page's API, jobs and what other modules call.
export { type RefitOutcome, refitAfterImport } from "./jobs.ts";
export type { ModelFit } from "./model-fit.ts";
export {
  fitParetoNbd,
  type ParetoNbdParams,
  paretoNbdConditionalExpected,
  paretoNbdExpectedPurchases,
  paretoNbdLogLik,
  paretoNbdLogLikFunction,
  paretoNbdProbabilityAlive,
} from "./pareto-nbd.ts";
export {
  atRiskCustomers,
  exportContext,
  type MoneyAtStake,
  moneyAtStake,
  moneySummary,
  updateSettings,
} from "./report.ts";
export { type MoneyRouteOptions, registerMoneyRoutes } from "./routes.ts";
export type {
  AtRiskPage,
  AtRiskQuery,
  CustomerValueRow,
  FitView,
  MoneyFigures,
  MoneySummary,
} from "./schemas.ts";
export { type FitOptions, type FitPhase, type FitResult, fitWorkspace } from "./service.ts";
export { DEFAULT_MONEY_SETTINGS, type MoneySettings, parseMoneySettings } from "./settings.ts";
export { customerValueRows } from "./store-read.ts";
export {
  compressRfm,
  DAYS_PER_UNIT,
  type RfmRows,
  type RfmSummary,
  type SummaryOptions,
  summarizeTransactions,
  type TimeUnit,
  type Transaction,
  uncompressedRows,
  utcDay,
} from "./summary.ts";
export {
  type FileFit,
  type FileModel,
  fitSummaryFile,
  parseSummaryCsv,
  type SummaryFile,
} from "./summary-file.ts";

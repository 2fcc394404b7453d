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

export { type Cci, commonComponents, computeCci } from "./cci.ts";
export { componentsOf } from "./components.ts";
export { refreshAfterImport } from "./jobs.ts";
export { addMonths, compareMonths, isMonth, MONTH_RE, monthOf, monthRange, monthSpan } from "./months.ts";
export {
  countProportion,
  MIN_SAMPLE,
  pooledProportion,
  revenueShare,
  standardErrorOf,
  Z95,
} from "./proportion.ts";
export type { SpeedometerReport } from "./report.ts";
export { registerSpeedometerRoutes, type SpeedometerRouteOptions } from "./routes.ts";
export { type SpeedometerQuery, speedometerReport } from "./service.ts";
export { defaultWeights, type SpeedometerSettings, type Weights } from "./settings.ts";
export {
  resolveSlice,
  type Slice,
  type SpeedometerInfo,
  sliceSeries,
  speedometerInfo,
  subtractSeries,
} from "./slices.ts";
export { type MeanScore, type Nps, nps } from "./stated.ts";
export { type RefreshResult, rebuild, refresh, refreshSegments } from "./store.ts";
export { speedometerText } from "./text.ts";
export {
  type ComponentKey,
  componentKeys,
  type Dimension,
  emptyCounts,
  type Month,
  type MonthCounts,
  type Proportion,
} from "./types.ts";

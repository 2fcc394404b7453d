/** Intake: customers, orders, requests and feedback from files and the API — validated, idempotent, streamed. */
export { type MergeOutcome, mergeBatch, prepareStages } from "./merge.ts";
export {
  autoMap,
  CDNOW_PRESET,
  type ColumnMapping,
  type EntityKind,
  neutralizeCell,
  openTable,
  parseMapArgs,
  toCsv,
  writeCsv,
} from "./parse/index.ts";
export { type ImportOptions, type ImportProgress, type ImportSummary, importFile } from "./pipeline.ts";
export { MAX_RECORDS, type RecordResult, writeRecords } from "./records.ts";
export { registerIntakeRoutes } from "./routes.ts";
export { getRun, type IssueRow, listIssues, listRuns, type RunRow } from "./store.ts";

/** The problems module: complaint texts clustered into problems, ranked, owned and worked on. */

export { baselineClusters } from "./baseline.ts";
export {
  type Clustering,
  type ClusterParams,
  clusterTexts,
  DEFAULT_CLUSTER_PARAMS,
  UNSORTED,
} from "./cluster.ts";
export { csvLine, problemsCsv } from "./csv.ts";
export { assignNew, reclusterWorkspace } from "./jobs.ts";
export { ari, nmi, purity } from "./metrics.ts";
export {
  type PipelineOptions,
  type PipelineResult,
  type Placer,
  type ProblemDraft,
  placerFor,
  runPipeline,
  type TextIn,
  vectorizeTexts,
} from "./pipeline.ts";
export { type ProblemCounts, type ScoreParts, scoreProblem, trendOf } from "./rank.ts";
export { readTextColumn, type TextRow } from "./read-texts.ts";
export { type ProblemRouteOptions, registerProblemRoutes } from "./routes.ts";
export type { ReclusterResult } from "./service.ts";
export type { AssignResult } from "./service-assign.ts";
export { type ListQuery, listProblems, type ProblemList, type RankedProblem } from "./service-rank.ts";

/** The segments module: RFM, behavioural clustering, rule segments, owners, targets and personas. */
export { type ClusterOptions, clusterCustomers } from "./cluster.ts";
export { FEATURES, type Feature } from "./features.ts";
export { type JourneyRouteOptions, registerJourneyRoutes } from "./journeys-routes.ts";
export { type KMeansResult, kmeans } from "./kmeans.ts";
export { type RebuildOptions, type RebuildResult, rebuildSegments } from "./rebuild.ts";
export { quintileScores, RFM_SEGMENTS, RFM_TABLE, type RfmSegment, rfm, rfmSegment } from "./rfm.ts";
export { registerSegmentRoutes, type SegmentRouteOptions } from "./routes.ts";
export { compileRule, type RuleDefinition, ruleDefinition } from "./rules.ts";
export {
  type SegmentDetail,
  type SegmentsReport,
  type SegmentView,
  segmentDetail,
  segmentsReport,
} from "./service.ts";
export { silhouette } from "./silhouette.ts";

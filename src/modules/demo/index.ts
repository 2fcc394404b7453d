/** The demo workspace: a deterministic omnichannel retailer for first start, trials and benchmarks. */
export { DEFAULT_DEMO_OPTIONS, type DemoDataset, generateDemo } from "./generate.ts";
export { PROBLEM_BY_KEY, PROBLEMS, type ProblemSpec } from "./problems.ts";
export { type DemoLoadResult, type DemoPhase, type DemoProgress, loadDemo } from "./store.ts";
export type {
  DemoBundle,
  DemoCustomer,
  DemoFeedback,
  DemoInitiative,
  DemoLocation,
  DemoOptions,
  DemoOrder,
  DemoRequest,
  DemoWorkspace,
  GroundTruth,
  Lang,
  LocationKey,
  ProblemKey,
  WeeklyHours,
} from "./types.ts";

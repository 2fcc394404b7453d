/** The service module: waiting times, working hours, SLAs, demand outside the hours, channels, order waits. */

export { rebuildAfterSettings, refreshAfterImport } from "./jobs.ts";
export type { ServiceReport } from "./report.ts";
export { registerServiceRoutes, type ServiceRouteOptions } from "./routes.ts";
export { type ServiceQuery, serviceReport } from "./service.ts";
export { type RefreshResult, rebuild, refresh } from "./store.ts";
export { CHANNELS, type Channel, KINDS, type Kind } from "./types.ts";
export { english as verdictInEnglish, type Verdict } from "./verdict.ts";

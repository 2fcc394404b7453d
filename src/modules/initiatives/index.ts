export { type DidResult, type EffectEstimate, estimateEffect, type Verdict } from "./effect.ts";
export { type InitiativeRouteOptions, registerInitiativeRoutes } from "./routes.ts";
export { type InitiativeEffect, initiativeEffect, targetOf } from "./service.ts";
export {
  findInitiative,
  type Initiative,
  type InitiativeInput,
  insertInitiative,
  listInitiatives,
  type Target,
} from "./store.ts";
export { effectWindows } from "./windows.ts";

export { type App, type AppOptions, buildApp, errorSchema } from "./app.ts";
export {
  createSession,
  destroySession,
  newApiToken,
  type Principal,
  requireUser,
  requireWorkspace,
  SESSION_COOKIE,
  sessionCookieOptions,
  type WorkspaceAccess,
} from "./auth.ts";
export { can, isRole, type Permission, permissions, type Role, roles } from "./roles.ts";

export { type AccountsRouteOptions, registerAccountRoutes } from "./routes.ts";
export {
  addMember,
  authenticate,
  createUser,
  createWorkspace,
  issueToken,
  type Locale,
  type Me,
  me,
} from "./service.ts";
export {
  findUserByEmail,
  findWorkspace,
  listUsers,
  listWorkspaces,
  upsertMember,
  type WorkspaceRow,
} from "./store.ts";

/** Roles and what each may do; enforced on the server for every route (see requireWorkspace). */
export const roles = ["owner", "manager", "advocate", "agent", "analyst", "viewer"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "read", // see the workspace's pages and figures
  "export", // download CSV exports
  "work_requests", // handle requests, follow-ups, comments
  "manage_problems", // own, merge, split, rename problems; escalations
  "advocate", // compromise log, requirements register, weekly brief
  "analyse", // re-run clustering, model fits, rollup rebuilds
  "import", // load data from files or the API
  "manage_initiatives", // log pedals, segments, targets
  "manage_settings", // workspace settings (name, currency, hours, SLAs)
  "manage_members", // invite, change roles, remove
  "manage_tokens", // API tokens
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  owner: permissions,
  manager: [
    "read",
    "export",
    "work_requests",
    "manage_problems",
    "advocate",
    "analyse",
    "import",
    "manage_initiatives",
  ],
  advocate: ["read", "export", "work_requests", "manage_problems", "advocate", "analyse"],
  agent: ["read", "work_requests"],
  analyst: ["read", "export", "analyse"],
  viewer: ["read"],
};

export const can = (role: Role, permission: Permission): boolean => grants[role].includes(permission);

export const isRole = (value: string): value is Role => (roles as readonly string[]).includes(value);

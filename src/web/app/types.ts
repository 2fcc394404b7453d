// The shapes of docs/api-contract-foundation.md, as the web app reads them.
import type { Language } from "../i18n/messages.ts";

export const roles = ["owner", "manager", "advocate", "agent", "analyst", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Roles an API token may carry (the contract leaves owner and advocate to people). */
export const tokenRoles = ["manager", "agent", "analyst", "viewer"] as const satisfies readonly Role[];
export type TokenRole = (typeof tokenRoles)[number];

export type WorkspaceRef = { id: number; slug: string; name: string; role: Role; isDemo: boolean };

export type Me = {
  user: { id: number; email: string; name: string; locale: Language };
  csrfToken: string;
  workspaces: WorkspaceRef[];
};

export type AuthConfig = { signupOpen: boolean; demo: { email: string; password: string } | null };

export type Workspace = {
  id: number;
  slug: string;
  name: string;
  currency: string;
  timeZone: string;
  locales: string[];
  role: Role;
  isDemo: boolean;
  createdAt: string;
};

export type OverviewCounts = {
  customers: number;
  orders: number;
  requests: number;
  feedback: number;
  locations: number;
  initiatives: number;
};

export type Overview = {
  counts: OverviewCounts;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  currency: string;
};

export type Member = { userId: number; email: string; name: string; role: Role; createdAt: string };

export type ApiToken = {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type CreatedToken = { token: string; id: number; name: string; prefix: string; role: Role };

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { api } from "./api.ts";
import type { Overview, Workspace, WorkspaceRef } from "./types.ts";

/** The workspace of the current /w/:ws page, as listed in the signed-in user's workspaces. */
export const WorkspaceContext = createContext<WorkspaceRef | null>(null);

export function useCurrentWorkspace(): WorkspaceRef {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error("useCurrentWorkspace outside a workspace page");
  return workspace;
}

const base = (slug: string) => `/api/workspaces/${encodeURIComponent(slug)}`;

export const workspaceKeys = {
  details: (slug: string) => ["workspace", slug, "details"] as const,
  overview: (slug: string) => ["workspace", slug, "overview"] as const,
  members: (slug: string) => ["workspace", slug, "members"] as const,
  tokens: (slug: string) => ["workspace", slug, "tokens"] as const,
};

export function workspaceUrl(slug: string, rest = ""): string {
  return `${base(slug)}${rest}`;
}

export function useWorkspaceDetails(slug: string) {
  return useQuery({ queryKey: workspaceKeys.details(slug), queryFn: () => api<Workspace>(base(slug)) });
}

export function useOverview(slug: string) {
  return useQuery({
    queryKey: workspaceKeys.overview(slug),
    queryFn: () => api<Overview>(`${base(slug)}/overview`),
  });
}

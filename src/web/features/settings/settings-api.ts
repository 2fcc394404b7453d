import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import { meKey } from "../../app/auth.ts";
import type { ApiToken, CreatedToken, Member, Role, TokenRole, Workspace } from "../../app/types.ts";
import { workspaceKeys, workspaceUrl } from "../../app/workspace.ts";

export function useMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.members(slug),
    queryFn: () => api<{ members: Member[] }>(workspaceUrl(slug, "/members")),
    enabled,
  });
}

export function useTokens(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.tokens(slug),
    queryFn: () => api<{ tokens: ApiToken[] }>(workspaceUrl(slug, "/tokens")),
    enabled,
  });
}

export function useUpdateWorkspace(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; currency?: string; timeZone?: string }) =>
      api<Workspace>(workspaceUrl(slug), { method: "PATCH", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: workspaceKeys.details(slug) });
      void client.invalidateQueries({ queryKey: meKey }); // the switcher shows the name
    },
  });
}

export function useMemberMutations(slug: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: workspaceKeys.members(slug) });
    void client.invalidateQueries({ queryKey: meKey }); // one's own role may have changed
  };
  return {
    add: useMutation({
      mutationFn: (body: { email: string; role: Role }) =>
        api<unknown>(workspaceUrl(slug, "/members"), { method: "POST", body }),
      onSuccess: refresh,
    }),
    changeRole: useMutation({
      mutationFn: ({ userId, role }: { userId: number; role: Role }) =>
        api<unknown>(workspaceUrl(slug, `/members/${userId}`), { method: "PATCH", body: { role } }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (userId: number) =>
        api<void>(workspaceUrl(slug, `/members/${userId}`), { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}

export function useTokenMutations(slug: string) {
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: workspaceKeys.tokens(slug) });
  return {
    create: useMutation({
      mutationFn: (body: { name: string; role: TokenRole }) =>
        api<CreatedToken>(workspaceUrl(slug, "/tokens"), { method: "POST", body }),
      onSuccess: refresh,
    }),
    revoke: useMutation({
      mutationFn: (id: number) => api<void>(workspaceUrl(slug, `/tokens/${id}`), { method: "DELETE" }),
      onSuccess: refresh,
    }),
  };
}

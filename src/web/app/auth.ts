import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Language } from "../i18n/messages.ts";
import { ApiError, api, setCsrfToken } from "./api.ts";
import type { AuthConfig, Me } from "./types.ts";

export const meKey = ["auth", "me"] as const;
export const authConfigKey = ["auth", "config"] as const;

/** The signed-in user, or null when signed out (401 is an answer here, not an error). */
async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>("/api/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export function useAuthConfig() {
  return useQuery({
    queryKey: authConfigKey,
    queryFn: () => api<AuthConfig>("/api/auth/config"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<Me>("/api/auth/signin", { method: "POST", body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.setQueryData(meKey, me);
    },
  });
}

export type SignUpBody = {
  email: string;
  name: string;
  password: string;
  workspaceName?: string;
  locale: Language;
};

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpBody) => api<Me>("/api/auth/signup", { method: "POST", body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.setQueryData(meKey, me);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/api/auth/signout", { method: "POST" }),
    onSettled: () => {
      // Whatever the server said, forget everything this user could see.
      setCsrfToken(undefined);
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { locale?: Language; name?: string }) =>
      api<Me>("/api/auth/me", { method: "PATCH", body }),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      client.setQueryData(meKey, me);
    },
  });
}

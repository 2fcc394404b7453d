import { Center } from "@mantine/core";
import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation, useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../components/error-alert.tsx";
import { Loading } from "../components/loading.tsx";
import { useMe } from "./auth.ts";
import { useLocaleSync } from "./locale-sync.ts";
import { workspacePath } from "./modules.ts";
import type { Me } from "./types.ts";

/** Where a signed-in user lands: the first workspace, or the page to create one. */
export function homeOf(me: Me): string {
  const first = me.workspaces[0];
  return first ? workspacePath(first.slug) : "/workspaces/new";
}

/** Only same-site paths are followed after sign-in, never another origin. */
export function safeNext(next: string | null): string | undefined {
  return next?.startsWith("/") && !next.startsWith("//") ? next : undefined;
}

function MeError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <Center h="100dvh" p="md">
      <ErrorAlert error={error} onRetry={retry} />
    </Center>
  );
}

/** Signed-out readers go to /signin, and come back here after signing in. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading fullPage />;
  // A failed refetch keeps the last answer; only a first failure has nothing to show.
  if (me.isError && me.data === undefined)
    return <MeError error={me.error} retry={() => void me.refetch()} />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/signin" : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <SignedIn me={me.data} />;
}

function SignedIn({ me }: { me: Me }) {
  useLocaleSync(me);
  return <Outlet />;
}

/** The sign-in and sign-up pages; a signed-in reader is sent on. */
export function SignedOutOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <Loading fullPage />;
  if (me.data) return <Navigate to={safeNext(params.get("next")) ?? homeOf(me.data)} replace />;
  return <>{children}</>;
}

export function HomeRedirect() {
  const me = useMe();
  if (me.isPending) return <Loading fullPage />;
  if (me.isError && me.data === undefined)
    return <MeError error={me.error} retry={() => void me.refetch()} />;
  return <Navigate to={me.data ? homeOf(me.data) : "/signin"} replace />;
}

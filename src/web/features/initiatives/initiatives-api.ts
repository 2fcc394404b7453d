import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import { workspaceKeys, workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/initiatives/schemas.ts, as the pages read them.

export const initiativeKinds = ["product", "process", "people"] as const;
export type InitiativeKind = (typeof initiativeKinds)[number];
export const initiativeStatuses = ["planned", "active", "done", "cancelled"] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];
export const targetKinds = ["location", "channel", "segment", "problem"] as const;
export type TargetKind = (typeof targetKinds)[number];
export const componentKeys = ["repeat", "fullPrice", "waitTolerance", "referral", "recovery"] as const;
export type ComponentKey = (typeof componentKeys)[number];

export type Initiative = {
  id: number;
  externalId: string | null;
  title: string;
  description: string | null;
  kind: InitiativeKind;
  lever: string | null;
  status: InitiativeStatus;
  startedAt: string;
  /** Minor units. */
  cost: number;
  currency: string;
  owner: string | null;
  target: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
};

export type Cell = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  enough: boolean;
};
export type Verdict = "improved" | "worsened" | "no_clear_change" | "not_enough_data";
export type Did = {
  target: { before: Cell; after: Cell };
  comparison: { before: Cell; after: Cell } | null;
  effect: number | null;
  lower: number | null;
  upper: number | null;
  verdict: Verdict;
};
export type Reason = "not_started" | "no_complete_month_after_start" | "unknown_target" | "too_little_data";

export type Effect = {
  startMonth: string;
  before: { from: string; to: string };
  after: { from: string; to: string } | null;
  monthsAfter: number;
  target: { kind: "all" | TargetKind; value: string | null; label: string | null };
  verdict: Verdict;
  reason: Reason | null;
  needsRebuild: boolean;
  estimate: {
    cci: Did & { components: ComponentKey[] };
    components: Record<ComponentKey, Did>;
    nps: Did;
  } | null;
};

export type InitiativeBody = {
  title: string;
  description: string | null;
  kind: InitiativeKind;
  lever: string | null;
  status: InitiativeStatus;
  startedAt: string;
  cost: number;
  owner: string | null;
  target: Partial<Record<TargetKind, string>>;
};

const base = (slug: string) => ["workspace", slug, "initiatives"] as const;
export const initiativeKeys = {
  list: (slug: string) => [...base(slug), "list"] as const,
  detail: (slug: string, id: number) => [...base(slug), "detail", id] as const,
};

export function useInitiatives(slug: string) {
  return useQuery({
    queryKey: initiativeKeys.list(slug),
    queryFn: () => api<{ initiatives: Initiative[] }>(workspaceUrl(slug, "/initiatives")),
  });
}

export function useInitiative(slug: string, id: number) {
  return useQuery({
    queryKey: initiativeKeys.detail(slug, id),
    queryFn: () => api<{ initiative: Initiative; effect: Effect }>(workspaceUrl(slug, `/initiatives/${id}`)),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Creates (no id) or changes (id) an initiative; the list, its page and the cockpit's counts refresh. */
export function useSaveInitiative(slug: string, id: number | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InitiativeBody) =>
      id === undefined
        ? api<Initiative>(workspaceUrl(slug, "/initiatives"), { method: "POST", body })
        : api<Initiative>(workspaceUrl(slug, `/initiatives/${id}`), { method: "PATCH", body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: base(slug) });
      void client.invalidateQueries({ queryKey: workspaceKeys.overview(slug) });
    },
  });
}

export type ProblemOption = { id: number; displayLabel: string };

/** The problems a pedal may aim at (the problems module's ranked list). */
export function useProblemOptions(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: ["workspace", slug, "problems", "options"],
    queryFn: () => api<{ problems: ProblemOption[] }>(workspaceUrl(slug, "/problems")),
    enabled,
    staleTime: 60_000,
  });
}

/** The one key a target names, as the server reads it (location, channel, segment, problem; else all). */
export function targetOf(t: Record<string, unknown>): { kind: TargetKind | "all"; value: string | null } {
  for (const k of targetKinds) {
    const v = t[k];
    if (v !== undefined && v !== null && String(v) !== "") return { kind: k, value: String(v) };
  }
  return { kind: "all", value: null };
}

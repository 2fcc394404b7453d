import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import type { Role } from "../../app/types.ts";
import { workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/segments/schemas.ts, as the page reads them (the web app may not import them).

export const features = [
  "recency",
  "frequency",
  "monetary",
  "discountShare",
  "channelMix",
  "waitTolerance",
  "complaintRate",
  "nps",
  "clv",
] as const;
export type Feature = (typeof features)[number];

export const rfmSegments = [
  "champions",
  "loyal",
  "potential_loyalists",
  "new",
  "promising",
  "need_attention",
  "about_to_sleep",
  "at_risk",
  "cant_lose",
  "hibernating",
  "lost",
] as const;
export type RfmSegment = (typeof rfmSegments)[number];

export type SegmentKind = "rfm" | "cluster" | "rule" | "manual";
export type Stated = { value: number | null; lower: number | null; upper: number | null; enough: boolean };

export type Profile = {
  size: number;
  share: number;
  means: Partial<Record<Feature, number | null>>;
  lift: Partial<Record<Feature, number>>;
  distinctive: Array<{ feature: Feature; lift: number }>;
};

export type Compare = "gte" | "lte" | "eq";
export type RuleCondition =
  | { field: "location"; locations: number[]; withinDays?: number }
  | { field: "channel"; channels: string[]; withinDays?: number }
  | { field: "orders"; op: Compare; value: number; withinDays?: number }
  | { field: "revenue"; op: Compare; value: number; withinDays?: number }
  | { field: "lastOrderDays"; op: "gte" | "lte"; value: number }
  | { field: "complained"; withinDays: number; negate?: boolean }
  | { field: "nps"; op: Compare; value: number }
  | { field: "attribute"; key: string; op: "eq" | "neq" | "contains"; value: string }
  | { field: "rfm"; segments: RfmSegment[] };
export type RuleField = RuleCondition["field"];
export type RuleDefinition = { match: "all" | "any"; conditions: RuleCondition[] };

export type Persona = { needs: string; jobs: string; valueProposition: string };

export type Segment = {
  id: number;
  kind: SegmentKind;
  code: string | null;
  name: string;
  computedName: string;
  customName: string | null;
  description: string | null;
  ownerId: number | null;
  ownerName: string | null;
  isTarget: boolean;
  size: number;
  profile: Profile | null;
  definition: Record<string, unknown>;
  persona: Persona;
  retired: boolean;
  updatedAt: string;
};

export type TopProblem = { problemId: number; label: string; customers: number; mentions: number };

export type SegmentView = Segment & {
  share: number | null;
  topProblems: TopProblem[];
  cci: Stated | null;
  nps: (Stated & { n: number }) | null;
};

export type Run = {
  asOf: string | null;
  customers: number;
  k: number | null;
  silhouette: Array<{ k: number; silhouette: number }>;
  features: Feature[];
  base: Partial<Record<Feature, number | null>>;
  ms: number;
  builtAt: string;
};

export type SegmentsReport = {
  run: Run | null;
  segments: SegmentView[];
  members?: Array<{ id: number; name: string }>;
  options: { locations: Array<{ id: number; name: string }>; channels: string[] };
};

export type Quote = {
  feedbackId: number;
  kind: "nps" | "csat" | "ces";
  score: number;
  comment: string;
  language: string | null;
  createdAt: string;
};

export type SegmentDetail = { segment: SegmentView; quotes: Quote[]; run: Run | null };

export type SegmentChange = Partial<{
  name: string;
  description: string | null;
  definition: RuleDefinition;
  ownerId: number | null;
  isTarget: boolean;
  persona: Partial<Persona>;
}>;

export const canEdit = (role: Role): boolean => role === "owner" || role === "manager";
export const canRebuild = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";
export const canExport = canRebuild;

const keys = {
  all: (slug: string) => ["workspace", slug, "segments"] as const,
  list: (slug: string) => ["workspace", slug, "segments", "list"] as const,
  detail: (slug: string, id: number) => ["workspace", slug, "segments", "detail", id] as const,
};

export const segmentsCsvUrl = (slug: string) => workspaceUrl(slug, "/segments.csv");
export const customersCsvUrl = (slug: string, id: number) =>
  workspaceUrl(slug, `/segments/${id}/customers.csv`);

export function useSegments(slug: string) {
  return useQuery({
    queryKey: keys.list(slug),
    queryFn: () => api<SegmentsReport>(workspaceUrl(slug, "/segments")),
  });
}

export function useSegment(slug: string, id: number) {
  return useQuery({
    queryKey: keys.detail(slug, id),
    queryFn: () => api<SegmentDetail>(workspaceUrl(slug, `/segments/${id}`)),
  });
}

export function useRebuild(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ customers: number; k: number | null }>(workspaceUrl(slug, "/segments/rebuild"), {
        method: "POST",
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all(slug) }),
  });
}

export function useUpdateSegment(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: SegmentChange) =>
      api<Segment>(workspaceUrl(slug, `/segments/${id}`), { method: "PATCH", body: change }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all(slug) }),
  });
}

export function useCreateSegment(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; definition: RuleDefinition }) =>
      api<Segment>(workspaceUrl(slug, "/segments"), { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all(slug) }),
  });
}

export function useDeleteSegment(slug: string, id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<null>(workspaceUrl(slug, `/segments/${id}`), { method: "DELETE" }),
    // the segment's own page must not refetch (and fail) while the page moves back to the list
    onSuccess: () => {
      qc.removeQueries({ queryKey: keys.detail(slug, id) });
      void qc.invalidateQueries({ queryKey: keys.list(slug) });
    },
  });
}

export function previewRule(slug: string, definition: RuleDefinition): Promise<{ customers: number }> {
  return api<{ customers: number }>(workspaceUrl(slug, "/segments/preview"), {
    method: "POST",
    body: { definition },
  });
}

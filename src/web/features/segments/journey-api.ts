import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import type { Role } from "../../app/types.ts";
import { workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/segments/journeys-schemas.ts, as the page reads them (the web app may not import them).

export const journeyChannels = [
  "email",
  "phone",
  "telegram",
  "whatsapp",
  "viber",
  "vk",
  "instagram",
  "web",
  "in_person",
  "other",
] as const;
export type JourneyChannel = (typeof journeyChannels)[number];

export type Figures = {
  requests: number;
  complaints: number;
  complaintShare: number | null;
  medianFirstResponseHours: number | null;
  responded: number;
  mentions: number;
};

export type LinkedProblem = { id: number; label: string; status: string; mentions: number };

export type Touchpoint = {
  id: number;
  stageId: number;
  position: number;
  name: string;
  channel: JourneyChannel | null;
  locationId: number | null;
  locationName: string | null;
  note: string;
  problems: LinkedProblem[];
  pain: boolean;
  painSuggested: boolean;
  figures: Figures | null;
};

export type Stage = { id: number; position: number; name: string; touchpoints: Touchpoint[] };

export type JourneyMap = {
  id: number;
  name: string;
  segmentId: number | null;
  segmentName: string | null;
  createdAt: string;
  updatedAt: string;
  window: { from: string | null; to: string | null; days: number };
  painRule: { minRequests: number; minComplaintShare: number };
  stages: Stage[];
};

export type JourneySummary = {
  id: number;
  name: string;
  segmentId: number | null;
  segmentName: string | null;
  stages: number;
  touchpoints: number;
  pains: number;
  updatedAt: string;
};

export type JourneyOptions = {
  channels: JourneyChannel[];
  locations: Array<{ id: number; name: string }>;
  problems: Array<{ id: number; label: string; status: string }>;
  segments: Array<{ id: number; name: string }>;
};

export type TouchpointInput = {
  name: string;
  channel: JourneyChannel | null;
  locationId: number | null;
  note: string;
  problemIds: number[];
  pain: boolean;
};

/** Editing needs 'analyse' on the server (owner, manager, advocate, analyst). */
export const canEditJourneys = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";

const keys = {
  all: (slug: string) => ["workspace", slug, "journeys"] as const,
  list: (slug: string) => ["workspace", slug, "journeys", "list"] as const,
  options: (slug: string) => ["workspace", slug, "journeys", "options"] as const,
  map: (slug: string, id: number) => ["workspace", slug, "journeys", "map", id] as const,
};

export function useJourneys(slug: string) {
  return useQuery({
    queryKey: keys.list(slug),
    queryFn: () => api<{ journeys: JourneySummary[] }>(workspaceUrl(slug, "/journeys")),
  });
}

export function useJourneyOptions(slug: string) {
  return useQuery({
    queryKey: keys.options(slug),
    queryFn: () => api<JourneyOptions>(workspaceUrl(slug, "/journey-options")),
  });
}

export function useJourney(slug: string, id: number) {
  return useQuery({
    queryKey: keys.map(slug, id),
    queryFn: () => api<JourneyMap>(workspaceUrl(slug, `/journeys/${id}`)),
  });
}

export function useCreateJourney(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; segmentId: number | null }) =>
      api<JourneyMap>(workspaceUrl(slug, "/journeys"), { method: "POST", body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.list(slug) }),
  });
}

export function useDeleteJourney(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<null>(workspaceUrl(slug, `/journeys/${id}`), { method: "DELETE" }),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: keys.map(slug, id) });
      void qc.invalidateQueries({ queryKey: keys.list(slug) });
    },
  });
}

/** One edit of a map; every edit answers with the whole map, which replaces the cached one. */
export type JourneyEdit =
  | { kind: "map"; body: { name?: string; segmentId?: number | null } }
  | { kind: "addStage"; body: { name: string } }
  | { kind: "stage"; stageId: number; body: { name?: string; position?: number } }
  | { kind: "deleteStage"; stageId: number }
  | { kind: "addTouchpoint"; stageId: number; body: TouchpointInput }
  | {
      kind: "touchpoint";
      touchpointId: number;
      body: Partial<TouchpointInput> & { stageId?: number; position?: number };
    }
  | { kind: "deleteTouchpoint"; touchpointId: number };

export function useEditJourney(slug: string, id: number) {
  const qc = useQueryClient();
  const base = `/journeys/${id}`;
  return useMutation({
    mutationFn: (e: JourneyEdit) => {
      const url = (rest: string) => workspaceUrl(slug, `${base}${rest}`);
      switch (e.kind) {
        case "map":
          return api<JourneyMap>(url(""), { method: "PATCH", body: e.body });
        case "addStage":
          return api<JourneyMap>(url("/stages"), { method: "POST", body: e.body });
        case "stage":
          return api<JourneyMap>(url(`/stages/${e.stageId}`), { method: "PATCH", body: e.body });
        case "deleteStage":
          return api<JourneyMap>(url(`/stages/${e.stageId}`), { method: "DELETE" });
        case "addTouchpoint":
          return api<JourneyMap>(url(`/stages/${e.stageId}/touchpoints`), { method: "POST", body: e.body });
        case "touchpoint":
          return api<JourneyMap>(url(`/touchpoints/${e.touchpointId}`), { method: "PATCH", body: e.body });
        case "deleteTouchpoint":
          return api<JourneyMap>(url(`/touchpoints/${e.touchpointId}`), { method: "DELETE" });
      }
    },
    onSuccess: (map) => {
      qc.setQueryData(keys.map(slug, id), map);
      void qc.invalidateQueries({ queryKey: keys.list(slug) });
    },
  });
}

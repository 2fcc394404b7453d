import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import type { Member } from "../../app/types.ts";
import { workspaceKeys, workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/problems/schemas.ts, as the page reads them (dates arrive as ISO strings).

export const statuses = ["new", "acknowledged", "in_progress", "solved", "wont_fix"] as const;
export type Status = (typeof statuses)[number];

/** The channels a request can come through (src/platform/domain/channels.ts); the filter accepts only these. */
export const channels = [
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
export type Channel = (typeof channels)[number];

export const sources = ["request", "feedback", "audit"] as const;
export type Source = (typeof sources)[number];

export type ScoreParts = {
  customers: number;
  mentions: number;
  recentMentions: number;
  expectedRecent: number;
  rawGrowth: number;
  growth: number;
  severeMentions: number;
  severity: number;
  score: number;
};

export type MoneyAtStake = {
  amount: number;
  currency: string;
  source: "clv" | "revenue_12m";
  customers: number;
  counted: number;
};

export type Trend = "up" | "down" | "flat";

export type ProblemItem = {
  rank: number;
  top: boolean;
  id: number;
  label: string;
  customLabel: string | null;
  displayLabel: string;
  labelLang: string | null;
  phrases: string[];
  status: Status;
  owner: { id: number; name: string } | null;
  dueDate: string | null;
  dismissed: boolean;
  parts: ScoreParts;
  money: MoneyAtStake;
  sparkline: { month: string; mentions: number }[];
  trend: Trend;
  trendCounts: { lastHalfYear: number; halfYearBefore: number };
  initiatives: number;
  createdAt: string;
  solvedAt: string | null;
  reopenedAt: string | null;
};

export type WindowOut = { from: string; to: string; days: number };

export type ProblemList = {
  window: WindowOut;
  months: string[];
  problems: ProblemItem[];
  unsorted: number;
  lastClustering: { builtAt: string; texts: number; problems: number } | null;
};

export type Person = { id: number; name: string | null };

export type Mention = {
  id: string;
  source: Source;
  sourceId: number;
  text: string;
  customer: Person | null;
  channel: string | null;
  location: Person | null;
  createdAt: string;
  similarity: number;
  manual: boolean;
  score: string | null;
};

export type HistoryEvent = {
  id: number;
  kind: string;
  actor: Person | null;
  payload: Record<string, unknown>;
  createdAt: string;
};

export type ProblemComment = { id: number; author: Person | null; body: string; createdAt: string };

export type LinkedInitiative = {
  id: number;
  title: string;
  kind: string;
  status: string;
  startedAt: string;
  linkedAt: string;
  before: number;
  after: number;
  afterDays: number;
  per30Before: number;
  per30After: number | null;
  change: Trend;
};

export type ProblemDetail = {
  window: WindowOut;
  problem: ProblemItem & {
    mergedInto: number | null;
    splitFrom: number | null;
    dissolvedAt: string | null;
    mergedFrom: { id: number; label: string }[];
  };
  quotes: { mentionId: string; text: string; createdAt: string }[];
  mentions: { total: number; offset: number; limit: number; items: Mention[] };
  history: HistoryEvent[];
  comments: ProblemComment[];
  initiatives: LinkedInitiative[];
};

export type ReclusterResult = {
  texts: number;
  problems: number;
  matched: number;
  created: number;
  dissolved: number;
  unsorted: number;
  reopened: number[];
  ms: number;
};

export type AppNotification = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
};

/** The list's filters; each maps to a query parameter of the same name. */
export type Filters = {
  window: number;
  channel?: Channel;
  location?: number;
  segment?: number;
  dismissed?: boolean;
};

export type DetailFilters = Filters & { from?: string; source?: Source; offset: number; limit: number };

export const DEFAULT_WINDOW = 90;

export function filterQuery(f: Partial<DetailFilters>): string {
  const q = new URLSearchParams();
  // A start replaces the window on the server.
  if (f.from) q.set("from", f.from);
  else if (f.window !== undefined && f.window !== DEFAULT_WINDOW) q.set("window", String(f.window));
  if (f.channel) q.set("channel", f.channel);
  if (f.location) q.set("location", String(f.location));
  if (f.segment) q.set("segment", String(f.segment));
  if (f.dismissed) q.set("dismissed", "true");
  if (f.source) q.set("source", f.source);
  if (f.offset) q.set("offset", String(f.offset));
  if (f.limit) q.set("limit", String(f.limit));
  const text = q.toString();
  return text ? `?${text}` : "";
}

const root = (slug: string) => ["workspace", slug, "problems"] as const;

export const problemKeys = {
  all: root,
  list: (slug: string, f: Filters) => [...root(slug), "list", f] as const,
  detail: (slug: string, id: number, f: Partial<DetailFilters>) => [...root(slug), "detail", id, f] as const,
  notifications: (slug: string) => ["workspace", slug, "notifications"] as const,
  options: (slug: string) => ["workspace", slug, "problems", "filter-options"] as const,
};

export const problemsCsvUrl = (slug: string, f: Filters) =>
  workspaceUrl(slug, `/problems.csv${filterQuery(f)}`);

export function useProblemList(slug: string, f: Filters) {
  return useQuery({
    queryKey: problemKeys.list(slug, f),
    queryFn: () => api<ProblemList>(workspaceUrl(slug, `/problems${filterQuery(f)}`)),
    placeholderData: keepPreviousData,
  });
}

export function useProblemDetail(slug: string, id: number, f: Partial<DetailFilters>) {
  return useQuery({
    queryKey: problemKeys.detail(slug, id, f),
    queryFn: () => api<ProblemDetail>(workspaceUrl(slug, `/problems/${id}${filterQuery(f)}`)),
    placeholderData: keepPreviousData,
  });
}

/** Every mention of a problem with the page's filters, 500 at a time (the server's largest page). */
export async function fetchAllMentions(
  slug: string,
  id: number,
  f: Partial<DetailFilters>,
): Promise<Mention[]> {
  const out: Mention[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await api<ProblemDetail>(
      workspaceUrl(slug, `/problems/${id}${filterQuery({ ...f, offset, limit: 500 })}`),
    );
    out.push(...page.mentions.items);
    if (page.mentions.items.length === 0 || out.length >= page.mentions.total) return out;
  }
}

type Option = { value: string; label: string };

/**
 * Locations and segments to filter by. The problems API has no list of its own; the speedometer's
 * answer names them (a cheap read). Without it the page simply offers no such filter.
 */
export function useFilterOptions(slug: string) {
  return useQuery({
    queryKey: problemKeys.options(slug),
    queryFn: async () => {
      const answer = await api<{ dimensions?: { location?: Option[]; segment?: Option[] } }>(
        workspaceUrl(slug, "/speedometer"),
      );
      return { locations: answer.dimensions?.location ?? [], segments: answer.dimensions?.segment ?? [] };
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** The workspace's people, for the owner picker; the server shows them to owners and managers only. */
export function useMembers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: workspaceKeys.members(slug),
    queryFn: () => api<{ members: Member[] }>(workspaceUrl(slug, "/members")),
    enabled,
    retry: false,
  });
}

export function useNotifications(slug: string) {
  return useQuery({
    queryKey: problemKeys.notifications(slug),
    queryFn: () => api<{ notifications: AppNotification[] }>(workspaceUrl(slug, "/notifications")),
    retry: false,
  });
}

/** After any change the list, every problem page and the notifications may be out of date. */
function useRefresh(slug: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: problemKeys.all(slug) });
    void client.invalidateQueries({ queryKey: problemKeys.notifications(slug) });
  };
}

export type Patch = {
  customLabel?: string | null;
  ownerId?: number | null;
  status?: Status;
  dueDate?: string | null;
};

export function usePatchProblem(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: Patch) =>
      api<{ ok: true }>(workspaceUrl(slug, `/problems/${id}`), { method: "PATCH", body }),
    onSuccess: refresh,
  });
}

export function useComment(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: string) =>
      api<{ id: number }>(workspaceUrl(slug, `/problems/${id}/comments`), { method: "POST", body: { body } }),
    onSuccess: refresh,
  });
}

export function useMerge(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (ids: number[]) =>
      api<{ ok: true }>(workspaceUrl(slug, `/problems/${id}/merge`), { method: "POST", body: { ids } }),
    onSuccess: refresh,
  });
}

export function useSplit(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (body: { mentionIds: string[]; label: string | null }) =>
      api<{ id: number }>(workspaceUrl(slug, `/problems/${id}/split`), { method: "POST", body }),
    onSuccess: refresh,
  });
}

export function useMoveMention(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: ({ mention, to }: { mention: string; to: number | null }) =>
      api<{ ok: true }>(workspaceUrl(slug, `/problems/${id}/mentions/${encodeURIComponent(mention)}/move`), {
        method: "POST",
        body: { to },
      }),
    onSuccess: refresh,
  });
}

export function useNotAProblem(slug: string, id: number) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: (undo: boolean) =>
      api<{ ok: true }>(workspaceUrl(slug, `/problems/${id}/not-a-problem`), {
        method: "POST",
        body: { undo },
      }),
    onSuccess: refresh,
  });
}

export function useRecluster(slug: string) {
  const refresh = useRefresh(slug);
  return useMutation({
    mutationFn: () => api<ReclusterResult>(workspaceUrl(slug, "/problems/recluster"), { method: "POST" }),
    onSuccess: refresh,
  });
}

export function useMarkRead(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      api<{ updated: number }>(workspaceUrl(slug, `/notifications/${id}/read`), { method: "POST" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: problemKeys.notifications(slug) }),
  });
}

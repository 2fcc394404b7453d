import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import type { Role } from "../../app/types.ts";
import { workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/service/schemas.ts, as the page reads them (the web app may not import them).

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
export const kinds = ["complaint", "question", "suggestion", "praise"] as const;
export type Kind = (typeof kinds)[number];
export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
export type SlaStatus = "met" | "breached" | "running";
export type Clock = "business" | "calendar";

export type Proportion = {
  numerator: number;
  denominator: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  enough: boolean;
};
export type Duration = { median: number | null; p90: number | null; mean: number | null; n: number };
export type Waits = { calendar: Duration; business: Duration };
export type ChannelFigures = {
  channel: Channel | null;
  requests: number;
  answered: Proportion;
  insideHours: Proportion;
  firstResponse: Waits;
  resolution: Waits;
  sla: { firstResponse: Proportion; resolution: Proportion; running: number };
  secondChannelTries: number;
  byHour: { requests: number[]; meanFirstResponseHours: Array<number | null> };
};
export type Heatmap = { counts: number[]; outside: number[]; meanFirstResponseHours?: Array<number | null> };
export type Named = { id: number; name: string };
export type SlaPolicy = {
  channel: Channel | null;
  kind: Kind | null;
  clock: Clock;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
};
export type VerdictKey =
  | "outside_hours_wait_longer"
  | "outside_hours_covered"
  | "outside_hours_rare"
  | "not_enough_data"
  | "unanswered_channels"
  | "slowest_channel"
  | "sla_met"
  | "two_channel_customers"
  | "wait_cancellation";
export type Verdict = {
  key: VerdictKey;
  tone: "bad" | "warn" | "good" | "info";
  values: Record<string, number | string | string[]>;
};

export type ServiceReport = {
  workspace: { id: number; slug: string; name: string; timeZone: string };
  period: { from: string; to: string; months: number; trendFrom: string };
  filters: { location: Named | null; channel: Channel | null; kind: Kind | null };
  freshness: { rebuiltAt: string | null; refreshedAt: string | null; stale: boolean };
  percentiles: { method: "exact" | "binned"; definition: string };
  hours: { source: string; openShare: number[] };
  total: ChannelFigures;
  channels: ChannelFigures[];
  heatmap: { requests: Heatmap; orders: Heatmap };
  outsideHours: {
    requests: Proportion;
    orders: Proportion;
    firstResponseInside: Waits;
    firstResponseOutside: Waits;
    extraWaitHours: number | null;
  };
  verdicts: Verdict[];
  channelShift: {
    months: string[];
    channels: Array<{
      channel: Channel;
      counts: number[];
      shares: Array<number | null>;
      firstShare: number | null;
      lastShare: number | null;
      changePoints: number | null;
    }>;
  };
  twoChannel: {
    customers: number;
    requests: number;
    windowHours: number;
    pairs: Array<{ from: Channel; to: Channel; requests: number }>;
  };
  sla: {
    source: "custom" | "default";
    policies: SlaPolicy[];
    byLocation: Array<{
      location: Named;
      requests: number;
      firstResponse: Proportion;
      resolution: Proportion;
    }>;
    byWeek: Array<{ week: string; requests: number; firstResponse: Proportion; resolution: Proportion }>;
  };
  orderWaits: {
    orders: number;
    waited: Proportion;
    medianWaitDays: number | null;
    p90WaitDays: number | null;
    distribution: Array<{
      waitDays: number;
      orders: number;
      completed: number;
      cancelled: number;
      returned: number;
    }>;
    buckets: Array<{
      label: string;
      from: number;
      to: number | null;
      orders: number;
      cancellation: Proportion;
    }>;
  };
  locations: Named[];
};

export type ServiceRequest = {
  id: number;
  externalId: string;
  createdAt: string;
  createdLocal: string;
  channel: string;
  kind: string;
  location: Named | null;
  customer: { id: number; externalId: string } | null;
  status: string;
  assignee: string | null;
  subject: string | null;
  inHours: boolean;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  firstResponseHours: number | null;
  firstResponseBusinessHours: number | null;
  resolutionHours: number | null;
  resolutionBusinessHours: number | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  firstResponseSla: SlaStatus | null;
  resolutionSla: SlaStatus | null;
  previousChannel: string | null;
};
export type RequestsPage = {
  period: { from: string; to: string };
  total: number;
  limit: number;
  offset: number;
  requests: ServiceRequest[];
};
export type ServiceOrder = {
  id: number;
  externalId: string;
  orderedAt: string;
  orderedLocal: string;
  customerExternalId: string | null;
  channel: string | null;
  location: Named | null;
  status: string;
  waitDays: number;
  amount: number;
  currency: string;
};
export type OrdersPage = {
  period: { from: string; to: string };
  total: number;
  limit: number;
  offset: number;
  orders: ServiceOrder[];
};

export type Span = { from: string; to: string };
export type Week = Record<Weekday, Span[]>;
export type HoursRule = {
  locationId: number | null;
  channel: Channel | null;
  timeZone: string;
  alwaysOpen: boolean;
  week: Week;
};
export type Holiday = { date: string; name: string; locationId: number | null; hours: Span[] };
export type ServiceSettingsInput = { hours: HoursRule[]; holidays: Holiday[]; slaPolicies: SlaPolicy[] };
export type ServiceSettings = ServiceSettingsInput & {
  timeZone: string;
  effective: {
    fallbackHours: { source: string; timeZone: string; alwaysOpen: boolean; week: Week };
    slaSource: "custom" | "default";
    slaPolicies: SlaPolicy[];
  };
  locations: Array<{
    id: number;
    name: string;
    timeZone: string | null;
    openingHours: { timeZone: string; alwaysOpen: boolean; week: Week } | null;
  }>;
  stale: boolean;
};

/** The page's filters; every field is optional and travels in the URL's query string. */
export type ServiceFilters = {
  from?: string;
  to?: string;
  location?: number;
  channel?: Channel;
  kind?: Kind;
};

/** What a drill-down asks for beyond the filters: one cell of a table or of the heatmap. */
export type RequestCell = {
  weekday?: number;
  hour?: number;
  inHours?: boolean;
  month?: string;
  week?: string;
  answered?: boolean;
  resolved?: boolean;
  firstResponseSla?: SlaStatus;
  resolutionSla?: SlaStatus;
  secondChannel?: boolean;
};
export type OrderCell = {
  waitFrom?: number;
  waitTo?: number;
  status?: "completed" | "cancelled" | "returned";
  weekday?: number;
  hour?: number;
};

/** A query string from defined values only, in a stable order (so cache keys and URLs stay equal). */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

const serviceKey = (slug: string) => ["workspace", slug, "service"] as const;

export const serviceUrls = {
  report: (slug: string, f: ServiceFilters) => workspaceUrl(slug, `/service${queryString(f)}`),
  requests: (slug: string, f: ServiceFilters & RequestCell & { limit?: number; offset?: number }) =>
    workspaceUrl(slug, `/service/requests${queryString(f)}`),
  requestsCsv: (slug: string, f: ServiceFilters & RequestCell) =>
    workspaceUrl(slug, `/service/requests.csv${queryString(f)}`),
  orders: (slug: string, f: ServiceFilters & OrderCell & { limit?: number; offset?: number }) =>
    workspaceUrl(slug, `/service/orders${queryString(f)}`),
  settings: (slug: string) => workspaceUrl(slug, "/service/settings"),
};

// Mirrors the server's grants (src/platform/http/roles.ts): the page only hides what the server refuses.
export const canExport = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";
export const canManageSettings = (role: Role): boolean => role === "owner";

/** The report; polled while its figures are being recomputed after a change of settings. */
export function useServiceReport(slug: string, filters: ServiceFilters) {
  return useQuery({
    queryKey: [...serviceKey(slug), "report", filters],
    queryFn: () => api<ServiceReport>(serviceUrls.report(slug, filters)),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.freshness.stale ? 3_000 : false),
  });
}

/** Several reports at once (one per month, or per location), for the trend and the per-location table. */
export function useServiceReports(slug: string, list: ServiceFilters[], enabled: boolean) {
  return useQueries({
    queries: list.map((filters) => ({
      queryKey: [...serviceKey(slug), "report", filters],
      queryFn: () => api<ServiceReport>(serviceUrls.report(slug, filters)),
      enabled,
      staleTime: 60_000,
    })),
  });
}

export function useServiceRequests(
  slug: string,
  query: (ServiceFilters & RequestCell & { limit: number; offset: number }) | null,
) {
  return useQuery({
    queryKey: [...serviceKey(slug), "requests", query],
    queryFn: () => api<RequestsPage>(serviceUrls.requests(slug, query ?? { limit: 50, offset: 0 })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useServiceOrders(
  slug: string,
  query: (ServiceFilters & OrderCell & { limit: number; offset: number }) | null,
) {
  return useQuery({
    queryKey: [...serviceKey(slug), "orders", query],
    queryFn: () => api<OrdersPage>(serviceUrls.orders(slug, query ?? { limit: 50, offset: 0 })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function useServiceSettings(slug: string) {
  return useQuery({
    queryKey: [...serviceKey(slug), "settings"],
    queryFn: () => api<ServiceSettings>(serviceUrls.settings(slug)),
    refetchInterval: (query) => (query.state.data?.stale ? 3_000 : false),
  });
}

/** Saving replaces the settings; the figures are then rebuilt in the background, so every report is stale. */
export function useSaveServiceSettings(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceSettingsInput) =>
      api<ServiceSettings>(serviceUrls.settings(slug), { method: "PUT", body }),
    onSuccess: (saved) => {
      client.setQueryData([...serviceKey(slug), "settings"], saved);
      void client.invalidateQueries({ queryKey: serviceKey(slug) });
    },
  });
}

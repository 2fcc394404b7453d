import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../app/api.ts";
import { workspaceUrl } from "../../app/workspace.ts";

// The shapes of src/modules/speedometer/schemas.ts (GET /api/workspaces/:ws/speedometer), as the page reads them.

export const componentKeys = ["repeat", "fullPrice", "waitTolerance", "referral", "recovery"] as const;
export type ComponentKey = (typeof componentKeys)[number];
export type Dimension = "location" | "channel" | "segment";
export const dimensions: readonly Dimension[] = ["location", "channel", "segment"];
export type Change = "up" | "down" | "no_change" | "unknown";
export type Unit = "customers" | "revenue" | "orders";

export type Proportion = {
  numerator: number;
  denominator: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  effectiveN: number;
  enough: boolean;
};

type Compared = { change: Change; pValue: number | null };
type Explained = { formulaKey: string; formula: string };

export type Cci = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  standardError: number | null;
  enough: boolean;
  weightsUsed: Partial<Record<ComponentKey, number>>;
};

export type NpsScore = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  enough: boolean;
};

export type MeanScore = {
  value: number | null;
  lower: number | null;
  upper: number | null;
  n: number;
  sum: number;
  enough: boolean;
};

export type ComponentFigure = Proportion &
  Compared &
  Explained & {
    key: ComponentKey;
    unit: Unit;
    weight: number;
    weightUsed: number | null;
    previous: Proportion;
  };

export type TrendPoint = {
  month: string;
  partial: boolean;
  cci: { value: number | null; lower: number | null; upper: number | null; enough: boolean } & Compared;
  components: Record<ComponentKey, Proportion & Compared>;
  nps: {
    value: number | null;
    lower: number | null;
    upper: number | null;
    n: number;
    enough: boolean;
  } & Compared;
};

export type GapRow = {
  value: string;
  label: string;
  cci: { value: number | null; lower: number | null; upper: number | null; enough: boolean };
  cciRank: number | null;
  nps: { value: number | null; lower: number | null; upper: number | null; n: number; enough: boolean };
  npsRank: number | null;
  disagree: boolean;
};

export type Option = { value: string; label: string };

export type SpeedometerReport = {
  workspace: { id: number; slug: string; timeZone: string; currency: string };
  settings: { windowDays: number; weights: Record<ComponentKey, number>; minSample: number };
  freshness: {
    rebuiltAt: string | null;
    refreshedAt: string | null;
    firstMonth: string | null;
    lastMonth: string | null;
    needsRebuild: boolean;
  };
  period: {
    from: string;
    to: string;
    months: number;
    previousFrom: string;
    previousTo: string;
    trendFrom: string;
    partial: boolean;
  };
  filter: { dim: Dimension; value: string; label: string } | null;
  cci: Cci & Compared & Explained & { previous: Cci };
  components: ComponentFigure[];
  stated: {
    nps: NpsScore & Compared & Explained & { previous: NpsScore };
    csat: Proportion & Compared & Explained & { previous: Proportion };
    ces: MeanScore & Compared & Explained & { previous: MeanScore };
  };
  trend: TrendPoint[];
  gap: { by: Dimension; rows: GapRow[] };
  dimensions: Record<Dimension, Option[]>;
};

/** What the page asks for: a period, the say–do gap's grouping and at most one slice. */
export type SpeedometerQuery = {
  from?: string;
  to?: string;
  by?: Dimension;
  slice?: { dim: Dimension; value: string };
};

export function speedometerSearch(q: SpeedometerQuery): string {
  const params = new URLSearchParams();
  if (q.from) params.set("from", q.from);
  if (q.to) params.set("to", q.to);
  if (q.by) params.set("by", q.by);
  if (q.slice) params.set(q.slice.dim, q.slice.value);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export const speedometerKeys = {
  report: (slug: string, q: SpeedometerQuery) => ["workspace", slug, "speedometer", q] as const,
};

export function useSpeedometer(slug: string, q: SpeedometerQuery) {
  return useQuery({
    queryKey: speedometerKeys.report(slug, q),
    queryFn: () => api<SpeedometerReport>(workspaceUrl(slug, `/speedometer${speedometerSearch(q)}`)),
    placeholderData: keepPreviousData,
  });
}

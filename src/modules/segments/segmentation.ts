import { type ClusterOptions, clusterCustomers } from "./cluster.ts";
import {
  clusterMeans,
  type Feature,
  type FeatureColumns,
  featureMeans,
  type Standardised,
  standardise,
} from "./features.ts";
import { RFM_SEGMENTS, type RfmResult, type RfmSegment, rfm } from "./rfm.ts";

/** The whole computed segmentation of one workspace's buyers, from their feature columns (pure). */

export type Profile = {
  size: number;
  /** of the customers with a completed order */
  share: number;
  /** raw units (days, orders, minor units, shares, 0–10) */
  means: Record<Feature, number | null>;
  /** mean z-score per clustered feature: how far the segment sits from the whole base, in standard deviations */
  lift: Partial<Record<Feature, number>>;
  /** up to three features with |lift| ≥ 0.3, strongest first */
  distinctive: Array<{ feature: Feature; lift: number }>;
};

export type ComputedSegment = {
  kind: "rfm" | "cluster";
  /** rfm: the segment's key; cluster: its number (1 = largest) */
  key: string;
  name: string;
  profile: Profile;
};

export type Segmentation = {
  n: number;
  base: Record<Feature, number | null>;
  scale: Pick<Standardised, "used" | "mean" | "sd">;
  rfm: RfmResult;
  rfmSegments: ComputedSegment[];
  /** cluster of each customer (null: too few customers to cluster) */
  labels: Uint8Array | null;
  clusters: ComputedSegment[];
  silhouette: Array<{ k: number; silhouette: number }>;
};

const FEATURE_EN: Record<Feature, string> = {
  recency: "days since last order",
  frequency: "orders",
  monetary: "spend",
  discountShare: "discount share",
  channelMix: "channel mix",
  waitTolerance: "wait tolerance",
  complaintRate: "complaint rate",
  nps: "NPS",
  clv: "CLV",
};

export const RFM_NAMES_EN: Record<RfmSegment, string> = {
  champions: "Champions",
  loyal: "Loyal",
  potential_loyalists: "Potential loyalists",
  new: "New",
  promising: "Promising",
  need_attention: "Need attention",
  about_to_sleep: "About to sleep",
  at_risk: "At risk",
  cant_lose: "Can't lose them",
  hibernating: "Hibernating",
  lost: "Lost",
};

/** Profiles of k groups given each row's group, in one pass per feature. */
export function profiles(
  cols: FeatureColumns,
  std: Standardised,
  labels: ArrayLike<number>,
  k: number,
): Profile[] {
  const n = std.matrix.n;
  const d = std.matrix.d;
  const means = clusterMeans(cols, n, labels, k);
  const sizes = new Array<number>(k).fill(0);
  const zs = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    sizes[l]!++;
    for (let t = 0; t < d; t++) zs[l * d + t]! += std.matrix.data[i * d + t]!;
  }
  return sizes.map((size, j) => {
    const lift: Partial<Record<Feature, number>> = {};
    std.used.forEach((f, t) => {
      if (size > 0) lift[f] = zs[j * d + t]! / size;
    });
    const distinctive = Object.entries(lift)
      .map(([feature, v]) => ({ feature: feature as Feature, lift: v }))
      .filter((x) => Math.abs(x.lift) >= 0.3)
      .sort((a, b) => Math.abs(b.lift) - Math.abs(a.lift) || a.feature.localeCompare(b.feature))
      .slice(0, 3);
    return { size, share: n === 0 ? 0 : size / n, means: means[j]!, lift, distinctive };
  });
}

/** "Segment 2: more orders, less discount share" — the English name; the web app names it from `distinctive`. */
export function clusterName(number: number, p: Profile): string {
  const words = p.distinctive
    .slice(0, 2)
    .map((x) => `${x.lift > 0 ? "high" : "low"} ${FEATURE_EN[x.feature]}`);
  return words.length === 0 ? `Segment ${number}` : `Segment ${number}: ${words.join(", ")}`;
}

export function segmentBase(cols: FeatureColumns, n: number, o: ClusterOptions = {}): Segmentation {
  const std = standardise(cols, n);
  const r = rfm({ recencyDays: cols.recency, frequency: cols.frequency, monetary: cols.monetary });
  const rfmProfiles = profiles(cols, std, r.segment, RFM_SEGMENTS.length);
  const rfmSegments = RFM_SEGMENTS.map((key, j) => ({
    kind: "rfm" as const,
    key,
    name: RFM_NAMES_EN[key],
    profile: rfmProfiles[j]!,
  }));
  const outcome = clusterCustomers(std.matrix, o);
  let clusters: ComputedSegment[] = [];
  if (outcome) {
    const ps = profiles(cols, std, outcome.result.labels, outcome.result.k);
    clusters = ps.map((p, j) => ({
      kind: "cluster",
      key: String(j + 1),
      name: clusterName(j + 1, p),
      profile: p,
    }));
  }
  return {
    n,
    base: featureMeans(cols, n),
    scale: { used: std.used, mean: std.mean, sd: std.sd },
    rfm: r,
    rfmSegments,
    labels: outcome?.result.labels ?? null,
    clusters,
    silhouette: outcome?.scores ?? [],
  };
}

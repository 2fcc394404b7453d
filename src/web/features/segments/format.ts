import type { TFunction } from "i18next";
import { formatMoney, formatNumber, type Language } from "../../i18n/index.ts";
import type { Feature, RfmSegment, SegmentView } from "./segments-api.ts";

/** How each measure reads: days and counts as numbers, shares as percentages, money in the currency. */
export function formatFeature(
  f: Feature,
  value: number | null | undefined,
  language: Language,
  currency: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (f) {
    case "recency":
      return formatNumber(value, language, { maximumFractionDigits: 0 });
    case "frequency":
    case "nps":
      return formatNumber(value, language, { maximumFractionDigits: 1 });
    case "monetary":
    case "clv":
      return formatMoney(Math.round(value), currency, language);
    case "discountShare":
    case "waitTolerance":
      return formatNumber(value, language, { style: "percent", maximumFractionDigits: 0 });
    default:
      return formatNumber(value, language, { maximumFractionDigits: 2 });
  }
}

export const formatShare = (value: number | null | undefined, language: Language): string =>
  value === null || value === undefined
    ? "—"
    : formatNumber(value, language, { style: "percent", maximumFractionDigits: 1 });

type T = TFunction;

/** A segment's name in the reader's language: a person's name first, then the RFM name or "Segment 3". */
export function segmentName(s: Pick<SegmentView, "kind" | "code" | "name" | "customName">, t: T): string {
  if (s.customName) return s.customName;
  if (s.kind === "rfm" && s.code?.startsWith("rfm:"))
    return t(`segmentsPage.rfm.${s.code.slice(4) as RfmSegment}`);
  if (s.kind === "cluster" && s.code?.startsWith("cluster:"))
    return t("segmentsPage.clusters.name", { number: s.code.slice(8) });
  return s.name;
}

/** "high orders, low days since last order": what sets a segment apart, from its profile. */
export function distinctive(s: Pick<SegmentView, "profile">, t: T): string {
  return (s.profile?.distinctive ?? [])
    .map((d) =>
      t(d.lift > 0 ? "segmentsPage.lift.high" : "segmentsPage.lift.low", {
        feature: t(`segmentsPage.features.${d.feature}`),
      }),
    )
    .join(", ");
}

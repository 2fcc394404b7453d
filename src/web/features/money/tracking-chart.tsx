import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { useI18n } from "../../i18n/index.ts";
import type { TrackingPoint } from "./money-api.ts";
import { holdoutStart } from "./money-format.ts";
import type { Format } from "./use-format.ts";

const ACTUAL = "#212529"; // gray 9
const PREDICTED = "#3b5bdb"; // indigo 7

/** Cumulative repeat purchases week by week, actual against predicted, the holdout weeks shaded. */
export function TrackingChart({ points, f }: { points: TrackingPoint[]; f: Format }) {
  const { t } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const days = points.map((p) => f.day(p.date));
    const actualName = t("moneyPage.diagnostics.actualLine");
    const predictedName = t("moneyPage.diagnostics.predictedLine");
    const cut = holdoutStart(points);
    const last = points[points.length - 1];
    return {
      animation: false,
      grid: { left: 64, right: 24, top: 40, bottom: 40 },
      legend: { top: 0, data: [actualName, predictedName], textStyle: { color: "#343a40" } },
      tooltip: {
        trigger: "axis",
        formatter: (items: { dataIndex: number }[]) => {
          const p = points[items[0]?.dataIndex ?? 0];
          if (!p) return "";
          return [
            `<b>${f.day(p.date)}</b>${p.phase === "holdout" ? ` · ${t("moneyPage.diagnostics.holdoutTitle")}` : ""}`,
            `${actualName}: <b>${f.count(p.actual)}</b>`,
            `${predictedName}: <b>${f.count(Math.round(p.predicted))}</b>`,
          ].join("<br/>");
        },
      },
      xAxis: { type: "category", data: days, axisLabel: { color: "#495057" } },
      yAxis: { type: "value", axisLabel: { color: "#495057" } },
      series: [
        {
          name: actualName,
          type: "line",
          symbol: "none",
          lineStyle: { width: 2.5, color: ACTUAL },
          itemStyle: { color: ACTUAL },
          data: points.map((p) => p.actual),
          markArea:
            cut && last
              ? {
                  silent: true,
                  itemStyle: { color: "rgba(134,142,150,0.14)" },
                  label: { color: "#343a40", fontSize: 11, position: "insideTopLeft" },
                  data: [
                    [
                      { xAxis: f.day(cut), name: t("moneyPage.diagnostics.holdoutTitle") },
                      { xAxis: f.day(last.date) },
                    ],
                  ],
                }
              : undefined,
        },
        {
          name: predictedName,
          type: "line",
          symbol: "none",
          lineStyle: { width: 2, type: "dashed", color: PREDICTED },
          itemStyle: { color: PREDICTED },
          data: points.map((p) => Math.round(p.predicted * 10) / 10),
        },
      ],
    };
  }, [points, f, t]);
  return <Chart option={option} label={t("moneyPage.diagnostics.trackingLabel")} height={320} />;
}

import { Paper, Text } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { type Dimension, type TrendPoint, useSpeedometer } from "../speedometer/speedometer-api.ts";
import { monthLabel } from "../speedometer/trend-chart.tsx";
import type { Effect } from "./initiatives-api.ts";

/**
 * The needle of the target and of the whole business month by month, with the start marked: the picture
 * behind the before/after numbers. Only for targets the speedometer slices by (location, channel, segment).
 */
export function TargetTrend({
  slug,
  effect,
  targetName,
}: {
  slug: string;
  effect: Effect;
  targetName: string;
}) {
  const { t, language } = useI18n();
  const kind = effect.target.kind;
  const sliceable = kind === "location" || kind === "channel" || kind === "segment";
  const to = effect.after?.to ?? effect.before.to;
  const slice =
    sliceable && effect.target.value ? { dim: kind as Dimension, value: effect.target.value } : undefined;
  const target = useSpeedometer(slug, { to, slice });
  const whole = useSpeedometer(slug, { to });
  const option = useMemo((): EChartsCoreOption | null => {
    const a = target.data?.trend;
    const b = whole.data?.trend;
    if (!a || !b) return null;
    const from = effect.before.from;
    const keep = (p: TrendPoint) => p.month >= from;
    const months = a.filter(keep).map((p) => p.month);
    const fmt = (v: number | null) =>
      v === null ? "—" : formatNumber(v, language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const line = (name: string, points: TrendPoint[], color: string, width: number) => ({
      name,
      type: "line",
      showAllSymbol: true,
      symbolSize: 6,
      lineStyle: { width, color },
      itemStyle: { color },
      data: points.filter(keep).map((p) => (p.cci.enough ? p.cci.value : null)),
      tooltip: { valueFormatter: (v: number | null) => fmt(v) },
    });
    return {
      animation: false,
      legend: { top: 0, textStyle: { color: "#343a40" } },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: {
        type: "category",
        data: months.map((m) => monthLabel(m, language)),
        axisLabel: { color: "#495057" },
      },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { color: "#495057" } },
      series: [
        {
          ...line(targetName, a, "#364fc7", 3),
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: "#212529", type: "dashed" },
            label: { formatter: t("initiativesPage.effect.start"), color: "#212529" },
            data: [{ xAxis: monthLabel(effect.startMonth, language) }],
          },
        },
        line(t("initiativesPage.targets.all"), b, "#868e96", 2),
      ],
    };
  }, [target.data, whole.data, effect, targetName, t, language]);
  if (!sliceable || !option) return null;
  return (
    <Paper withBorder p="sm" radius="md" mb="md" data-testid="effect-trend">
      <Text size="sm" fw={600} mb={4}>
        {t("initiativesPage.effect.trendTitle")}
      </Text>
      <Chart option={option} label={t("initiativesPage.effect.trendLabel")} height={260} />
    </Paper>
  );
}

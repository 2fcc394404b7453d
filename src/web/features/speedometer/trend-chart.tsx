import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { intlLocale } from "../../i18n/format.ts";
import { type Language, useI18n } from "../../i18n/index.ts";
import type { Format } from "./explain.ts";
import { type Change, type ComponentKey, componentKeys, type TrendPoint } from "./speedometer-api.ts";

const UP = "#2b8a3e"; // green 9
const DOWN = "#c92a2a"; // red 9
const colours: Record<ComponentKey | "cci" | "nps", string> = {
  cci: "#364fc7",
  nps: "#e8590c",
  repeat: "#364fc7",
  fullPrice: "#0c8599",
  waitTolerance: "#862e9c",
  referral: "#e67700",
  recovery: "#c2255c",
};

export function monthLabel(month: string, language: Language): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(intlLocale[language], {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A point of a line, with a triangle where the change from the month before is significant at 95%. */
function point(value: number | null, change: Change, colour: string) {
  if (value === null) return null;
  if (change !== "up" && change !== "down") return { value };
  return {
    value,
    symbol: "triangle",
    symbolSize: 13,
    symbolRotate: change === "down" ? 180 : 0,
    itemStyle: { color: change === "up" ? UP : DOWN, borderColor: colour, borderWidth: 1 },
  };
}

function partialArea(trend: readonly TrendPoint[], language: Language, label: string) {
  const partial = trend.filter((p) => p.partial);
  const first = partial[0];
  const last = partial[partial.length - 1];
  if (!first || !last) return undefined;
  return {
    silent: true,
    itemStyle: { color: "rgba(134,142,150,0.12)" },
    label: { color: "#495057", fontSize: 11, position: "insideTop" },
    data: [
      [
        { xAxis: monthLabel(first.month, language), name: label },
        { xAxis: monthLabel(last.month, language) },
      ],
    ],
  };
}

type TrendProps = { trend: TrendPoint[]; f: Format };

/** The needle over 24 months with its 95% band, and what customers said (NPS) on the right-hand axis. */
export function CciTrendChart({ trend, f }: TrendProps) {
  const { t, language } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const months = trend.map((p) => monthLabel(p.month, language));
    const cciName = t("speedometerPage.cci.short");
    const npsName = t("speedometerPage.stated.nps");
    return {
      animation: false,
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      legend: { top: 0, data: [cciName, npsName], textStyle: { color: "#343a40" } },
      tooltip: {
        trigger: "axis",
        formatter: (items: { dataIndex: number }[]) => {
          const p = trend[items[0]?.dataIndex ?? 0];
          if (!p) return "";
          const change = (c: Change) => t(`speedometerPage.change.${c}`);
          return [
            `<b>${monthLabel(p.month, language)}</b>${p.partial ? ` · ${t("speedometerPage.trend.partial")}` : ""}`,
            `${cciName}: <b>${f.score(p.cci.value)}</b> (${f.interval(p.cci.lower, p.cci.upper, f.score)}) · ${change(p.cci.change)}`,
            `${npsName}: <b>${f.signed(p.nps.value)}</b> (n = ${f.count(p.nps.n)}) · ${change(p.nps.change)}`,
          ].join("<br/>");
        },
      },
      xAxis: { type: "category", data: months, axisLabel: { color: "#495057" } },
      yAxis: [
        { type: "value", min: 0, max: 100, name: cciName, axisLabel: { color: "#495057" } },
        {
          type: "value",
          min: -100,
          max: 100,
          name: npsName,
          axisLabel: { color: "#495057" },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: "lower",
          type: "line",
          stack: "band",
          symbol: "none",
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          data: trend.map((p) => p.cci.lower),
          silent: true,
        },
        {
          name: "band",
          type: "line",
          stack: "band",
          symbol: "none",
          lineStyle: { opacity: 0 },
          areaStyle: { color: "rgba(116,143,252,0.25)" },
          data: trend.map((p) =>
            p.cci.lower === null || p.cci.upper === null ? null : p.cci.upper - p.cci.lower,
          ),
          silent: true,
        },
        {
          name: cciName,
          type: "line",
          showAllSymbol: true,
          symbolSize: 6,
          lineStyle: { width: 3, color: colours.cci },
          itemStyle: { color: colours.cci },
          data: trend.map((p) => point(p.cci.value, p.cci.change, colours.cci)),
          markArea: partialArea(trend, language, t("speedometerPage.trend.partial")),
        },
        {
          name: npsName,
          type: "line",
          yAxisIndex: 1,
          showAllSymbol: true,
          symbolSize: 5,
          lineStyle: { width: 2, type: "dashed", color: colours.nps },
          itemStyle: { color: colours.nps },
          data: trend.map((p) => point(p.nps.value, p.nps.change, colours.nps)),
        },
      ],
    };
  }, [trend, f, t, language]);
  return <Chart option={option} label={t("speedometerPage.trend.cciLabel")} height={320} />;
}

/** The five components over 24 months, in percent. */
export function ComponentsTrendChart({ trend, f }: TrendProps) {
  const { t, language } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const name = (k: ComponentKey) => t(`speedometerPage.components.${k}.name`);
    return {
      animation: false,
      grid: { left: 48, right: 24, top: 48, bottom: 32 },
      legend: { top: 0, textStyle: { color: "#343a40" } },
      tooltip: {
        trigger: "axis",
        formatter: (items: { dataIndex: number }[]) => {
          const p = trend[items[0]?.dataIndex ?? 0];
          if (!p) return "";
          return [
            `<b>${monthLabel(p.month, language)}</b>${p.partial ? ` · ${t("speedometerPage.trend.partial")}` : ""}`,
            ...componentKeys.map((k) => {
              const c = p.components[k];
              const v = c.enough ? f.pct(c.value) : t("speedometerPage.notEnough");
              return `${name(k)}: <b>${v}</b> (n = ${f.count(c.n)}) · ${t(`speedometerPage.change.${c.change}`)}`;
            }),
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "category",
        data: trend.map((p) => monthLabel(p.month, language)),
        axisLabel: { color: "#495057" },
      },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { color: "#495057", formatter: "{value}%" } },
      series: componentKeys.map((k) => ({
        name: name(k),
        type: "line",
        showAllSymbol: true,
        symbolSize: 5,
        connectNulls: false,
        lineStyle: { width: 2, color: colours[k] },
        itemStyle: { color: colours[k] },
        data: trend.map((p) => {
          const c = p.components[k];
          return point(c.value === null ? null : Math.round(c.value * 1000) / 10, c.change, colours[k]);
        }),
      })),
    };
  }, [trend, f, t, language]);
  return <Chart option={option} label={t("speedometerPage.trend.componentsLabel")} height={320} />;
}

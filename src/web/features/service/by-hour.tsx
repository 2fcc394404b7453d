import { Text } from "@mantine/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import type { ChannelFigures, ServiceReport } from "./service-api.ts";
import { byHourTable } from "./tables.ts";
import { Card, CsvButton, formatHours } from "./ui.tsx";

const two = (h: number) => String(h).padStart(2, "0");

/** Requests by hour of the day, and how long those written at each hour waited for a first answer. */
export function ByHour({
  report,
  file,
  canExport,
}: {
  report: ServiceReport;
  file: string;
  canExport: boolean;
}) {
  const { t, language } = useI18n();
  const name = (c: ChannelFigures) =>
    c.channel === null ? t("servicePage.times.total") : t(`servicePage.channels.${c.channel}`);
  const hours = report.total.byHour;
  const key = JSON.stringify(hours);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the figures changed
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: "category", data: hours.requests.map((_, h) => `${two(h)}:00`) },
      yAxis: [
        { type: "value", name: t("servicePage.demand.requests"), minInterval: 1 },
        { type: "value", name: t("servicePage.times.hoursAxis"), splitLine: { show: false } },
      ],
      series: [
        {
          type: "bar",
          name: t("servicePage.demand.requests"),
          data: hours.requests,
          color: "#91a7ff",
          tooltip: { valueFormatter: (v: number) => formatNumber(v, language) },
        },
        {
          type: "line",
          yAxisIndex: 1,
          name: t("servicePage.byHour.meanFirst"),
          data: hours.meanFirstResponseHours.map((x) => (x === null ? null : Math.round(x * 10) / 10)),
          color: "#c2255c",
          tooltip: {
            valueFormatter: (v: number | null) => formatHours(typeof v === "number" ? v : null, language),
          },
        },
      ],
    }),
    [key, t, language],
  );
  return (
    <Card testId="by-hour">
      <div className="service-table-head">
        <Text fw={600}>{t("servicePage.byHour.title")}</Text>
        {canExport ? (
          <CsvButton
            table={byHourTable(report, name)}
            file={`${file}-by-hour`}
            label={t("servicePage.byHour.title")}
            testId="csv-by-hour"
          />
        ) : null}
      </div>
      <Text size="sm" c="gray.7">
        {t("servicePage.byHour.text")}
      </Text>
      <Chart option={option} label={t("servicePage.byHour.chart")} height={240} />
    </Card>
  );
}

import { Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { useDrill } from "./drill.tsx";
import { byRequests, slaCounts } from "./figures.ts";
import { useWeekName } from "./filters.tsx";
import type {
  ChannelFigures,
  Proportion,
  RequestCell,
  ServiceFilters,
  ServiceReport,
  SlaPolicy,
} from "./service-api.ts";
import { slaByChannel, slaByLocation, slaByWeek } from "./tables.ts";
import { Card, CsvButton, DrillLink, formatHours, HeadHelp, Section, Share } from "./ui.tsx";

type Props = { report: ServiceReport; slug: string; canExport: boolean };
type SlaRow = {
  key: string;
  name: string;
  requests: number;
  fr: Proportion;
  res: Proportion;
  running?: number;
  cell: RequestCell & ServiceFilters;
};

/** Where we break our own promises: % met per channel, location and week, with the broken ones a click away. */
export function SlaSection({ report, slug, canExport }: Props) {
  const { t } = useI18n();
  const weekName = useWeekName();
  const channelName = (c: ChannelFigures) =>
    c.channel === null ? t("servicePage.times.total") : t(`servicePage.channels.${c.channel}`);
  const file = `service-${slug}-${report.period.from}-${report.period.to}`;
  const channelRows: SlaRow[] = [report.total, ...byRequests(report.channels)].map((c) => ({
    key: c.channel ?? "total",
    name: channelName(c),
    requests: c.requests,
    fr: c.sla.firstResponse,
    res: c.sla.resolution,
    running: c.sla.running,
    cell: c.channel ? { channel: c.channel } : {},
  }));
  const locationRows: SlaRow[] = report.sla.byLocation.map((l) => ({
    key: String(l.location.id),
    name: l.location.name,
    requests: l.requests,
    fr: l.firstResponse,
    res: l.resolution,
    cell: { location: l.location.id },
  }));
  const weekRows: SlaRow[] = report.sla.byWeek.map((w) => ({
    key: w.week,
    name: weekName(w.week),
    requests: w.requests,
    fr: w.firstResponse,
    res: w.resolution,
    cell: { week: w.week },
  }));
  return (
    <Section id="sla" title={t("servicePage.sla.title")} text={<Policies report={report} />}>
      <Card testId="sla-by-channel">
        <div className="service-table-head">
          <Text fw={600}>{t("servicePage.sla.byChannel")}</Text>
          {canExport ? (
            <CsvButton
              table={slaByChannel(report, channelName)}
              file={`${file}-sla-by-channel`}
              label={t("servicePage.sla.byChannel")}
              testId="csv-sla-by-channel"
            />
          ) : null}
        </div>
        <SlaTable
          rows={channelRows}
          first={t("servicePage.col.channel")}
          withRunning
          testId="sla-channel-table"
        />
      </Card>
      {locationRows.length > 0 ? (
        <Card testId="sla-by-location">
          <div className="service-table-head">
            <Text fw={600}>{t("servicePage.sla.byLocation")}</Text>
            {canExport ? (
              <CsvButton
                table={slaByLocation(report)}
                file={`${file}-sla-by-location`}
                label={t("servicePage.sla.byLocation")}
                testId="csv-sla-by-location"
              />
            ) : null}
          </div>
          <SlaTable rows={locationRows} first={t("servicePage.col.location")} testId="sla-location-table" />
        </Card>
      ) : null}
      {weekRows.length > 0 ? (
        <Card testId="sla-by-week">
          <div className="service-table-head">
            <Text fw={600}>{t("servicePage.sla.byWeek")}</Text>
            {canExport ? (
              <CsvButton
                table={slaByWeek(report)}
                file={`${file}-sla-by-week`}
                label={t("servicePage.sla.byWeek")}
                testId="csv-sla-by-week"
              />
            ) : null}
          </div>
          <WeekChart rows={weekRows} />
          <SlaTable rows={weekRows} first={t("servicePage.col.week")} testId="sla-week-table" />
        </Card>
      ) : null}
    </Section>
  );
}

function Policies({ report }: { report: ServiceReport }) {
  const { t, language } = useI18n();
  const target = (minutes: number | null) =>
    minutes === null ? t("servicePage.sla.noTarget") : formatHours(minutes / 60, language);
  const describe = (p: SlaPolicy) =>
    t("servicePage.sla.policy", {
      scope: [
        p.channel ? t(`servicePage.channels.${p.channel}`) : t("servicePage.sla.anyChannel"),
        p.kind ? t(`servicePage.kinds.${p.kind}`) : t("servicePage.sla.anyKind"),
      ].join(", "),
      first: target(p.firstResponseMinutes),
      resolution: target(p.resolutionMinutes),
      clock: t(`servicePage.clock.${p.clock}`).toLowerCase(),
    });
  return (
    <>
      {t("servicePage.sla.text")}{" "}
      {report.sla.source === "default" ? t("servicePage.sla.defaultPolicy") : null}{" "}
      {report.sla.policies.map(describe).join("; ")}.
    </>
  );
}

function SlaTable({
  rows,
  first,
  withRunning = false,
  testId,
}: {
  rows: SlaRow[];
  first: string;
  withRunning?: boolean;
  testId: string;
}) {
  const { t, language } = useI18n();
  const drill = useDrill();
  const open = (r: SlaRow, cell: RequestCell, what: string) =>
    drill({ type: "requests", title: `${r.name}: ${what}`, cell: { ...r.cell, ...cell } });
  const count = (r: SlaRow, n: number, cell: RequestCell, what: string, id: string) =>
    n > 0 ? (
      <DrillLink
        label={t("servicePage.drill.open", { what: `${r.name}: ${what}` })}
        onClick={() => open(r, cell, what)}
        testId={`drill-${testId}-${r.key}-${id}`}
      >
        {formatNumber(n, language)}
      </DrillLink>
    ) : (
      formatNumber(n, language)
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" verticalSpacing="xs" highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{first}</Table.Th>
            <Table.Th className="service-num">{t("servicePage.col.requests")}</Table.Th>
            <Table.Th className="service-num">
              <HeadHelp label={t("servicePage.sla.firstMet")} help={t("servicePage.sla.metHelp")} />
            </Table.Th>
            <Table.Th className="service-num">{t("servicePage.sla.firstBreached")}</Table.Th>
            <Table.Th className="service-num">{t("servicePage.sla.resolutionMet")}</Table.Th>
            <Table.Th className="service-num">{t("servicePage.sla.resolutionBreached")}</Table.Th>
            {withRunning ? (
              <Table.Th className="service-num">
                <HeadHelp label={t("servicePage.sla.running")} help={t("servicePage.sla.runningHelp")} />
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-testid={`${testId}-${r.key}`} fw={r.key === "total" ? 600 : undefined}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td className="service-num">{formatNumber(r.requests, language)}</Table.Td>
              <Table.Td className="service-num">
                <Share p={r.fr} />
              </Table.Td>
              <Table.Td className="service-num">
                {count(
                  r,
                  slaCounts(r.fr).breached,
                  { firstResponseSla: "breached" },
                  t("servicePage.sla.firstBreached"),
                  "fr-breached",
                )}
              </Table.Td>
              <Table.Td className="service-num">
                <Share p={r.res} />
              </Table.Td>
              <Table.Td className="service-num">
                {count(
                  r,
                  slaCounts(r.res).breached,
                  { resolutionSla: "breached" },
                  t("servicePage.sla.resolutionBreached"),
                  "res-breached",
                )}
              </Table.Td>
              {withRunning ? (
                <Table.Td className="service-num">
                  {count(
                    r,
                    r.running ?? 0,
                    { firstResponseSla: "running" },
                    t("servicePage.sla.running"),
                    "running",
                  )}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function WeekChart({ rows }: { rows: SlaRow[] }) {
  const { t, language } = useI18n();
  const key = rows.map((r) => `${r.key}:${r.fr.value}:${r.res.value}`).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the rows changed
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number | null) =>
          typeof v === "number" ? formatNumber(v / 100, language, { style: "percent" }) : "—",
      },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: "category", data: rows.map((r) => r.name) },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [
        {
          type: "line",
          name: t("servicePage.sla.firstMet"),
          data: rows.map((r) => (r.fr.value === null ? null : Math.round(r.fr.value * 1000) / 10)),
          color: "#364fc7",
          connectNulls: false,
        },
        {
          type: "line",
          name: t("servicePage.sla.resolutionMet"),
          data: rows.map((r) => (r.res.value === null ? null : Math.round(r.res.value * 1000) / 10)),
          color: "#c2255c",
          lineStyle: { type: "dashed" },
        },
      ],
    }),
    [key, t, language],
  );
  return <Chart option={option} label={t("servicePage.sla.weekChart")} height={220} />;
}

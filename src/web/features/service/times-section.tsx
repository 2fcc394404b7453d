import { SegmentedControl, Table, Text } from "@mantine/core";
import { useMemo, useState } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { useDrill } from "./drill.tsx";
import { byRequests, monthsEnding } from "./figures.ts";
import { useMonthName } from "./filters.tsx";
import {
  type ChannelFigures,
  type Clock,
  type ServiceFilters,
  type ServiceReport,
  useServiceReports,
} from "./service-api.ts";
import { timesByChannel, timesByLocation, timesByMonth } from "./tables.ts";
import { Card, CsvButton, DrillLink, formatHours, HeadHelp, Section, Share } from "./ui.tsx";

const TREND_MONTHS = 6;

type Props = { report: ServiceReport; filters: ServiceFilters; slug: string; canExport: boolean };

/** How long customers wait for a first answer and for a resolution, per channel, per location, per month. */
export function TimesSection({ report, filters, slug, canExport }: Props) {
  const { t } = useI18n();
  const [clock, setClock] = useState<Clock>("calendar");
  const channelName = (c: ChannelFigures) =>
    c.channel === null ? t("servicePage.times.total") : t(`servicePage.channels.${c.channel}`);
  const file = `service-${slug}-${report.period.from}-${report.period.to}`;
  return (
    <Section
      id="times"
      title={t("servicePage.times.title")}
      text={t("servicePage.times.text")}
      actions={
        <SegmentedControl
          value={clock}
          onChange={(v) => setClock(v as Clock)}
          data={[
            { value: "calendar", label: t("servicePage.clock.calendar") },
            { value: "business", label: t("servicePage.clock.business") },
          ]}
          aria-label={t("servicePage.clock.label")}
          data-testid="clock-switch"
        />
      }
    >
      <Text size="sm" c="gray.7">
        {t(`servicePage.clock.${clock}Help`)} {t("servicePage.times.percentiles")}
      </Text>
      <Card testId="times-by-channel">
        <TableHead
          title={t("servicePage.times.byChannel")}
          csv={
            canExport ? (
              <CsvButton
                table={timesByChannel(report, channelName)}
                file={`${file}-times-by-channel`}
                label={t("servicePage.times.byChannel")}
                testId="csv-times-by-channel"
              />
            ) : null
          }
        />
        <TimesTable
          rows={[report.total, ...byRequests(report.channels)].map((c) => ({
            key: c.channel ?? "total",
            name: channelName(c),
            figures: c,
            drill: c.channel === null ? {} : { channel: c.channel },
          }))}
          clock={clock}
          firstColumn={t("servicePage.col.channel")}
          testId="times-table"
        />
      </Card>
      <LocationTimes
        report={report}
        filters={filters}
        slug={slug}
        clock={clock}
        canExport={canExport}
        file={file}
      />
      <TrendTimes
        report={report}
        filters={filters}
        slug={slug}
        clock={clock}
        canExport={canExport}
        file={file}
      />
    </Section>
  );
}

function TableHead({ title, csv }: { title: string; csv: React.ReactNode }) {
  return (
    <div className="service-table-head">
      <Text fw={600}>{title}</Text>
      {csv}
    </div>
  );
}

type Row = { key: string; name: string; figures: ChannelFigures; drill: ServiceFilters & { month?: string } };

function TimesTable({
  rows,
  clock,
  firstColumn,
  testId,
}: {
  rows: Row[];
  clock: Clock;
  firstColumn: string;
  testId: string;
}) {
  const { t, language } = useI18n();
  const drill = useDrill();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table fz="sm" verticalSpacing="xs" highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{firstColumn}</Table.Th>
            <Table.Th className="service-num">{t("servicePage.col.requests")}</Table.Th>
            <Table.Th className="service-num">{t("servicePage.col.answeredPercent")}</Table.Th>
            <Table.Th className="service-num">
              <HeadHelp label={t("servicePage.times.frMedian")} help={t("servicePage.times.frHelp")} />
            </Table.Th>
            <Table.Th className="service-num">{t("servicePage.times.frP90")}</Table.Th>
            <Table.Th className="service-num">
              <HeadHelp label={t("servicePage.times.resMedian")} help={t("servicePage.times.resHelp")} />
            </Table.Th>
            <Table.Th className="service-num">{t("servicePage.times.resP90")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const fr = r.figures.firstResponse[clock];
            const res = r.figures.resolution[clock];
            return (
              <Table.Tr
                key={r.key}
                data-testid={`${testId}-${r.key}`}
                fw={r.key === "total" ? 600 : undefined}
              >
                <Table.Td>{r.name}</Table.Td>
                <Table.Td className="service-num">
                  <DrillLink
                    label={t("servicePage.drill.open", { what: r.name })}
                    onClick={() => drill({ type: "requests", title: r.name, cell: r.drill })}
                    testId={`drill-${testId}-${r.key}`}
                  >
                    {formatNumber(r.figures.requests, language)}
                  </DrillLink>
                </Table.Td>
                <Table.Td className="service-num">
                  <Share p={r.figures.answered} />
                </Table.Td>
                <Table.Td className="service-num" data-testid={`${testId}-${r.key}-fr`}>
                  {formatHours(fr.median, language)}
                </Table.Td>
                <Table.Td className="service-num">{formatHours(fr.p90, language)}</Table.Td>
                <Table.Td className="service-num">{formatHours(res.median, language)}</Table.Td>
                <Table.Td className="service-num">{formatHours(res.p90, language)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type SubProps = Props & { clock: Clock; file: string };

function LocationTimes({ report, filters, slug, clock, canExport, file }: SubProps) {
  const { t } = useI18n();
  // One report per location (the location filter), unless the page is already filtered to one.
  // Requests with no location (e-mail about nothing in particular) get a row of their own: location 0.
  const locations =
    filters.location === undefined
      ? [...report.locations, { id: 0, name: t("servicePage.filters.noLocation") }]
      : [];
  const list = useMemo(
    () =>
      locations.map((l) => ({ ...filters, from: report.period.from, to: report.period.to, location: l.id })),
    [locations, filters, report.period.from, report.period.to],
  );
  const results = useServiceReports(slug, list, locations.length > 0);
  if (locations.length === 0) return null;
  const rows: Row[] = [];
  locations.forEach((l, i) => {
    const data = results[i]?.data;
    if (data) rows.push({ key: String(l.id), name: l.name, figures: data.total, drill: { location: l.id } });
  });
  const loaded = rows.length === locations.length;
  // The no-location row only when there are such requests.
  const shown = rows.filter((r) => r.key !== "0" || r.figures.requests > 0);
  return (
    <Card testId="times-by-location">
      <TableHead
        title={t("servicePage.times.byLocation")}
        csv={
          canExport && loaded ? (
            <CsvButton
              table={timesByLocation(shown.map((r) => ({ name: r.name, figures: r.figures })))}
              file={`${file}-times-by-location`}
              label={t("servicePage.times.byLocation")}
              testId="csv-times-by-location"
            />
          ) : null
        }
      />
      <TimesTable
        rows={shown}
        clock={clock}
        firstColumn={t("servicePage.col.location")}
        testId="location-table"
      />
    </Card>
  );
}

function TrendTimes({ report, filters, slug, clock, canExport, file }: SubProps) {
  const { t, language } = useI18n();
  const monthName = useMonthName();
  const months = useMemo(() => monthsEnding(report.period.to, TREND_MONTHS), [report.period.to]);
  const list = useMemo(() => months.map((m) => ({ ...filters, from: m, to: m })), [months, filters]);
  const results = useServiceReports(slug, list, true);
  const rows: Row[] = [];
  months.forEach((m, i) => {
    const data = results[i]?.data;
    if (data) rows.push({ key: m, name: monthName(m), figures: data.total, drill: { from: m, to: m } });
  });
  const loaded = rows.length === months.length;
  const key = rows
    .map((r) => `${r.key}:${JSON.stringify([r.figures.firstResponse, r.figures.resolution])}`)
    .join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the rows changed
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number | null) => formatHoursPlain(v, language),
      },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      xAxis: { type: "category", data: rows.map((r) => r.name) },
      yAxis: { type: "value", name: t("servicePage.times.hoursAxis"), nameGap: 12 },
      series: [
        {
          type: "line",
          name: t("servicePage.times.frMedian"),
          data: rows.map((r) => round2(r.figures.firstResponse[clock].median)),
          color: "#364fc7",
        },
        {
          type: "line",
          name: t("servicePage.times.resMedian"),
          data: rows.map((r) => round2(r.figures.resolution[clock].median)),
          color: "#c2255c",
          lineStyle: { type: "dashed" },
        },
      ],
    }),
    [key, clock, t, language],
  );
  return (
    <Card testId="times-trend">
      <TableHead
        title={t("servicePage.times.trend", { count: TREND_MONTHS })}
        csv={
          canExport && loaded ? (
            <CsvButton
              table={timesByMonth(
                months.map((m, i) => ({ month: m, figures: results[i]?.data?.total as ChannelFigures })),
              )}
              file={`${file}-times-by-month`}
              label={t("servicePage.times.trend", { count: TREND_MONTHS })}
              testId="csv-times-by-month"
            />
          ) : null
        }
      />
      {loaded ? (
        <>
          <Chart option={option} label={t("servicePage.times.trendChart")} height={240} />
          <TimesTable
            rows={rows}
            clock={clock}
            firstColumn={t("servicePage.col.month")}
            testId="trend-table"
          />
        </>
      ) : null}
    </Card>
  );
}

const round2 = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
function formatHoursPlain(v: number | null, language: "ru" | "uk" | "en") {
  return formatHours(typeof v === "number" ? v : null, language);
}

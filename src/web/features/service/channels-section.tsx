import { SimpleGrid, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { useDrill } from "./drill.tsx";
import { byRequests } from "./figures.ts";
import { useMonthName } from "./filters.tsx";
import type { ServiceReport } from "./service-api.ts";
import { channelShiftTable, timesByChannel, twoChannelTable } from "./tables.ts";
import { Card, CsvButton, DrillLink, formatHours, formatShare, HeadHelp, Section, Share } from "./ui.tsx";

type Props = { report: ServiceReport; slug: string; canExport: boolean };

const palette = [
  "#364fc7",
  "#c2255c",
  "#2b8a3e",
  "#e67700",
  "#5f3dc4",
  "#0b7285",
  "#862e9c",
  "#495057",
  "#a61e4d",
  "#1864ab",
];

/** Which channels customers use, which we answer and how fast, how that shifts, and who had to try twice. */
export function ChannelsSection({ report, slug, canExport }: Props) {
  const { t, language } = useI18n();
  const drill = useDrill();
  const monthName = useMonthName();
  const name = (c: string) => t(`servicePage.channels.${c}` as "servicePage.channels.email");
  const file = `service-${slug}-${report.period.from}-${report.period.to}`;
  const list = byRequests(report.channels);
  const total = report.total.requests;
  const shift = report.channelShift;
  const shiftKey = JSON.stringify(shift);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the figures changed
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: "axis",
        valueFormatter: (v: number | null) =>
          typeof v === "number"
            ? formatNumber(v / 100, language, { style: "percent", maximumFractionDigits: 1 })
            : "—",
      },
      legend: { top: 0, type: "scroll" },
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      xAxis: { type: "category", data: shift.months.map(monthName) },
      yAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
      series: shift.channels.map((c, i) => ({
        type: "line",
        name: name(c.channel),
        data: c.shares.map((s) => (s === null ? null : Math.round(s * 1000) / 10)),
        color: palette[i % palette.length],
      })),
    }),
    [shiftKey, language, t],
  );
  return (
    <Section id="channels" title={t("servicePage.chan.title")} text={t("servicePage.chan.text")}>
      <Card testId="channels-usage">
        <div className="service-table-head">
          <Text fw={600}>{t("servicePage.chan.usage")}</Text>
          {canExport ? (
            <CsvButton
              table={timesByChannel(report, (c) =>
                c.channel ? name(c.channel) : t("servicePage.times.total"),
              )}
              file={`${file}-channels`}
              label={t("servicePage.chan.usage")}
              testId="csv-channels"
            />
          ) : null}
        </div>
        {list.length === 0 ? (
          <Text size="sm">{t("servicePage.empty.noRequests")}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table fz="sm" verticalSpacing="xs" highlightOnHover data-testid="channels-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("servicePage.col.channel")}</Table.Th>
                  <Table.Th className="service-num">{t("servicePage.col.requests")}</Table.Th>
                  <Table.Th className="service-num">{t("servicePage.chan.shareOfAll")}</Table.Th>
                  <Table.Th className="service-num">
                    <HeadHelp
                      label={t("servicePage.col.answeredPercent")}
                      help={t("servicePage.chan.answeredHelp")}
                    />
                  </Table.Th>
                  <Table.Th className="service-num">{t("servicePage.chan.unanswered")}</Table.Th>
                  <Table.Th className="service-num">{t("servicePage.times.frMedian")}</Table.Th>
                  <Table.Th className="service-num">{t("servicePage.chan.insideHours")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((c) => {
                  const channel = c.channel ?? "other";
                  const unanswered = c.answered.denominator - c.answered.numerator;
                  return (
                    <Table.Tr key={channel} data-testid={`channels-table-${channel}`}>
                      <Table.Td>{name(channel)}</Table.Td>
                      <Table.Td className="service-num">{formatNumber(c.requests, language)}</Table.Td>
                      <Table.Td className="service-num">
                        {formatShare(total > 0 ? c.requests / total : null, language)}
                      </Table.Td>
                      <Table.Td className="service-num">
                        <Share p={c.answered} />
                      </Table.Td>
                      <Table.Td className="service-num">
                        {unanswered > 0 ? (
                          <DrillLink
                            label={t("servicePage.drill.open", {
                              what: `${name(channel)}: ${t("servicePage.chan.unanswered")}`,
                            })}
                            onClick={() =>
                              drill({
                                type: "requests",
                                title: `${name(channel)}: ${t("servicePage.chan.unanswered")}`,
                                cell: { channel, answered: false },
                              })
                            }
                          >
                            {formatNumber(unanswered, language)}
                          </DrillLink>
                        ) : (
                          formatNumber(0, language)
                        )}
                      </Table.Td>
                      <Table.Td className="service-num">
                        {formatHours(c.firstResponse.calendar.median, language)}
                      </Table.Td>
                      <Table.Td className="service-num">
                        <Share p={c.insideHours} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      <Card testId="channel-shift">
        <div className="service-table-head">
          <Text fw={600}>{t("servicePage.chan.shift")}</Text>
          {canExport ? (
            <CsvButton
              table={channelShiftTable(report, name)}
              file={`${file}-channel-shift`}
              label={t("servicePage.chan.shift")}
              testId="csv-channel-shift"
            />
          ) : null}
        </div>
        <Text size="sm" c="gray.7">
          {t("servicePage.chan.shiftText")}
        </Text>
        <Chart option={option} label={t("servicePage.chan.shiftChart")} height={260} />
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" verticalSpacing="xs" data-testid="shift-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("servicePage.col.channel")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.chan.firstShare")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.chan.lastShare")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.chan.change")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shift.channels.map((c) => (
                <Table.Tr key={c.channel}>
                  <Table.Td>{name(c.channel)}</Table.Td>
                  <Table.Td className="service-num">{formatShare(c.firstShare, language)}</Table.Td>
                  <Table.Td className="service-num">{formatShare(c.lastShare, language)}</Table.Td>
                  <Table.Td className="service-num">
                    {c.changePoints === null
                      ? "—"
                      : t("servicePage.chan.points", {
                          value: formatNumber(c.changePoints, language, {
                            maximumFractionDigits: 1,
                            signDisplay: "exceptZero",
                          }),
                        })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      <Card testId="two-channel">
        <div className="service-table-head">
          <Text fw={600}>{t("servicePage.chan.twoTitle")}</Text>
          {canExport && report.twoChannel.pairs.length > 0 ? (
            <CsvButton
              table={twoChannelTable(report, name)}
              file={`${file}-two-channels`}
              label={t("servicePage.chan.twoTitle")}
              testId="csv-two-channel"
            />
          ) : null}
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Text size="sm">
            {report.twoChannel.customers > 0 ? (
              <DrillLink
                label={t("servicePage.drill.open", { what: t("servicePage.chan.twoTitle") })}
                onClick={() =>
                  drill({
                    type: "requests",
                    title: t("servicePage.chan.twoTitle"),
                    cell: { secondChannel: true },
                  })
                }
                testId="drill-two-channel"
              >
                {t("servicePage.chan.twoText", {
                  count: report.twoChannel.customers,
                  formatted: formatNumber(report.twoChannel.customers, language),
                  requests: formatNumber(report.twoChannel.requests, language),
                  hours: report.twoChannel.windowHours,
                })}
              </DrillLink>
            ) : (
              t("servicePage.chan.twoNone", { hours: report.twoChannel.windowHours })
            )}
          </Text>
          {report.twoChannel.pairs.length > 0 ? (
            <Table fz="sm" verticalSpacing={4} data-testid="pairs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("servicePage.col.fromChannel")}</Table.Th>
                  <Table.Th>{t("servicePage.col.toChannel")}</Table.Th>
                  <Table.Th className="service-num">{t("servicePage.col.requests")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.twoChannel.pairs.map((p) => (
                  <Table.Tr key={`${p.from}-${p.to}`}>
                    <Table.Td>{name(p.from)}</Table.Td>
                    <Table.Td>{name(p.to)}</Table.Td>
                    <Table.Td className="service-num">
                      <DrillLink
                        label={t("servicePage.drill.open", {
                          what: t("servicePage.chan.secondIn", { channel: name(p.to) }),
                        })}
                        onClick={() =>
                          drill({
                            type: "requests",
                            // The API narrows second tries by the channel written to, not by the one before.
                            title: t("servicePage.chan.secondIn", { channel: name(p.to) }),
                            cell: { secondChannel: true, channel: p.to },
                          })
                        }
                      >
                        {formatNumber(p.requests, language)}
                      </DrillLink>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </SimpleGrid>
      </Card>
    </Section>
  );
}

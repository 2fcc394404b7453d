import { SimpleGrid, Table, Text } from "@mantine/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { useDrill } from "./drill.tsx";
import type { ServiceReport } from "./service-api.ts";
import { waitBucketsTable, waitDistributionTable } from "./tables.ts";
import { Card, CsvButton, DrillLink, HeadHelp, Section, Share, Stat } from "./ui.tsx";

type Props = { report: ServiceReport; slug: string; canExport: boolean };

/** How long orders make customers wait, and how many cancel after each length of wait. */
export function WaitsSection({ report, slug, canExport }: Props) {
  const { t, language } = useI18n();
  const drill = useDrill();
  const w = report.orderWaits;
  const file = `service-${slug}-${report.period.from}-${report.period.to}`;
  const days = (n: number | null) =>
    n === null ? "—" : formatNumber(n, language, { style: "unit", unit: "day", unitDisplay: "long" });
  // Orders with no wait dwarf the rest; the chart shows the waits only, the table has the 0 row too.
  const waited = w.distribution.filter((d) => d.waitDays > 0);
  const key = JSON.stringify(waited);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key says when the figures changed
  const option = useMemo(
    () => ({
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 40 },
      xAxis: {
        type: "category",
        data: waited.map((d) => String(d.waitDays)),
        name: t("servicePage.waits.daysAxis"),
        nameLocation: "middle",
        nameGap: 26,
      },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          stack: "s",
          name: t("servicePage.orderStatus.completed"),
          data: waited.map((d) => d.completed),
          color: "#2b8a3e",
        },
        {
          type: "bar",
          stack: "s",
          name: t("servicePage.orderStatus.cancelled"),
          data: waited.map((d) => d.cancelled),
          color: "#c92a2a",
        },
        {
          type: "bar",
          stack: "s",
          name: t("servicePage.orderStatus.returned"),
          data: waited.map((d) => d.returned),
          color: "#e67700",
        },
      ],
    }),
    [key, t],
  );
  return (
    <Section
      id="waits"
      title={t("servicePage.waits.title")}
      text={t("servicePage.waits.text")}
      actions={
        canExport ? (
          <>
            <CsvButton
              table={waitDistributionTable(report)}
              file={`${file}-wait-days`}
              label={t("servicePage.waits.distribution")}
              testId="csv-wait-days"
              named
            />
            <CsvButton
              table={waitBucketsTable(report)}
              file={`${file}-wait-cancellation`}
              label={t("servicePage.waits.buckets")}
              testId="csv-wait-buckets"
              named
            />
          </>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Stat
          label={t("servicePage.waits.waited")}
          value={<Share p={w.waited} />}
          hint={t("servicePage.waits.ofOrders", {
            count: w.orders,
            formatted: formatNumber(w.orders, language),
            waited: formatNumber(w.waited.numerator, language),
          })}
          testId="stat-waited"
        />
        <Stat
          label={t("servicePage.waits.median")}
          value={days(w.medianWaitDays)}
          testId="stat-wait-median"
        />
        <Stat label={t("servicePage.waits.p90")} value={days(w.p90WaitDays)} testId="stat-wait-p90" />
      </SimpleGrid>
      {waited.length > 0 ? (
        <Card testId="waits-chart">
          <Text fw={600}>{t("servicePage.waits.distribution")}</Text>
          <Chart option={option} label={t("servicePage.waits.chart")} height={240} />
        </Card>
      ) : null}
      <Card testId="wait-buckets">
        <Text fw={600} mb="xs">
          {t("servicePage.waits.buckets")}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing="xs" highlightOnHover data-testid="buckets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("servicePage.waits.wait")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.col.orders")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.col.cancelled")}</Table.Th>
                <Table.Th className="service-num">
                  <HeadHelp
                    label={t("servicePage.waits.cancelRate")}
                    help={t("servicePage.waits.cancelHelp")}
                  />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.buckets.map((b) => {
                const title = t("servicePage.waits.bucketTitle", { label: b.label });
                return (
                  <Table.Tr key={b.label} data-testid={`bucket-${b.from}`}>
                    <Table.Td>{t("servicePage.waits.bucketDays", { label: b.label })}</Table.Td>
                    <Table.Td className="service-num">
                      {b.orders > 0 ? (
                        <DrillLink
                          label={t("servicePage.drill.open", { what: title })}
                          onClick={() =>
                            drill({
                              type: "orders",
                              title,
                              cell: { waitFrom: b.from, waitTo: b.to ?? undefined },
                            })
                          }
                          testId={`drill-bucket-${b.from}`}
                        >
                          {formatNumber(b.orders, language)}
                        </DrillLink>
                      ) : (
                        formatNumber(0, language)
                      )}
                    </Table.Td>
                    <Table.Td className="service-num">
                      {b.cancellation.numerator > 0 ? (
                        <DrillLink
                          label={t("servicePage.drill.open", {
                            what: `${title}: ${t("servicePage.orderStatus.cancelled")}`,
                          })}
                          onClick={() =>
                            drill({
                              type: "orders",
                              title: `${title}: ${t("servicePage.orderStatus.cancelled")}`,
                              cell: { waitFrom: b.from, waitTo: b.to ?? undefined, status: "cancelled" },
                            })
                          }
                        >
                          {formatNumber(b.cancellation.numerator, language)}
                        </DrillLink>
                      ) : (
                        formatNumber(0, language)
                      )}
                    </Table.Td>
                    <Table.Td className="service-num">
                      <Share p={b.cancellation} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Section>
  );
}

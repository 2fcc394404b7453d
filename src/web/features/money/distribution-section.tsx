import { Button, Group, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useCallback, useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import type { Bucket, MoneyFigures, MoneySettings, Quantiles } from "./money-api.ts";
import { DownloadIcon, InfoTip, Section } from "./parts.tsx";
import type { Format } from "./use-format.ts";

const BAR = "#3b5bdb"; // indigo 7
const quantileKeys = [
  "p10",
  "p25",
  "p50",
  "p75",
  "p90",
  "p99",
  "max",
] as const satisfies readonly (keyof Quantiles)[];

/** Major units for the CSV: what a spreadsheet reader expects, like the server's exports. */
const major = (minor: number, digits: number) => Number((minor / 10 ** digits).toFixed(digits));

type Props = {
  figures: MoneyFigures;
  settings: MoneySettings;
  f: Format;
  slug: string;
  digits: number;
  canExport: boolean;
};

/** How CLV is spread over customers: a histogram of value bands and the percentiles. */
export function DistributionSection({ figures, settings, f, slug, digits, canExport }: Props) {
  const { t } = useI18n();
  const months = settings.horizonMonths;
  const { buckets, quantiles } = figures.distribution;
  const band = useCallback(
    (b: Bucket) =>
      b.to === null
        ? t("moneyPage.distribution.bandOpen", { from: f.moneyShort(b.from) })
        : t("moneyPage.distribution.band", { from: f.moneyShort(b.from), to: f.moneyShort(b.to) }),
    [f, t],
  );
  const option = useMemo((): EChartsCoreOption => {
    const labels = buckets.map(band);
    return {
      animation: false,
      grid: { left: 56, right: 16, top: 28, bottom: 64 },
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (items: { dataIndex: number }[]) => {
          const b = buckets[items[0]?.dataIndex ?? 0];
          if (!b) return "";
          return `<b>${band(b)}</b><br/>${t("moneyPage.distribution.tooltip", {
            customers: f.count(b.customers),
            clv: f.money(b.clv),
          })}`;
        },
      },
      xAxis: {
        type: "category",
        data: labels,
        name: t("moneyPage.distribution.axisValue"),
        nameLocation: "middle",
        nameGap: 48,
        nameTextStyle: { color: "#343a40" },
        axisLabel: { color: "#495057", interval: 0, rotate: labels.length > 8 ? 30 : 0, fontSize: 11 },
      },
      yAxis: {
        type: "value",
        name: t("moneyPage.distribution.axisCustomers"),
        nameTextStyle: { color: "#343a40" },
        axisLabel: { color: "#495057" },
      },
      series: [
        {
          type: "bar",
          name: t("moneyPage.distribution.axisCustomers"),
          data: buckets.map((b) => b.customers),
          itemStyle: { color: BAR, borderRadius: [3, 3, 0, 0] },
          barCategoryGap: "12%",
        },
      ],
    };
  }, [buckets, band, f, t]);

  const exportBands = () => {
    const header = [
      t("moneyPage.distribution.bandColumn"),
      "from",
      "to",
      t("moneyPage.distribution.customersColumn"),
      t("moneyPage.distribution.valueColumn"),
    ];
    const rows = buckets.map((b) => [
      band(b),
      major(b.from, digits),
      b.to === null ? "" : major(b.to, digits),
      b.customers,
      major(b.clv, digits),
    ]);
    downloadCsv(`clv-distribution-${slug}.csv`, toCsv(header, rows));
  };

  return (
    <Section
      id="money-distribution"
      title={t("moneyPage.distribution.title")}
      text={t("moneyPage.distribution.text", { months })}
      actions={
        <>
          <InfoTip text={t("moneyPage.formulas.distribution")} testId="distribution-formula" />
          {canExport && buckets.length > 0 ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<DownloadIcon />}
              onClick={exportBands}
              data-testid="export-distribution"
            >
              {t("moneyPage.exportTable")}
            </Button>
          ) : null}
        </>
      }
    >
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <Paper withBorder p="sm" className="money-wide" data-testid="distribution-chart">
          <Chart option={option} label={t("moneyPage.distribution.chartLabel")} height={320} />
        </Paper>
        <Stack gap="xs">
          <Text fw={600}>{t("moneyPage.distribution.percentiles")}</Text>
          {quantiles ? (
            <Table fz="sm" verticalSpacing={6} data-testid="money-percentiles">
              <Table.Tbody>
                {quantileKeys.map((key) => (
                  <Table.Tr key={key} data-testid={`percentile-${key}`}>
                    <Table.Th scope="row" fw={500}>
                      {t(`moneyPage.distribution.${key}`)}
                    </Table.Th>
                    <Table.Td className="money-num">{f.money(Math.round(quantiles[key]))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text c="dimmed">{t("moneyPage.notEnough")}</Text>
          )}
          {figures.distribution.top20Share === null ? null : (
            <Group gap={4} wrap="nowrap" align="flex-start" data-testid="top20">
              <Text size="sm">
                {t("moneyPage.distribution.top20", { share: f.share(figures.distribution.top20Share) })}
              </Text>
              <InfoTip text={t("moneyPage.formulas.top20")} />
            </Group>
          )}
          <Group gap={4} wrap="nowrap">
            <Text size="sm" c="dimmed">
              {t("moneyPage.distribution.clvFormula")}
            </Text>
            <InfoTip
              text={t("moneyPage.formulas.clv", {
                months,
                margin: f.share(settings.margin),
                rate: f.share(settings.annualDiscountRate),
              })}
            />
          </Group>
        </Stack>
      </SimpleGrid>
    </Section>
  );
}

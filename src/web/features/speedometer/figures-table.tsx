import { Button, Group, Table, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import type { Format } from "./explain.ts";
import { FigureHint } from "./figure-hint.tsx";
import { componentsCsvHeader, componentsCsvRows, trendCsvHeader, trendCsvRows } from "./figures.ts";
import { changeArrow, changeColour } from "./labels.ts";
import type { SpeedometerReport } from "./speedometer-api.ts";

/** Every figure of the page as a table (the gauges' text twin), with the CSV export of it and of the trend. */
export function FiguresTable({
  report: r,
  f,
  canExport,
}: {
  report: SpeedometerReport;
  f: Format;
  canExport: boolean;
}) {
  const { t } = useI18n();
  const file = (what: string) =>
    `speedometer-${what}-${r.workspace.slug}-${r.period.from}-${r.period.to}${r.filter ? `-${r.filter.dim}-${r.filter.value}` : ""}.csv`;
  const rows = [
    {
      key: "cci",
      name: t("speedometerPage.cci.name"),
      value: r.cci.enough ? f.score(r.cci.value) : null,
      interval: f.interval(r.cci.lower, r.cci.upper, f.score),
      n: null as number | null,
      explain: f.cci(r),
      change: r.cci.change,
    },
    ...r.components.map((c) => ({
      key: c.key,
      name: t(`speedometerPage.components.${c.key}.name`),
      value: c.enough ? f.pct(c.value) : null,
      interval: f.interval(c.lower, c.upper, f.pct),
      n: c.n as number | null,
      explain: f.component(c, c.unit),
      change: c.change,
    })),
    {
      key: "nps",
      name: t("speedometerPage.stated.nps"),
      value: r.stated.nps.enough ? f.signed(r.stated.nps.value) : null,
      interval: f.interval(r.stated.nps.lower, r.stated.nps.upper, f.score),
      n: r.stated.nps.n,
      explain: f.nps(r.stated.nps),
      change: r.stated.nps.change,
    },
    {
      key: "csat",
      name: t("speedometerPage.stated.csat"),
      value: r.stated.csat.enough ? f.pct(r.stated.csat.value) : null,
      interval: f.interval(r.stated.csat.lower, r.stated.csat.upper, f.pct),
      n: r.stated.csat.n,
      explain: f.csat(r.stated.csat),
      change: r.stated.csat.change,
    },
    {
      key: "ces",
      name: t("speedometerPage.stated.ces"),
      value: r.stated.ces.enough ? f.score(r.stated.ces.value, 2) : null,
      interval: f.interval(r.stated.ces.lower, r.stated.ces.upper, (v) => f.score(v, 2)),
      n: r.stated.ces.n,
      explain: f.ces(r.stated.ces),
      change: r.stated.ces.change,
    },
  ];
  return (
    <section aria-labelledby="speedo-figures">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={2} fz="lg" id="speedo-figures">
          {t("speedometerPage.table.title")}
        </Title>
        {canExport ? (
          <Group gap="xs">
            <Button
              variant="default"
              size="xs"
              onClick={() => downloadCsv(file("figures"), toCsv(componentsCsvHeader, componentsCsvRows(r)))}
              data-testid="export-figures"
            >
              {t("speedometerPage.table.export")}
            </Button>
            <Button
              variant="default"
              size="xs"
              onClick={() => downloadCsv(file("trend"), toCsv(trendCsvHeader, trendCsvRows(r)))}
              data-testid="export-trend"
            >
              {t("speedometerPage.trend.export")}
            </Button>
          </Group>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" fz="sm" data-testid="figures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("speedometerPage.table.measure")}</Table.Th>
              <Table.Th className="speedo-num">{t("speedometerPage.table.value")}</Table.Th>
              <Table.Th className="speedo-num">{t("speedometerPage.intervalLabel")}</Table.Th>
              <Table.Th className="speedo-num">n</Table.Th>
              <Table.Th>{t("speedometerPage.table.change")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-testid={`figure-row-${row.key}`}>
                <Table.Td fw={row.key === "cci" ? 700 : 400}>{row.name}</Table.Td>
                <Table.Td className="speedo-num">
                  <FigureHint explain={row.explain}>{row.value ?? t("speedometerPage.notEnough")}</FigureHint>
                </Table.Td>
                <Table.Td className="speedo-num">{row.interval}</Table.Td>
                <Table.Td className="speedo-num">{row.n === null ? "—" : f.count(row.n)}</Table.Td>
                <Table.Td>
                  <Text size="sm" c={changeColour(row.change)}>
                    {changeArrow(row.change)} {t(`speedometerPage.change.${row.change}`)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import type { Difference, GroupFigure, MoneyFigures } from "./money-api.ts";
import { capitalize } from "./money-format.ts";
import { DownloadIcon, InfoTip, Section } from "./parts.tsx";
import type { Format } from "./use-format.ts";

const major = (minor: number | null, digits: number) =>
  minor === null ? null : Number((minor / 10 ** digits).toFixed(digits));

type TableProps = {
  id: "nps" | "complaints";
  title: string;
  groups: GroupFigure[];
  differences: Difference[];
  note?: string;
  f: Format;
  slug: string;
  digits: number;
  canExport: boolean;
};

function GroupTable({ id, title, groups, differences, note, f, slug, digits, canExport }: TableProps) {
  const { t } = useI18n();
  const groupLabel = (g: string) =>
    t(`moneyPage.satisfaction.groups.${g}` as "moneyPage.satisfaction.groups.fast");
  const interval = (lower: number | null, upper: number | null) =>
    lower === null || upper === null ? "" : `${f.money(lower)} … ${f.money(upper)}`;
  const exportTable = () => {
    const c = (k: string) =>
      t(`moneyPage.satisfaction.columns.${k}` as "moneyPage.satisfaction.columns.group");
    const header = [
      c("group"),
      c("customers"),
      c("meanClv"),
      "clv_lower",
      "clv_upper",
      c("totalClv"),
      c("meanRevenue"),
      "revenue_12m_lower",
      "revenue_12m_upper",
    ];
    const rows = groups.map((g) => [
      groupLabel(g.group),
      g.customers,
      major(g.clv.mean, digits),
      major(g.clv.lower, digits),
      major(g.clv.upper, digits),
      major(g.clv.total, digits),
      major(g.revenue12m.mean, digits),
      major(g.revenue12m.lower, digits),
      major(g.revenue12m.upper, digits),
    ]);
    downloadCsv(`value-by-${id}-${slug}.csv`, toCsv(header, rows));
  };
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={3} size="h4">
            {title}
          </Title>
          {canExport ? (
            <Button
              variant="default"
              size="xs"
              leftSection={<DownloadIcon />}
              onClick={exportTable}
              data-testid={`export-${id}`}
            >
              {t("moneyPage.exportTable")}
            </Button>
          ) : null}
        </Group>
        <Table.ScrollContainer minWidth={520}>
          <Table fz="sm" verticalSpacing="xs" data-testid={`satisfaction-${id}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("moneyPage.satisfaction.columns.group")}</Table.Th>
                <Table.Th className="money-num">{t("moneyPage.satisfaction.columns.customers")}</Table.Th>
                <Table.Th className="money-num">
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    {t("moneyPage.satisfaction.columns.meanClv")}
                    <InfoTip text={t("moneyPage.formulas.groupMean")} />
                  </Group>
                </Table.Th>
                <Table.Th className="money-num">{t("moneyPage.satisfaction.columns.interval")}</Table.Th>
                <Table.Th className="money-num">
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    {t("moneyPage.satisfaction.columns.meanRevenue")}
                    <InfoTip text={t("moneyPage.formulas.revenue12m")} />
                  </Group>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Table.Tr key={g.group} data-testid={`group-${g.group}`}>
                  <Table.Th scope="row" fw={500}>
                    {groupLabel(g.group)}
                  </Table.Th>
                  <Table.Td className="money-num" data-col="customers">
                    {f.count(g.customers)}
                  </Table.Td>
                  <Table.Td className="money-num" fw={600} data-col="meanClv">
                    {g.clv.mean === null ? (
                      <Text span size="sm" c="dimmed" fs="italic">
                        {t("moneyPage.notEnough")}
                      </Text>
                    ) : (
                      f.money(g.clv.mean)
                    )}
                  </Table.Td>
                  <Table.Td className="money-num" data-col="interval">
                    {interval(g.clv.lower, g.clv.upper)}
                  </Table.Td>
                  <Table.Td className="money-num" data-col="meanRevenue">
                    {g.revenue12m.mean === null ? "" : f.money(g.revenue12m.mean)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {differences.map((d) => (
          <Group key={`${d.of}-${d.versus}`} gap={4} wrap="nowrap" align="flex-start">
            <Text size="sm" data-testid={`difference-${d.of}-${d.versus}`}>
              {capitalize(
                d.enough && d.clv
                  ? t("moneyPage.satisfaction.difference", {
                      of: groupLabel(d.of),
                      versus: groupLabel(d.versus),
                      difference: f.signedMoney(d.clv.estimate),
                      lower: f.signedMoney(d.clv.lower),
                      upper: f.signedMoney(d.clv.upper),
                    })
                  : t("moneyPage.satisfaction.differenceNotEnough", {
                      of: groupLabel(d.of),
                      versus: groupLabel(d.versus),
                    }),
              )}
            </Text>
            <InfoTip text={t("moneyPage.formulas.difference")} />
          </Group>
        ))}
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

type Props = { figures: MoneyFigures; f: Format; slug: string; digits: number; canExport: boolean };

/** Satisfied vs dissatisfied value: by NPS group and by how complaints ended, with 95% intervals. */
export function SatisfactionSection({ figures, f, slug, digits, canExport }: Props) {
  const { t } = useI18n();
  const { nps, complaints } = figures.satisfaction;
  const common = { f, slug, digits, canExport };
  return (
    <Section
      id="money-satisfaction"
      title={t("moneyPage.satisfaction.title")}
      text={t("moneyPage.satisfaction.text")}
    >
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="lg">
        <GroupTable
          id="nps"
          title={t("moneyPage.satisfaction.npsTitle")}
          groups={nps.groups}
          differences={[nps.promotersVsDetractors]}
          {...common}
        />
        <GroupTable
          id="complaints"
          title={t("moneyPage.satisfaction.complaintsTitle")}
          groups={complaints.groups}
          differences={[complaints.fastVsSlow, complaints.fastVsUnresolved]}
          note={
            complaints.fastResolutionHours === null
              ? undefined
              : t("moneyPage.satisfaction.fastThreshold", {
                  hours: f.decimal(complaints.fastResolutionHours),
                  source: t(`moneyPage.satisfaction.thresholdSource.${complaints.thresholdSource}`),
                })
          }
          {...common}
        />
      </SimpleGrid>
    </Section>
  );
}

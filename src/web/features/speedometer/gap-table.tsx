import { Badge, Button, Group, SegmentedControl, Table, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import type { Format } from "./explain.ts";
import { FigureHint } from "./figure-hint.tsx";
import { gapCsvHeader, gapCsvRows, gapOrder } from "./figures.ts";
import { sliceLabel } from "./labels.ts";
import { type Dimension, dimensions, type SpeedometerReport } from "./speedometer-api.ts";

type GapProps = {
  report: SpeedometerReport;
  f: Format;
  canExport: boolean;
  onBy: (by: Dimension) => void;
};

/** The say–do gap: locations (channels, segments) ranked by what customers do and by what they say. */
export function GapTable({ report: r, f, canExport, onBy }: GapProps) {
  const { t } = useI18n();
  const rows = gapOrder(r.gap.rows);
  const dimName = t(`speedometerPage.dimensions.${r.gap.by}.name`);
  return (
    <section aria-labelledby="speedo-gap">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={2} fz="lg" id="speedo-gap">
            {t("speedometerPage.gap.title")}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t("speedometerPage.gap.what")}
          </Text>
        </div>
        <Group gap="xs">
          <SegmentedControl
            value={r.gap.by}
            onChange={(v) => onBy(v as Dimension)}
            data={dimensions.map((d) => ({ value: d, label: t(`speedometerPage.dimensions.${d}.plural`) }))}
            aria-label={t("speedometerPage.gap.by")}
            data-testid="gap-by"
          />
          {canExport ? (
            <Button
              variant="default"
              size="xs"
              disabled={rows.length === 0}
              onClick={() =>
                downloadCsv(
                  `speedometer-gap-${r.gap.by}-${r.workspace.slug}-${r.period.from}-${r.period.to}.csv`,
                  toCsv(gapCsvHeader, gapCsvRows(r)),
                )
              }
              data-testid="export-gap"
            >
              {t("speedometerPage.gap.export")}
            </Button>
          ) : null}
        </Group>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" data-testid="gap-empty">
          {t("speedometerPage.gap.empty")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" fz="sm" data-testid="gap-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{dimName}</Table.Th>
                <Table.Th className="speedo-num">{t("speedometerPage.cci.short")}</Table.Th>
                <Table.Th className="speedo-num">{t("speedometerPage.gap.cciRank")}</Table.Th>
                <Table.Th className="speedo-num">{t("speedometerPage.stated.nps")}</Table.Th>
                <Table.Th className="speedo-num">{t("speedometerPage.gap.npsRank")}</Table.Th>
                <Table.Th>{t("speedometerPage.gap.verdict")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((g) => (
                <Table.Tr
                  key={g.value}
                  className={g.disagree ? "speedo-disagree" : undefined}
                  data-testid={`gap-row-${g.value}`}
                  data-disagree={g.disagree}
                >
                  <Table.Td fw={500}>{sliceLabel(t, r.gap.by, g.value, g.label)}</Table.Td>
                  <Table.Td className="speedo-num">
                    <FigureHint explain={f.gapCci(g)}>
                      {g.cci.enough ? f.score(g.cci.value) : t("speedometerPage.notEnough")}
                    </FigureHint>
                  </Table.Td>
                  <Table.Td className="speedo-num">{g.cciRank === null ? "—" : f.count(g.cciRank)}</Table.Td>
                  <Table.Td className="speedo-num">
                    <FigureHint explain={f.gapNps(g)}>
                      {g.nps.enough ? f.signed(g.nps.value) : t("speedometerPage.notEnough")}
                    </FigureHint>
                  </Table.Td>
                  <Table.Td className="speedo-num">{g.npsRank === null ? "—" : f.count(g.npsRank)}</Table.Td>
                  <Table.Td>
                    {g.disagree ? (
                      <Badge variant="filled" bg="orange.0" c="orange.9" tt="none" radius="sm">
                        {t("speedometerPage.gap.disagree")}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {g.cciRank === null || g.npsRank === null
                          ? t("speedometerPage.gap.cannotCompare")
                          : t("speedometerPage.gap.agree")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

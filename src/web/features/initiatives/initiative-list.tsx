import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import { Tag, type Tone } from "../intake/tag.tsx";
import { type Initiative, type InitiativeStatus, targetOf } from "./initiatives-api.ts";
import { costLabel, targetText } from "./labels.ts";

const statusTone: Record<InitiativeStatus, Tone> = {
  planned: "neutral",
  active: "info",
  done: "good",
  cancelled: "warn",
};

export const listCsvHeader = [
  "id",
  "title",
  "status",
  "kind",
  "lever",
  "target_kind",
  "target",
  "started_at",
  "cost_minor",
  "currency",
  "owner",
] as const;

/** The list as CSV rows; cost in minor units, as the API gives it. */
export function listCsvRows(list: readonly Initiative[]) {
  return list.map((i) => {
    const target = targetOf(i.target);
    return [
      i.id,
      i.title,
      i.status,
      i.kind,
      i.lever,
      target.kind,
      target.value,
      i.startedAt,
      i.cost,
      i.currency,
      i.owner,
    ];
  });
}

type ListProps = {
  list: Initiative[];
  slug: string;
  timeZone: string | undefined;
  canExport: boolean;
};

/** Every pedal pressed, newest first: what, status, kind, target, start, cost, owner. */
export function InitiativeList({ list, slug, timeZone, canExport }: ListProps) {
  const { t, language } = useI18n();
  return (
    <>
      {canExport ? (
        <Group justify="flex-end" mb="xs">
          <Button
            variant="default"
            size="xs"
            onClick={() => downloadCsv(`initiatives-${slug}.csv`, toCsv(listCsvHeader, listCsvRows(list)))}
            data-testid="export-initiatives"
          >
            {t("initiativesPage.list.export")}
          </Button>
        </Group>
      ) : null}
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" fz="sm" highlightOnHover data-testid="initiatives-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("initiativesPage.fields.title")}</Table.Th>
              <Table.Th>{t("initiativesPage.fields.status")}</Table.Th>
              <Table.Th>{t("initiativesPage.fields.kind")}</Table.Th>
              <Table.Th>{t("initiativesPage.list.target")}</Table.Th>
              <Table.Th>{t("initiativesPage.fields.startedAt")}</Table.Th>
              <Table.Th style={{ textAlign: "right" }}>{t("initiativesPage.list.cost")}</Table.Th>
              <Table.Th>{t("initiativesPage.fields.owner")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((i) => (
              <Table.Tr key={i.id} data-testid={`initiative-row-${i.id}`}>
                <Table.Td maw={320}>
                  <Anchor
                    component={Link}
                    to={`${i.id}`}
                    fw={600}
                    size="sm"
                    data-testid={`initiative-link-${i.id}`}
                  >
                    {i.title}
                  </Anchor>
                  {i.lever ? (
                    <Text size="xs" c="dimmed">
                      {i.lever}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Tag tone={statusTone[i.status]}>{t(`initiativesPage.statuses.${i.status}`)}</Tag>
                </Table.Td>
                <Table.Td>{t(`initiativesPage.kinds.${i.kind}`)}</Table.Td>
                <Table.Td maw={240}>{targetText(t, i)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {formatDate(i.startedAt, language, timeZone)}
                </Table.Td>
                <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                  {costLabel(i, language)}
                </Table.Td>
                <Table.Td maw={220}>{i.owner ?? "—"}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

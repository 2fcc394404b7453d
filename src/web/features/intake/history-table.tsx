import { ActionIcon, Anchor, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { errorsCsvUrl, type ImportRun } from "./intake-api.ts";
import { DownloadIcon } from "./run-summary.tsx";
import { Tag } from "./tag.tsx";

const counts = ["read", "inserted", "updated", "unchanged", "rejected"] as const;
// A phone's narrow table keeps what was read, added and rejected; the details hold the rest.
const optional = (key: (typeof counts)[number]) =>
  key === "updated" || key === "unchanged" ? ("sm" as const) : undefined;

function StatusTag({ run }: { run: ImportRun }) {
  const { t, language } = useI18n();
  const percent =
    run.status === "running" && run.totalRows
      ? ` ${formatNumber(Math.min(1, run.read / run.totalRows), language, { style: "percent" })}`
      : "";
  return (
    <Group gap={4} wrap="wrap">
      <Tag tone={run.status === "done" ? "good" : run.status === "failed" ? "bad" : "info"}>
        {t(`intake.statuses.${run.status}`)}
        {percent}
      </Tag>
      {run.dryRun ? <Tag tone="neutral">{t("intake.history.dryRun")}</Tag> : null}
    </Group>
  );
}

type HistoryTableProps = {
  runs: ImportRun[];
  slug: string;
  canExport: boolean;
  timeZone: string | undefined;
  onDetails: (id: number) => void;
};

/** Every import, newest first: when and how, which file as what, its counts, its status, its report. */
export function HistoryTable({ runs, slug, canExport, timeZone, onDetails }: HistoryTableProps) {
  const { t, language } = useI18n();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" fz="sm" highlightOnHover data-testid="history-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("intake.history.started")}</Table.Th>
            <Table.Th>{t("intake.history.file")}</Table.Th>
            {counts.map((key) => (
              <Table.Th key={key} className="intake-num" visibleFrom={optional(key)} maw={110}>
                {t(`intake.counts.${key}`)}
              </Table.Th>
            ))}
            <Table.Th>{t("intake.history.status")}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t("intake.history.actions")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr key={run.id} data-testid={`history-run-${run.id}`}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {formatDateTime(run.startedAt, language, timeZone)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`intake.sources.${run.source}`)}
                </Text>
              </Table.Td>
              <Table.Td miw={140} maw={280}>
                {/* The file's name opens the import's details: its summary and first rejected rows. */}
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={500}
                  ta="left"
                  style={{ overflowWrap: "anywhere" }}
                  onClick={() => onDetails(run.id)}
                  aria-label={t("intake.history.detailsOf", {
                    id: run.id,
                    file: run.fileName ?? t(`intake.sources.${run.source}`),
                  })}
                  data-testid={`history-details-${run.id}`}
                >
                  {run.fileName ?? t(`intake.sources.${run.source}`)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`intake.entities.${run.entity}.name`)}
                </Text>
              </Table.Td>
              {counts.map((key) => (
                <Table.Td
                  key={key}
                  className="intake-num"
                  visibleFrom={optional(key)}
                  c={key === "rejected" && run.rejected > 0 ? "red.9" : undefined}
                  fw={key === "rejected" && run.rejected > 0 ? 600 : undefined}
                >
                  {formatNumber(run[key], language)}
                </Table.Td>
              ))}
              <Table.Td>
                <StatusTag run={run} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {canExport && run.errors + run.warnings > 0 ? (
                    <Tooltip label={t("intake.history.errorsOf", { id: run.id })}>
                      <ActionIcon
                        component="a"
                        href={errorsCsvUrl(slug, run.id)}
                        download={`import-${run.id}-errors.csv`}
                        variant="subtle"
                        color="gray"
                        c="gray.9"
                        aria-label={t("intake.history.errorsOf", { id: run.id })}
                      >
                        <DownloadIcon />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

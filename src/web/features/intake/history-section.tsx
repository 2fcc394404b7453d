import { Button, Group, Modal, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useOverview } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { formatDateTime, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "./csv.ts";
import { HistoryTable } from "./history-table.tsx";
import { useImportRun, useImportRuns } from "./intake-api.ts";
import { DownloadIcon, RunSummary } from "./run-summary.tsx";

type Props = { slug: string; canExport: boolean; timeZone: string | undefined };

const counts = ["read", "inserted", "updated", "unchanged", "rejected"] as const;

/** "2024-05-01 13:05:09" in the workspace's zone: sortable, and every spreadsheet reads it as a date. */
function csvTime(iso: string | null, timeZone: string | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone }).format(
    new Date(iso),
  );
}

function RunDetailsModal({
  slug,
  runId,
  canExport,
  timeZone,
  onClose,
}: {
  slug: string;
  runId: number | undefined;
  canExport: boolean;
  timeZone: string | undefined;
  onClose: () => void;
}) {
  const { t, language } = useI18n();
  const run = useImportRun(slug, runId);
  return (
    <Modal
      opened={runId !== undefined}
      onClose={onClose}
      title={[
        t("intake.history.detailsTitle", { id: runId ?? "" }),
        run.data ? formatDateTime(run.data.startedAt, language, timeZone) : null,
      ]
        .filter(Boolean)
        .join(" · ")}
      size="xl"
      data-testid="run-details"
    >
      {run.isPending ? (
        <Loading />
      ) : run.isError && !run.data ? (
        <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />
      ) : (
        <RunSummary
          run={run.data}
          slug={slug}
          canExport={canExport}
          heading={(text) => (
            <Title order={3} size="h4">
              {text}
            </Title>
          )}
        />
      )}
    </Modal>
  );
}

export function HistorySection({ slug, canExport, timeZone }: Props) {
  const { t } = useI18n();
  const runs = useImportRuns(slug);
  const overview = useOverview(slug);
  const [details, setDetails] = useState<number | undefined>();
  const list = runs.data?.runs ?? [];
  const exportTable = () => {
    const header = [
      t("intake.history.id"),
      t("intake.history.started"),
      t("intake.history.finished"),
      t("intake.history.source"),
      t("intake.history.file"),
      t("intake.history.entity"),
      t("intake.history.status"),
      t("intake.history.dryRun"),
      t("intake.history.total"),
      ...counts.map((key) => t(`intake.counts.${key}`)),
      t("intake.counts.createdCustomers"),
      t("intake.counts.createdLocations"),
      t("intake.counts.errors"),
      t("intake.counts.warnings"),
      t("intake.history.message"),
    ];
    const rows = list.map((run) => [
      run.id,
      csvTime(run.startedAt, timeZone),
      csvTime(run.finishedAt, timeZone),
      t(`intake.sources.${run.source}`),
      run.fileName,
      t(`intake.entities.${run.entity}.name`),
      t(`intake.statuses.${run.status}`),
      run.dryRun ? t("intake.history.yes") : t("intake.history.no"),
      run.totalRows,
      ...counts.map((key) => run[key]),
      run.createdCustomers,
      run.createdLocations,
      run.errors,
      run.warnings,
      run.message,
    ]);
    downloadCsv(
      `imports-${slug}-${csvTime(new Date().toISOString(), timeZone).slice(0, 10)}.csv`,
      toCsv(header, rows),
    );
  };
  const nothingLoaded =
    overview.data !== undefined && Object.values(overview.data.counts).every((count) => count === 0);
  return (
    <Stack gap="md" component="section" aria-labelledby="intake-history">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={2} size="h3" id="intake-history">
            {t("intake.history.title")}
          </Title>
          <Text c="dimmed" size="sm">
            {t("intake.history.text")}
          </Text>
        </div>
        {list.length > 0 && canExport ? (
          <Button
            variant="default"
            size="sm"
            leftSection={<DownloadIcon />}
            onClick={exportTable}
            data-testid="export-history"
          >
            {t("intake.history.export")}
          </Button>
        ) : null}
      </Group>
      {runs.isPending ? (
        <Skeleton h={160} />
      ) : runs.isError ? (
        <ErrorAlert error={runs.error} onRetry={() => void runs.refetch()} />
      ) : list.length === 0 ? (
        nothingLoaded ? (
          <EmptyState title={t("intake.history.emptyTitle")} text={t("intake.history.emptyText")} />
        ) : (
          <EmptyState title={t("intake.history.noImportsTitle")} text={t("intake.history.noImportsText")} />
        )
      ) : (
        <HistoryTable
          runs={list}
          slug={slug}
          canExport={canExport}
          timeZone={timeZone}
          onDetails={setDetails}
        />
      )}
      <RunDetailsModal
        slug={slug}
        runId={details}
        canExport={canExport}
        timeZone={timeZone}
        onClose={() => setDetails(undefined)}
      />
    </Stack>
  );
}

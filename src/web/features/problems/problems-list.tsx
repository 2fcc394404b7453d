import { Button, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDate, formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { DownloadIcon } from "../intake/run-summary.tsx";
import { FilterBar, useFilters } from "./filters.tsx";
import { ReopenedNotices } from "./notices.tsx";
import { problemsCsvUrl, useProblemList, useRecluster } from "./problems-api.ts";
import { ProblemsTable } from "./problems-table.tsx";
import { ReclusterButton, ReclusterStatus } from "./recluster.tsx";
import { canExportProblems, canRecluster, splitTop, todayIn } from "./score.ts";

/** The top 10 problems over the chosen period, the rest below, and what is not sorted into any yet. */
export function ProblemsList() {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const slug = workspace.slug;
  const timeZone = useWorkspaceDetails(slug).data?.timeZone;
  const { filters, search } = useFilters();
  const list = useProblemList(slug, filters);
  const recluster = useRecluster(slug);
  const data = list.data;
  const { top, rest } = splitTop(data?.problems ?? []);
  const today = todayIn(timeZone);
  const actions = (
    <>
      {canExportProblems(workspace.role) && data && data.problems.length > 0 ? (
        <Button
          component="a"
          href={problemsCsvUrl(slug, filters)}
          download
          variant="default"
          leftSection={<DownloadIcon />}
          data-testid="export-problems"
        >
          {t("problemsPage.export")}
        </Button>
      ) : null}
      {canRecluster(workspace.role) ? <ReclusterButton recluster={recluster} /> : null}
    </>
  );
  return (
    <>
      <PageHeader
        name={t("modules.problems.name")}
        title={t("modules.problems.question")}
        description={t("problemsPage.description")}
        actions={actions}
      />
      <Stack gap="lg">
        <ReclusterStatus run={recluster} />
        <ReopenedNotices
          slug={slug}
          timeZone={timeZone}
          linkTo={(id) => `${id}${search}`}
          nameOf={(id) => data?.problems.find((p) => p.id === id)?.displayLabel}
        />
        <FilterBar slug={slug} withDismissed />
        {list.isPending ? (
          <Skeleton h={320} />
        ) : list.isError || !data ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <Text size="sm" c="gray.7" data-testid="window-line">
              {t("problemsPage.window", {
                from: formatDate(data.window.from, language, timeZone),
                to: formatDate(data.window.to, language, timeZone),
              })}
              {" · "}
              <span data-testid="unsorted">
                {t("problemsPage.unsorted", {
                  count: data.unsorted,
                  n: formatNumber(data.unsorted, language),
                })}
              </span>
              {data.lastClustering
                ? ` · ${t("problemsPage.lastClustering", {
                    at: formatDateTime(data.lastClustering.builtAt, language, timeZone),
                    texts: formatNumber(data.lastClustering.texts, language),
                    problems: formatNumber(data.lastClustering.problems, language),
                  })}`
                : ""}
            </Text>
            {data.problems.length === 0 ? (
              <EmptyState
                title={t(
                  data.lastClustering ? "problemsPage.empty.filteredTitle" : "problemsPage.empty.title",
                )}
                text={t(data.lastClustering ? "problemsPage.empty.filteredText" : "problemsPage.empty.text")}
              />
            ) : (
              <>
                <Stack gap="xs" component="section" aria-labelledby="problems-top">
                  <Title order={2} size="h3" id="problems-top">
                    {t("problemsPage.topTitle", { count: top.length })}
                  </Title>
                  <Text size="sm" c="gray.7">
                    {t("problemsPage.formula.line")}
                  </Text>
                  {top.length > 0 ? (
                    <ProblemsTable
                      problems={top}
                      search={search}
                      today={today}
                      testId="top-table"
                      caption={t("problemsPage.topTitle", { count: top.length })}
                    />
                  ) : (
                    <Text>{t("problemsPage.noneRanked")}</Text>
                  )}
                </Stack>
                {rest.length > 0 ? (
                  <Stack gap="xs" component="section" aria-labelledby="problems-rest">
                    <Group justify="space-between">
                      <Title order={2} size="h3" id="problems-rest">
                        {t("problemsPage.restTitle", { count: rest.length })}
                      </Title>
                    </Group>
                    <ProblemsTable
                      problems={rest}
                      search={search}
                      today={today}
                      testId="rest-table"
                      caption={t("problemsPage.restTitle", { count: rest.length })}
                    />
                  </Stack>
                ) : null}
              </>
            )}
          </>
        )}
      </Stack>
    </>
  );
}

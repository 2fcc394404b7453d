import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Link } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { Chart } from "../../components/chart.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDate, formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { segmentName } from "./format.ts";
import { JourneysLink } from "./journey-list.tsx";
import { SegmentTable } from "./segment-table.tsx";
import {
  canEdit,
  canExport,
  canRebuild,
  type SegmentView,
  segmentsCsvUrl,
  useRebuild,
  useSegments,
} from "./segments-api.ts";

function SizesChart({ segments, testId }: { segments: SegmentView[]; testId: string }) {
  const { t, language } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const rows = [...segments].reverse();
    return {
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", axisLabel: { formatter: (v: number) => formatNumber(v, language) } },
      yAxis: { type: "category", data: rows.map((s) => segmentName(s, t)), axisLabel: { color: "#212529" } },
      series: [
        {
          type: "bar",
          name: t("segmentsPage.table.size"),
          data: rows.map((s) => ({
            value: s.size,
            itemStyle: { color: s.isTarget ? "#087f5b" : "#1c7ed6" },
          })),
          label: {
            show: true,
            position: "right",
            color: "#212529",
            formatter: (p: { value: number }) => formatNumber(p.value, language),
          },
        },
      ],
    };
  }, [segments, t, language]);
  return (
    <div data-testid={testId}>
      <Chart
        option={option}
        label={t("segmentsPage.sizesChartLabel")}
        height={Math.max(160, 28 * segments.length + 24)}
      />
    </div>
  );
}

/** The segments list: RFM, behavioural and rule segments with their sizes, profiles and figures. */
export function ListView() {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const report = useSegments(workspace.slug);
  const details = useWorkspaceDetails(workspace.slug);
  const rebuild = useRebuild(workspace.slug);
  const currency = details.data?.currency ?? "UAH";
  const base = workspacePath(workspace.slug, "segments");
  const data = report.data;
  const rfm = data?.segments.filter((s) => s.kind === "rfm") ?? [];
  const clusters = data?.segments.filter((s) => s.kind === "cluster") ?? [];
  const rules = data?.segments.filter((s) => s.kind === "rule" || s.kind === "manual") ?? [];
  const best = data?.run?.silhouette.find((s) => s.k === data.run?.k);
  const hasData = Boolean(data?.run && data.run.customers > 0);
  return (
    <>
      <PageHeader
        name={t("modules.segments.name")}
        title={t("modules.segments.question")}
        description={t("segmentsPage.description")}
        actions={
          <Group gap="xs">
            <JourneysLink />
            {canExport(workspace.role) && hasData ? (
              <Button
                component="a"
                href={segmentsCsvUrl(workspace.slug)}
                download
                variant="default"
                data-testid="export-segments"
              >
                {t("segmentsPage.exportList")}
              </Button>
            ) : null}
            {canRebuild(workspace.role) ? (
              <Button onClick={() => rebuild.mutate()} loading={rebuild.isPending} data-testid="rebuild">
                {rebuild.isPending ? t("segmentsPage.rebuilding") : t("segmentsPage.rebuild")}
              </Button>
            ) : null}
          </Group>
        }
      />
      {rebuild.isError ? <ErrorAlert error={rebuild.error} /> : null}
      {rebuild.isSuccess ? (
        <Alert color="teal" variant="light" mb="md" data-testid="rebuilt">
          {t("segmentsPage.rebuilt", { customers: formatNumber(rebuild.data.customers, language) })}
        </Alert>
      ) : null}
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      ) : !hasData && rules.length === 0 ? (
        <EmptyState
          title={t("segmentsPage.empty.title")}
          text={t("segmentsPage.empty.text")}
          action={
            <Button component={Link} to={workspacePath(workspace.slug, "intake")} variant="default">
              {t("segmentsPage.empty.action")}
            </Button>
          }
        />
      ) : (
        <Stack gap={40} data-testid="segments-list">
          {data?.run ? (
            <Text size="sm" c="gray.7" data-testid="run-info">
              {t("segmentsPage.asOf", {
                customers: formatNumber(data.run.customers, language),
                date: data.run.asOf ? formatDate(data.run.asOf, language) : "—",
                when: formatDateTime(data.run.builtAt, language),
              })}
            </Text>
          ) : null}
          {!canEdit(workspace.role) ? (
            <Text size="sm" c="gray.7">
              {t("segmentsPage.readOnly")}
            </Text>
          ) : null}
          <Stack gap="sm" component="section" aria-labelledby="rfm-title">
            <Title order={2} id="rfm-title" fz="h3">
              {t("segmentsPage.rfm.title")}
            </Title>
            <Text size="sm" maw={760}>
              {t("segmentsPage.rfm.text")}
            </Text>
            <SizesChart segments={rfm} testId="rfm-chart" />
            <SegmentTable segments={rfm} base={base} currency={currency} testId="rfm-table" />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="clusters-title">
            <Title order={2} id="clusters-title" fz="h3">
              {t("segmentsPage.clusters.title")}
            </Title>
            <Text size="sm" maw={760}>
              {t("segmentsPage.clusters.text")}
            </Text>
            {clusters.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("segmentsPage.clusters.none")}
              </Text>
            ) : (
              <>
                {best ? (
                  <Text size="sm" data-testid="silhouette">
                    {t("segmentsPage.clusters.chosen", {
                      k: best.k,
                      score: formatNumber(best.silhouette, language, { maximumFractionDigits: 2 }),
                    })}
                  </Text>
                ) : null}
                <SizesChart segments={clusters} testId="clusters-chart" />
                <SegmentTable
                  segments={clusters}
                  base={base}
                  currency={currency}
                  showProfile
                  testId="clusters-table"
                />
              </>
            )}
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby="rules-title">
            <Group justify="space-between">
              <Title order={2} id="rules-title" fz="h3">
                {t("segmentsPage.rules.title")}
              </Title>
              {canEdit(workspace.role) ? (
                <Button component={Link} to={`${base}/new`} variant="default" data-testid="new-rule">
                  {t("segmentsPage.rules.create")}
                </Button>
              ) : null}
            </Group>
            <Text size="sm" maw={760}>
              {t("segmentsPage.rules.text")}
            </Text>
            {rules.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("segmentsPage.rules.none")}
              </Text>
            ) : (
              <SegmentTable segments={rules} base={base} currency={currency} testId="rules-table" />
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}

import { Alert, Anchor, Badge, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ApiError } from "../../app/api.ts";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { Chart } from "../../components/chart.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDate, formatNumber, useI18n } from "../../i18n/index.ts";
import { Explained, Figure, MoneyValue, percent, StatusTag, useExplain } from "./figures.tsx";
import { FilterBar, useFilters } from "./filters.tsx";
import { MentionsSection, PAGE_SIZE } from "./mentions-section.tsx";
import { ReopenedNotices } from "./notices.tsx";
import { Comments, History, Initiatives, Quotes } from "./problem-activity.tsx";
import { Decisions } from "./problem-decisions.tsx";
import { ManagePanel } from "./problem-manage.tsx";
import { type ProblemDetail, useProblemDetail } from "./problems-api.ts";
import { canExportProblems, canManageProblems, round } from "./score.ts";

const DAY = 86_400_000;

/** One problem: its name and quotes, its figures, who owns it, all its texts, and what was done about it. */
export function ProblemPage() {
  const { id = "" } = useParams();
  // A fresh view per problem: what was chosen for a split on one is not carried to another.
  return <ProblemView key={id} id={Number(id)} />;
}

function ProblemView({ id }: { id: number }) {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const slug = workspace.slug;
  const timeZone = useWorkspaceDetails(slug).data?.timeZone;
  const { filters, source, page, search } = useFilters();
  // The API lists all of a problem's mentions unless given a start: the period's start, fixed when the
  // period is chosen, so the figures match the list's and the mentions are those of the same period.
  const from = useMemo(() => new Date(Date.now() - filters.window * DAY).toISOString(), [filters.window]);
  const query = {
    ...filters,
    dismissed: undefined,
    from,
    source,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
  const detail = useProblemDetail(slug, id, query);
  const [selected, setSelected] = useState<string[]>([]);
  const back = (
    <Anchor component={Link} to={`..${search}`} relative="path" size="sm" data-testid="back-to-list">
      ← {t("problemsPage.back")}
    </Anchor>
  );
  if (!Number.isInteger(id) || id <= 0 || (detail.error instanceof ApiError && detail.error.status === 404))
    return (
      <Stack>
        {back}
        <EmptyState title={t("problemsPage.notFoundTitle")} text={t("problemsPage.notFoundText")} />
      </Stack>
    );
  if (detail.isPending) return <Skeleton h={480} />;
  if (!detail.data) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const p = d.problem;
  const canManage = canManageProblems(workspace.role) && p.mergedInto === null;
  return (
    <>
      {back}
      <PageHeader
        name={t("modules.problems.name")}
        title={p.displayLabel}
        badge={
          <>
            {p.rank > 0 ? (
              <Badge variant="filled" color="indigo.8" data-testid="problem-rank">
                {t("problemsPage.rankBadge", { rank: p.rank })}
              </Badge>
            ) : null}
            <StatusTag status={p.status} />
          </>
        }
        description={
          p.customLabel
            ? t("problemsPage.automaticNameIs", { label: p.label })
            : t("problemsPage.phrasesAre", { phrases: p.phrases.join(" · ") })
        }
      />
      <Stack gap={36}>
        <States detail={d} search={search} />
        <ReopenedNotices slug={slug} problemId={p.id} timeZone={timeZone} nameOf={() => p.displayLabel} />
        <FilterBar slug={slug} withSource />
        <Figures detail={d} />
        <Quotes detail={d} timeZone={timeZone} />
        <ManagePanel slug={slug} detail={d} canManage={canManage} />
        {canManage ? (
          <Decisions
            slug={slug}
            detail={d}
            filters={filters}
            search={search}
            selected={selected}
            onSplit={() => setSelected([])}
          />
        ) : null}
        <MentionsSection
          slug={slug}
          detail={d}
          query={query}
          canManage={canManage}
          canExport={canExportProblems(workspace.role)}
          timeZone={timeZone}
          selected={selected}
          onSelect={setSelected}
        />
        <Initiatives detail={d} timeZone={timeZone} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={36}>
          <Comments slug={slug} detail={d} canManage={canManage} timeZone={timeZone} />
          <History detail={d} search={search} timeZone={timeZone} />
        </SimpleGrid>
      </Stack>
    </>
  );
}

/** Merged away, dismissed, dissolved, reopened: said plainly at the top. */
function States({ detail, search }: { detail: ProblemDetail; search: string }) {
  const { t, language } = useI18n();
  const p = detail.problem;
  const notes: { key: string; text: React.ReactNode }[] = [];
  if (p.mergedInto !== null)
    notes.push({
      key: "merged",
      text: (
        <>
          {t("problemsPage.state.merged")}{" "}
          <Anchor component={Link} to={`../${p.mergedInto}${search}`} relative="path">
            #{p.mergedInto}
          </Anchor>
        </>
      ),
    });
  if (p.dismissed) notes.push({ key: "dismissed", text: t("problemsPage.state.dismissed") });
  if (p.dissolvedAt) notes.push({ key: "dissolved", text: t("problemsPage.state.dissolved") });
  if (p.reopenedAt)
    notes.push({
      key: "reopened",
      text: t("problemsPage.state.reopened", { date: formatDate(p.reopenedAt, language) }),
    });
  if (p.mergedFrom.length > 0)
    notes.push({
      key: "mergedFrom",
      text: t("problemsPage.state.mergedFrom", { names: p.mergedFrom.map((m) => m.label).join("; ") }),
    });
  if (notes.length === 0) return null;
  return (
    <Alert color="gray" variant="light" data-testid="problem-states">
      <Stack gap={4}>
        {notes.map((n) => (
          <Text key={n.key} size="sm" c="gray.9">
            {n.text}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function Figures({ detail }: { detail: ProblemDetail }) {
  const { t, language } = useI18n();
  const explain = useExplain();
  const p = detail.problem;
  const n = (x: number, digits = 2) => formatNumber(round(x, digits), language);
  const months = useMemo(
    () =>
      p.sparkline.map((s) =>
        new Intl.DateTimeFormat(language, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
          new Date(`${s.month}-01T00:00:00Z`),
        ),
      ),
    [p.sparkline, language],
  );
  const option = useMemo(
    () => ({
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: months, axisLabel: { color: "#495057" } },
      yAxis: { type: "value", minInterval: 1, axisLabel: { color: "#495057" } },
      series: [
        {
          type: "bar",
          name: t("problemsPage.figures.perMonth"),
          data: p.sparkline.map((s) => s.mentions),
          itemStyle: { color: "#3b5bdb" },
        },
      ],
    }),
    [months, p.sparkline, t],
  );
  const chartLabel = t("problemsPage.sparkline.label", {
    trend: t(`problemsPage.trend.${p.trend}`),
    months: p.sparkline.map((s, i) => `${months[i]}: ${s.mentions}`).join(", "),
  });
  return (
    <Paper withBorder p="md" data-testid="problem-figures">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
          <Figure label={t("problemsPage.table.customers")} testId="figure-customers">
            <Explained value={n(p.parts.customers)} why={explain.customers(p.parts)} />
          </Figure>
          <Figure label={t("problemsPage.figures.mentions")} testId="figure-mentions">
            {n(p.parts.mentions)}
          </Figure>
          <Figure label={t("problemsPage.table.growth")} testId="figure-growth">
            <Explained value={percent(p.parts.growth, language)} why={explain.growth(p.parts)} />
          </Figure>
          <Figure label={t("problemsPage.table.severity")} testId="figure-severity">
            <Explained value={`×${n(p.parts.severity)}`} why={explain.severity(p.parts)} />
          </Figure>
          <Figure label={t("problemsPage.table.score")} testId="figure-score">
            <Explained value={n(p.parts.score, 1)} why={explain.score(p.parts)} />
          </Figure>
          <Figure label={t("problemsPage.table.money")} testId="figure-money">
            <MoneyValue money={p.money} />
          </Figure>
        </SimpleGrid>
        <div>
          <Title order={2} size="h5" mb={4}>
            {t("problemsPage.figures.chartTitle")}
          </Title>
          <Text size="xs" c="gray.7">
            {t(`problemsPage.trend.${p.trend}`)} ·{" "}
            {t("problemsPage.figures.halves", {
              last: n(p.trendCounts.lastHalfYear),
              before: n(p.trendCounts.halfYearBefore),
            })}
          </Text>
          <Chart option={option} label={chartLabel} height={180} />
        </div>
      </Stack>
    </Paper>
  );
}

import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDateTime, useI18n } from "../../i18n/index.ts";
import { canExport } from "../intake/labels.ts";
import { ComponentCards } from "./component-cards.tsx";
import { makeFormat } from "./explain.ts";
import { FiguresTable } from "./figures-table.tsx";
import { Filters } from "./filters.tsx";
import { GapTable } from "./gap-table.tsx";
import { Headline } from "./headline.tsx";
import { sliceLabel } from "./labels.ts";
import { type Dimension, dimensions, type SpeedometerQuery, useSpeedometer } from "./speedometer-api.ts";
import { CciTrendChart, ComponentsTrendChart, monthLabel } from "./trend-chart.tsx";
import "./speedometer.css";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const isDimension = (v: string | null): v is Dimension =>
  v !== null && (dimensions as readonly string[]).includes(v);

/** The filters live in the address, so a view can be bookmarked and shared. */
function useQueryState(): [SpeedometerQuery, (q: SpeedometerQuery) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo((): SpeedometerQuery => {
    const from = params.get("from");
    const to = params.get("to");
    const by = params.get("by");
    const q: SpeedometerQuery = {};
    if (from && MONTH.test(from)) q.from = from;
    if (to && MONTH.test(to)) q.to = to;
    if (isDimension(by)) q.by = by;
    for (const d of dimensions) {
      const v = params.get(d);
      if (v) {
        q.slice = { dim: d, value: v };
        break;
      }
    }
    return q;
  }, [params]);
  const set = (q: SpeedometerQuery) => {
    const next = new URLSearchParams();
    if (q.from) next.set("from", q.from);
    if (q.to) next.set("to", q.to);
    if (q.by) next.set("by", q.by);
    if (q.slice) next.set(q.slice.dim, q.slice.value);
    setParams(next, { replace: true });
  };
  return [query, set];
}

/** How customers judge the business by what they do: the needle, its five gauges, the trend and the say–do gap. */
export function SpeedometerPage() {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const [query, setQuery] = useQueryState();
  const report = useSpeedometer(workspace.slug, query);
  const r = report.data;
  const f = useMemo(
    () => makeFormat(t, language, r?.workspace.currency ?? "UAH", r?.settings.minSample ?? 30),
    [t, language, r?.workspace.currency, r?.settings.minSample],
  );
  const header = (
    <PageHeader
      name={t("modules.speedometer.name")}
      title={t("modules.speedometer.question")}
      description={t("speedometerPage.description")}
    />
  );
  if (report.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );
  if (report.isError || !r)
    return (
      <>
        {header}
        <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
      </>
    );
  if (r.freshness.lastMonth === null) {
    return (
      <>
        {header}
        <EmptyState title={t("speedometerPage.empty.title")} text={t("speedometerPage.empty.text")} />
      </>
    );
  }
  const scope = r.filter
    ? t("speedometerPage.scopeSlice", {
        dimension: t(`speedometerPage.dimensions.${r.filter.dim}.name`),
        name: sliceLabel(t, r.filter.dim, r.filter.value, r.filter.label),
      })
    : t("speedometerPage.scopeAll");
  const period =
    r.period.from === r.period.to
      ? monthLabel(r.period.from, language)
      : `${monthLabel(r.period.from, language)} – ${monthLabel(r.period.to, language)}`;
  const previous =
    r.period.previousFrom === r.period.previousTo
      ? monthLabel(r.period.previousFrom, language)
      : `${monthLabel(r.period.previousFrom, language)} – ${monthLabel(r.period.previousTo, language)}`;
  return (
    <>
      {header}
      <Stack gap="xl" data-testid="speedometer-page" aria-busy={report.isFetching}>
        <Filters report={r} query={query} onChange={setQuery} />
        <Stack gap={4}>
          <Text size="sm" data-testid="speedo-scope">
            {t("speedometerPage.periodLine", { scope, period, previous, days: r.settings.windowDays })}
          </Text>
          {r.freshness.refreshedAt ? (
            <Text size="xs" c="dimmed">
              {t("speedometerPage.freshness", {
                at: formatDateTime(r.freshness.refreshedAt, language, r.workspace.timeZone),
              })}
            </Text>
          ) : null}
          {r.period.partial ? (
            <Text size="xs" c="dimmed">
              {t("speedometerPage.partialPeriod")}
            </Text>
          ) : null}
        </Stack>
        {r.freshness.needsRebuild ? (
          <Alert color="yellow" variant="light" title={t("speedometerPage.rebuild.title")}>
            <Text size="sm" c="gray.9">
              {t("speedometerPage.rebuild.text")}
            </Text>
          </Alert>
        ) : null}
        <Headline report={r} f={f} />
        <section aria-labelledby="speedo-components">
          <Title order={2} fz="lg" id="speedo-components" mb="xs">
            {t("speedometerPage.componentsTitle")}
          </Title>
          <ComponentCards components={r.components} f={f} minSample={r.settings.minSample} />
        </section>
        <section aria-labelledby="speedo-trend">
          <Title order={2} fz="lg" id="speedo-trend">
            {t("speedometerPage.trend.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t("speedometerPage.trend.what")}
          </Text>
          <Paper withBorder p="sm" radius="md" mb="md" data-testid="trend-cci">
            <CciTrendChart trend={r.trend} f={f} />
          </Paper>
          <Paper withBorder p="sm" radius="md" data-testid="trend-components">
            <ComponentsTrendChart trend={r.trend} f={f} />
          </Paper>
        </section>
        <FiguresTable report={r} f={f} canExport={canExport(workspace.role)} />
        <GapTable
          report={r}
          f={f}
          canExport={canExport(workspace.role)}
          onBy={(by) => setQuery({ ...query, by })}
        />
      </Stack>
    </>
  );
}

import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { ChannelsSection } from "./channels-section.tsx";
import { DemandSection, sourceKey } from "./demand-section.tsx";
import { DrillProvider } from "./drill.tsx";
import { FilterBar, useFilters } from "./filters.tsx";
import { canExport, type ServiceReport, useServiceReport } from "./service-api.ts";
import { SlaSection } from "./sla-section.tsx";
import { TimesSection } from "./times-section.tsx";
import { formatHours, Share, Stat } from "./ui.tsx";
import { Verdicts } from "./verdicts.tsx";
import { WaitsSection } from "./waits-section.tsx";

/** The service report: verdicts, then times, promises, demand against the hours, channels, order waits. */
export function ReportView() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const [filters, setFilters] = useFilters();
  const report = useServiceReport(workspace.slug, filters);
  const mayExport = canExport(workspace.role);
  return (
    <>
      <PageHeader
        name={t("modules.service.name")}
        title={t("modules.service.question")}
        description={t("servicePage.description")}
        actions={
          <Button
            component={Link}
            to={`${workspacePath(workspace.slug, "service")}/settings`}
            variant="default"
            data-testid="open-settings"
          >
            {t("servicePage.settingsLink")}
          </Button>
        }
      />
      {report.isPending ? (
        <Loading />
      ) : report.isError && !report.data ? (
        <Stack gap="md">
          <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />
          {Object.keys(filters).length > 0 ? (
            <Button variant="default" onClick={() => setFilters({})} w="fit-content">
              {t("servicePage.filters.reset")}
            </Button>
          ) : null}
        </Stack>
      ) : report.data ? (
        <DrillProvider slug={workspace.slug} filters={filters} canExport={mayExport}>
          <Body
            report={report.data}
            slug={workspace.slug}
            mayExport={mayExport}
            filters={filters}
            setFilters={setFilters}
            busy={report.isFetching}
          />
        </DrillProvider>
      ) : null}
    </>
  );
}

type BodyProps = {
  report: ServiceReport;
  slug: string;
  mayExport: boolean;
  filters: ReturnType<typeof useFilters>[0];
  setFilters: ReturnType<typeof useFilters>[1];
  busy: boolean;
};

function Body({ report, slug, mayExport, filters, setFilters, busy }: BodyProps) {
  const { t, language } = useI18n();
  const lastMonth = report.channelShift.months[report.channelShift.months.length - 1] ?? report.period.to;
  const total = report.total;
  const fresh = report.freshness;
  return (
    <Stack gap={40} data-testid="service-report" data-busy={busy ? "" : undefined}>
      <Stack gap="sm">
        <FilterBar
          filters={filters}
          onChange={setFilters}
          locations={report.locations}
          period={report.period}
          lastMonth={lastMonth}
        />
        {fresh.stale ? (
          <Alert
            color="yellow"
            variant="light"
            title={t("servicePage.stale.title")}
            data-testid="stale"
            styles={{ title: { color: "var(--mantine-color-black)" } }}
          >
            {t("servicePage.stale.text")}
          </Alert>
        ) : (
          <Text size="xs" c="gray.7" data-testid="freshness">
            {fresh.refreshedAt
              ? t("servicePage.freshness", {
                  when: formatDateTime(fresh.refreshedAt, language, report.workspace.timeZone),
                })
              : t("servicePage.neverComputed")}
            {" · "}
            {t(`servicePage.hoursSource.${sourceKey(report.hours.source)}`)}
          </Text>
        )}
      </Stack>
      {total.requests === 0 && report.orderWaits.orders === 0 ? (
        <EmptyState title={t("servicePage.empty.title")} text={t("servicePage.empty.text")} />
      ) : (
        <>
          <Stack gap="md">
            <Verdicts verdicts={report.verdicts} />
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              <Stat
                label={t("servicePage.summary.requests")}
                value={formatNumber(total.requests, language)}
                testId="summary-requests"
              />
              <Stat
                label={t("servicePage.summary.firstResponse")}
                value={formatHours(total.firstResponse.calendar.median, language)}
                hint={t("servicePage.summary.firstHint", {
                  business: formatHours(total.firstResponse.business.median, language),
                  p90: formatHours(total.firstResponse.calendar.p90, language),
                })}
                testId="summary-first-response"
              />
              <Stat
                label={t("servicePage.summary.resolution")}
                value={formatHours(total.resolution.calendar.median, language)}
                hint={t("servicePage.summary.firstHint", {
                  business: formatHours(total.resolution.business.median, language),
                  p90: formatHours(total.resolution.calendar.p90, language),
                })}
                testId="summary-resolution"
              />
              <Stat
                label={t("servicePage.summary.slaMet")}
                value={<Share p={total.sla.firstResponse} />}
                hint={t("servicePage.summary.slaHint", {
                  running: formatNumber(total.sla.running, language),
                })}
                testId="summary-sla"
              />
            </SimpleGrid>
            {report.percentiles.method === "binned" ? (
              <Text size="xs" c="gray.7">
                {t("servicePage.binned")}
              </Text>
            ) : null}
          </Stack>
          <DemandSection report={report} slug={slug} canExport={mayExport} />
          <TimesSection report={report} filters={filters} slug={slug} canExport={mayExport} />
          <SlaSection report={report} slug={slug} canExport={mayExport} />
          <ChannelsSection report={report} slug={slug} canExport={mayExport} />
          <WaitsSection report={report} slug={slug} canExport={mayExport} />
          <Group>
            <Text size="xs" c="gray.7">
              {t("servicePage.percentilesNote")}
            </Text>
          </Group>
        </>
      )}
    </Stack>
  );
}

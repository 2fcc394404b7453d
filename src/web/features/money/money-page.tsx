import { Button, Group, Stack } from "@mantine/core";
import { Link } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { minorDigits } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.ts";
import { AtRiskSection } from "./at-risk-section.tsx";
import { DiagnosticsSection } from "./diagnostics-section.tsx";
import { DistributionSection } from "./distribution-section.tsx";
import { FitStatus, RefitProgress } from "./fit-status.tsx";
import { canChangeSettings, canExport, canRefit, useMoneySummary, useRefit } from "./money-api.ts";
import { ReadingSection, SummaryCards } from "./overview.tsx";
import { SatisfactionSection } from "./satisfaction-section.tsx";
import { SettingsSection } from "./settings-section.tsx";
import { useFormat } from "./use-format.ts";
import "./money.css";

/** Money: what customers are worth, who is slipping away, what satisfaction is worth, and how sure we are. */
export function MoneyPage() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const slug = workspace.slug;
  const summary = useMoneySummary(slug);
  const refit = useRefit(slug);
  const currency = summary.data?.workspace.currency ?? "UAH";
  const f = useFormat(currency);
  const mayRefit = canRefit(workspace.role);
  const mayExport = canExport(workspace.role);
  const header = (
    <PageHeader
      name={t("modules.money.name")}
      title={t("modules.money.question")}
      description={t("moneyPage.description")}
    />
  );
  if (summary.isPending) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (summary.isError) {
    return (
      <>
        {header}
        <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
      </>
    );
  }
  const { fit, figures, reading, settings } = summary.data;
  const digits = minorDigits(currency);
  if (!fit || !figures) {
    return (
      <>
        {header}
        <Stack gap="lg">
          <EmptyState
            title={t("moneyPage.empty.title")}
            text={t("moneyPage.empty.text")}
            action={
              <Group gap="sm" justify="center">
                <Button component={Link} to={workspacePath(slug, "intake")} variant="default">
                  {t("moneyPage.empty.toIntake")}
                </Button>
                {mayRefit ? (
                  <Button onClick={() => refit.mutate()} loading={refit.isPending} data-testid="first-fit">
                    {t("moneyPage.empty.fit")}
                  </Button>
                ) : null}
              </Group>
            }
          />
          {refit.isPending ? <RefitProgress lastDurationMs={null} /> : null}
          {refit.isError ? <ErrorAlert error={refit.error} /> : null}
        </Stack>
      </>
    );
  }
  return (
    <>
      {header}
      <Stack gap={40}>
        <FitStatus fit={fit} timeZone={summary.data.workspace.timeZone} refit={refit} mayRefit={mayRefit} />
        <SummaryCards fit={fit} figures={figures} f={f} />
        <ReadingSection lines={reading} currency={currency} />
        <DistributionSection
          figures={figures}
          settings={fit.settings}
          f={f}
          slug={slug}
          digits={digits}
          canExport={mayExport}
        />
        {/* The list depends on the fit: a new fit starts it again from its first page. */}
        <AtRiskSection
          key={fit.id}
          slug={slug}
          figures={figures}
          settings={fit.settings}
          f={f}
          canExport={mayExport}
        />
        <SatisfactionSection figures={figures} f={f} slug={slug} digits={digits} canExport={mayExport} />
        <DiagnosticsSection fit={fit} f={f} slug={slug} canExport={mayExport} />
        <SettingsSection
          slug={slug}
          settings={settings}
          mayChange={canChangeSettings(workspace.role)}
          stale={fit.stale}
        />
      </Stack>
    </>
  );
}

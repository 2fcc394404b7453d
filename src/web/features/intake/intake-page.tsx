import { Alert, Stack } from "@mantine/core";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/index.ts";
import { HistorySection } from "./history-section.tsx";
import { ImportWizard } from "./import-wizard.tsx";
import { canExport, canImport } from "./labels.ts";
import "./intake.css";

/** Data & imports: load a file step by step, watch it run, read what was rejected; below, every import so far. */
export function IntakePage() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const timeZone = useWorkspaceDetails(workspace.slug).data?.timeZone;
  const mayImport = canImport(workspace.role);
  const mayExport = canExport(workspace.role);
  return (
    <>
      <PageHeader
        name={t("modules.intake.name")}
        title={t("modules.intake.question")}
        description={t("intake.description")}
      />
      <Stack gap={48}>
        {mayImport ? (
          <ImportWizard slug={workspace.slug} canExport={mayExport} />
        ) : (
          <Alert
            color="gray"
            variant="light"
            title={t("intake.readOnlyTitle")}
            data-testid="intake-read-only"
            styles={{ title: { color: "var(--mantine-color-black)" } }}
          >
            {t("intake.readOnlyText", { role: t(`roles.${workspace.role}`) })}
          </Alert>
        )}
        <HistorySection slug={workspace.slug} canExport={mayExport} timeZone={timeZone} />
      </Stack>
    </>
  );
}

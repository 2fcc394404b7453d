import { Stack } from "@mantine/core";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/index.ts";
import { MembersSection } from "./members-section.tsx";
import { TokensSection } from "./tokens-section.tsx";
import { WorkspaceSection } from "./workspace-section.tsx";

export function SettingsPage() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const details = useWorkspaceDetails(workspace.slug);
  const timeZone = details.data?.timeZone;
  return (
    <>
      <PageHeader name={t("settings.name")} title={t("settings.question")} description={workspace.name} />
      <Stack gap={40}>
        <WorkspaceSection details={details} role={workspace.role} />
        <MembersSection slug={workspace.slug} role={workspace.role} timeZone={timeZone} />
        <TokensSection slug={workspace.slug} role={workspace.role} timeZone={timeZone} />
      </Stack>
    </>
  );
}

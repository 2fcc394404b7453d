import { Button, Stack, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { EmptyState } from "../components/empty-state.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { AuthLayout } from "../features/auth/auth-layout.tsx";
import { useI18n } from "../i18n/index.ts";

/** An unknown address inside a workspace: the shell stays, the page says so. */
export function NotFoundPanel({ home = "/" }: { home?: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader name="404" title={t("notFound.title")} />
      <EmptyState
        title={t("notFound.title")}
        text={t("notFound.text")}
        action={
          <Button component={Link} to={home}>
            {t("notFound.home")}
          </Button>
        }
      />
    </>
  );
}

/** An unknown address outside a workspace, in the signed-out frame (brand and language switcher). */
export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <AuthLayout title={t("notFound.title")}>
      <Stack gap="md" align="flex-start">
        <Text>{t("notFound.text")}</Text>
        <Button component={Link} to="/">
          {t("notFound.home")}
        </Button>
      </Stack>
    </AuthLayout>
  );
}

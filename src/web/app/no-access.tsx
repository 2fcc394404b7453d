import { Button } from "@mantine/core";
import { Link } from "react-router-dom";
import { EmptyState } from "../components/empty-state.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useI18n } from "../i18n/index.ts";
import { homeOf } from "./guards.tsx";
import type { Me } from "./types.ts";

export function NoAccess({ slug, me }: { slug: string; me: Me }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader name={t("workspace.label")} title={t("workspace.noAccessTitle")} />
      <EmptyState
        title={t("workspace.noAccessTitle")}
        text={t("workspace.noAccessText", { slug })}
        action={
          <Button component={Link} to={homeOf(me)}>
            {t("workspace.toFirst")}
          </Button>
        }
      />
    </>
  );
}

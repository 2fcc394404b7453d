import { Badge, Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router-dom";
import { type ModuleKey, workspacePath } from "../app/modules.ts";
import { useI18n } from "../i18n/index.ts";
import { PageHeader } from "./page-header.tsx";

/** The honest page of a module whose issue is not done: its question, what it will show, no fake numbers. */
export function NotBuiltPage({ module }: { module: ModuleKey }) {
  const { t } = useI18n();
  const { ws = "" } = useParams();
  const willShow = [t(`modules.${module}.will1`), t(`modules.${module}.will2`), t(`modules.${module}.will3`)];
  return (
    <>
      <PageHeader
        name={t(`modules.${module}.name`)}
        title={t(`modules.${module}.question`)}
        badge={
          <Badge color="gray" variant="light" data-testid="not-built-badge">
            {t("common.notBuiltYet")}
          </Badge>
        }
      />
      <Paper withBorder p={{ base: "md", sm: "xl" }} maw={760} data-testid="not-built">
        <Stack gap="md">
          <Title order={2} size="h3">
            {t("notBuilt.title")}
          </Title>
          <Text>{t("notBuilt.text")}</Text>
          <Title order={3} size="h5">
            {t("notBuilt.willShow")}
          </Title>
          <List spacing="xs">
            {willShow.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text c="dimmed">{t("notBuilt.meanwhile")}</Text>
          <div>
            <Button component={Link} to={workspacePath(ws)} variant="light">
              {t("notBuilt.toCockpit")}
            </Button>
          </div>
        </Stack>
      </Paper>
    </>
  );
}

import { Button, Center, Stack, Text, Title } from "@mantine/core";
import { useRouteError } from "react-router-dom";
import { useI18n } from "../i18n/index.ts";

/** A render error anywhere: say so plainly and offer a reload, instead of a blank page. */
export function RouteError() {
  const { t } = useI18n();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="100dvh" p="md">
      <Stack align="center" gap="sm" role="alert">
        <Title order={1} size="h2">
          {t("errors.title")}
        </Title>
        <Text>{t("errors.internal")}</Text>
        <Button onClick={() => window.location.reload()}>{t("common.retry")}</Button>
      </Stack>
    </Center>
  );
}

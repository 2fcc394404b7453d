import { Group, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { useI18n } from "../i18n/index.ts";

type PageHeaderProps = {
  /** The question the page answers, in the reader's language: the page's h1. */
  title: string;
  /** A short name for the browser tab and the line above the title (the module's name). */
  name: string;
  description?: ReactNode;
  badge?: ReactNode;
  actions?: ReactNode;
};

export function PageHeader({ title, name, description, badge, actions }: PageHeaderProps) {
  const { t } = useI18n();
  const appName = t("app.name");
  useEffect(() => {
    document.title = `${name} · ${appName}`;
  }, [name, appName]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4} maw={760}>
        <Group gap="xs">
          <Text size="sm" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: "0.04em" }}>
            {name}
          </Text>
          {badge}
        </Group>
        <Title order={1} fz={{ base: 24, sm: 30 }} lh={1.2}>
          {title}
        </Title>
        {description ? (
          <Text c="dimmed" size="md">
            {description}
          </Text>
        ) : null}
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}

import { Anchor, Box, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { type ReactNode, useEffect } from "react";
import { Link } from "react-router-dom";
import { LanguageSwitcher } from "../../components/language-switcher.tsx";
import { Logo } from "../../components/logo.tsx";
import { useI18n } from "../../i18n/index.ts";

/** The frame of the signed-out pages: brand, language switcher, one centred card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const appName = t("app.name");
  useEffect(() => {
    document.title = `${title} · ${appName}`;
  }, [title, appName]);
  return (
    <Box mih="100dvh" bg="gray.0">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <Group justify="space-between" px="md" h={60} component="header">
        <Anchor
          component={Link}
          to="/"
          underline="never"
          c="indigo.8"
          fw={700}
          fz="lg"
          style={{ display: "flex", alignItems: "center", gap: 8 }}
        >
          <Logo />
          {appName}
        </Anchor>
        <LanguageSwitcher />
      </Group>
      <Box component="main" id="main" tabIndex={-1} px="md" py={{ base: "md", sm: 48 }}>
        <Stack maw={440} mx="auto" gap="lg">
          <div>
            <Text c="dimmed" fw={500}>
              {t("app.tagline")}
            </Text>
            <Title order={1} fz={{ base: 26, sm: 30 }}>
              {title}
            </Title>
          </div>
          <Paper withBorder shadow="sm" p={{ base: "md", sm: "xl" }} radius="md">
            {children}
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}

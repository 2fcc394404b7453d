import { Avatar, Group, Menu, Text, UnstyledButton } from "@mantine/core";
import { useNavigate } from "react-router-dom";
import { useI18n } from "../i18n/index.ts";
import { useSignOut } from "./auth.ts";
import type { Me } from "./types.ts";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]?.[0], parts.at(-1)?.[0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

export function UserMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const name = me.user.name || me.user.email;
  return (
    <Menu position="bottom-end" shadow="md" width={240}>
      <Menu.Target>
        <UnstyledButton
          aria-label={t("user.menu", { name })}
          data-testid="user-menu"
          style={{ borderRadius: "var(--mantine-radius-xl)", padding: 2 }}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden="true">
              {initials(name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={160}>
              {name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("user.signedInAs")}</Menu.Label>
        <Text size="sm" px="sm" pb="xs" truncate>
          {me.user.email}
        </Text>
        <Menu.Divider />
        <Menu.Item
          data-testid="sign-out"
          onClick={() => {
            void signOut.mutateAsync().finally(() => navigate("/signin", { replace: true }));
          }}
        >
          {t("user.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

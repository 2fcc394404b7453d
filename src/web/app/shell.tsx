import { Anchor, AppShell, Badge, Burger, Group, NavLink, ScrollArea, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useEffect, useRef } from "react";
import { Link, Outlet, useLocation, useParams } from "react-router-dom";
import { LanguageSwitcher } from "../components/language-switcher.tsx";
import { Logo } from "../components/logo.tsx";
import { WorkspaceSwitcher } from "../components/workspace-switcher.tsx";
import { useI18n } from "../i18n/index.ts";
import { useMe } from "./auth.ts";
import { builtModules, moduleKeys, workspacePath } from "./modules.ts";
import { NoAccess } from "./no-access.tsx";
import { UserMenu } from "./user-menu.tsx";
import { WorkspaceContext } from "./workspace.ts";

/** After a navigation (not the first load) focus moves to <main>, so screen readers start at the new page. */
function useFocusMainOnNavigate(pathname: string) {
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    window.scrollTo(0, 0);
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [pathname]);
}

type NavItemProps = { to: string; label: string; active: boolean; notBuilt?: boolean; onClick: () => void };

function NavItem({ to, label, active, notBuilt, onClick }: NavItemProps) {
  const { t } = useI18n();
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? "page" : undefined}
      onClick={onClick}
      fw={active ? 600 : 400}
      className="nav-link"
      rightSection={
        notBuilt ? (
          <Badge size="xs" variant="light" color="gray" tt="none" fw={500}>
            {t("nav.notBuilt")}
          </Badge>
        ) : null
      }
    />
  );
}

/** The signed-in frame of /w/:ws/…: header, navigation (a burger below the sm breakpoint), main. */
export function WorkspaceShell() {
  const { t } = useI18n();
  const { ws = "" } = useParams();
  const { pathname } = useLocation();
  const me = useMe().data;
  const [opened, { toggle, close }] = useDisclosure(false);
  useFocusMainOnNavigate(pathname);
  if (!me) return null; // RequireAuth renders this only when signed in
  const workspace = me.workspaces.find((w) => w.slug === ws);
  const page = pathname.split("/")[3] ?? "";

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding={{ base: "md", sm: "xl" }}
    >
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t("nav.close") : t("nav.open")}
              aria-expanded={opened}
              aria-controls="navbar"
              data-testid="burger"
            />
            <Anchor
              component={Link}
              to={workspacePath(ws)}
              underline="never"
              c="indigo.8"
              fw={700}
              fz="lg"
              style={{ display: "flex", alignItems: "center", gap: 8 }}
            >
              <Logo />
              {t("app.name")}
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md" truncate maw={260}>
              {workspace?.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar id="navbar" p="md" aria-label={t("nav.label")} data-testid="navbar">
        <AppShell.Section>
          <WorkspaceSwitcher workspaces={me.workspaces} current={ws} onSwitched={close} />
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} my="md" mx="-md" px="md">
          <Stack gap={2}>
            <NavItem to={workspacePath(ws)} label={t("nav.cockpit")} active={page === ""} onClick={close} />
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mt="md" mb={4} px="sm" aria-hidden="true">
              {t("nav.modulesLabel")}
            </Text>
            {moduleKeys.map((key) => (
              <NavItem
                key={key}
                to={workspacePath(ws, key)}
                label={t(`modules.${key}.name`)}
                active={page === key}
                notBuilt={!builtModules[key]}
                onClick={close}
              />
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <NavItem
            to={workspacePath(ws, "settings")}
            label={t("nav.settings")}
            active={page === "settings"}
            onClick={close}
          />
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1}>
        <div style={{ maxWidth: 1180, margin: "0 auto" }}>
          {workspace ? (
            <WorkspaceContext.Provider value={workspace}>
              <Outlet />
            </WorkspaceContext.Provider>
          ) : (
            <NoAccess slug={ws} me={me} />
          )}
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

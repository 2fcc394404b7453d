import { Anchor, Select, Stack } from "@mantine/core";
import { Link, useLocation, useNavigate } from "react-router-dom";
import type { WorkspaceRef } from "../app/types.ts";
import { useI18n } from "../i18n/index.ts";

type WorkspaceSwitcherProps = { workspaces: WorkspaceRef[]; current: string; onSwitched?: () => void };

/** Moves to another workspace, staying on the same page there (settings stay settings). */
export function WorkspaceSwitcher({ workspaces, current, onSwitched }: WorkspaceSwitcherProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const known = workspaces.some((w) => w.slug === current);
  const switchTo = (slug: string | null) => {
    if (!slug || slug === current) return;
    const rest = location.pathname.split("/").slice(3).join("/");
    navigate(`/w/${encodeURIComponent(slug)}${rest ? `/${rest}` : ""}`);
    onSwitched?.();
  };
  return (
    <Stack gap={4}>
      <Select
        label={t("workspace.label")}
        data={workspaces.map((w) => ({
          value: w.slug,
          label: w.isDemo ? `${w.name} (${t("workspace.demo")})` : w.name,
        }))}
        value={known ? current : null}
        onChange={switchTo}
        allowDeselect={false}
        checkIconPosition="right"
        comboboxProps={{ withinPortal: true }}
        data-testid="workspace-switcher"
      />
      <Anchor component={Link} to="/workspaces/new" size="sm" onClick={onSwitched}>
        + {t("workspace.create")}
      </Anchor>
    </Stack>
  );
}

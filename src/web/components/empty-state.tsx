import { EmptyState as MantineEmptyState } from "@mantine/core";
import type { ReactNode } from "react";

type EmptyStateProps = { title: string; text: ReactNode; action?: ReactNode; icon?: ReactNode };

/** What a page shows when there is honestly nothing to show yet, and the way forward. */
export function EmptyState({ title, text, action, icon }: EmptyStateProps) {
  return (
    <MantineEmptyState
      title={title}
      description={text}
      icon={icon ?? <EmptyIcon />}
      withIndicatorBackground
      py="xl"
      px="md"
      style={{ border: "1px dashed var(--mantine-color-gray-4)", borderRadius: "var(--mantine-radius-md)" }}
    >
      {action ? <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions> : null}
    </MantineEmptyState>
  );
}

function EmptyIcon() {
  return (
    <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="4" y="5" width="16" height="14" rx="2" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path
        d="M4 13h4l1.5 2h5L16 13h4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import { ActionIcon, Group, Paper, Stack, Text, Title, Tooltip } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.ts";

/**
 * The formula behind a figure, on hover and on keyboard focus: a small button with a tooltip, so a
 * keyboard or screen-reader user reaches the same text (it is also the button's accessible description).
 */
export function InfoTip({ text, testId }: { text: string; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tooltip label={text} multiline w={340} withArrow events={{ hover: true, focus: true, touch: true }}>
      <ActionIcon
        variant="subtle"
        color="gray"
        c="gray.8"
        size="sm"
        radius="xl"
        aria-label={t("moneyPage.formula")}
        aria-description={text}
        data-testid={testId}
        className="money-info"
      >
        <InfoIcon />
      </ActionIcon>
    </Tooltip>
  );
}

function InfoIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
      <path d="M12 11v6M12 7.5v.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

type StatCardProps = {
  label: string;
  value: string;
  note?: ReactNode;
  formula: string;
  tone?: "warn";
  testId: string;
};

/** One headline figure: what it is, the number, a short note, and its formula on hover. */
export function StatCard({ label, value, note, formula, tone, testId }: StatCardProps) {
  return (
    <Paper
      withBorder
      p="md"
      data-testid={testId}
      className={tone === "warn" ? "money-card money-card-warn" : "money-card"}
    >
      <Stack gap={4}>
        <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
          <Text size="sm" fw={600} c="gray.8">
            {label}
          </Text>
          <InfoTip text={formula} testId={`${testId}-formula`} />
        </Group>
        <Text fw={700} lh={1.15} className="money-figure" data-value>
          {value}
        </Text>
        {note ? (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

type SectionProps = {
  id: string;
  title: string;
  text?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
};

/** A titled part of the page, labelled by its heading for screen readers' landmarks. */
export function Section({ id, title, text, actions, children }: SectionProps) {
  return (
    <Stack gap="md" component="section" aria-labelledby={id} data-testid={id}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {text ? (
            <Text c="dimmed" size="sm" maw={760}>
              {text}
            </Text>
          ) : null}
        </div>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      {children}
    </Stack>
  );
}

export function DownloadIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19h14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

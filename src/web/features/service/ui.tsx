import {
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import type { ReactNode } from "react";
import { formatNumber, type Language, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import { DownloadIcon } from "../intake/run-summary.tsx";
import { splitHours } from "./figures.ts";
import type { Proportion } from "./service-api.ts";
import type { Table } from "./tables.ts";

export function formatHours(hours: number | null, language: Language): string {
  if (hours === null) return "—";
  const { value, unit } = splitHours(hours);
  return formatNumber(value, language, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: 1,
  });
}

export function formatShare(value: number | null, language: Language): string {
  return value === null ? "—" : formatNumber(value, language, { style: "percent", maximumFractionDigits: 0 });
}

/** A share with its interval in the tooltip; "—" with the reason when there are fewer than 30 cases. */
export function Share({ p, testId }: { p: Proportion; testId?: string }) {
  const { t, language } = useI18n();
  const label =
    p.value === null
      ? t("servicePage.share.notEnough", { count: p.denominator })
      : t("servicePage.share.interval", {
          numerator: formatNumber(p.numerator, language),
          denominator: formatNumber(p.denominator, language),
          lower: formatShare(p.lower, language),
          upper: formatShare(p.upper, language),
        });
  return (
    <Tooltip label={label} multiline maw={300} withArrow events={{ hover: true, focus: true, touch: true }}>
      {/* A button so keyboard readers reach the interval too; the hidden text is what a screen reader says. */}
      <UnstyledButton className="service-help" fz="inherit" fw="inherit" data-testid={testId}>
        <span data-share>{formatShare(p.value, language)}</span>
        <VisuallyHidden>{`: ${label}`}</VisuallyHidden>
      </UnstyledButton>
    </Tooltip>
  );
}

/** A section of the page: its question as a heading, an explanation, its CSV buttons and its content. */
export function Section({
  id,
  title,
  text,
  actions,
  children,
}: {
  id: string;
  title: string;
  text?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} data-testid={`section-${id}`}>
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap" gap="xs">
        <Stack gap={2} maw={820}>
          <Title order={2} fz={20} id={`${id}-title`}>
            {title}
          </Title>
          {text ? (
            <Text size="sm" c="gray.7">
              {text}
            </Text>
          ) : null}
        </Stack>
        {actions ? <Group gap="xs">{actions}</Group> : null}
      </Group>
      <Stack gap="md">{children}</Stack>
    </section>
  );
}

export function Card({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      {children}
    </Paper>
  );
}

/** Downloads one table as CSV (UTF-8 with BOM, formulas neutralised); the header in the reader's words. */
export function CsvButton({
  table,
  file,
  label,
  testId,
  named = false,
}: {
  table: Table;
  file: string;
  label: string;
  testId: string;
  /** Say which table on the button itself (where one place offers several). */
  named?: boolean;
}) {
  const { t } = useI18n();
  const save = () =>
    downloadCsv(
      `${file}.csv`,
      toCsv(
        table.columns.map((c) => t(`servicePage.col.${c}` as "servicePage.col.requests")),
        table.rows,
      ),
    );
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<DownloadIcon />}
      onClick={save}
      data-testid={testId}
      aria-label={t("servicePage.csv.of", { table: label })}
    >
      {named ? t("servicePage.csv.named", { table: label }) : t("servicePage.csv.button")}
    </Button>
  );
}

/** A figure that opens the requests behind it. */
export function DrillLink({
  children,
  label,
  onClick,
  testId,
}: {
  children: ReactNode;
  label: string;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <UnstyledButton
      className="service-drill"
      onClick={onClick}
      aria-label={label}
      title={label}
      data-testid={testId}
    >
      {children}
    </UnstyledButton>
  );
}

/** A header (or any label) with an explanation on hover and on keyboard focus. */
export function HeadHelp({ label, help }: { label: string; help: string }) {
  return (
    <Tooltip label={help} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <UnstyledButton className="service-help" fz="inherit" fw="inherit" ta="inherit">
        {label}
        <VisuallyHidden>{`: ${help}`}</VisuallyHidden>
      </UnstyledButton>
    </Tooltip>
  );
}

/** A big number with its caption, for the summary row. */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId}>
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.25} data-value>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="gray.7">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

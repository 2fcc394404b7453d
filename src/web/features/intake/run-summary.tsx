import { Alert, Button, Card, Code, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { errorsCsvUrl, type RunDetails, type RunIssue } from "./intake-api.ts";
import { formatDuration, useIssueText } from "./labels.ts";

const main = ["read", "inserted", "updated", "unchanged", "rejected"] as const;
const more = ["createdCustomers", "createdLocations", "warnings"] as const;

/** How many rejected rows and warnings the summary lists; the report has them all. */
export const SHOWN_ISSUES = 20;

function Stat({ name, value, tone }: { name: string; value: string; tone?: "bad" | "good" }) {
  return (
    <Card withBorder padding="sm" data-testid={`summary-${name}`}>
      <StatLabel name={name} />
      <Text
        fz={{ base: 22, sm: 26 }}
        fw={700}
        lh={1.15}
        c={tone === "bad" ? "red.9" : tone === "good" ? "teal.9" : undefined}
        style={{ fontVariantNumeric: "tabular-nums" }}
        data-value
      >
        {value}
      </Text>
    </Card>
  );
}

function StatLabel({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <Text size="sm" c="dimmed">
      {t(`intake.counts.${name as (typeof main)[number]}`)}
    </Text>
  );
}

function IssueTable({ run, issues, testId }: { run: RunDetails; issues: RunIssue[]; testId: string }) {
  const { t, language } = useI18n();
  const issueText = useIssueText();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" fz="sm" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="intake-num">{t("intake.preview.line")}</Table.Th>
            <Table.Th>{t("intake.summary.column")}</Table.Th>
            <Table.Th>{t("intake.summary.value")}</Table.Th>
            <Table.Th>{t("intake.summary.reason")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.map((issue, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one line may have several issues with the same code
            <Table.Tr key={index}>
              <Table.Td className="intake-num">
                {issue.line !== null
                  ? formatNumber(issue.line, language)
                  : issue.recordIndex !== null
                    ? `#${formatNumber(issue.recordIndex + 1, language)}`
                    : "—"}
              </Table.Td>
              <Table.Td>{issue.column ?? "—"}</Table.Td>
              <Table.Td maw={240} style={{ wordBreak: "break-word" }}>
                {issue.value === null || issue.value === "" ? "—" : <Code>{issue.value}</Code>}
              </Table.Td>
              <Table.Td>{issueText(run.entity, issue.message, issue.code)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type RunSummaryProps = {
  run: RunDetails;
  slug: string;
  canExport: boolean;
  /** The heading element: the wizard's focusable step heading, or a plain one in the history's dialog. */
  heading: (text: string) => ReactNode;
  actions?: ReactNode;
};

export function RunSummary({ run, slug, canExport, heading, actions }: RunSummaryProps) {
  const { t, language } = useI18n();
  const n = (value: number) => formatNumber(value, language);
  const errors = run.issues.filter((i) => i.severity === "error").slice(0, SHOWN_ISSUES);
  const warnings = run.issues.filter((i) => i.severity === "warning").slice(0, SHOWN_ISSUES);
  const file = run.fileName ?? t(`intake.sources.${run.source}`);
  const seconds = run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : null;
  const title =
    run.status === "failed"
      ? t("intake.summary.failedTitle")
      : run.dryRun
        ? t("intake.summary.dryTitle")
        : t("intake.summary.title");
  const hasReport = run.errors + run.warnings > 0;
  return (
    <Stack gap="lg" data-testid="run-summary" data-status={run.status}>
      <div>
        {heading(title)}
        <Text c="dimmed" size="sm" mt={4}>
          {[
            file,
            t(`intake.entities.${run.entity}.name`),
            seconds === null
              ? null
              : seconds < 1
                ? t("intake.summary.tookMoment")
                : t("intake.summary.took", { time: formatDuration(seconds, language) }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </Text>
      </div>
      {run.status === "failed" ? (
        <Alert color="red" variant="light" role="alert" title={t("intake.summary.failedLead")}>
          <Stack gap={6}>
            <Text size="sm">{t("intake.summary.failedText")}</Text>
            {run.message ? <Code block>{run.message}</Code> : null}
          </Stack>
        </Alert>
      ) : null}
      {run.dryRun ? (
        <Alert color="indigo" variant="light" styles={{ message: { color: "var(--mantine-color-black)" } }}>
          {t("intake.summary.dryText")}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        {main.map((key) => (
          <Stat
            key={key}
            name={key}
            value={n(run[key])}
            tone={
              key === "rejected" && run.rejected > 0
                ? "bad"
                : key === "inserted" && run.inserted > 0
                  ? "good"
                  : undefined
            }
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {more.map((key) => (
          <Stat key={key} name={key} value={n(run[key])} />
        ))}
      </SimpleGrid>
      {run.status === "done" && run.rejected === 0 && run.warnings === 0 ? (
        <Text c="teal.9" fw={500}>
          {t("intake.summary.allGood")}
        </Text>
      ) : null}
      {run.dryRun && run.rejected > 0 && errors.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="dry-no-list">
          {t("intake.summary.dryNoList")}
        </Text>
      ) : null}
      {errors.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby={`rejected-${run.id}`}>
          <Title order={3} size="h4" id={`rejected-${run.id}`}>
            {t("intake.summary.rejectedTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {run.errors > errors.length
              ? t("intake.summary.firstShown", { count: errors.length, total: n(run.errors) })
              : t("intake.summary.allShown")}
          </Text>
          <IssueTable run={run} issues={errors} testId="rejected-rows" />
        </Stack>
      ) : null}
      {warnings.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby={`warnings-${run.id}`}>
          <Title order={3} size="h4" id={`warnings-${run.id}`}>
            {t("intake.summary.warningsTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("intake.summary.warningsText")}
          </Text>
          <IssueTable run={run} issues={warnings} testId="warning-rows" />
        </Stack>
      ) : null}
      <Group gap="sm">
        {hasReport && canExport ? (
          <Button
            component="a"
            href={errorsCsvUrl(slug, run.id)}
            download={`import-${run.id}-errors.csv`}
            variant="default"
            leftSection={<DownloadIcon />}
            data-testid="download-errors"
          >
            {t("intake.summary.download")}
          </Button>
        ) : null}
        {actions}
      </Group>
      {hasReport && !canExport ? (
        <Text size="sm" c="dimmed">
          {t("intake.summary.noExport")}
        </Text>
      ) : null}
    </Stack>
  );
}

export function DownloadIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 4v11m0 0-4-4m4 4 4-4M5 19h14"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

import { Group, Paper, Progress, SimpleGrid, Stack, Text } from "@mantine/core";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import type { ImportRun } from "./intake-api.ts";
import { formatDuration } from "./labels.ts";
import { type Pace, pace, type Sample } from "./progress.ts";
import { StepHeading } from "./step-heading.tsx";

const counters = ["inserted", "updated", "unchanged", "rejected"] as const;

/** The live view of a running import: rows read of the total, the pace, the time left, the counts so far. */
export function RunProgress({ run, samples }: { run: ImportRun; samples: readonly Sample[] }) {
  const { t, language } = useI18n();
  const n = (value: number) => formatNumber(value, language);
  const { rowsPerSecond, secondsLeft, percent }: Pace = pace(samples, run.totalRows);
  const file = run.fileName ?? t(`intake.entities.${run.entity}.name`);
  return (
    <Stack gap="lg" data-testid="run-progress">
      <StepHeading>
        {run.dryRun ? t("intake.run.dryTitle", { file }) : t("intake.run.title", { file })}
      </StepHeading>
      <Paper withBorder p={{ base: "md", sm: "lg" }}>
        <Stack gap="sm">
          <Group justify="space-between" align="baseline" gap="xs">
            <Text fw={600} id="run-progress-label">
              {run.totalRows
                ? t("intake.run.rows", { read: n(run.read), total: n(run.totalRows) })
                : t("intake.run.rowsNoTotal", { read: n(run.read) })}
            </Text>
            {percent !== undefined ? (
              <Text fw={700} fz="lg" className="intake-num">
                {formatNumber(percent / 100, language, { style: "percent", maximumFractionDigits: 0 })}
              </Text>
            ) : null}
          </Group>
          <Progress
            value={percent ?? 100}
            size="lg"
            striped
            animated
            aria-labelledby="run-progress-label"
            aria-valuetext={
              percent === undefined ? t("intake.run.rowsNoTotal", { read: n(run.read) }) : undefined
            }
          />
          <Text size="sm" c="dimmed" data-testid="run-pace">
            {run.totalRows && run.read >= run.totalRows
              ? t("intake.run.finishing")
              : [
                  rowsPerSecond !== undefined
                    ? t("intake.run.speed", { rate: formatNumber(Math.round(rowsPerSecond), language) })
                    : t("intake.run.measuring"),
                  secondsLeft !== undefined && secondsLeft > 0
                    ? t("intake.run.eta", { time: formatDuration(secondsLeft, language) })
                    : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
          </Text>
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {counters.map((key) => (
          <div key={key}>
            <Text size="sm" c="dimmed">
              {t(`intake.counts.${key}`)}
            </Text>
            <Text fw={700} fz="lg" className="intake-num" ta="left">
              {n(run[key])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t("intake.run.leave")}
      </Text>
    </Stack>
  );
}

import { Alert, Button, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import type { UseMutationResult } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime, useI18n } from "../../i18n/index.ts";
import { formatDuration } from "../intake/labels.ts";
import type { FitView, MoneySummary } from "./money-api.ts";
import { expectedFitMs, fitProgress } from "./money-format.ts";

export type Refit = UseMutationResult<MoneySummary, Error, void>;

/** Milliseconds since `running` turned true, ticking a few times a second while it is. */
function useElapsed(running: boolean): number {
  const [started, setStarted] = useState<number | undefined>();
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) {
      setStarted(undefined);
      return;
    }
    const start = Date.now();
    setStarted(start);
    setNow(start);
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [running]);
  return started === undefined ? 0 : Math.max(0, now - started);
}

/** A fit running now: time spent against how long the last one took. */
export function RefitProgress({ lastDurationMs }: { lastDurationMs: number | null | undefined }) {
  const { t, language } = useI18n();
  const elapsed = useElapsed(true);
  const expected = expectedFitMs(lastDurationMs);
  const percent = fitProgress(elapsed, expected);
  const seconds = (ms: number) => formatDuration(Math.max(1, Math.round(ms / 1000)), language);
  return (
    <Stack gap={6} data-testid="refit-progress" role="status" aria-live="polite">
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm" id="refit-label">
          {t("moneyPage.fit.refitting")}
        </Text>
        <Text size="sm" c="dimmed">
          {expected === undefined
            ? t("moneyPage.fit.elapsedNoEstimate", { elapsed: seconds(elapsed) })
            : t("moneyPage.fit.elapsed", { elapsed: seconds(elapsed), expected: seconds(expected) })}
        </Text>
      </Group>
      <Progress value={percent ?? 100} striped animated size="md" aria-labelledby="refit-label" />
    </Stack>
  );
}

type Props = { fit: FitView; timeZone: string; refit: Refit; mayRefit: boolean };

/** When the models were fitted, whether the settings changed since, and the way to fit again. */
export function FitStatus({ fit, timeZone, refit, mayRefit }: Props) {
  const { t, language } = useI18n();
  const button = mayRefit ? (
    <Button
      size="sm"
      variant={fit.stale ? "filled" : "default"}
      onClick={() => refit.mutate()}
      loading={refit.isPending}
      data-testid="refit"
    >
      {t("moneyPage.fit.refit")}
    </Button>
  ) : null;
  return (
    <Paper withBorder p="md" data-testid="fit-status" data-fit-id={fit.id} data-stale={fit.stale}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" align="center">
          <div>
            <Text fw={600} data-testid="fitted-at">
              {t("moneyPage.fit.fittedAt", { date: formatDateTime(fit.fittedAt, language, timeZone) })}
            </Text>
            <Text size="sm" c="dimmed">
              {[
                t("moneyPage.fit.asOf", { date: formatDateTime(fit.asOf, language, timeZone) }),
                fit.durationMs
                  ? t("moneyPage.fit.took", {
                      time: formatDuration(Math.max(1, Math.round(fit.durationMs / 1000)), language),
                    })
                  : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </Text>
          </div>
          {fit.stale ? null : button}
        </Group>
        {fit.stale ? (
          <Alert
            color="orange"
            variant="light"
            data-testid="fit-stale"
            styles={{ message: { color: "var(--mantine-color-black)" } }}
          >
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t("moneyPage.fit.stale")}</Text>
              {button}
            </Group>
          </Alert>
        ) : null}
        {refit.isPending ? <RefitProgress lastDurationMs={fit.durationMs} /> : null}
        {refit.isSuccess && !refit.isPending ? (
          <Text size="sm" c="teal.9" role="status" data-testid="refit-done">
            {t("moneyPage.fit.done")}
          </Text>
        ) : null}
        {refit.isError ? <ErrorAlert error={refit.error} /> : null}
        {!mayRefit ? (
          <Text size="sm" c="dimmed">
            {t("moneyPage.fit.readOnly")}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

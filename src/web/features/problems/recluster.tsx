import { Alert, Button, Progress, Stack, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import type { useRecluster } from "./problems-api.ts";

/**
 * "Cluster again now": the server answers when it is done (seconds on a large workspace), so the button
 * shows a running bar with the time so far, then what changed.
 */
export function ReclusterButton({ recluster }: { recluster: ReturnType<typeof useRecluster> }) {
  const { t } = useI18n();
  return (
    <Button
      variant="default"
      loading={recluster.isPending}
      onClick={() => recluster.mutate()}
      data-testid="recluster"
    >
      {t("problemsPage.recluster.action")}
    </Button>
  );
}

export function ReclusterStatus({ run }: { run: ReturnType<typeof useRecluster> }) {
  const { t, language } = useI18n();
  const [seconds, setSeconds] = useState(0);
  const pending = run?.isPending === true;
  useEffect(() => {
    if (!pending) return;
    setSeconds(0);
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [pending]);
  if (run.isIdle) return null;
  if (run.isPending)
    return (
      <Stack gap={4} role="status" aria-live="polite" data-testid="recluster-running">
        <Text size="sm">{t("problemsPage.recluster.running", { seconds })}</Text>
        <Progress
          value={100}
          animated
          striped
          aria-label={t("problemsPage.recluster.running", { seconds })}
        />
      </Stack>
    );
  if (run.isError) return <ErrorAlert error={run.error} />;
  const r = run.data;
  if (!r) return null;
  const n = (x: number) => formatNumber(x, language);
  return (
    <Alert
      color="teal"
      variant="light"
      title={t("problemsPage.recluster.doneTitle")}
      role="status"
      data-testid="recluster-done"
      styles={{ title: { color: "var(--mantine-color-black)" } }}
    >
      {t("problemsPage.recluster.done", {
        texts: n(r.texts),
        problems: n(r.problems),
        matched: n(r.matched),
        created: n(r.created),
        dissolved: n(r.dissolved),
        unsorted: n(r.unsorted),
        seconds: formatNumber(r.ms / 1000, language, { maximumFractionDigits: 1 }),
      })}
      {r.reopened.length > 0 ? ` ${t("problemsPage.recluster.reopened", { count: r.reopened.length })}` : ""}
    </Alert>
  );
}

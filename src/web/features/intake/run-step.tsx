import { Button } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { useI18n } from "../../i18n/index.ts";
import { useImportRun, useRunFinished } from "./intake-api.ts";
import { addSample, type Sample } from "./progress.ts";
import { RunProgress } from "./run-progress.tsx";
import { RunSummary } from "./run-summary.tsx";
import { StepHeading } from "./step-heading.tsx";

/** The run step: polls the run every ~500 ms and feeds the pace; says when the run has ended. */
export function RunStep({ slug, runId, onEnded }: { slug: string; runId: number; onEnded: () => void }) {
  const run = useImportRun(slug, runId);
  const finished = useRunFinished(slug);
  const [samples, setSamples] = useState<Sample[]>([]);
  const status = run.data?.status;
  const read = run.data?.read;
  const updatedAt = run.dataUpdatedAt;
  useEffect(() => {
    if (read !== undefined && updatedAt > 0) setSamples((s) => addSample(s, { at: updatedAt, read }));
  }, [read, updatedAt]);
  // Told once: the history and the cockpit refresh, and the wizard moves on to the summary.
  const ended = useRef<(() => void) | null>(null);
  ended.current = () => {
    finished();
    onEnded();
  };
  const told = useRef(false);
  useEffect(() => {
    if (status && status !== "running" && !told.current) {
      told.current = true;
      ended.current?.();
    }
  }, [status]);
  if (run.isError && !run.data) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  if (run.data?.status !== "running") return <Loading />;
  return <RunProgress run={run.data} samples={samples} />;
}

/** The last step: the run's figures, its first rejected rows and the way on. */
export function SummaryStep({
  slug,
  runId,
  canExport,
  onAnother,
  onForReal,
  starting,
}: {
  slug: string;
  runId: number;
  canExport: boolean;
  onAnother: () => void;
  onForReal: () => void;
  starting: boolean;
}) {
  const { t } = useI18n();
  const run = useImportRun(slug, runId);
  if (run.isPending) return <Loading />;
  if (run.isError && !run.data) return <ErrorAlert error={run.error} onRetry={() => void run.refetch()} />;
  const data = run.data;
  return (
    <RunSummary
      run={data}
      slug={slug}
      canExport={canExport}
      heading={(text) => <StepHeading testId="summary-heading">{text}</StepHeading>}
      actions={
        <>
          {data.dryRun && data.status === "done" ? (
            <Button onClick={onForReal} loading={starting} data-testid="import-for-real">
              {t("intake.summary.forReal")}
            </Button>
          ) : null}
          <Button
            variant={data.dryRun ? "default" : "filled"}
            onClick={onAnother}
            data-testid="import-another"
          >
            {t("intake.summary.another")}
          </Button>
          {!data.dryRun && data.status === "done" && data.inserted + data.updated > 0 ? (
            <Button component={Link} to={workspacePath(slug)} variant="subtle">
              {t("intake.summary.toCockpit")}
            </Button>
          ) : null}
        </>
      }
    />
  );
}

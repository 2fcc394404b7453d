import { Paper, Stepper } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useEffect, useRef, useState } from "react";
import { ApiError } from "../../app/api.ts";
import { useMe } from "../../app/auth.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import { ChooseStep } from "./choose-step.tsx";
import { type Entity, type Format, IGNORE } from "./fields.ts";
import {
  type ImportRequest,
  type Upload,
  type UploadResult,
  uploadFile,
  useStartImport,
} from "./intake-api.ts";
import { ATTRIBUTE } from "./mapping-table.tsx";
import { PreviewStep } from "./preview-step.tsx";
import { RunStep, SummaryStep } from "./run-step.tsx";
import { StepFocusContext } from "./step-heading.tsx";

type Step = "choose" | "preview" | "run" | "summary";

/** Without an override the server maps on its own; a field moved to this column leaves its old one. */
function nextMap(map: Record<string, string>, column: string, value: string): Record<string, string> {
  const next = { ...map };
  if (value === ATTRIBUTE) {
    delete next[column];
    return next;
  }
  if (value !== IGNORE) {
    for (const [other, field] of Object.entries(next))
      if (field === value && other !== column) delete next[other];
  }
  next[column] = value;
  return next;
}

export function ImportWizard({ slug, canExport }: { slug: string; canExport: boolean }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const csrfToken = useMe().data?.csrfToken;
  const start = useStartImport(slug);
  const phone = useMediaQuery("(max-width: 47.99em)");
  const [step, setStep] = useState<Step>("choose");
  const [moved, setMoved] = useState(false);
  const [entity, setEntity] = useState<Entity | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadResult | null>(null);
  const [uploading, setUploading] = useState<{ sent: number; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [format, setFormat] = useState<Format>("auto");
  const [map, setMap] = useState<Record<string, string>>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState(false);
  const [runId, setRunId] = useState<number | undefined>();
  const current = useRef<Upload | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const go = (next: Step) => {
    setMoved(true);
    setStep(next);
  };
  const chooseEntity = (next: Entity) => {
    if (next === entity) return;
    setEntity(next);
    // Fields differ between entities: the column choices and defaults start over.
    setMap({});
    setDefaults({});
    setFormat(next !== "orders" && format === "cdnow" ? "auto" : format);
  };
  const chooseFile = (next: File | null) => {
    setFile(next);
    setUpload(null);
    setMap({});
    setDefaults({});
    setFormat("auto");
    setProblem(null);
  };
  const sendFile = async () => {
    if (!file || !entity) return;
    if (upload) {
      go("preview");
      return;
    }
    setProblem(null);
    setUploading({ sent: 0, total: file.size });
    const request = uploadFile(slug, file, csrfToken, (sent, total) => setUploading({ sent, total }));
    current.current = request;
    try {
      const result = await request.promise;
      setUpload(result);
      go("preview");
    } catch (error) {
      const aborted = error instanceof ApiError && error.code === "network" && error.message === "aborted";
      if (!aborted) setProblem(errorText(error));
    } finally {
      current.current = null;
      setUploading(null);
    }
  };
  const request: ImportRequest | undefined =
    upload && entity ? { uploadId: upload.uploadId, entity, format, map, defaults } : undefined;
  const begin = (asDryRun: boolean) => {
    if (!request) return;
    start.mutate(
      { ...request, dryRun: asDryRun },
      {
        onSuccess: ({ runId: id }) => {
          setRunId(id);
          go("run");
        },
        onError: (error) => {
          // The upload is kept for a few hours only; a server restart forgets it too.
          if (error instanceof ApiError && error.status === 404) {
            chooseFile(file);
            setProblem(t("intake.preview.goneText"));
            go("choose");
          }
        },
      },
    );
  };
  const another = () => {
    chooseFile(null);
    setDryRun(false);
    setRunId(undefined);
    start.reset();
    go("choose");
  };
  const index = { choose: 0, preview: 1, run: 2, summary: 4 }[step];
  // On a phone the four steps fit in one line only as numbers, with the current step's name beside it.
  const stepProps = (i: number, name: string, hint: string) => ({
    label: phone && i !== index ? undefined : name,
    description: phone ? undefined : hint,
    "aria-label": name,
    "aria-current": i === index ? ("step" as const) : undefined,
  });
  return (
    <Paper withBorder p={{ base: "md", sm: "xl" }} component="section" aria-label={t("intake.wizardLabel")}>
      <StepFocusContext.Provider value={moved}>
        <Stepper
          active={index}
          onStepClick={(clicked) => {
            if (clicked === 0 && step === "preview") go("choose");
          }}
          allowNextStepsSelect={false}
          size="sm"
          wrap={false}
          data-testid="intake-stepper"
          styles={{
            content: { paddingTop: "var(--mantine-spacing-xl)" },
            separator: phone ? { marginInline: 6 } : undefined,
          }}
        >
          <Stepper.Step
            {...stepProps(0, t("intake.steps.choose"), t("intake.steps.chooseHint"))}
            allowStepSelect={step === "preview"}
          >
            <ChooseStep
              entity={entity}
              onEntity={chooseEntity}
              file={file}
              onFile={chooseFile}
              uploading={uploading}
              onCancelUpload={() => current.current?.abort()}
              problem={problem}
              onNext={() => void sendFile()}
            />
          </Stepper.Step>
          <Stepper.Step
            {...stepProps(1, t("intake.steps.preview"), t("intake.steps.previewHint"))}
            allowStepSelect={false}
          >
            {request && file ? (
              <PreviewStep
                slug={slug}
                request={request}
                fileName={upload?.fileName ?? file.name}
                onFormat={setFormat}
                onMap={(column, value) => setMap((m) => nextMap(m, column, value))}
                onResetMap={() => setMap({})}
                onDefault={(field, value) =>
                  setDefaults((d) => {
                    const next = { ...d };
                    if (value === null) delete next[field];
                    else next[field] = value;
                    return next;
                  })
                }
                dryRun={dryRun}
                onDryRun={setDryRun}
                onBack={() => go("choose")}
                onStart={() => begin(dryRun)}
                starting={start.isPending}
                startError={start.error}
              />
            ) : null}
          </Stepper.Step>
          <Stepper.Step
            {...stepProps(2, t("intake.steps.run"), t("intake.steps.runHint"))}
            allowStepSelect={false}
          >
            {runId !== undefined ? <RunStep slug={slug} runId={runId} onEnded={() => go("summary")} /> : null}
          </Stepper.Step>
          <Stepper.Step
            {...stepProps(3, t("intake.steps.summary"), t("intake.steps.summaryHint"))}
            allowStepSelect={false}
          />
          <Stepper.Completed>
            {runId !== undefined ? (
              <SummaryStep
                slug={slug}
                runId={runId}
                canExport={canExport}
                onAnother={another}
                onForReal={() => {
                  setDryRun(false);
                  begin(false);
                }}
                starting={start.isPending}
              />
            ) : null}
          </Stepper.Completed>
        </Stepper>
      </StepFocusContext.Provider>
    </Paper>
  );
}

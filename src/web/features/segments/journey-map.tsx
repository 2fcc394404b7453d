import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from "@mantine/core";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDate, formatNumber, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import {
  canEditJourneys,
  type JourneyChannel,
  type JourneyEdit,
  type JourneyMap,
  type JourneyOptions,
  type Stage,
  type Touchpoint,
  type TouchpointInput,
  useDeleteJourney,
  useEditJourney,
  useJourney,
  useJourneyOptions,
} from "./journey-api.ts";
import { downloadBlob, journeyPng } from "./journey-export.ts";

type T = ReturnType<typeof useI18n>["t"];
type Lang = ReturnType<typeof useI18n>["language"];

// Printing shows the map alone, landscape: the page's chrome and the editor's buttons are hidden.
const PRINT_CSS = `.journey-print-title { display: none; }
@media print {
  .journey-print .journey-print-title { display: block !important; }
  @page { size: landscape; margin: 10mm; }
  body * { visibility: hidden !important; }
  .journey-print, .journey-print * { visibility: visible !important; }
  .journey-print { position: absolute; left: 0; top: 0; width: 100%; }
  .journey-print .journey-noprint { display: none !important; }
  .journey-print .journey-board { flex-wrap: wrap; overflow: visible !important; }
}`;

const pct = (v: number, language: Lang) =>
  formatNumber(v, language, { style: "percent", maximumFractionDigits: 0 });
const hours = (v: number, language: Lang) => formatNumber(v, language, { maximumFractionDigits: 1 });

function whereText(tp: Touchpoint, t: T): string {
  return [tp.channel ? t(`segmentsPage.journeys.channels.${tp.channel}`) : null, tp.locationName]
    .filter(Boolean)
    .join(" · ");
}

function figureLines(tp: Touchpoint, t: T, language: Lang): string[] {
  const f = tp.figures;
  const out: string[] = [];
  if (f) {
    out.push(
      t("segmentsPage.journeys.fig.requests", { count: f.requests, n: formatNumber(f.requests, language) }),
    );
    out.push(
      f.complaintShare === null
        ? t("segmentsPage.journeys.fig.complaintsNone")
        : t("segmentsPage.journeys.fig.complaints", {
            count: f.complaints,
            n: formatNumber(f.complaints, language),
            share: pct(f.complaintShare, language),
          }),
    );
    out.push(
      f.medianFirstResponseHours === null
        ? t("segmentsPage.journeys.fig.firstResponseNone")
        : t("segmentsPage.journeys.fig.firstResponse", {
            hours: hours(f.medianFirstResponseHours, language),
          }),
    );
  }
  if (tp.problems.length > 0) {
    const mentions = tp.problems.reduce((a, p) => a + p.mentions, 0);
    out.push(
      t("segmentsPage.journeys.fig.mentions", { count: mentions, n: formatNumber(mentions, language) }),
    );
  }
  return out;
}

function PainIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2Z" fill="#c92a2a" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
    </svg>
  );
}

function Figure({ label, tip, testId }: { label: string; tip: string; testId: string }) {
  return (
    <Tooltip label={tip} multiline w={280} withArrow>
      <Text size="sm" tabIndex={0} data-testid={testId} style={{ cursor: "help" }}>
        {label}
      </Text>
    </Tooltip>
  );
}

function TouchpointCard(props: {
  tp: Touchpoint;
  stageIndex: number;
  index: number;
  stages: Stage[];
  map: JourneyMap;
  editable: boolean;
  busy: boolean;
  edit: (e: JourneyEdit) => void;
  onEdit: () => void;
}) {
  const { t, language } = useI18n();
  const { tp, stageIndex, index, stages, map, editable, busy, edit, onEdit } = props;
  const count = stages[stageIndex]!.touchpoints.length;
  const f = tp.figures;
  const [confirm, setConfirm] = useState(false);
  const move = (body: { stageId?: number; position?: number }) =>
    edit({ kind: "touchpoint", touchpointId: tp.id, body });
  const icon = (label: string, onClick: () => void, child: ReactNode, disabled = false) => (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        onClick={onClick}
        disabled={disabled || busy}
      >
        {child}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`touchpoint-${tp.id}`}
      data-pain={tp.pain ? "true" : "false"}
      style={tp.pain ? { borderColor: "#c92a2a", borderWidth: 3, background: "#fff5f5" } : undefined}
    >
      <Stack gap={6}>
        <Text fw={600}>{tp.name}</Text>
        {tp.pain ? (
          <Group gap={6} data-testid="pain-mark">
            <PainIcon />
            <Text size="sm" fw={700} c="red.9">
              {t("segmentsPage.journeys.painPoint")}
            </Text>
          </Group>
        ) : null}
        {whereText(tp, t) ? (
          <Text size="sm" c="gray.7">
            {whereText(tp, t)}
          </Text>
        ) : null}
        {f ? (
          <Stack gap={2} data-testid="figures">
            <Figure
              testId="fig-requests"
              label={t("segmentsPage.journeys.fig.requests", {
                count: f.requests,
                n: formatNumber(f.requests, language),
              })}
              tip={t("segmentsPage.journeys.tip.requests", { days: map.window.days })}
            />
            <Figure
              testId="fig-complaints"
              label={
                f.complaintShare === null
                  ? t("segmentsPage.journeys.fig.complaintsNone")
                  : t("segmentsPage.journeys.fig.complaints", {
                      count: f.complaints,
                      n: formatNumber(f.complaints, language),
                      share: pct(f.complaintShare, language),
                    })
              }
              tip={t("segmentsPage.journeys.tip.complaints")}
            />
            <Figure
              testId="fig-first-response"
              label={
                f.medianFirstResponseHours === null
                  ? t("segmentsPage.journeys.fig.firstResponseNone")
                  : t("segmentsPage.journeys.fig.firstResponse", {
                      hours: hours(f.medianFirstResponseHours, language),
                    })
              }
              tip={t("segmentsPage.journeys.tip.firstResponse", { count: f.responded })}
            />
          </Stack>
        ) : (
          <Text size="sm" c="gray.7">
            {t("segmentsPage.journeys.noFigures")}
          </Text>
        )}
        {tp.problems.length > 0 ? (
          <Group gap={4} data-testid="problem-chips">
            {tp.problems.map((p) => (
              <Tooltip
                key={p.id}
                label={t("segmentsPage.journeys.tip.mentions", { days: map.window.days })}
                withArrow
              >
                <Badge variant="light" color="blue" tt="none" tabIndex={0} data-testid={`chip-${p.id}`}>
                  {t("segmentsPage.journeys.problemChip", {
                    label: p.label,
                    n: formatNumber(p.mentions, language),
                  })}
                </Badge>
              </Tooltip>
            ))}
          </Group>
        ) : null}
        {tp.note ? (
          <Text size="sm" c="gray.7" style={{ whiteSpace: "pre-wrap" }}>
            {tp.note}
          </Text>
        ) : null}
        {tp.painSuggested && !tp.pain ? (
          <Alert color="orange" variant="light" p="xs" data-testid="pain-suggested">
            <Text size="sm">
              {t("segmentsPage.journeys.suggested", {
                share: pct(f?.complaintShare ?? 0, language),
                min: map.painRule.minRequests,
                rule: pct(map.painRule.minComplaintShare, language),
              })}
            </Text>
            {editable ? (
              <Button
                size="compact-sm"
                mt={4}
                color="red.9"
                variant="filled"
                onClick={() => edit({ kind: "touchpoint", touchpointId: tp.id, body: { pain: true } })}
                className="journey-noprint"
              >
                {t("segmentsPage.journeys.markPain")}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {editable ? (
          <Group gap={2} className="journey-noprint">
            <Button size="compact-sm" variant="default" onClick={onEdit} data-testid="edit-touchpoint">
              {t("segmentsPage.journeys.edit")}
            </Button>
            {icon(t("segmentsPage.journeys.moveUp"), () => move({ position: index - 1 }), "↑", index === 0)}
            {icon(
              t("segmentsPage.journeys.moveDown"),
              () => move({ position: index + 1 }),
              "↓",
              index === count - 1,
            )}
            {icon(
              t("segmentsPage.journeys.movePrevStage"),
              () => move({ stageId: stages[stageIndex - 1]!.id }),
              "←",
              stageIndex === 0,
            )}
            {icon(
              t("segmentsPage.journeys.moveNextStage"),
              () => move({ stageId: stages[stageIndex + 1]!.id }),
              "→",
              stageIndex === stages.length - 1,
            )}
            {icon(t("segmentsPage.journeys.deleteTouchpoint"), () => setConfirm(true), "✕")}
          </Group>
        ) : null}
      </Stack>
      <ConfirmDialog
        opened={confirm}
        title={t("segmentsPage.journeys.deleteTouchpoint")}
        text={t("segmentsPage.journeys.deleteTouchpointText", { name: tp.name })}
        confirm={t("segmentsPage.journeys.delete")}
        onConfirm={() => {
          setConfirm(false);
          edit({ kind: "deleteTouchpoint", touchpointId: tp.id });
        }}
        onClose={() => setConfirm(false)}
      />
    </Paper>
  );
}

const emptyInput: TouchpointInput = {
  name: "",
  channel: null,
  locationId: null,
  note: "",
  problemIds: [],
  pain: false,
};

function TouchpointForm(props: {
  initial: TouchpointInput;
  options: JourneyOptions | undefined;
  busy: boolean;
  onSubmit: (v: TouchpointInput) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [v, setV] = useState(props.initial);
  const problems = props.options?.problems ?? [];
  const known = new Set(problems.map((p) => p.id));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (v.name.trim()) props.onSubmit({ ...v, name: v.name.trim() });
      }}
      data-testid="touchpoint-form"
    >
      <Stack gap="sm">
        <TextInput
          label={t("segmentsPage.journeys.touchpointName")}
          value={v.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            setV((x) => ({ ...x, name }));
          }}
          required
          maxLength={200}
          data-autofocus
          data-testid="tp-name"
        />
        <Select
          label={t("segmentsPage.journeys.channel")}
          placeholder={t("segmentsPage.journeys.anyChannel")}
          data={(props.options?.channels ?? []).map((c) => ({
            value: c,
            label: t(`segmentsPage.journeys.channels.${c}`),
          }))}
          value={v.channel}
          onChange={(c) => setV((x) => ({ ...x, channel: (c as JourneyChannel | null) ?? null }))}
          clearable
          data-testid="tp-channel"
        />
        <Select
          label={t("segmentsPage.journeys.location")}
          placeholder={t("segmentsPage.journeys.anyLocation")}
          data={(props.options?.locations ?? []).map((l) => ({ value: String(l.id), label: l.name }))}
          value={v.locationId === null ? null : String(v.locationId)}
          onChange={(l) => setV((x) => ({ ...x, locationId: l ? Number(l) : null }))}
          clearable
          searchable
          data-testid="tp-location"
        />
        <MultiSelect
          label={t("segmentsPage.journeys.problems")}
          placeholder={t("segmentsPage.journeys.pickProblems")}
          data={problems.map((p) => ({ value: String(p.id), label: p.label }))}
          value={v.problemIds.filter((id) => known.has(id)).map(String)}
          onChange={(ids) => setV((x) => ({ ...x, problemIds: ids.map(Number) }))}
          searchable
          data-testid="tp-problems"
        />
        <Textarea
          label={t("segmentsPage.journeys.note")}
          value={v.note}
          maxLength={2000}
          autosize
          minRows={2}
          onChange={(e) => {
            const note = e.currentTarget.value;
            setV((x) => ({ ...x, note }));
          }}
          data-testid="tp-note"
        />
        <Checkbox
          label={t("segmentsPage.journeys.markAsPain")}
          checked={v.pain}
          onChange={(e) => {
            const pain = e.currentTarget.checked;
            setV((x) => ({ ...x, pain }));
          }}
          data-testid="tp-pain"
        />
        <Text size="xs" c="gray.7">
          {t("segmentsPage.journeys.formHint")}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t("segmentsPage.journeys.cancel")}
          </Button>
          <Button type="submit" loading={props.busy} data-testid="tp-save">
            {t("segmentsPage.journeys.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function StageHeader(props: {
  stage: Stage;
  index: number;
  count: number;
  editable: boolean;
  busy: boolean;
  edit: (e: JourneyEdit) => void;
}) {
  const { t } = useI18n();
  const { stage, index, count, editable, busy, edit } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(stage.name);
  const [confirm, setConfirm] = useState(false);
  if (renaming)
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) edit({ kind: "stage", stageId: stage.id, body: { name: name.trim() } });
          setRenaming(false);
        }}
      >
        <Group gap={4} align="end">
          <TextInput
            label={t("segmentsPage.journeys.stageName")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200}
            required
            autoFocus
            onKeyDown={(e) => {
              if (e.key === "Escape") setRenaming(false);
            }}
            style={{ flex: 1 }}
            data-testid="stage-rename-input"
          />
          <Button type="submit" size="sm">
            {t("segmentsPage.journeys.save")}
          </Button>
        </Group>
      </form>
    );
  const icon = (label: string, onClick: () => void, child: ReactNode, disabled = false) => (
    <Tooltip label={label} withArrow>
      <ActionIcon
        variant="subtle"
        color="gray"
        aria-label={label}
        onClick={onClick}
        disabled={disabled || busy}
      >
        {child}
      </ActionIcon>
    </Tooltip>
  );
  return (
    <Stack gap={2}>
      <Title order={3} size="h5" data-testid="stage-title">
        {index + 1}. {stage.name}
      </Title>
      {editable ? (
        <Group gap={2} className="journey-noprint">
          {icon(
            t("segmentsPage.journeys.renameStage"),
            () => {
              setName(stage.name);
              setRenaming(true);
            },
            "✎",
          )}
          {icon(
            t("segmentsPage.journeys.moveStageLeft"),
            () => edit({ kind: "stage", stageId: stage.id, body: { position: index - 1 } }),
            "←",
            index === 0,
          )}
          {icon(
            t("segmentsPage.journeys.moveStageRight"),
            () => edit({ kind: "stage", stageId: stage.id, body: { position: index + 1 } }),
            "→",
            index === count - 1,
          )}
          {icon(t("segmentsPage.journeys.deleteStage"), () => setConfirm(true), "✕")}
        </Group>
      ) : null}
      <ConfirmDialog
        opened={confirm}
        title={t("segmentsPage.journeys.deleteStage")}
        text={t("segmentsPage.journeys.deleteStageText", { name: stage.name })}
        confirm={t("segmentsPage.journeys.delete")}
        onConfirm={() => {
          setConfirm(false);
          edit({ kind: "deleteStage", stageId: stage.id });
        }}
        onClose={() => setConfirm(false)}
      />
    </Stack>
  );
}

/** One journey map at /w/:ws/segments/journeys/:id: the board, its editor, PNG, print-to-PDF and CSV. */
export function JourneyEditor() {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useJourney(workspace.slug, id);
  const options = useJourneyOptions(workspace.slug);
  const mutation = useEditJourney(workspace.slug, id);
  const remove = useDeleteJourney(workspace.slug);
  const editable = canEditJourneys(workspace.role);
  const listPath = `${workspacePath(workspace.slug, "segments")}/journeys`;
  const [form, setForm] = useState<{ stageId: number; tp: Touchpoint | null } | null>(null);
  const [stageName, setStageName] = useState("");
  const [renaming, setRenaming] = useState(false);
  const [mapName, setMapName] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [exporting, setExporting] = useState(false);
  const edit = (e: JourneyEdit) => mutation.mutate(e);

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const map = query.data;
  const windowText =
    map.window.from && map.window.to
      ? t("segmentsPage.journeys.window", {
          days: map.window.days,
          from: formatDate(map.window.from, language),
          to: formatDate(map.window.to, language),
        })
      : t("segmentsPage.journeys.noRequests");
  const who = map.segmentName
    ? t("segmentsPage.journeys.forSegment", { name: map.segmentName })
    : t("segmentsPage.journeys.forEveryone");

  const exportPng = async () => {
    setExporting(true);
    try {
      const blob = await journeyPng(map, {
        title: map.name,
        subtitle: `${who}. ${windowText}`,
        pain: t("segmentsPage.journeys.painPoint"),
        figures: (tp) => figureLines(tp, t, language),
        where: (tp) => whereText(tp, t),
      });
      downloadBlob(`journey-${map.id}.png`, blob);
    } finally {
      setExporting(false);
    }
  };
  const exportCsv = () =>
    downloadCsv(
      `journey-${map.id}.csv`,
      toCsv(
        [
          t("segmentsPage.journeys.csv.stage"),
          t("segmentsPage.journeys.csv.touchpoint"),
          t("segmentsPage.journeys.channel"),
          t("segmentsPage.journeys.location"),
          t("segmentsPage.journeys.csv.requests"),
          t("segmentsPage.journeys.csv.complaints"),
          t("segmentsPage.journeys.csv.complaintShare"),
          t("segmentsPage.journeys.csv.medianHours"),
          t("segmentsPage.journeys.csv.mentions"),
          t("segmentsPage.journeys.problems"),
          t("segmentsPage.journeys.painPoint"),
          t("segmentsPage.journeys.note"),
        ],
        map.stages.flatMap((s) =>
          s.touchpoints.map((tp) => [
            s.name,
            tp.name,
            tp.channel ? t(`segmentsPage.journeys.channels.${tp.channel}`) : "",
            tp.locationName ?? "",
            tp.figures?.requests,
            tp.figures?.complaints,
            tp.figures?.complaintShare ?? null,
            tp.figures?.medianFirstResponseHours ?? null,
            tp.problems.reduce((a, p) => a + p.mentions, 0),
            tp.problems.map((p) => p.label).join("; "),
            tp.pain,
            tp.note,
          ]),
        ),
      ),
    );

  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        name={t("segmentsPage.journeys.title")}
        title={map.name}
        description={`${who}. ${windowText}`}
        actions={
          <Group gap="xs" className="journey-noprint">
            <Button component={Link} to={listPath} variant="default">
              {t("segmentsPage.journeys.allMaps")}
            </Button>
            <Button
              variant="default"
              onClick={() => void exportPng()}
              loading={exporting}
              data-testid="export-png"
            >
              {t("segmentsPage.journeys.exportPng")}
            </Button>
            <Button variant="default" onClick={() => window.print()} data-testid="print-pdf">
              {t("segmentsPage.journeys.printPdf")}
            </Button>
            <Button variant="default" onClick={exportCsv} data-testid="export-csv">
              {t("segmentsPage.journeys.exportCsv")}
            </Button>
          </Group>
        }
      />
      {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
      {editable ? (
        <Group gap="sm" mb="md" className="journey-noprint" align="end">
          {renaming ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (mapName.trim()) edit({ kind: "map", body: { name: mapName.trim() } });
                setRenaming(false);
              }}
            >
              <Group gap="xs" align="end">
                <TextInput
                  label={t("segmentsPage.journeys.name")}
                  value={mapName}
                  onChange={(e) => setMapName(e.currentTarget.value)}
                  maxLength={200}
                  required
                  autoFocus
                  w={320}
                />
                <Button type="submit">{t("segmentsPage.journeys.save")}</Button>
              </Group>
            </form>
          ) : (
            <Button
              variant="subtle"
              onClick={() => {
                setMapName(map.name);
                setRenaming(true);
              }}
            >
              {t("segmentsPage.journeys.renameMap")}
            </Button>
          )}
          <Select
            label={t("segmentsPage.journeys.segment")}
            placeholder={t("segmentsPage.journeys.allCustomers")}
            data={(options.data?.segments ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
            value={map.segmentId === null ? null : String(map.segmentId)}
            onChange={(s) => edit({ kind: "map", body: { segmentId: s ? Number(s) : null } })}
            clearable
            searchable
            w={260}
          />
          <Button variant="subtle" color="red" onClick={() => setConfirmDelete(true)}>
            {t("segmentsPage.journeys.deleteMap")}
          </Button>
        </Group>
      ) : null}
      <Text size="xs" c="gray.7" mb="sm" className="journey-noprint">
        {t("segmentsPage.journeys.howCounted", {
          days: map.window.days,
          min: map.painRule.minRequests,
          rule: pct(map.painRule.minComplaintShare, language),
        })}
      </Text>
      <Box className="journey-print" data-testid="journey-board-wrap">
        <Title order={2} size="h4" mb={4} className="journey-print-title">
          {map.name}
        </Title>
        {map.stages.length === 0 ? (
          <EmptyState
            title={t("segmentsPage.journeys.noStagesTitle")}
            text={t("segmentsPage.journeys.noStagesText")}
          />
        ) : null}
        <Group
          className="journey-board"
          align="flex-start"
          wrap="nowrap"
          gap="md"
          style={{ overflowX: "auto", paddingBottom: 8 }}
          data-testid="journey-board"
        >
          {map.stages.map((stage, i) => (
            <Paper
              key={stage.id}
              bg="gray.0"
              p="sm"
              radius="md"
              w={300}
              miw={300}
              data-testid={`stage-${i}`}
              component="section"
              aria-label={stage.name}
            >
              <Stack gap="sm">
                <StageHeader
                  stage={stage}
                  index={i}
                  count={map.stages.length}
                  editable={editable}
                  busy={mutation.isPending}
                  edit={edit}
                />
                {stage.touchpoints.length === 0 ? (
                  <Text size="sm" c="gray.7">
                    {t("segmentsPage.journeys.noTouchpoints")}
                  </Text>
                ) : null}
                {stage.touchpoints.map((tp, j) => (
                  <TouchpointCard
                    key={tp.id}
                    tp={tp}
                    stageIndex={i}
                    index={j}
                    stages={map.stages}
                    map={map}
                    editable={editable}
                    busy={mutation.isPending}
                    edit={edit}
                    onEdit={() => setForm({ stageId: stage.id, tp })}
                  />
                ))}
                {editable ? (
                  <Button
                    variant="light"
                    className="journey-noprint"
                    onClick={() => setForm({ stageId: stage.id, tp: null })}
                    data-testid="add-touchpoint"
                  >
                    {t("segmentsPage.journeys.addTouchpoint")}
                  </Button>
                ) : null}
              </Stack>
            </Paper>
          ))}
          {editable ? (
            <Paper withBorder p="sm" radius="md" w={260} miw={260} className="journey-noprint">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!stageName.trim()) return;
                  mutation.mutate(
                    { kind: "addStage", body: { name: stageName.trim() } },
                    { onSuccess: () => setStageName("") },
                  );
                }}
                data-testid="add-stage-form"
              >
                <Stack gap="xs">
                  <TextInput
                    label={t("segmentsPage.journeys.newStage")}
                    value={stageName}
                    onChange={(e) => setStageName(e.currentTarget.value)}
                    maxLength={200}
                    data-testid="stage-name"
                  />
                  <Button type="submit" variant="default" data-testid="add-stage">
                    {t("segmentsPage.journeys.addStage")}
                  </Button>
                </Stack>
              </form>
            </Paper>
          ) : null}
        </Group>
      </Box>
      <Modal
        opened={form !== null}
        onClose={() => setForm(null)}
        title={
          form?.tp ? t("segmentsPage.journeys.editTouchpoint") : t("segmentsPage.journeys.addTouchpoint")
        }
        size="lg"
      >
        {form ? (
          <TouchpointForm
            key={form.tp?.id ?? `new-${form.stageId}`}
            initial={
              form.tp
                ? {
                    name: form.tp.name,
                    channel: form.tp.channel,
                    locationId: form.tp.locationId,
                    note: form.tp.note,
                    problemIds: form.tp.problems.map((p) => p.id),
                    pain: form.tp.pain,
                  }
                : emptyInput
            }
            options={options.data}
            busy={mutation.isPending}
            onCancel={() => setForm(null)}
            onSubmit={(v) => {
              const e: JourneyEdit = form.tp
                ? { kind: "touchpoint", touchpointId: form.tp.id, body: v }
                : { kind: "addTouchpoint", stageId: form.stageId, body: v };
              mutation.mutate(e, { onSuccess: () => setForm(null) });
            }}
          />
        ) : null}
      </Modal>
      <ConfirmDialog
        opened={confirmDelete}
        title={t("segmentsPage.journeys.deleteMap")}
        text={t("segmentsPage.journeys.deleteMapText", { name: map.name })}
        confirm={t("segmentsPage.journeys.delete")}
        busy={remove.isPending}
        onConfirm={() => remove.mutate(map.id, { onSuccess: () => navigate(listPath) })}
        onClose={() => setConfirmDelete(false)}
      />
    </>
  );
}

import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { ApiError } from "../../app/api.ts";
import { ErrorAlert, useErrorText } from "../../components/error-alert.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { type Format, formats } from "./fields.ts";
import { type ImportRequest, type Preview, usePreview } from "./intake-api.ts";
import { MappingTable } from "./mapping-table.tsx";
import { MappingProblems, Requirements } from "./requirements.tsx";
import { RowsTable } from "./rows-table.tsx";
import { StepHeading } from "./step-heading.tsx";

type PreviewStepProps = {
  slug: string;
  request: ImportRequest;
  fileName: string;
  onFormat: (format: Format) => void;
  onMap: (column: string, value: string) => void;
  onResetMap: () => void;
  onDefault: (field: string, value: string | null) => void;
  dryRun: boolean;
  onDryRun: (dryRun: boolean) => void;
  onBack: () => void;
  onStart: () => void;
  starting: boolean;
  startError: unknown;
};

const delimiterNames: Record<string, "comma" | "semicolon" | "tab" | "pipe"> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
  "|": "pipe",
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: "0.03em" }}>
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

function Detected({
  preview,
  request,
  onFormat,
}: {
  preview: Preview;
  request: ImportRequest;
  onFormat: (f: Format) => void;
}) {
  const { t } = useI18n();
  const detectedFormat = (formats as readonly string[]).includes(preview.format)
    ? t(`intake.formats.${preview.format as Format}`)
    : preview.format;
  const delimiter = preview.delimiter === null ? null : delimiterNames[preview.delimiter];
  return (
    <Group justify="space-between" align="flex-end" gap="md" data-testid="detected">
      <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="md" style={{ flex: "1 1 320px" }} maw={560}>
        <Fact label={t("intake.preview.format")} value={detectedFormat} />
        <Fact label={t("intake.preview.encoding")} value={preview.encoding?.toUpperCase() ?? "—"} />
        <Fact
          label={t("intake.preview.delimiter")}
          value={
            preview.delimiter === null
              ? "—"
              : delimiter
                ? t(`intake.delimiters.${delimiter}`)
                : `“${preview.delimiter}”`
          }
        />
      </SimpleGrid>
      <NativeSelect
        label={t("intake.preview.readAs")}
        size="sm"
        w={{ base: "100%", xs: 260 }}
        // CDNOW's preset holds orders only; the server refuses it for anything else.
        data={formats
          .filter((f) => f !== "cdnow" || request.entity === "orders")
          .map((f) => ({ value: f, label: t(`intake.formats.${f}`) }))}
        value={request.format}
        onChange={(event) => onFormat(event.currentTarget.value as Format)}
      />
    </Group>
  );
}

/** Start refused: the server's 422 names the columns that do not fit; other errors get the general text. */
function StartError({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    <Text size="sm" c="red.9" role="alert">
      {text(error)}
    </Text>
  );
}

export function PreviewStep(props: PreviewStepProps) {
  const { t, language } = useI18n();
  const { request } = props;
  const preview = usePreview(props.slug, request);
  const entityName = t(`intake.entities.${request.entity}.name`);
  const heading = <StepHeading>{t("intake.preview.title", { file: props.fileName })}</StepHeading>;
  if (preview.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        {heading}
        <Skeleton h={60} />
        <Skeleton h={220} />
      </Stack>
    );
  }
  if (preview.isError && !preview.data) {
    const gone = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <Stack gap="md">
        {heading}
        {gone ? (
          <Alert color="red" variant="light" role="alert" title={t("intake.preview.goneTitle")}>
            {t("intake.preview.goneText")}
          </Alert>
        ) : (
          <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
        )}
        <div>
          <Button variant="default" onClick={props.onBack}>
            {t("intake.preview.back")}
          </Button>
        </div>
      </Stack>
    );
  }
  const data = preview.data;
  if (!data) return null;
  const refreshing = preview.isFetching;
  const ready = data.mappingErrors.length === 0 && !preview.isPlaceholderData;
  const hasOverrides = Object.keys(request.map).length > 0;
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="center" gap="xs">
        {heading}
        {refreshing ? (
          <Group gap={6} role="status">
            <Loader size="xs" />
            <Text size="sm" c="dimmed">
              {t("intake.preview.refreshing")}
            </Text>
          </Group>
        ) : null}
      </Group>
      <Paper withBorder p={{ base: "sm", sm: "md" }}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t("intake.preview.intro", { entity: entityName })}
          </Text>
          <Detected preview={data} request={request} onFormat={props.onFormat} />
        </Stack>
      </Paper>

      <Stack gap="sm" component="section" aria-labelledby="intake-columns">
        <Group justify="space-between" align="flex-end" gap="xs">
          <div style={{ flex: "1 1 320px" }}>
            <Title order={3} size="h4" id="intake-columns">
              {t("intake.preview.columnsTitle")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("intake.preview.columnsText")}
            </Text>
          </div>
          {hasOverrides ? (
            <Button variant="subtle" size="xs" onClick={props.onResetMap}>
              {t("intake.preview.reset")}
            </Button>
          ) : null}
        </Group>
        <Requirements
          entity={request.entity}
          preview={data}
          defaults={request.defaults}
          onDefault={props.onDefault}
        />
        <MappingProblems entity={request.entity} preview={data} />
        <Box className={refreshing ? "intake-busy" : undefined}>
          <MappingTable entity={request.entity} preview={data} onChange={props.onMap} disabled={false} />
        </Box>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="intake-rows">
        <div>
          <Title order={3} size="h4" id="intake-rows">
            {t("intake.preview.rowsTitle", { shown: formatNumber(data.rows.length, language) })}
          </Title>
          <Text size="sm" c="dimmed">
            {t("intake.preview.rowsText")}
          </Text>
        </div>
        {data.rows.length === 0 ? (
          <Text>{t("intake.preview.noRows")}</Text>
        ) : (
          <Box className={refreshing ? "intake-busy" : undefined} aria-busy={refreshing}>
            <RowsTable entity={request.entity} preview={data} checked={data.mappingErrors.length === 0} />
          </Box>
        )}
      </Stack>

      <Paper withBorder p={{ base: "sm", sm: "md" }} bg="gray.0">
        <Stack gap="md">
          <Checkbox
            checked={props.dryRun}
            onChange={(event) => props.onDryRun(event.currentTarget.checked)}
            label={t("intake.preview.dryRun")}
            description={t("intake.preview.dryRunHint")}
            data-testid="dry-run"
          />
          <Group gap="sm">
            <Button variant="default" onClick={props.onBack}>
              {t("intake.preview.back")}
            </Button>
            <Button
              onClick={props.onStart}
              disabled={!ready}
              loading={props.starting}
              data-testid="start-import"
            >
              {props.dryRun ? t("intake.preview.startDry") : t(`intake.entities.${request.entity}.start`)}
            </Button>
            {!ready && data.mappingErrors.length > 0 ? (
              <Text size="sm" c="red.9">
                {t("intake.preview.fixFirst")}
              </Text>
            ) : null}
          </Group>
          <StartError error={props.startError} />
        </Stack>
      </Paper>
    </Stack>
  );
}

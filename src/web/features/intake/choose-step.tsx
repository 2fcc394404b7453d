import {
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  Progress,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type DragEvent, useId, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.ts";
import { toCsv } from "./csv.ts";
import { acceptedExtensions, type Entity, entities, entityFields, hasAcceptedExtension } from "./fields.ts";
import { formatBytes } from "./labels.ts";
import { StepHeading } from "./step-heading.tsx";

type ChooseStepProps = {
  entity: Entity | null;
  onEntity: (entity: Entity) => void;
  file: File | null;
  onFile: (file: File | null) => void;
  /** Bytes sent of the total while uploading. */
  uploading: { sent: number; total: number } | null;
  onCancelUpload: () => void;
  problem: string | null;
  onNext: () => void;
};

function EntityChoice({ entity, onEntity }: Pick<ChooseStepProps, "entity" | "onEntity">) {
  const { t } = useI18n();
  return (
    <Radio.Group
      value={entity}
      onChange={(value) => onEntity(value as Entity)}
      label={t("intake.choose.entityLabel")}
      labelProps={{ fz: "md", fw: 600, mb: "xs" }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {entities.map((e) => (
          <Radio.Card
            key={e}
            value={e}
            p="md"
            radius="md"
            className="intake-choice"
            data-testid={`entity-${e}`}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator mt={2} />
              <div>
                <Text fw={600}>{t(`intake.entities.${e}.name`)}</Text>
                <Text size="sm" c="dimmed">
                  {t(`intake.entities.${e}.text`)}
                </Text>
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** A header-only CSV with the entity's field names, which the server maps without a guess. */
function templateHref(entity: Entity): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(entityFields[entity], []))}`;
}

function FileDrop({
  file,
  onFile,
  disabled,
}: {
  file: File | null;
  onFile: (f: File) => void;
  disabled: boolean;
}) {
  const { t, language } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const hintId = useId();
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !disabled) onFile(dropped);
  };
  return (
    <Box
      className="intake-drop"
      data-over={over || undefined}
      data-testid="file-drop"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <Stack align="center" gap="xs" py={{ base: "md", sm: "xl" }} px="md">
        <UploadIcon />
        {file ? (
          <Text fw={600} ta="center" style={{ wordBreak: "break-word" }} data-testid="chosen-file">
            {file.name}{" "}
            <Text span c="dimmed" fw={400}>
              · {formatBytes(file.size, language)}
            </Text>
          </Text>
        ) : (
          <Text fw={600} ta="center">
            {t("intake.choose.drop")}
          </Text>
        )}
        <Button
          variant={file ? "default" : "filled"}
          onClick={() => input.current?.click()}
          disabled={disabled}
          aria-describedby={hintId}
        >
          {file ? t("intake.choose.change") : t("intake.choose.browse")}
        </Button>
        <Text size="sm" c="dimmed" ta="center" id={hintId}>
          {t("intake.choose.accepts")}
        </Text>
      </Stack>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept={acceptedExtensions.join(",")}
          tabIndex={-1}
          aria-label={t("intake.choose.fileLabel")}
          data-testid="file-input"
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            if (chosen) onFile(chosen);
            event.currentTarget.value = ""; // choosing the same file again still fires
          }}
        />
      </VisuallyHidden>
    </Box>
  );
}

export function ChooseStep(props: ChooseStepProps) {
  const { t, language } = useI18n();
  const { entity, file, uploading, problem } = props;
  const [typeProblem, setTypeProblem] = useState<string | null>(null);
  const choose = (chosen: File) => {
    if (!hasAcceptedExtension(chosen.name)) {
      setTypeProblem(t("intake.choose.wrongType", { name: chosen.name }));
      return;
    }
    setTypeProblem(null);
    props.onFile(chosen);
  };
  const shown = typeProblem ?? problem;
  const percent = uploading && uploading.total > 0 ? Math.round((uploading.sent / uploading.total) * 100) : 0;
  return (
    <Stack gap="lg">
      <StepHeading>{t("intake.choose.title")}</StepHeading>
      <EntityChoice entity={entity} onEntity={props.onEntity} />
      <Stack gap="xs">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={3} size="h5">
            {t("intake.choose.fileLabel")}
          </Title>
          {entity ? (
            <Anchor href={templateHref(entity)} download={`${entity}-template.csv`} size="sm">
              {t("intake.choose.template", { entity: t(`intake.entities.${entity}.name`) })}
            </Anchor>
          ) : null}
        </Group>
        <FileDrop file={file} onFile={choose} disabled={uploading !== null} />
      </Stack>
      {shown ? (
        <Alert color="red" variant="light" role="alert" data-testid="choose-problem">
          {shown}
        </Alert>
      ) : null}
      {uploading ? (
        <Paper withBorder p="md">
          <Stack gap={6}>
            <Group justify="space-between">
              <Text size="sm" fw={500} id="upload-label">
                {t("intake.choose.uploading", { percent })}
              </Text>
              <Text size="sm" c="dimmed">
                {formatBytes(uploading.sent, language)} / {formatBytes(uploading.total, language)}
              </Text>
            </Group>
            <Progress value={percent} aria-labelledby="upload-label" animated />
            <div>
              <Button variant="default" size="xs" onClick={props.onCancelUpload}>
                {t("intake.choose.cancelUpload")}
              </Button>
            </div>
          </Stack>
        </Paper>
      ) : (
        <Group>
          <Button onClick={props.onNext} disabled={!entity || !file} data-testid="upload-next">
            {t("intake.choose.next")}
          </Button>
          {!entity || !file ? (
            <Text size="sm" c="dimmed">
              {!entity ? t("intake.choose.needEntity") : t("intake.choose.needFile")}
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}

function UploadIcon() {
  return (
    <svg width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M12 15V4m0 0L8 8m4-4 4 4M5 14v4a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

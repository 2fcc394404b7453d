import { Alert, Group, List, Select, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { defaultable, type Entity, requiredGroups } from "./fields.ts";
import type { Preview } from "./intake-api.ts";
import { useFieldLabel, useFieldList } from "./labels.ts";
import { readMappingError } from "./reasons.ts";

/** The required fields of the entity, each with the column that feeds it, its default, or a clear "none". */
export function Requirements({
  entity,
  preview,
  defaults,
  onDefault,
}: {
  entity: Entity;
  preview: Preview;
  defaults: Record<string, string>;
  onDefault: (field: string, value: string | null) => void;
}) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const list = useFieldList();
  const columnOf = (field: string) => preview.mapping.find((m) => m.field === field)?.column;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t("intake.preview.requiredTitle")}
      </Title>
      <List spacing={6} size="sm" listStyleType="none" data-testid="required-fields">
        {requiredGroups[entity].map((group) => {
          const mapped = group
            .map((f) => ({ field: f, column: columnOf(f) }))
            .find((m) => m.column !== undefined);
          const byDefault = group.find((f) => defaults[f] !== undefined);
          const values = group.length === 1 ? defaultable[entity]?.[group[0] ?? ""] : undefined;
          const met = Boolean(mapped ?? byDefault);
          const name = list(entity, group);
          return (
            <List.Item key={group.join("|")} data-met={met}>
              <Group gap="xs" wrap="wrap" align="center">
                <Text span fw={700} c={met ? "teal.9" : "red.9"} aria-hidden="true" w={16}>
                  {met ? "✓" : "✕"}
                </Text>
                <Text span size="sm" c={met ? undefined : "red.9"} fw={met ? 400 : 600}>
                  {mapped
                    ? t("intake.preview.requiredMet", {
                        field: label(entity, mapped.field),
                        column: mapped.column,
                      })
                    : values
                      ? byDefault
                        ? t("intake.preview.requiredPicked", { field: name })
                        : t("intake.preview.requiredPick", { field: name })
                      : byDefault
                        ? t("intake.preview.requiredDefault", { field: name, value: defaults[byDefault] })
                        : t("intake.preview.requiredMissing", { field: name })}
                </Text>
                {values && !mapped ? (
                  <Select
                    aria-label={t("intake.preview.defaultFor", { field: name })}
                    placeholder={t("intake.preview.defaultPlaceholder")}
                    data={values.map((v) => ({
                      value: v,
                      label: t(`intake.values.${entity}.${v}` as "intake.values.requests.complaint"),
                    }))}
                    value={defaults[group[0] ?? ""] ?? null}
                    onChange={(value) => onDefault(group[0] ?? "", value)}
                    size="xs"
                    w={200}
                    clearable
                    data-testid={`default-${group[0]}`}
                  />
                ) : null}
              </Group>
            </List.Item>
          );
        })}
      </List>
    </Stack>
  );
}

export function MappingProblems({ entity, preview }: { entity: Entity; preview: Preview }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const list = useFieldList();
  if (preview.mappingErrors.length === 0) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t("intake.preview.problemsMapping")}
      role="alert"
      data-testid="mapping-errors"
      styles={{ title: { color: "var(--mantine-color-red-9)" } }}
    >
      <List size="sm" spacing={4}>
        {preview.mappingErrors.map((error) => {
          const problem = readMappingError(error);
          const text =
            problem.code === "missing_field"
              ? t("intake.preview.mappingError.missing_field", { fields: list(entity, problem.fields) })
              : problem.code === "duplicate_field"
                ? t("intake.preview.mappingError.duplicate_field", {
                    field: label(entity, problem.field),
                    columns: problem.columns,
                  })
                : problem.code === "unknown_column"
                  ? t("intake.preview.mappingError.unknown_column", { column: problem.column })
                  : problem.code === "unknown_field"
                    ? t("intake.preview.mappingError.unknown_field", { field: problem.field })
                    : problem.message;
          return <List.Item key={error.message}>{text}</List.Item>;
        })}
      </List>
    </Alert>
  );
}

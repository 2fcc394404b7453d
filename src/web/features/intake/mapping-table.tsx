import { type ComboboxStringGroupData, Group, NativeSelect, Paper, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useI18n } from "../../i18n/index.ts";
import { type Entity, entityFields, IGNORE } from "./fields.ts";
import type { MappingLine, Preview } from "./intake-api.ts";
import { useFieldLabel } from "./labels.ts";
import { Tag, type Tone } from "./tag.tsx";

/** The select's value for "let the server keep this column as a customer attribute" (no override). */
export const ATTRIBUTE = "__attribute";

type MappingTableProps = {
  entity: Entity;
  preview: Preview;
  onChange: (column: string, value: string) => void;
  disabled: boolean;
};

/** What the column's select shows: the field it feeds, or how it is left out. */
export function selectValue(entity: Entity, line: MappingLine): string {
  if (line.field) return line.field;
  if (entity === "customers" && line.how === "attribute") return ATTRIBUTE;
  return IGNORE;
}

function MatchBadge({ line }: { line: MappingLine }) {
  const { t } = useI18n();
  const percent = Math.round(line.confidence * 100);
  const [tone, text]: [Tone, string] =
    line.how === "exact"
      ? ["good", t("intake.preview.how.exact")]
      : line.how === "override"
        ? ["info", t("intake.preview.how.override")]
        : line.how === "weak" || line.how === "partial"
          ? ["warn", t("intake.preview.how.guess", { percent })]
          : line.how === "attribute"
            ? ["neutral", t("intake.preview.how.attribute")]
            : line.how === "ignored"
              ? ["neutral", t("intake.preview.how.ignored")]
              : ["neutral", t("intake.preview.how.unmapped")];
  return <Tag tone={tone}>{text}</Tag>;
}

/** The first non-empty value of a column among the preview rows: an example beside its name. */
function example(preview: Preview, index: number): string {
  for (const row of preview.rows) {
    const cell = row.cells[index];
    if (cell !== null && cell !== undefined && cell.trim() !== "") return cell;
  }
  return "";
}

function FieldSelect({
  entity,
  line,
  index,
  options,
  onChange,
  disabled,
  label,
}: {
  entity: Entity;
  line: MappingLine;
  index: number;
  options: ComboboxStringGroupData;
  onChange: (column: string, value: string) => void;
  disabled: boolean;
  label?: string;
}) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={label}
      labelProps={{ fw: 400, c: "dimmed" }}
      aria-label={label ? undefined : t("intake.preview.fieldOf", { column: line.column || index + 1 })}
      data={options}
      value={selectValue(entity, line)}
      onChange={(event) => onChange(line.column, event.currentTarget.value)}
      disabled={disabled}
      size="sm"
      data-testid={`field-${line.column}`}
    />
  );
}

/** The columns as a table; on a phone as one card per column, the select at full width. */
export function MappingTable({ entity, preview, onChange, disabled }: MappingTableProps) {
  const { t } = useI18n();
  const label = useFieldLabel();
  const phone = useMediaQuery("(max-width: 47.99em)");
  const options: ComboboxStringGroupData = [
    { value: IGNORE, label: t("intake.preview.ignore") },
    ...(entity === "customers" ? [{ value: ATTRIBUTE, label: t("intake.preview.attribute") }] : []),
    {
      group: t("intake.preview.fieldsGroup"),
      items: entityFields[entity].map((field) => ({ value: field, label: label(entity, field) })),
    },
  ];
  const name = (line: MappingLine, index: number) =>
    line.column || t("intake.preview.noHeader", { n: index + 1 });
  if (phone) {
    return (
      <Stack gap="sm" data-testid="mapping-table">
        {preview.mapping.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; the position is the column
          <Paper key={index} withBorder p="sm" data-testid={`mapping-${line.column}`}>
            <Stack gap={6}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={600} style={{ wordBreak: "break-word" }}>
                  {name(line, index)}
                </Text>
                <MatchBadge line={line} />
              </Group>
              {example(preview, index) ? (
                <Text size="sm" c="dimmed" truncate="end">
                  {t("intake.preview.exampleValue", { value: example(preview, index) })}
                </Text>
              ) : null}
              <FieldSelect
                entity={entity}
                line={line}
                index={index}
                options={options}
                onChange={onChange}
                disabled={disabled}
                label={t("intake.preview.fieldOf", { column: name(line, index) })}
              />
            </Stack>
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table verticalSpacing="xs" data-testid="mapping-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t("intake.preview.column")}</Table.Th>
          <Table.Th>{t("intake.preview.example")}</Table.Th>
          <Table.Th>{t("intake.preview.field")}</Table.Th>
          <Table.Th>{t("intake.preview.match")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.mapping.map((line, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header; the position is the column
          <Table.Tr key={index} data-testid={`mapping-${line.column}`}>
            <Table.Td>
              <Text size="sm" fw={600} style={{ wordBreak: "break-word" }}>
                {name(line, index)}
              </Text>
            </Table.Td>
            <Table.Td maw={220}>
              <Text size="sm" c="dimmed" truncate="end" title={example(preview, index)}>
                {example(preview, index) || "—"}
              </Text>
            </Table.Td>
            <Table.Td miw={200}>
              <FieldSelect
                entity={entity}
                line={line}
                index={index}
                options={options}
                onChange={onChange}
                disabled={disabled}
              />
            </Table.Td>
            <Table.Td>
              <MatchBadge line={line} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useI18n } from "../../i18n/index.ts";
import {
  type Compare,
  previewRule,
  type RuleCondition,
  type RuleDefinition,
  type RuleField,
  rfmSegments,
} from "./segments-api.ts";

const fields: RuleField[] = [
  "location",
  "channel",
  "orders",
  "revenue",
  "lastOrderDays",
  "complained",
  "nps",
  "attribute",
  "rfm",
];

/** A fresh condition of a kind, with values a person is likely to want. */
export function blankCondition(field: RuleField): RuleCondition {
  switch (field) {
    case "location":
      return { field, locations: [] };
    case "channel":
      return { field, channels: [] };
    case "orders":
      return { field, op: "gte", value: 3 };
    case "revenue":
      return { field, op: "gte", value: 100_000 };
    case "lastOrderDays":
      return { field, op: "gte", value: 90 };
    case "complained":
      return { field, withinDays: 90 };
    case "nps":
      return { field, op: "lte", value: 6 };
    case "attribute":
      return { field, key: "", op: "eq", value: "" };
    case "rfm":
      return { field, segments: [] };
  }
}

/** Whether every condition is filled in (the server checks again). */
export function isComplete(def: RuleDefinition): boolean {
  return (
    def.conditions.length > 0 &&
    def.conditions.every((c) => {
      if (c.field === "location") return c.locations.length > 0;
      if (c.field === "channel") return c.channels.length > 0;
      if (c.field === "rfm") return c.segments.length > 0;
      if (c.field === "attribute") return c.key.trim() !== "";
      return true;
    })
  );
}

type Props = {
  slug: string;
  value: RuleDefinition;
  onChange: (def: RuleDefinition) => void;
  locations: Array<{ id: number; name: string }>;
  channels: string[];
};

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** The filter builder: conditions on where and how customers bought, complaints, NPS and attributes. */
export function RuleBuilder({ slug, value, onChange, locations, channels }: Props) {
  const { t } = useI18n();
  const debounced = useDebounced(value, 400);
  const complete = isComplete(debounced);
  const preview = useQuery({
    queryKey: ["workspace", slug, "segments", "preview", debounced],
    queryFn: () => previewRule(slug, debounced),
    enabled: complete,
  });
  const set = (i: number, c: RuleCondition) =>
    onChange({ ...value, conditions: value.conditions.map((x, j) => (j === i ? c : x)) });
  const compareData = (ops: readonly Compare[]) =>
    ops.map((o) => ({ value: o, label: t(`segmentsPage.builder.ops.${o}`) }));
  const days = (c: { withinDays?: number }, i: number, cond: RuleCondition) => (
    <NumberInput
      label={t("segmentsPage.builder.withinDays")}
      value={c.withinDays ?? ""}
      min={1}
      max={3650}
      allowDecimal={false}
      w={270}
      onChange={(v) =>
        set(i, { ...cond, withinDays: typeof v === "number" ? v : undefined } as RuleCondition)
      }
    />
  );
  return (
    <Stack gap="sm" data-testid="rule-builder">
      <Group gap="sm" align="center">
        <Text size="sm" fw={500}>
          {t("segmentsPage.builder.match")}
        </Text>
        <SegmentedControl
          value={value.match}
          onChange={(m) => onChange({ ...value, match: m as "all" | "any" })}
          data={[
            { value: "all", label: t("segmentsPage.builder.all") },
            { value: "any", label: t("segmentsPage.builder.any") },
          ]}
        />
      </Group>
      {value.conditions.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no identity of their own
        <Paper key={i} withBorder p="sm" data-testid={`condition-${i}`}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label={t("segmentsPage.builder.field")}
              value={c.field}
              allowDeselect={false}
              w={240}
              data={fields.map((f) => ({ value: f, label: t(`segmentsPage.builder.fields.${f}`) }))}
              onChange={(f) => f && set(i, blankCondition(f as RuleField))}
            />
            {c.field === "location" ? (
              <>
                <MultiSelect
                  label={t("segmentsPage.builder.value")}
                  data={locations.map((l) => ({ value: String(l.id), label: l.name }))}
                  value={c.locations.map(String)}
                  onChange={(v) => set(i, { ...c, locations: v.map(Number) })}
                  w={260}
                  searchable
                />
                {days(c, i, c)}
              </>
            ) : null}
            {c.field === "channel" ? (
              <>
                <MultiSelect
                  label={t("segmentsPage.builder.value")}
                  data={channels}
                  value={c.channels}
                  onChange={(v) => set(i, { ...c, channels: v })}
                  w={260}
                />
                {days(c, i, c)}
              </>
            ) : null}
            {c.field === "orders" ||
            c.field === "revenue" ||
            c.field === "nps" ||
            c.field === "lastOrderDays" ? (
              <>
                <Select
                  label={t("segmentsPage.builder.op")}
                  value={c.op}
                  allowDeselect={false}
                  w={150}
                  data={compareData(c.field === "lastOrderDays" ? ["gte", "lte"] : ["gte", "lte", "eq"])}
                  onChange={(o) => o && set(i, { ...c, op: o } as RuleCondition)}
                />
                <NumberInput
                  label={t("segmentsPage.builder.value")}
                  value={c.value}
                  min={0}
                  max={c.field === "nps" ? 10 : undefined}
                  allowDecimal={false}
                  w={160}
                  onChange={(v) => set(i, { ...c, value: typeof v === "number" ? v : 0 } as RuleCondition)}
                />
                {c.field === "orders" || c.field === "revenue" ? days(c, i, c) : null}
              </>
            ) : null}
            {c.field === "complained" ? (
              <>
                <NumberInput
                  label={t("segmentsPage.builder.withinDays")}
                  value={c.withinDays}
                  min={1}
                  max={3650}
                  allowDecimal={false}
                  w={270}
                  onChange={(v) => set(i, { ...c, withinDays: typeof v === "number" && v > 0 ? v : 90 })}
                />
                <Checkbox
                  label={t("segmentsPage.builder.negate")}
                  checked={Boolean(c.negate)}
                  onChange={(e) => set(i, { ...c, negate: e.currentTarget.checked })}
                  mb={8}
                />
              </>
            ) : null}
            {c.field === "attribute" ? (
              <>
                <TextInput
                  label={t("segmentsPage.builder.attributeKey")}
                  value={c.key}
                  maxLength={100}
                  w={180}
                  onChange={(e) => set(i, { ...c, key: e.currentTarget.value })}
                />
                <Select
                  label={t("segmentsPage.builder.op")}
                  value={c.op}
                  allowDeselect={false}
                  w={150}
                  data={[
                    { value: "eq", label: t("segmentsPage.builder.ops.is") },
                    { value: "neq", label: t("segmentsPage.builder.ops.neq") },
                    { value: "contains", label: t("segmentsPage.builder.ops.contains") },
                  ]}
                  onChange={(o) => o && set(i, { ...c, op: o as "eq" | "neq" | "contains" })}
                />
                <TextInput
                  label={t("segmentsPage.builder.value")}
                  value={c.value}
                  maxLength={200}
                  w={180}
                  onChange={(e) => set(i, { ...c, value: e.currentTarget.value })}
                />
              </>
            ) : null}
            {c.field === "rfm" ? (
              <MultiSelect
                label={t("segmentsPage.builder.value")}
                data={rfmSegments.map((r) => ({ value: r, label: t(`segmentsPage.rfm.${r}`) }))}
                value={c.segments}
                onChange={(v) => set(i, { ...c, segments: v as typeof c.segments })}
                w={320}
              />
            ) : null}
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t("segmentsPage.builder.remove")}
              title={t("segmentsPage.builder.remove")}
              disabled={value.conditions.length === 1}
              onClick={() => onChange({ ...value, conditions: value.conditions.filter((_, j) => j !== i) })}
              mb={2}
            >
              ×
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group justify="space-between">
        <Button
          variant="default"
          onClick={() => onChange({ ...value, conditions: [...value.conditions, blankCondition("orders")] })}
          disabled={value.conditions.length >= 20}
          data-testid="add-condition"
        >
          {t("segmentsPage.builder.add")}
        </Button>
        <Text size="sm" aria-live="polite" data-testid="rule-preview">
          {!isComplete(value)
            ? t("segmentsPage.builder.invalid")
            : preview.isFetching || !preview.data
              ? t("segmentsPage.builder.previewing")
              : t("segmentsPage.builder.preview", { count: preview.data.customers })}
        </Text>
      </Group>
    </Stack>
  );
}

import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { ApiError } from "../../app/api.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { minorDigits } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.ts";
import { sliceLabel } from "../speedometer/labels.ts";
import { useSpeedometer } from "../speedometer/speedometer-api.ts";
import {
  type FormErrors,
  type FormField,
  type FormValues,
  serverField,
  toBody,
  validate,
} from "./form-model.ts";
import {
  type Initiative,
  initiativeKinds,
  initiativeStatuses,
  type TargetKind,
  targetKinds,
  useProblemOptions,
  useSaveInitiative,
} from "./initiatives-api.ts";

type FormProps = {
  slug: string;
  currency: string;
  initial: FormValues;
  /** Given when editing. */
  id?: number;
  onSaved: (i: Initiative) => void;
  onCancel: () => void;
};

// Tab order follows the fields; the first field with an error takes the focus on submit.
const order: FormField[] = [
  "title",
  "kind",
  "startedAt",
  "cost",
  "targetValue",
  "lever",
  "owner",
  "description",
];

/** Log or change a pedal: what was done, to what, when, at what cost, by whom. */
export function InitiativeForm({ slug, currency, initial, id, onSaved, onCancel }: FormProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const digits = minorDigits(currency);
  const [v, setV] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<FormField, string>>>({});
  const [submitted, setSubmitted] = useState(false);
  const save = useSaveInitiative(slug, id);
  const refs = useRef<Partial<Record<FormField, HTMLElement | null>>>({});
  const dims = useSpeedometer(slug, {});
  const problems = useProblemOptions(slug, v.targetKind === "problem");

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    const next = { ...v, [key]: value };
    setV(next);
    if (submitted) setErrors(validate(next, digits));
    setServerErrors((s) => ({ ...s, [key === "targetKind" ? "targetValue" : key]: undefined }));
  };

  const errorOf = (f: FormField): string | undefined => {
    const e = errors[f];
    if (e) return t(`initiativesPage.errors.${e}`);
    const s = serverErrors[f];
    return s ? t("initiativesPage.errors.server", { message: s }) : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(v, digits);
    setErrors(found);
    const first = order.find((f) => found[f]);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    save.mutate(toBody(v, digits), {
      onSuccess: onSaved,
      onError: (error) => {
        if (error instanceof ApiError && error.code === "validation") {
          const byField: Partial<Record<FormField, string>> = {};
          for (const [path, message] of Object.entries(error.fieldErrors())) {
            const f = serverField(path);
            if (f) byField[f] = message;
          }
          setServerErrors(byField);
          const firstServer = order.find((f) => byField[f]);
          if (firstServer) refs.current[firstServer]?.focus();
        }
      },
    });
  };

  const dimensions = dims.data?.dimensions;
  const targetOptions = (kind: TargetKind | "all") => {
    if (kind === "all") return [];
    if (kind === "problem")
      return (problems.data?.problems ?? []).map((p) => ({
        value: String(p.id),
        label: `#${p.id} ${p.displayLabel}`,
      }));
    return (dimensions?.[kind] ?? []).map((o) => ({
      value: o.value,
      label: sliceLabel(t, kind, o.value, o.label),
    }));
  };
  const options = targetOptions(v.targetKind);
  // A stored target the lists do not name (e.g. written by an import) stays choosable as it is.
  const withCurrent =
    v.targetValue !== "" && !options.some((o) => o.value === v.targetValue)
      ? [...options, { value: v.targetValue, label: v.targetValue }]
      : options;
  const ref = (f: FormField) => (el: HTMLElement | null) => {
    refs.current[f] = el;
  };

  return (
    <Paper withBorder p="lg" radius="md" maw={860}>
      <form onSubmit={submit} noValidate data-testid="initiative-form">
        <Stack gap="md">
          <TextInput
            ref={ref("title")}
            label={t("initiativesPage.fields.title")}
            description={t("initiativesPage.fields.titleHint")}
            value={v.title}
            onChange={(e) => set("title", e.currentTarget.value)}
            error={errorOf("title")}
            required
            data-testid="field-title"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              ref={ref("kind")}
              label={t("initiativesPage.fields.kind")}
              description={t("initiativesPage.fields.kindHint")}
              placeholder={t("initiativesPage.fields.choose")}
              data={initiativeKinds.map((k) => ({ value: k, label: t(`initiativesPage.kinds.${k}`) }))}
              value={v.kind === "" ? null : v.kind}
              onChange={(x) => set("kind", (x ?? "") as FormValues["kind"])}
              error={errorOf("kind")}
              required
              data-testid="field-kind"
            />
            <Select
              label={t("initiativesPage.fields.status")}
              data={initiativeStatuses.map((s) => ({ value: s, label: t(`initiativesPage.statuses.${s}`) }))}
              value={v.status}
              onChange={(x) => x && set("status", x as FormValues["status"])}
              allowDeselect={false}
              data-testid="field-status"
            />
            <TextInput
              ref={ref("startedAt")}
              type="date"
              label={t("initiativesPage.fields.startedAt")}
              description={t("initiativesPage.fields.startedAtHint")}
              value={v.startedAt}
              onChange={(e) => set("startedAt", e.currentTarget.value)}
              error={errorOf("startedAt")}
              required
              data-testid="field-startedAt"
            />
            <TextInput
              ref={ref("cost")}
              label={t("initiativesPage.fields.cost", { currency })}
              description={t("initiativesPage.fields.costHint")}
              inputMode="decimal"
              value={v.cost}
              onChange={(e) => set("cost", e.currentTarget.value)}
              error={errorOf("cost")}
              data-testid="field-cost"
            />
            <Select
              label={t("initiativesPage.fields.targetKind")}
              description={t("initiativesPage.fields.targetHint")}
              data={[
                { value: "all", label: t("initiativesPage.targets.all") },
                ...targetKinds.map((k) => ({ value: k, label: t(`initiativesPage.targets.${k}`) })),
              ]}
              value={v.targetKind}
              onChange={(x) => {
                if (!x) return;
                const next = { ...v, targetKind: x as FormValues["targetKind"], targetValue: "" };
                setV(next);
                if (submitted) setErrors(validate(next, digits));
              }}
              allowDeselect={false}
              data-testid="field-targetKind"
            />
            {v.targetKind === "all" ? null : (
              <Select
                ref={ref("targetValue")}
                label={t(`initiativesPage.targets.${v.targetKind}`)}
                placeholder={t("initiativesPage.fields.choose")}
                data={withCurrent}
                value={v.targetValue === "" ? null : v.targetValue}
                onChange={(x) => set("targetValue", x ?? "")}
                searchable
                nothingFoundMessage={t("initiativesPage.fields.nothingFound")}
                error={errorOf("targetValue")}
                required
                data-testid="field-targetValue"
              />
            )}
            <TextInput
              ref={ref("lever")}
              label={t("initiativesPage.fields.lever")}
              description={t("initiativesPage.fields.leverHint")}
              value={v.lever}
              onChange={(e) => set("lever", e.currentTarget.value)}
              error={errorOf("lever")}
              data-testid="field-lever"
            />
            <TextInput
              ref={ref("owner")}
              label={t("initiativesPage.fields.owner")}
              value={v.owner}
              onChange={(e) => set("owner", e.currentTarget.value)}
              error={errorOf("owner")}
              data-testid="field-owner"
            />
          </SimpleGrid>
          <Textarea
            ref={ref("description")}
            label={t("initiativesPage.fields.description")}
            autosize
            minRows={3}
            value={v.description}
            onChange={(e) => set("description", e.currentTarget.value)}
            error={errorOf("description")}
            data-testid="field-description"
          />
          {save.isError && !(save.error instanceof ApiError && save.error.code === "validation") ? (
            <Alert color="red" variant="light" role="alert" title={t("errors.title")}>
              {errorText(save.error)}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} data-testid="initiative-save">
              {id === undefined ? t("initiativesPage.form.create") : t("initiativesPage.form.save")}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t("initiativesPage.form.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

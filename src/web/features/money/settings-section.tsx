import { Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useErrorText } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import { type MoneySettings, useSaveSettings } from "./money-api.ts";
import { Section } from "./parts.tsx";
import {
  draftErrors,
  draftOf,
  type SettingField,
  type SettingsDraft,
  settingFields,
  settingsPatch,
} from "./settings-form.ts";

const hints: Record<SettingField, string> = {
  horizonMonths: "horizonHint",
  margin: "marginHint",
  annualDiscountRate: "discountHint",
  atRiskThreshold: "thresholdHint",
  periodDays: "periodHint",
  fastResolutionHours: "fastHint",
};

type Props = { slug: string; settings: MoneySettings; mayChange: boolean; stale: boolean };

/** The CLV settings: owners, managers, advocates and analysts edit them; a change shows as a stale fit until the models are fitted again. */
export function SettingsSection({ slug, settings, mayChange, stale }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const save = useSaveSettings(slug);
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(settings));
  const [tried, setTried] = useState(false);
  const [unchanged, setUnchanged] = useState(false);
  // When the saved settings change (saved here or elsewhere), the form shows them.
  useEffect(() => setDraft(draftOf(settings)), [settings]);
  const errors = new Set(draftErrors(draft));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (errors.size > 0) return;
    const patch = settingsPatch(draft, settings);
    setUnchanged(Object.keys(patch).length === 0);
    if (Object.keys(patch).length > 0) save.mutate(patch);
  };
  const hint = (field: SettingField) =>
    t(`moneyPage.settings.${hints[field]}` as "moneyPage.settings.marginHint");
  return (
    <Section id="money-settings" title={t("moneyPage.settings.title")} text={t("moneyPage.settings.text")}>
      <Paper withBorder p={{ base: "md", sm: "lg" }}>
        <form onSubmit={submit} noValidate data-testid="money-settings-form">
          <Stack gap="md">
            {!mayChange ? (
              <Text size="sm" c="dimmed" data-testid="settings-read-only">
                {t("moneyPage.settings.readOnly")}
              </Text>
            ) : null}
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {settingFields.map((field) => (
                <TextInput
                  key={field}
                  label={t(`moneyPage.settings.${field}`)}
                  description={hint(field)}
                  value={draft[field]}
                  inputMode="decimal"
                  readOnly={!mayChange}
                  disabled={!mayChange}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setDraft((d) => ({ ...d, [field]: value }));
                    setUnchanged(false);
                  }}
                  error={tried && errors.has(field) ? t("moneyPage.settings.invalid") : undefined}
                  data-testid={`setting-${field}`}
                />
              ))}
            </SimpleGrid>
            {mayChange ? (
              <Group gap="sm">
                <Button type="submit" loading={save.isPending} data-testid="save-settings">
                  {t("moneyPage.settings.save")}
                </Button>
                {save.isSuccess && stale && !unchanged ? (
                  <Text size="sm" c="teal.9" role="status" data-testid="settings-saved">
                    {t("moneyPage.settings.saved")}
                  </Text>
                ) : null}
                {unchanged ? (
                  <Text size="sm" c="dimmed" role="status">
                    {t("moneyPage.settings.unchanged")}
                  </Text>
                ) : null}
                {save.isError ? (
                  <Text size="sm" c="red.9" role="alert">
                    {errorText(save.error)}
                  </Text>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </form>
      </Paper>
    </Section>
  );
}

import { Button, Group, Paper, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import type { Role, Workspace } from "../../app/types.ts";
import { ErrorAlert, useErrorText } from "../../components/error-alert.tsx";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { Section } from "./section.tsx";
import { useUpdateWorkspace } from "./settings-api.ts";

function timeZones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(current) ? all : [current, ...all];
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </div>
  );
}

function EditForm({ workspace }: { workspace: Workspace }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const update = useUpdateWorkspace(workspace.slug);
  const [name, setName] = useState(workspace.name);
  const [currency, setCurrency] = useState(workspace.currency);
  const [timeZone, setTimeZone] = useState(workspace.timeZone);
  const zones = useMemo(() => timeZones(workspace.timeZone), [workspace.timeZone]);
  const currencyOk = /^[A-Za-z]{3}$/.test(currency.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !currencyOk) return;
    update.mutate({ name: name.trim(), currency: currency.trim().toUpperCase(), timeZone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label={t("settings.workspace.name")}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={name.trim() ? undefined : t("errors.required")}
          />
          <TextInput
            label={t("settings.workspace.currency")}
            description={t("workspaces.currencyHint")}
            required
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
            error={currencyOk ? undefined : t("errors.fieldInvalid")}
          />
          <Select
            label={t("settings.workspace.timeZone")}
            data={zones}
            value={timeZone}
            onChange={(value) => value && setTimeZone(value)}
            searchable
            allowDeselect={false}
          />
        </SimpleGrid>
        <Group gap="sm">
          <Button type="submit" loading={update.isPending}>
            {t("common.save")}
          </Button>
          {update.isSuccess ? (
            <Text size="sm" c="teal.9" role="status">
              {t("common.saved")}
            </Text>
          ) : null}
          {update.isError ? (
            <Text size="sm" c="red.9" role="alert">
              {errorText(update.error)}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

export function WorkspaceSection({ details, role }: { details: UseQueryResult<Workspace>; role: Role }) {
  const { t, language } = useI18n();
  return (
    <Section id="settings-workspace" title={t("settings.workspace.title")}>
      <Paper withBorder p={{ base: "md", sm: "lg" }}>
        {details.isPending ? (
          <Skeleton h={80} />
        ) : details.isError ? (
          <ErrorAlert error={details.error} onRetry={() => void details.refetch()} />
        ) : (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
              <Fact label={t("settings.workspace.slug")} value={`/w/${details.data.slug}`} />
              <Fact label={t("settings.workspace.yourRole")} value={t(`roles.${role}`)} />
              <Fact
                label={t("settings.workspace.created")}
                value={formatDate(details.data.createdAt, language)}
              />
              {role === "owner" ? null : (
                <>
                  <Fact label={t("settings.workspace.name")} value={details.data.name} />
                  <Fact label={t("settings.workspace.currency")} value={details.data.currency} />
                  <Fact label={t("settings.workspace.timeZone")} value={details.data.timeZone} />
                </>
              )}
            </SimpleGrid>
            {role === "owner" ? (
              <EditForm key={details.data.id} workspace={details.data} />
            ) : (
              <Text size="sm" c="dimmed">
                {t("settings.workspace.onlyOwner")}
              </Text>
            )}
          </Stack>
        )}
      </Paper>
    </Section>
  );
}

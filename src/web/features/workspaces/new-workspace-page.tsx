import { Alert, Anchor, Button, Select, Stack, Text, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../app/api.ts";
import { meKey, useMe } from "../../app/auth.ts";
import { workspacePath } from "../../app/modules.ts";
import type { Workspace } from "../../app/types.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import { AuthLayout } from "../auth/auth-layout.tsx";

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function NewWorkspacePage() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const me = useMe().data;
  const client = useQueryClient();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("");
  const [timeZone, setTimeZone] = useState(browserTimeZone());
  const [tried, setTried] = useState(false);
  const zones = useMemo(() => Intl.supportedValuesOf("timeZone"), []);
  const create = useMutation({
    mutationFn: (body: { name: string; currency?: string; timeZone?: string }) =>
      api<Workspace>("/api/workspaces", { method: "POST", body }),
    onSuccess: async (workspace) => {
      await client.invalidateQueries({ queryKey: meKey });
      navigate(workspacePath(workspace.slug));
    },
  });
  const currencyOk = currency.trim() === "" || /^[A-Za-z]{3}$/.test(currency.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!name.trim() || !currencyOk) return;
    create.mutate({ name: name.trim(), currency: currency.trim().toUpperCase() || undefined, timeZone });
  };
  const first = me?.workspaces[0];
  return (
    <AuthLayout title={t("workspaces.newTitle")}>
      <Stack gap="md">
        {me && me.workspaces.length === 0 ? (
          <Alert color="gray" variant="light">
            {t("workspaces.none")}
          </Alert>
        ) : (
          <Text size="sm">{t("workspaces.newText")}</Text>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t("workspaces.name")}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={tried && !name.trim() ? t("errors.required") : undefined}
            />
            <TextInput
              label={t("workspaces.currency")}
              description={t("workspaces.currencyHint")}
              maxLength={3}
              value={currency}
              onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
              error={currencyOk ? undefined : t("errors.fieldInvalid")}
            />
            <Select
              label={t("workspaces.timeZone")}
              data={zones.includes(timeZone) ? zones : [timeZone, ...zones]}
              value={timeZone}
              onChange={(value) => value && setTimeZone(value)}
              searchable
              allowDeselect={false}
            />
            {create.isError ? (
              <Text c="red.9" size="sm" role="alert">
                {errorText(create.error)}
              </Text>
            ) : null}
            <Button type="submit" loading={create.isPending} fullWidth>
              {t("workspaces.submit")}
            </Button>
          </Stack>
        </form>
        {first ? (
          <Anchor component={Link} to={workspacePath(first.slug)} size="sm" ta="center">
            {t("common.cancel")}
          </Anchor>
        ) : null}
      </Stack>
    </AuthLayout>
  );
}

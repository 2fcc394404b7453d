import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import { useMe } from "../../app/auth.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { useErrorText } from "../../components/error-alert.tsx";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { StatusTag } from "./figures.tsx";
import { type ProblemDetail, statuses, useMembers, usePatchProblem } from "./problems-api.ts";
import { canListMembers, isDay } from "./score.ts";

type Props = { slug: string; detail: ProblemDetail; canManage: boolean };

/** Owner, status, due date and name: editable for those who manage problems, plain text for the rest. */
export function ManagePanel({ slug, detail, canManage }: Props) {
  const { t, language } = useI18n();
  const p = detail.problem;
  if (!canManage)
    return (
      <Paper withBorder p="md" data-testid="problem-facts">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t("problemsPage.manage.owner")} value={p.owner?.name ?? t("problemsPage.noOwner")} />
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("problemsPage.manage.status")}
            </Text>
            <div>
              <StatusTag status={p.status} />
            </div>
          </Stack>
          <Fact
            label={t("problemsPage.manage.due")}
            value={p.dueDate ? formatDate(`${p.dueDate}T12:00:00Z`, language, "UTC") : "—"}
          />
        </SimpleGrid>
      </Paper>
    );
  return <Editor slug={slug} detail={detail} />;
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text>{value}</Text>
    </Stack>
  );
}

function Editor({ slug, detail }: { slug: string; detail: ProblemDetail }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const workspace = useCurrentWorkspace();
  const me = useMe().data?.user;
  const p = detail.problem;
  const patch = usePatchProblem(slug, p.id);
  const members = useMembers(slug, canListMembers(workspace.role));
  const [name, setName] = useState(p.customLabel ?? "");
  const [due, setDue] = useState(p.dueDate ?? "");
  const [saved, setSaved] = useState<string>();
  useEffect(() => setName(p.customLabel ?? ""), [p.customLabel]);
  useEffect(() => setDue(p.dueDate ?? ""), [p.dueDate]);

  // Everyone in the list when the server shows it; otherwise the current owner and oneself.
  const people = new Map<number, string>();
  for (const m of members.data?.members ?? []) people.set(m.userId, m.name || m.email);
  if (p.owner) people.set(p.owner.id, p.owner.name);
  if (me) people.set(me.id, me.name || me.email);
  const ownerOptions = [...people].map(([id, label]) => ({
    value: String(id),
    label: me && id === me.id ? `${label} (${t("common.you")})` : label,
  }));

  const save = (body: Parameters<typeof patch.mutate>[0], what: string) =>
    patch.mutate(body, { onSuccess: () => setSaved(what) });
  const rename = (e: FormEvent) => {
    e.preventDefault();
    save({ customLabel: name.trim() || null }, "name");
  };
  const dueInvalid = due !== "" && !isDay(due);

  return (
    <Paper withBorder p="md" data-testid="problem-manage">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t("problemsPage.manage.title")}
        </Title>
        <form onSubmit={rename}>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t("problemsPage.manage.name")}
              description={t("problemsPage.manage.nameHint", { label: p.label })}
              placeholder={p.label}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ flex: "1 1 320px" }}
              data-testid="rename-input"
            />
            <Button
              type="submit"
              loading={patch.isPending && patch.variables?.customLabel !== undefined}
              data-testid="rename-save"
            >
              {t("problemsPage.manage.rename")}
            </Button>
            {p.customLabel ? (
              <Button
                variant="subtle"
                onClick={() => save({ customLabel: null }, "name")}
                data-testid="rename-reset"
              >
                {t("problemsPage.manage.automaticName")}
              </Button>
            ) : null}
          </Group>
        </form>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t("problemsPage.manage.owner")}
            placeholder={t("problemsPage.noOwner")}
            data={ownerOptions}
            value={p.owner ? String(p.owner.id) : null}
            onChange={(v) => save({ ownerId: v ? Number(v) : null }, "owner")}
            clearable
            searchable
            nothingFoundMessage={t("problemsPage.manage.nobody")}
            data-testid="owner-select"
          />
          <Select
            label={t("problemsPage.manage.status")}
            data={statuses.map((s) => ({ value: s, label: t(`problemsPage.status.${s}`) }))}
            value={p.status}
            onChange={(v) => v && save({ status: v as (typeof statuses)[number] }, "status")}
            allowDeselect={false}
            data-testid="status-select"
          />
          <TextInput
            type="date"
            label={t("problemsPage.manage.due")}
            value={due}
            onChange={(e) => setDue(e.currentTarget.value)}
            onBlur={() => {
              if (dueInvalid || due === (p.dueDate ?? "")) return;
              save({ dueDate: due || null }, "due");
            }}
            error={dueInvalid ? t("problemsPage.manage.dueInvalid") : undefined}
            data-testid="due-input"
          />
        </SimpleGrid>
        <Text
          size="sm"
          role="status"
          aria-live="polite"
          c={patch.isError ? "red.9" : "teal.9"}
          data-testid="manage-status"
        >
          {patch.isError
            ? errorText(patch.error)
            : saved && !patch.isPending
              ? t("problemsPage.manage.saved")
              : ""}
        </Text>
      </Stack>
    </Paper>
  );
}

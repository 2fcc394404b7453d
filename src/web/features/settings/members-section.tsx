import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { ApiError } from "../../app/api.ts";
import { useMe } from "../../app/auth.ts";
import { type Member, type Role, roles } from "../../app/types.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert, useErrorText } from "../../components/error-alert.tsx";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { checkEmail } from "../auth/validate.ts";
import { Section } from "./section.tsx";
import { useMemberMutations, useMembers } from "./settings-api.ts";

type Props = { slug: string; role: Role; timeZone: string | undefined };

/** Server answers that have a sentence of their own here; the rest get the general one. */
// A conflict means "already a member" when adding, and "the last owner" when changing or removing.
function useMemberErrorText(kind: "add" | "change") {
  const { t } = useI18n();
  const general = useErrorText();
  return (error: unknown) => {
    if (error instanceof ApiError && error.status === 404 && kind === "add")
      return t("settings.members.noAccount");
    if (error instanceof ApiError && error.status === 409) {
      return kind === "add" ? t("settings.members.alreadyMember") : t("settings.members.lastOwner");
    }
    return general(error);
  };
}

function AddMember({ slug }: { slug: string }) {
  const { t } = useI18n();
  const errorText = useMemberErrorText("add");
  const { add } = useMemberMutations(slug);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("agent");
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkEmail(email);
    setProblem(found ? t(found) : undefined);
    if (found) return;
    add.mutate({ email: email.trim(), role }, { onSuccess: () => setEmail("") });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <Stack gap="xs">
        <Title order={3} size="h5" id="add-member-title">
          {t("settings.members.addTitle")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("settings.members.addText")}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("settings.members.email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={Boolean(problem)}
            aria-describedby={problem ? "add-member-problem" : undefined}
            miw={240}
            style={{ flex: 1 }}
          />
          <Select
            label={t("settings.members.role")}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            w={200}
          />
          <Button type="submit" loading={add.isPending}>
            {t("settings.members.add")}
          </Button>
        </Group>
        {problem ? (
          <Text size="sm" c="red.9" id="add-member-problem">
            {problem}
          </Text>
        ) : null}
        {add.isError ? (
          <Text size="sm" c="red.9" role="alert">
            {errorText(add.error)}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function MemberRow({
  member,
  slug,
  canEdit,
  timeZone,
}: {
  member: Member;
  slug: string;
  canEdit: boolean;
  timeZone?: string;
}) {
  const { t, language } = useI18n();
  const me = useMe().data;
  const { changeRole, remove } = useMemberMutations(slug);
  const [confirming, setConfirming] = useState(false);
  const errorText = useMemberErrorText("change");
  const name = member.name || member.email;
  const error = changeRole.error ?? remove.error;
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500}>
          {name}{" "}
          {me?.user.id === member.userId ? (
            <Badge size="xs" variant="light" color="gray" tt="none">
              {t("common.you")}
            </Badge>
          ) : null}
        </Text>
        <Text size="xs" c="dimmed">
          {member.email}
        </Text>
        {error ? (
          <Text size="xs" c="red.9" role="alert">
            {errorText(error)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        {canEdit ? (
          <Group gap={4} wrap="nowrap">
            <NativeSelect
              aria-label={t("settings.members.roleOf", { name })}
              data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={member.role}
              onChange={(e) =>
                changeRole.mutate({ userId: member.userId, role: e.currentTarget.value as Role })
              }
              disabled={changeRole.isPending}
              size="sm"
              w={{ base: 136, sm: 190 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              c="red.9"
              size="lg"
              aria-label={t("settings.members.remove", { name })}
              onClick={() => setConfirming(true)}
            >
              <span aria-hidden="true">✕</span>
            </ActionIcon>
            <ConfirmDialog
              opened={confirming}
              title={t("settings.members.removeTitle")}
              text={t("settings.members.removeText", { name })}
              confirm={t("settings.members.removeConfirm")}
              busy={remove.isPending}
              onClose={() => setConfirming(false)}
              onConfirm={() => remove.mutate(member.userId, { onSettled: () => setConfirming(false) })}
            />
          </Group>
        ) : (
          <Text size="sm">{t(`roles.${member.role}`)}</Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{formatDate(member.createdAt, language, timeZone)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function MembersSection({ slug, role, timeZone }: Props) {
  const { t } = useI18n();
  const allowed = role === "owner" || role === "manager";
  const members = useMembers(slug, allowed);
  const canEdit = role === "owner";
  const list = members.data?.members;
  return (
    <Section
      id="settings-members"
      title={t("settings.members.title")}
      aside={list ? <Text c="dimmed">{t("settings.members.count", { count: list.length })}</Text> : null}
    >
      {!allowed ? (
        <Text c="dimmed">{t("settings.members.hidden")}</Text>
      ) : members.isPending ? (
        <Skeleton h={120} />
      ) : members.isError ? (
        <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Paper withBorder p={{ base: "sm", sm: "lg" }}>
          <Stack gap="lg">
            <Table.ScrollContainer minWidth={320}>
              <Table verticalSpacing="sm" data-testid="members-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("settings.members.name")}</Table.Th>
                    <Table.Th>{t("settings.members.role")}</Table.Th>
                    <Table.Th visibleFrom="sm">{t("settings.members.since")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {(list ?? []).map((member) => (
                    <MemberRow
                      key={member.userId}
                      member={member}
                      slug={slug}
                      canEdit={canEdit}
                      timeZone={timeZone}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {canEdit ? <AddMember slug={slug} /> : null}
          </Stack>
        </Paper>
      )}
    </Section>
  );
}

import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { type ApiToken, type CreatedToken, type Role, type TokenRole, tokenRoles } from "../../app/types.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert, useErrorText } from "../../components/error-alert.tsx";
import { formatDate, formatDateTime, useI18n } from "../../i18n/index.ts";
import { Section } from "./section.tsx";
import { useTokenMutations, useTokens } from "./settings-api.ts";

type Props = { slug: string; role: Role; timeZone: string | undefined };

/** The token's one appearance: copy it now, it is stored only as a hash. */
function NewToken({ created, onDone }: { created: CreatedToken; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t("settings.tokens.createdTitle")}
      styles={{ title: { color: "var(--mantine-color-black)", fontSize: "var(--mantine-font-size-md)" } }}
      data-testid="new-token"
    >
      <Stack gap="sm">
        <Text size="sm">{t("settings.tokens.createdText")}</Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code
            block
            style={{ flex: 1, wordBreak: "break-all", whiteSpace: "pre-wrap" }}
            data-testid="new-token-value"
          >
            {created.token}
          </Code>
          <CopyButton value={created.token}>
            {({ copied, copy }) => (
              <Button variant={copied ? "light" : "filled"} onClick={copy} miw={120}>
                {copied ? t("common.copied") : t("common.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
        <div>
          <Button variant="default" size="xs" onClick={onDone}>
            {t("settings.tokens.done")}
          </Button>
        </div>
      </Stack>
    </Alert>
  );
}

function CreateToken({ slug, onCreated }: { slug: string; onCreated: (token: CreatedToken) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { create } = useTokenMutations(slug);
  const [name, setName] = useState("");
  const [role, setRole] = useState<TokenRole>("viewer");
  const [problem, setProblem] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(name.trim() ? undefined : t("errors.required"));
    if (!name.trim()) return;
    create.mutate(
      { name: name.trim(), role },
      {
        onSuccess: (token) => {
          setName("");
          onCreated(token);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t("settings.tokens.name")}
            description={t("settings.tokens.nameHint")}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={Boolean(problem)}
            aria-describedby={problem ? "token-name-problem" : undefined}
            maxLength={100}
            miw={240}
            style={{ flex: 1 }}
            data-testid="token-name"
          />
          <Select
            label={t("settings.tokens.role")}
            data={tokenRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role}
            onChange={(value) => value && setRole(value as TokenRole)}
            allowDeselect={false}
            w={200}
          />
          <Button type="submit" loading={create.isPending} data-testid="token-create">
            {t("settings.tokens.create")}
          </Button>
        </Group>
        {problem ? (
          <Text size="sm" c="red.9" id="token-name-problem">
            {problem}
          </Text>
        ) : null}
        {create.isError ? (
          <Text size="sm" c="red.9" role="alert">
            {errorText(create.error)}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

function TokenRow({ token, slug, timeZone }: { token: ApiToken; slug: string; timeZone?: string }) {
  const { t, language } = useI18n();
  const { revoke } = useTokenMutations(slug);
  const [confirming, setConfirming] = useState(false);
  return (
    <Table.Tr c={token.revokedAt ? "dimmed" : undefined}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {token.name}
        </Text>
        <Code>{token.prefix}…</Code>
      </Table.Td>
      <Table.Td>{t(`roles.${token.role}`)}</Table.Td>
      <Table.Td visibleFrom="sm">{formatDate(token.createdAt, language, timeZone)}</Table.Td>
      <Table.Td visibleFrom="sm">
        {token.lastUsedAt ? formatDateTime(token.lastUsedAt, language, timeZone) : t("common.never")}
      </Table.Td>
      <Table.Td>
        {token.revokedAt ? (
          <Text size="sm">
            {t("settings.tokens.revoked", { date: formatDate(token.revokedAt, language, timeZone) })}
          </Text>
        ) : (
          <Badge color="teal" variant="light" c="teal.9" bg="teal.0" tt="none">
            {t("settings.tokens.active")}
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {token.revokedAt ? null : (
          <>
            <Button
              variant="subtle"
              color="red"
              c="red.9"
              size="xs"
              aria-label={t("settings.tokens.revoke", { name: token.name })}
              onClick={() => setConfirming(true)}
            >
              {t("settings.tokens.revokeConfirm")}
            </Button>
            <ConfirmDialog
              opened={confirming}
              title={t("settings.tokens.revokeTitle")}
              text={t("settings.tokens.revokeText", { name: token.name })}
              confirm={t("settings.tokens.revokeConfirm")}
              busy={revoke.isPending}
              onClose={() => setConfirming(false)}
              onConfirm={() => revoke.mutate(token.id, { onSettled: () => setConfirming(false) })}
            />
          </>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function TokensSection({ slug, role, timeZone }: Props) {
  const { t } = useI18n();
  const allowed = role === "owner";
  const tokens = useTokens(slug, allowed);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const list = tokens.data?.tokens;
  return (
    <Section
      id="settings-tokens"
      title={t("settings.tokens.title")}
      text={t("settings.tokens.text")}
      aside={list ? <Text c="dimmed">{t("settings.tokens.count", { count: list.length })}</Text> : null}
    >
      {!allowed ? (
        <Text c="dimmed">{t("settings.tokens.onlyOwner")}</Text>
      ) : (
        <Paper withBorder p={{ base: "sm", sm: "lg" }}>
          <Stack gap="lg">
            {created ? <NewToken created={created} onDone={() => setCreated(null)} /> : null}
            <CreateToken slug={slug} onCreated={setCreated} />
            {tokens.isPending ? (
              <Skeleton h={80} />
            ) : tokens.isError ? (
              <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
            ) : list && list.length > 0 ? (
              <Table.ScrollContainer minWidth={320}>
                <Table verticalSpacing="sm" data-testid="tokens-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("settings.tokens.name")}</Table.Th>
                      <Table.Th>{t("settings.tokens.role")}</Table.Th>
                      <Table.Th visibleFrom="sm">{t("settings.tokens.created")}</Table.Th>
                      <Table.Th visibleFrom="sm">{t("settings.tokens.lastUsed")}</Table.Th>
                      <Table.Th>{t("settings.tokens.status")}</Table.Th>
                      <Table.Th w={100} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((token) => (
                      <TokenRow key={token.id} token={token} slug={slug} timeZone={timeZone} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text c="dimmed" size="sm">
                {t("settings.tokens.empty")}
              </Text>
            )}
          </Stack>
        </Paper>
      )}
    </Section>
  );
}

import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { formatFeature, formatShare, segmentName } from "./format.ts";
import { PersonaCard } from "./persona-card.tsx";
import { RuleBuilder } from "./rule-builder.tsx";
import { StatedCell } from "./segment-table.tsx";
import {
  canEdit,
  canExport,
  customersCsvUrl,
  features,
  type RuleDefinition,
  type SegmentDetail,
  useDeleteSegment,
  useSegment,
  useSegments,
  useUpdateSegment,
} from "./segments-api.ts";

/** One segment: its figures next to the whole base, links to the other pages filtered by it, manager, persona. */
export function DetailView() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const id = Number(useParams().id);
  const detail = useSegment(workspace.slug, id);
  const back = (
    <Anchor component={Link} to={workspacePath(workspace.slug, "segments")} size="sm" data-testid="back">
      ← {t("segmentsPage.detail.back")}
    </Anchor>
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return (
      <Stack>
        {back}
        {(detail.error as { status?: number }).status === 404 ? (
          <EmptyState title={t("segmentsPage.detail.notFound")} text={back} />
        ) : (
          <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
        )}
      </Stack>
    );
  return <Body detail={detail.data} back={back} />;
}

function Body({ detail, back }: { detail: SegmentDetail; back: React.ReactNode }) {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const currency = useWorkspaceDetails(workspace.slug).data?.currency ?? "UAH";
  const s = detail.segment;
  const editable = canEdit(workspace.role);
  const name = segmentName(s, t);
  const base = detail.run?.base ?? {};
  const shown = features.filter((f) => (s.profile?.means[f] ?? null) !== null || (base[f] ?? null) !== null);
  return (
    <Stack gap="xl" data-testid="segment-detail">
      {back}
      <PageHeader
        name={t("modules.segments.name")}
        title={name}
        badge={
          <Group gap={6}>
            <Badge variant="light" color="gray" c="gray.9">
              {t(`segmentsPage.kind.${s.kind}`)}
            </Badge>
            {s.isTarget ? (
              <Badge variant="filled" color="teal.9">
                {t("segmentsPage.target")}
              </Badge>
            ) : null}
          </Group>
        }
        description={s.description ?? undefined}
        actions={
          canExport(workspace.role) ? (
            <Button
              component="a"
              href={customersCsvUrl(workspace.slug, s.id)}
              download
              variant="default"
              data-testid="export-customers"
            >
              {t("segmentsPage.exportCustomers")}
            </Button>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            {t("segmentsPage.table.size")}
          </Text>
          <Text fz={28} fw={700} data-testid="size">
            {formatNumber(s.size, language)}
          </Text>
          {s.share !== null ? (
            <Text size="sm">
              {t("segmentsPage.detail.shareOfBase", { share: formatShare(s.share, language) })}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            {t("segmentsPage.detail.cciLabel")}
          </Text>
          <Text fz={28} fw={700}>
            <StatedCell x={s.cci} />
          </Text>
          <Anchor
            component={Link}
            to={`${workspacePath(workspace.slug, "speedometer")}?segment=${s.id}`}
            size="sm"
            data-testid="to-speedometer"
          >
            {t("segmentsPage.detail.speedometer")}
          </Anchor>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            {t("segmentsPage.detail.npsLabel")}
          </Text>
          <Text fz={28} fw={700}>
            <StatedCell x={s.nps} />
          </Text>
        </Paper>
        <Paper withBorder p="md">
          <Text size="sm" c="gray.7">
            {t("segmentsPage.table.topProblem")}
          </Text>
          <Text fw={600} lineClamp={2}>
            {s.topProblems[0]?.label ?? "—"}
          </Text>
          <Anchor
            component={Link}
            to={`${workspacePath(workspace.slug, "problems")}?segment=${s.id}`}
            size="sm"
            data-testid="to-problems"
          >
            {t("segmentsPage.detail.problems")}
          </Anchor>
        </Paper>
      </SimpleGrid>

      <Stack gap="sm" component="section" aria-labelledby="facts-title">
        <Title order={2} fz="h3" id="facts-title">
          {t("segmentsPage.detail.facts")}
        </Title>
        <Text size="sm" c="gray.7">
          {t("segmentsPage.detail.factsText")}
        </Text>
        <Table.ScrollContainer minWidth={480}>
          <Table striped data-testid="facts" maw={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("segmentsPage.detail.feature")}</Table.Th>
                <Table.Th ta="right">{t("segmentsPage.detail.segment")}</Table.Th>
                <Table.Th ta="right">{t("segmentsPage.detail.base")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((f) => (
                <Table.Tr key={f} data-testid={`fact-${f}`}>
                  <Table.Td title={t(`segmentsPage.featureHelp.${f}`)}>
                    {t(`segmentsPage.features.${f}`)}
                  </Table.Td>
                  <Table.Td ta="right">{formatFeature(f, s.profile?.means[f], language, currency)}</Table.Td>
                  <Table.Td ta="right">{formatFeature(f, base[f], language, currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="problems-title">
        <Title order={2} fz="h3" id="problems-title">
          {t("segmentsPage.detail.problemsTitle")}
        </Title>
        {s.topProblems.length === 0 ? (
          <Text size="sm" c="gray.7">
            {t("segmentsPage.detail.noProblems")}
          </Text>
        ) : (
          <Stack gap={4} component="ol" m={0} pl="md" data-testid="segment-problems">
            {s.topProblems.map((p) => (
              <Text component="li" key={p.problemId} size="sm">
                <Anchor component={Link} to={`${workspacePath(workspace.slug, "problems")}/${p.problemId}`}>
                  {p.label}
                </Anchor>{" "}
                — {t("segmentsPage.detail.problemCustomers", { count: p.customers })}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>

      {editable ? <Manage detail={detail} /> : null}
      <PersonaCard slug={workspace.slug} detail={detail} currency={currency} editable={editable} />
      {editable && s.kind === "rule" ? <RuleSection detail={detail} /> : null}
    </Stack>
  );
}

function Manage({ detail }: { detail: SegmentDetail }) {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const s = detail.segment;
  const list = useSegments(workspace.slug);
  const update = useUpdateSegment(workspace.slug, s.id);
  const [name, setName] = useState(s.customName ?? (s.kind === "rule" || s.kind === "manual" ? s.name : ""));
  const [owner, setOwner] = useState<string | null>(s.ownerId === null ? null : String(s.ownerId));
  const [target, setTarget] = useState(s.isTarget);
  useEffect(() => {
    setOwner(s.ownerId === null ? null : String(s.ownerId));
    setTarget(s.isTarget);
  }, [s.ownerId, s.isTarget]);
  const members = list.data?.members ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="manage-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({
            ...(name.trim() ? { name: name.trim() } : {}),
            ownerId: owner === null ? null : Number(owner),
            isTarget: target,
          });
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="h3" id="manage-title">
            {t("segmentsPage.detail.manage")}
          </Title>
          <Group align="flex-end" gap="md" wrap="wrap">
            <TextInput
              label={t("segmentsPage.detail.name")}
              placeholder={segmentName({ ...s, customName: null }, t)}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.currentTarget.value)}
              w={280}
              data-testid="segment-name"
            />
            <Select
              label={t("segmentsPage.detail.owner")}
              placeholder={t("segmentsPage.detail.noOwner")}
              data={members.map((m) => ({ value: String(m.id), label: m.name }))}
              value={owner}
              onChange={setOwner}
              clearable
              w={260}
              data-testid="owner"
            />
          </Group>
          <Checkbox
            label={t("segmentsPage.detail.isTarget")}
            checked={target}
            onChange={(e) => setTarget(e.currentTarget.checked)}
            data-testid="is-target"
          />
          <Group>
            <Button type="submit" loading={update.isPending} data-testid="save-manage">
              {t("segmentsPage.detail.save")}
            </Button>
            {update.isSuccess ? (
              <Text size="sm" c="teal.9" aria-live="polite" data-testid="saved">
                {t("segmentsPage.detail.saved")}
              </Text>
            ) : null}
          </Group>
          {update.isError ? <ErrorAlert error={update.error} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}

function RuleSection({ detail }: { detail: SegmentDetail }) {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const s = detail.segment;
  const list = useSegments(workspace.slug);
  const update = useUpdateSegment(workspace.slug, s.id);
  const remove = useDeleteSegment(workspace.slug, s.id);
  const [def, setDef] = useState<RuleDefinition>(s.definition as RuleDefinition);
  const [confirm, setConfirm] = useState(false);
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="rule-title">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="rule-title">
          {t("segmentsPage.builder.editTitle")}
        </Title>
        <RuleBuilder
          slug={workspace.slug}
          value={def}
          onChange={setDef}
          locations={list.data?.options.locations ?? []}
          channels={list.data?.options.channels ?? []}
        />
        {update.isError ? <ErrorAlert error={update.error} /> : null}
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="space-between">
          <Button
            onClick={() => update.mutate({ definition: def })}
            loading={update.isPending}
            data-testid="save-rule"
          >
            {t("segmentsPage.builder.save")}
          </Button>
          <Button color="red" variant="outline" onClick={() => setConfirm(true)} data-testid="delete-segment">
            {t("segmentsPage.detail.delete")}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirm}
        title={t("segmentsPage.detail.deleteTitle")}
        text={t("segmentsPage.detail.deleteText")}
        confirm={t("segmentsPage.detail.delete")}
        busy={remove.isPending}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          void remove
            .mutateAsync()
            .then(() => navigate(workspacePath(workspace.slug, "segments")))
            .catch(() => setConfirm(false))
        }
      />
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { Link, Route, Routes, useNavigate, useParams } from "react-router-dom";
import { useCurrentWorkspace, useWorkspaceDetails } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { minorDigits } from "../../i18n/format.ts";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { canExport } from "../intake/labels.ts";
import { Tag } from "../intake/tag.tsx";
import { EffectView } from "./effect-view.tsx";
import { emptyForm, fromInitiative, localDate } from "./form-model.ts";
import { InitiativeForm } from "./initiative-form.tsx";
import { InitiativeList } from "./initiative-list.tsx";
import { useInitiative, useInitiatives } from "./initiatives-api.ts";
import { canManage, costLabel, targetText } from "./labels.ts";

/** The pedals: every change to product, process or people, and what each did to the needle. */
export function InitiativesPage() {
  return (
    <Routes>
      <Route index element={<ListView />} />
      <Route path="new" element={<NewView />} />
      <Route path=":id" element={<DetailView />} />
      <Route path=":id/edit" element={<EditView />} />
    </Routes>
  );
}

function Header({ title, description }: { title?: string; description?: string }) {
  const { t } = useI18n();
  return (
    <PageHeader
      name={t("modules.initiatives.name")}
      title={title ?? t("modules.initiatives.question")}
      description={description}
    />
  );
}

function ListView() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const timeZone = useWorkspaceDetails(workspace.slug).data?.timeZone;
  const list = useInitiatives(workspace.slug);
  const mayManage = canManage(workspace.role);
  const newButton = mayManage ? (
    <Button component={Link} to="new" data-testid="new-initiative">
      {t("initiativesPage.list.new")}
    </Button>
  ) : null;
  return (
    <>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Header description={t("initiativesPage.description")} />
        {newButton}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.initiatives.length === 0 ? (
        <EmptyState
          title={t("initiativesPage.list.emptyTitle")}
          text={t("initiativesPage.list.emptyText")}
          action={newButton}
        />
      ) : (
        <InitiativeList
          list={list.data.initiatives}
          slug={workspace.slug}
          timeZone={timeZone}
          canExport={canExport(workspace.role)}
        />
      )}
    </>
  );
}

function useCurrency() {
  const workspace = useCurrentWorkspace();
  const details = useWorkspaceDetails(workspace.slug);
  return {
    workspace,
    details,
    currency: details.data?.currency ?? "UAH",
    timeZone: details.data?.timeZone ?? "UTC",
  };
}

function NewView() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { workspace, details, currency, timeZone } = useCurrency();
  if (details.isPending) return <Loading />;
  return (
    <>
      <Header title={t("initiativesPage.form.newTitle")} description={t("initiativesPage.form.newText")} />
      <InitiativeForm
        slug={workspace.slug}
        currency={currency}
        initial={emptyForm(localDate(new Date(), timeZone))}
        onSaved={(i) => navigate(`../${i.id}`, { relative: "path" })}
        onCancel={() => navigate("..", { relative: "path" })}
      />
    </>
  );
}

function useId(): number {
  const { id } = useParams();
  return /^\d+$/.test(id ?? "") ? Number(id) : 0;
}

function EditView() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const id = useId();
  const { workspace, details, currency, timeZone } = useCurrency();
  const one = useInitiative(workspace.slug, id);
  if (details.isPending || one.isPending) return <Loading />;
  if (one.isError) return <ErrorAlert error={one.error} />;
  const initial = fromInitiative(one.data.initiative, timeZone, minorDigits(currency));
  // A target stored by external id or name is shown as the item it resolves to.
  if (one.data.effect.target.kind === initial.targetKind && one.data.effect.target.value) {
    initial.targetValue = one.data.effect.target.value;
  }
  return (
    <>
      <Header title={t("initiativesPage.form.editTitle")} description={one.data.initiative.title} />
      <InitiativeForm
        slug={workspace.slug}
        currency={one.data.initiative.currency}
        initial={initial}
        id={id}
        onSaved={() => navigate("..", { relative: "path" })}
        onCancel={() => navigate("..", { relative: "path" })}
      />
    </>
  );
}

function DetailView() {
  const { t, language } = useI18n();
  const id = useId();
  const { workspace, timeZone } = useCurrency();
  const one = useInitiative(workspace.slug, id);
  if (one.isPending) return <Loading />;
  if (one.isError)
    return (
      <>
        <Header />
        <ErrorAlert error={one.error} />
      </>
    );
  const { initiative: i, effect } = one.data;
  const target = targetText(t, i, effect);
  const targetName =
    effect.target.kind === "all" ? t("initiativesPage.targets.all") : (effect.target.label ?? target);
  const facts = [
    { label: t("initiativesPage.fields.kind"), value: t(`initiativesPage.kinds.${i.kind}`) },
    { label: t("initiativesPage.fields.lever"), value: i.lever ?? "—" },
    { label: t("initiativesPage.list.target"), value: target },
    { label: t("initiativesPage.fields.startedAt"), value: formatDate(i.startedAt, language, timeZone) },
    { label: t("initiativesPage.list.cost"), value: costLabel(i, language) },
    { label: t("initiativesPage.fields.owner"), value: i.owner ?? "—" },
  ];
  return (
    <>
      <Anchor component={Link} to=".." relative="path" size="sm" mb="xs" display="inline-block">
        ← {t("initiativesPage.detail.back")}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <PageHeader
          name={t("modules.initiatives.name")}
          title={i.title}
          description={i.description ?? undefined}
          badge={<Tag tone="info">{t(`initiativesPage.statuses.${i.status}`)}</Tag>}
        />
        {canManage(workspace.role) ? (
          <Button component={Link} to="edit" variant="default" data-testid="edit-initiative">
            {t("initiativesPage.detail.edit")}
          </Button>
        ) : null}
      </Group>
      <Stack gap="xl">
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" data-testid="initiative-facts">
            {facts.map((f) => (
              <div key={f.label}>
                <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                  {f.label}
                </Text>
                <Text size="sm">{f.value}</Text>
              </div>
            ))}
          </SimpleGrid>
        </Paper>
        {effect.needsRebuild ? (
          <Text size="sm" c="orange.9">
            {t("speedometerPage.rebuild.text")}
          </Text>
        ) : null}
        <EffectView slug={workspace.slug} effect={effect} targetName={targetName} />
      </Stack>
    </>
  );
}

import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import { canEditJourneys, useCreateJourney, useJourneyOptions, useJourneys } from "./journey-api.ts";

/** The journey maps of a workspace at /w/:ws/segments/journeys, with a form for a new one. */
export function JourneyList() {
  const { t, language } = useI18n();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const list = useJourneys(workspace.slug);
  const options = useJourneyOptions(workspace.slug);
  const create = useCreateJourney(workspace.slug);
  const [name, setName] = useState("");
  const [segment, setSegment] = useState<string | null>(null);
  const editable = canEditJourneys(workspace.role);
  const base = `${workspacePath(workspace.slug, "segments")}/journeys`;
  const journeys = list.data?.journeys ?? [];

  const exportCsv = () =>
    downloadCsv(
      `journeys-${workspace.slug}.csv`,
      toCsv(
        [
          t("segmentsPage.journeys.name"),
          t("segmentsPage.journeys.segment"),
          t("segmentsPage.journeys.stagesCount"),
          t("segmentsPage.journeys.touchpointsCount"),
          t("segmentsPage.journeys.painsCount"),
          t("segmentsPage.journeys.updated"),
        ],
        journeys.map((j) => [j.name, j.segmentName ?? "", j.stages, j.touchpoints, j.pains, j.updatedAt]),
      ),
    );

  return (
    <>
      <PageHeader
        name={t("modules.segments.name")}
        title={t("segmentsPage.journeys.title")}
        description={t("segmentsPage.journeys.description")}
        actions={
          <Group gap="xs">
            <Button component={Link} to={workspacePath(workspace.slug, "segments")} variant="default">
              {t("segmentsPage.journeys.backToSegments")}
            </Button>
            {journeys.length > 0 ? (
              <Button variant="default" onClick={exportCsv} data-testid="export-journeys">
                {t("segmentsPage.journeys.exportList")}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        {editable ? (
          <Paper withBorder p="md" radius="md">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!name.trim()) return;
                create.mutate(
                  { name: name.trim(), segmentId: segment ? Number(segment) : null },
                  { onSuccess: (m) => navigate(`${base}/${m.id}`) },
                );
              }}
              data-testid="new-journey"
            >
              <Title order={3} size="h4" mb="sm">
                {t("segmentsPage.journeys.newTitle")}
              </Title>
              <Group align="end" gap="sm">
                <TextInput
                  label={t("segmentsPage.journeys.name")}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  maxLength={200}
                  required
                  w={320}
                  data-testid="journey-name"
                />
                <Select
                  label={t("segmentsPage.journeys.segment")}
                  placeholder={t("segmentsPage.journeys.allCustomers")}
                  data={(options.data?.segments ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
                  value={segment}
                  onChange={setSegment}
                  clearable
                  searchable
                  w={280}
                  data-testid="journey-segment"
                />
                <Button type="submit" loading={create.isPending} data-testid="create-journey">
                  {t("segmentsPage.journeys.create")}
                </Button>
              </Group>
              {create.isError ? <ErrorAlert error={create.error} /> : null}
            </form>
          </Paper>
        ) : (
          <Text size="sm" c="gray.7">
            {t("segmentsPage.journeys.readOnly")}
          </Text>
        )}
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : journeys.length === 0 ? (
          <EmptyState
            title={t("segmentsPage.journeys.emptyTitle")}
            text={t("segmentsPage.journeys.emptyText")}
          />
        ) : (
          <Table striped highlightOnHover data-testid="journeys-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("segmentsPage.journeys.name")}</Table.Th>
                <Table.Th>{t("segmentsPage.journeys.segment")}</Table.Th>
                <Table.Th ta="right">{t("segmentsPage.journeys.stagesCount")}</Table.Th>
                <Table.Th ta="right">{t("segmentsPage.journeys.touchpointsCount")}</Table.Th>
                <Table.Th ta="right">{t("segmentsPage.journeys.painsCount")}</Table.Th>
                <Table.Th>{t("segmentsPage.journeys.updated")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {journeys.map((j) => (
                <Table.Tr key={j.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`${base}/${j.id}`}>
                      {j.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{j.segmentName ?? t("segmentsPage.journeys.allCustomers")}</Table.Td>
                  <Table.Td ta="right">{formatNumber(j.stages, language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(j.touchpoints, language)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(j.pains, language)}</Table.Td>
                  <Table.Td>{formatDateTime(j.updatedAt, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </>
  );
}

/** The way from the segments list to the journey maps (placed above the list by segments-page.tsx). */
export function JourneysLink() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  return (
    <Button
      component={Link}
      to={`${workspacePath(workspace.slug, "segments")}/journeys`}
      variant="default"
      data-testid="open-journeys"
    >
      {t("segmentsPage.journeys.open")}
    </Button>
  );
}

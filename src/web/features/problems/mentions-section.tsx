import {
  Button,
  Checkbox,
  Group,
  Modal,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import { DownloadIcon } from "../intake/run-summary.tsx";
import { Tag } from "../intake/tag.tsx";
import { useFilters } from "./filters.tsx";
import {
  type DetailFilters,
  fetchAllMentions,
  type Mention,
  type ProblemDetail,
  useMoveMention,
  useProblemList,
} from "./problems-api.ts";

export const PAGE_SIZE = 25;

type Props = {
  slug: string;
  detail: ProblemDetail;
  query: Partial<DetailFilters>;
  canManage: boolean;
  canExport: boolean;
  timeZone: string | undefined;
  selected: string[];
  onSelect: (ids: string[]) => void;
};

/** "2024-05-01 13:05" in the workspace's zone: sortable, and spreadsheets read it as a date. */
const csvTime = (iso: string, timeZone: string | undefined) =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone }).format(
    new Date(iso),
  );

/** Every text of the problem, newest first, filtered and paged; those who manage may move or split them off. */
export function MentionsSection({
  slug,
  detail,
  query,
  canManage,
  canExport,
  timeZone,
  selected,
  onSelect,
}: Props) {
  const { t, language } = useI18n();
  const { page, set } = useFilters();
  const [moving, setMoving] = useState<Mention>();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>();
  const m = detail.mentions;
  const pages = Math.max(1, Math.ceil(m.total / PAGE_SIZE));
  const channelName = (c: string | null) =>
    c === null ? "—" : t(`problemsPage.channels.${c}` as "problemsPage.channels.email", { defaultValue: c });
  const toggle = (id: string, on: boolean) =>
    onSelect(on ? [...selected, id] : selected.filter((x) => x !== id));
  const pageIds = m.items.map((x) => x.id);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.includes(id));

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const all = await fetchAllMentions(slug, detail.problem.id, { ...query, offset: 0 });
      const header = [
        "id",
        t("problemsPage.mentions.date"),
        t("problemsPage.mentions.text"),
        t("problemsPage.mentions.customer"),
        t("problemsPage.mentions.channel"),
        t("problemsPage.mentions.location"),
        t("problemsPage.mentions.source"),
        t("problemsPage.mentions.rating"),
        t("problemsPage.mentions.similarity"),
        t("problemsPage.mentions.manual"),
      ];
      const rows = all.map((x) => [
        x.id,
        csvTime(x.createdAt, timeZone),
        x.text,
        x.customer?.name ?? (x.customer ? `#${x.customer.id}` : ""),
        x.channel,
        x.location?.name ?? "",
        t(`problemsPage.sources.${x.source}`),
        x.score,
        Math.round(x.similarity * 1000) / 1000,
        x.manual ? t("problemsPage.yes") : "",
      ]);
      downloadCsv(
        `problem-${detail.problem.id}-mentions-${csvTime(new Date().toISOString(), timeZone).slice(0, 10)}.csv`,
        toCsv(header, rows),
      );
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="problem-mentions">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3" id="problem-mentions">
            {t("problemsPage.mentions.title", { count: m.total, n: formatNumber(m.total, language) })}
          </Title>
          <Text size="sm" c="gray.7">
            {canManage ? t("problemsPage.mentions.hintManage") : t("problemsPage.mentions.hint")}
          </Text>
        </div>
        {canExport && m.total > 0 ? (
          <Button
            variant="default"
            leftSection={<DownloadIcon />}
            onClick={() => void exportCsv()}
            loading={exporting}
            data-testid="export-mentions"
          >
            {t("problemsPage.mentions.export")}
          </Button>
        ) : null}
      </Group>
      {exportError ? <ErrorAlert error={exportError} /> : null}
      {m.items.length === 0 ? (
        <EmptyState
          title={t("problemsPage.mentions.emptyTitle")}
          text={t("problemsPage.mentions.emptyText")}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="sm" fz="sm" data-testid="mentions-table" aria-labelledby="problem-mentions">
            <Table.Thead>
              <Table.Tr>
                {canManage ? (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t("problemsPage.mentions.selectPage")}
                      checked={allOnPage}
                      onChange={(e) =>
                        onSelect(
                          e.currentTarget.checked
                            ? [...new Set([...selected, ...pageIds])]
                            : selected.filter((x) => !pageIds.includes(x)),
                        )
                      }
                    />
                  </Table.Th>
                ) : null}
                <Table.Th>{t("problemsPage.mentions.date")}</Table.Th>
                <Table.Th>{t("problemsPage.mentions.text")}</Table.Th>
                <Table.Th>{t("problemsPage.mentions.customer")}</Table.Th>
                <Table.Th>{t("problemsPage.mentions.where")}</Table.Th>
                {canManage ? (
                  <Table.Th>
                    <VisuallyHidden>{t("problemsPage.mentions.actions")}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.items.map((x) => (
                <Table.Tr key={x.id} data-testid={`mention-${x.id}`}>
                  {canManage ? (
                    <Table.Td>
                      <Checkbox
                        aria-label={t("problemsPage.mentions.select", { text: x.text.slice(0, 60) })}
                        checked={selected.includes(x.id)}
                        onChange={(e) => toggle(x.id, e.currentTarget.checked)}
                        data-testid="mention-check"
                      />
                    </Table.Td>
                  ) : null}
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {formatDateTime(x.createdAt, language, timeZone)}
                    <Text size="xs" c="gray.7">
                      {t(`problemsPage.sources.${x.source}`)}
                      {x.score ? ` · ${x.score}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td miw={300} maw={560}>
                    <Text size="sm" style={{ overflowWrap: "anywhere" }}>
                      {x.text}
                    </Text>
                    {x.manual ? <Tag tone="info">{t("problemsPage.mentions.manual")}</Tag> : null}
                  </Table.Td>
                  <Table.Td>{x.customer ? (x.customer.name ?? `#${x.customer.id}`) : "—"}</Table.Td>
                  <Table.Td>
                    {channelName(x.channel)}
                    {x.location?.name ? (
                      <Text size="xs" c="gray.7">
                        {x.location.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {canManage ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() => setMoving(x)}
                        aria-label={t("problemsPage.move.actionOf", { text: x.text.slice(0, 60) })}
                        data-testid="move-open"
                      >
                        {t("problemsPage.move.action")}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={(v) => set("page", v > 1 ? String(v) : undefined)}
          getControlProps={(control) => ({
            "aria-label": t(`problemsPage.pages.${control}` as "problemsPage.pages.next"),
          })}
          getItemProps={(n) => ({ "aria-label": t("problemsPage.pages.page", { n }) })}
          data-testid="mentions-pages"
        />
      ) : null}
      <MoveDialog slug={slug} detail={detail} mention={moving} onClose={() => setMoving(undefined)} />
    </Stack>
  );
}

function MoveDialog({
  slug,
  detail,
  mention,
  onClose,
}: {
  slug: string;
  detail: ProblemDetail;
  mention: Mention | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { filters } = useFilters();
  const list = useProblemList(slug, { window: filters.window });
  const move = useMoveMention(slug, detail.problem.id);
  const [to, setTo] = useState<string | null>(null);
  const close = () => {
    setTo(null);
    move.reset();
    onClose();
  };
  const options = [
    { value: "none", label: t("problemsPage.move.none") },
    ...(list.data?.problems ?? [])
      .filter((p) => p.id !== detail.problem.id)
      .map((p) => ({ value: String(p.id), label: `${p.rank > 0 ? `${p.rank}. ` : ""}${p.displayLabel}` })),
  ];
  return (
    <Modal opened={mention !== undefined} onClose={close} title={t("problemsPage.move.title")} size="lg">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (!mention || !to) return;
          move.mutate({ mention: mention.id, to: to === "none" ? null : Number(to) }, { onSuccess: close });
        }}
      >
        <Stack gap="md">
          <Text size="sm" fs="italic" style={{ overflowWrap: "anywhere" }}>
            «{mention?.text}»
          </Text>
          <Select
            label={t("problemsPage.move.to")}
            data={options}
            value={to}
            onChange={setTo}
            searchable
            data-autofocus
            data-testid="move-select"
          />
          {move.isError ? <ErrorAlert error={move.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" disabled={!to} loading={move.isPending} data-testid="move-submit">
              {t("problemsPage.move.confirm")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

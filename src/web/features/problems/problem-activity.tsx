import {
  Anchor,
  Blockquote,
  Button,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { formatDate, formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { TrendMark } from "./figures.tsx";
import { type HistoryEvent, type ProblemDetail, statuses, useComment } from "./problems-api.ts";

type Tz = string | undefined;

/** Three texts nearest the problem's centre: what customers actually wrote. */
export function Quotes({ detail, timeZone }: { detail: ProblemDetail; timeZone: Tz }) {
  const { t, language } = useI18n();
  if (detail.quotes.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-quotes">
      <Title order={2} size="h3" id="problem-quotes">
        {t("problemsPage.quotes.title")}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }} data-testid="quotes">
        {detail.quotes.map((q) => (
          <Blockquote
            key={q.mentionId}
            color="indigo"
            p="md"
            m={0}
            cite={formatDate(q.createdAt, language, timeZone)}
            styles={{ cite: { color: "var(--mantine-color-gray-8)", opacity: 1 } }}
          >
            <Text size="sm" style={{ overflowWrap: "anywhere" }}>
              {q.text}
            </Text>
          </Blockquote>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** Initiatives working on the problem, with its mentions per 30 days before and after each started. */
export function Initiatives({ detail, timeZone }: { detail: ProblemDetail; timeZone: Tz }) {
  const { t, language } = useI18n();
  const n = (x: number) => formatNumber(x, language, { maximumFractionDigits: 1 });
  return (
    <Stack gap="xs" component="section" aria-labelledby="problem-initiatives">
      <Title order={2} size="h3" id="problem-initiatives">
        {t("problemsPage.initiatives.title")}
      </Title>
      <Text size="sm" c="gray.7">
        {t("problemsPage.initiatives.hint")}
      </Text>
      {detail.initiatives.length === 0 ? (
        <Text size="sm" data-testid="no-initiatives">
          {t("problemsPage.initiatives.none")}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            fz="sm"
            verticalSpacing="sm"
            data-testid="initiatives-table"
            aria-labelledby="problem-initiatives"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("problemsPage.initiatives.name")}</Table.Th>
                <Table.Th>{t("problemsPage.initiatives.started")}</Table.Th>
                <Table.Th>{t("problemsPage.initiatives.before")}</Table.Th>
                <Table.Th>{t("problemsPage.initiatives.after")}</Table.Th>
                <Table.Th>{t("problemsPage.initiatives.change")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.initiatives.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{formatDate(i.startedAt, language, timeZone)}</Table.Td>
                  <Table.Td>
                    {t("problemsPage.initiatives.rate", { rate: n(i.per30Before), count: i.before })}
                  </Table.Td>
                  <Table.Td>
                    {i.per30After === null
                      ? t("problemsPage.initiatives.tooEarly")
                      : t("problemsPage.initiatives.rate", { rate: n(i.per30After), count: i.after })}
                  </Table.Td>
                  <Table.Td>
                    <TrendMark trend={i.change} /> {t(`problemsPage.initiatives.changes.${i.change}`)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function Comments({
  slug,
  detail,
  canManage,
  timeZone,
}: {
  slug: string;
  detail: ProblemDetail;
  canManage: boolean;
  timeZone: Tz;
}) {
  const { t, language } = useI18n();
  const comment = useComment(slug, detail.problem.id);
  const [body, setBody] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    comment.mutate(body.trim(), { onSuccess: () => setBody("") });
  };
  return (
    <Stack gap="sm" component="section" aria-labelledby="problem-comments">
      <Title order={2} size="h3" id="problem-comments">
        {t("problemsPage.comments.title")}
      </Title>
      {detail.comments.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t("problemsPage.comments.none")}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="comments">
          {detail.comments.map((c) => (
            <Paper key={c.id} withBorder p="sm">
              <Text size="xs" c="gray.7">
                {c.author?.name ?? t("problemsPage.history.viaApi")} ·{" "}
                {formatDateTime(c.createdAt, language, timeZone)}
              </Text>
              <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canManage ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t("problemsPage.comments.label")}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
              }}
              autosize
              minRows={2}
              maxLength={10_000}
              description={t("problemsPage.comments.hint")}
              data-testid="comment-input"
            />
            {comment.isError ? <ErrorAlert error={comment.error} /> : null}
            <div>
              <Button
                type="submit"
                disabled={!body.trim()}
                loading={comment.isPending}
                data-testid="comment-submit"
              >
                {t("problemsPage.comments.submit")}
              </Button>
            </div>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

const knownEvents = [
  "created",
  "renamed",
  "owner_changed",
  "status_changed",
  "due_date_changed",
  "commented",
  "merged",
  "merged_into",
  "split",
  "split_from",
  "mention_moved_out",
  "mention_moved_in",
  "dismissed",
  "restored",
  "reopened",
  "dissolved",
  "initiative_linked",
  "initiative_unlinked",
] as const;

/** One event of the history in words, with links to the other problem it names. */
function EventText({ e, search, names }: { e: HistoryEvent; search: string; names: Map<number, string> }) {
  const { t, language } = useI18n();
  const p = e.payload;
  const kind = (knownEvents as readonly string[]).includes(e.kind)
    ? (e.kind as (typeof knownEvents)[number])
    : undefined;
  if (!kind) return <>{e.kind}</>;
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  const link = (id: number | undefined) =>
    id === undefined ? (
      "—"
    ) : (
      <Anchor component={Link} to={`../${id}${search}`} relative="path">
        #{id}
      </Anchor>
    );
  const status =
    typeof p.status === "string" && (statuses as readonly string[]).includes(p.status)
      ? t(`problemsPage.status.${p.status as (typeof statuses)[number]}`)
      : "";
  switch (kind) {
    case "merged":
      return (
        <>
          {t("problemsPage.history.merged")}{" "}
          {(Array.isArray(p.from) ? p.from : []).map((id, i) => (
            <span key={String(id)}>
              {i > 0 ? ", " : ""}
              {link(num(id))}
            </span>
          ))}
        </>
      );
    case "merged_into":
      return (
        <>
          {t("problemsPage.history.merged_into")} {link(num(p.into))}
        </>
      );
    case "split":
      return (
        <>
          {t("problemsPage.history.split", { count: num(p.mentions) ?? 0 })} {link(num(p.into))}
        </>
      );
    case "split_from":
      return (
        <>
          {t("problemsPage.history.split_from", { count: num(p.mentions) ?? 0 })} {link(num(p.from))}
        </>
      );
    case "mention_moved_out":
      return (
        <>
          {t("problemsPage.history.mention_moved_out")}{" "}
          {p.to === null ? t("problemsPage.move.none") : link(num(p.to))}
        </>
      );
    case "mention_moved_in":
      return (
        <>
          {t("problemsPage.history.mention_moved_in")} {link(num(p.from))}
        </>
      );
    default:
      return (
        <>
          {t(`problemsPage.history.${kind}`, {
            label: typeof p.label === "string" ? p.label : t("problemsPage.history.automaticName"),
            status,
            due: typeof p.dueDate === "string" ? formatDate(`${p.dueDate}T12:00:00Z`, language, "UTC") : "—",
            count: num(p.size) ?? num(p.returned) ?? 0,
            id: num(p.initiativeId) ?? "",
            owner:
              typeof p.ownerId === "number"
                ? (names.get(p.ownerId) ?? `#${p.ownerId}`)
                : t("problemsPage.noOwner"),
          })}
        </>
      );
  }
}

export function History({
  detail,
  search,
  timeZone,
}: {
  detail: ProblemDetail;
  search: string;
  timeZone: Tz;
}) {
  const { t, language } = useI18n();
  // The people the page knows by id, to name a new owner in the history.
  const names = new Map<number, string>();
  for (const e of detail.history) if (e.actor?.name) names.set(e.actor.id, e.actor.name);
  for (const c of detail.comments) if (c.author?.name) names.set(c.author.id, c.author.name);
  if (detail.problem.owner) names.set(detail.problem.owner.id, detail.problem.owner.name);
  const events = [...detail.history].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return (
    <Stack gap="sm" component="section" aria-labelledby="problem-history">
      <Title order={2} size="h3" id="problem-history">
        {t("problemsPage.history.title")}
      </Title>
      {events.length === 0 ? (
        <EmptyState title={t("problemsPage.history.emptyTitle")} text={t("problemsPage.history.emptyText")} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2} data-testid="history">
          {events.map((e) => (
            <Timeline.Item key={e.id} data-kind={e.kind}>
              <Text size="sm">
                <EventText e={e} search={search} names={names} />
              </Text>
              <Text size="xs" c="gray.7">
                {e.actor?.name ??
                  (e.kind === "created" || e.kind === "reopened" || e.kind === "dissolved"
                    ? t("problemsPage.history.system")
                    : t("problemsPage.history.viaApi"))}
                {" · "}
                {formatDateTime(e.createdAt, language, timeZone)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}

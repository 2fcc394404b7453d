import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { Link } from "react-router-dom";
import { formatDateTime, formatNumber, useI18n } from "../../i18n/index.ts";
import { type AppNotification, useMarkRead, useNotifications } from "./problems-api.ts";

const problemOf = (n: AppNotification): number | undefined =>
  typeof n.payload.problemId === "number" ? n.payload.problemId : undefined;

/**
 * What the owner of a problem is told: a solved problem of theirs came back. Shown unread on the list,
 * and on the problem's own page (for that problem only), each with "got it".
 */
export function ReopenedNotices({
  slug,
  problemId,
  timeZone,
  linkTo,
  nameOf,
}: {
  slug: string;
  problemId?: number;
  timeZone: string | undefined;
  linkTo?: (id: number) => string;
  /** The problem's name now (the one in the notification is from when it reopened). */
  nameOf?: (id: number) => string | undefined;
}) {
  const { t, language } = useI18n();
  const notifications = useNotifications(slug);
  const markRead = useMarkRead(slug);
  const items = (notifications.data?.notifications ?? []).filter(
    (n) =>
      n.kind === "problem_reopened" &&
      n.readAt === null &&
      (problemId === undefined || problemOf(n) === problemId),
  );
  if (items.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="reopened-notices">
      {items.map((n) => {
        const id = problemOf(n);
        const label =
          (id !== undefined ? nameOf?.(id) : undefined) ??
          (typeof n.payload.label === "string" ? n.payload.label : `#${id ?? ""}`);
        const returned = typeof n.payload.returned === "number" ? n.payload.returned : 0;
        return (
          <Alert
            key={n.id}
            color="orange"
            variant="light"
            title={t("problemsPage.notices.reopenedTitle")}
            styles={{ title: { color: "var(--mantine-color-black)" } }}
          >
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text size="sm" c="gray.9">
                {t("problemsPage.notices.reopened", {
                  label,
                  count: returned,
                  returned: formatNumber(returned, language),
                })}{" "}
                <Text span size="xs" c="gray.7">
                  {formatDateTime(n.createdAt, language, timeZone)}
                </Text>
              </Text>
              <Group gap="xs">
                {linkTo && id !== undefined ? (
                  <Anchor component={Link} to={linkTo(id)} size="sm">
                    {t("problemsPage.notices.open")}
                  </Anchor>
                ) : null}
                <Button
                  size="xs"
                  variant="default"
                  loading={markRead.isPending}
                  onClick={() => markRead.mutate(n.id)}
                >
                  {t("problemsPage.notices.read")}
                </Button>
              </Group>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}

import { Anchor, Group, Table, Text, Tooltip, VisuallyHidden } from "@mantine/core";
import { Link } from "react-router-dom";
import { formatDate, formatNumber, useI18n } from "../../i18n/index.ts";
import { Explained, MoneyValue, percent, Sparkline, StatusTag, useExplain } from "./figures.tsx";
import type { ProblemItem } from "./problems-api.ts";
import { overdue, round } from "./score.ts";

type Props = {
  problems: ProblemItem[];
  search: string;
  today: string;
  testId: string;
  caption: string;
};

/** A column heading whose formula opens on hover or focus. */
function Head({ label, why }: { label: string; why: string }) {
  return (
    <Table.Th>
      <Tooltip label={why} multiline w={300} withArrow events={{ hover: true, focus: true, touch: true }}>
        <Text
          span
          fz="sm"
          fw={700}
          tabIndex={0}
          style={{ cursor: "help", borderBottom: "1px dotted currentColor" }}
        >
          {label}
        </Text>
      </Tooltip>
    </Table.Th>
  );
}

/** The ranked problems with every part of the score, the money at stake, owner, status and due date. */
export function ProblemsTable({ problems, search, today, testId, caption }: Props) {
  const { t, language } = useI18n();
  const explain = useExplain();
  const n = (x: number, digits = 2) => formatNumber(round(x, digits), language);
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table verticalSpacing="sm" fz="sm" highlightOnHover data-testid={testId} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={48}>{t("problemsPage.table.rank")}</Table.Th>
            <Table.Th>{t("problemsPage.table.problem")}</Table.Th>
            <Table.Th>{t("problemsPage.table.trend")}</Table.Th>
            <Head label={t("problemsPage.table.customers")} why={t("problemsPage.formula.customers")} />
            <Head label={t("problemsPage.table.growth")} why={t("problemsPage.formula.growth")} />
            <Head label={t("problemsPage.table.severity")} why={t("problemsPage.formula.severity")} />
            <Head label={t("problemsPage.table.score")} why={t("problemsPage.formula.score")} />
            <Head label={t("problemsPage.table.money")} why={t("problemsPage.formula.money")} />
            <Table.Th>{t("problemsPage.table.owner")}</Table.Th>
            <Table.Th>{t("problemsPage.table.status")}</Table.Th>
            <Table.Th>{t("problemsPage.table.due")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {problems.map((p) => (
            <Table.Tr key={p.id} data-testid={`problem-row-${p.id}`}>
              <Table.Td fw={700}>{p.rank > 0 ? p.rank : "—"}</Table.Td>
              <Table.Td miw={200} maw={300}>
                <Anchor
                  component={Link}
                  to={`${p.id}${search}`}
                  fw={600}
                  data-testid="problem-link"
                  style={{ overflowWrap: "anywhere" }}
                >
                  {p.displayLabel}
                </Anchor>
                <Text size="xs" c="gray.7">
                  {t("problemsPage.table.mentions", { count: p.parts.mentions })}
                  {p.dismissed ? ` · ${t("problemsPage.table.dismissed")}` : ""}
                  {p.initiatives > 0
                    ? ` · ${t("problemsPage.table.initiatives", { count: p.initiatives })}`
                    : ""}
                </Text>
              </Table.Td>
              <Table.Td>
                <Sparkline problem={p} />
              </Table.Td>
              <Table.Td>
                <Explained
                  value={n(p.parts.customers)}
                  why={explain.customers(p.parts)}
                  testId="part-customers"
                />
              </Table.Td>
              <Table.Td>
                <Explained
                  value={percent(p.parts.growth, language)}
                  why={explain.growth(p.parts)}
                  testId="part-growth"
                />
              </Table.Td>
              <Table.Td>
                <Explained
                  value={`×${n(p.parts.severity)}`}
                  why={explain.severity(p.parts)}
                  testId="part-severity"
                />
              </Table.Td>
              <Table.Td>
                <Explained
                  value={<b>{n(p.parts.score, 1)}</b>}
                  why={explain.score(p.parts)}
                  testId="part-score"
                />
              </Table.Td>
              <Table.Td>
                <MoneyValue money={p.money} />
              </Table.Td>
              <Table.Td>
                {p.owner ? (
                  p.owner.name
                ) : (
                  <Text span size="sm" c="gray.7" title={t("problemsPage.noOwner")}>
                    <span aria-hidden="true">—</span>
                    <VisuallyHidden>{t("problemsPage.noOwner")}</VisuallyHidden>
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <StatusTag status={p.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {p.dueDate ? (
                  <Group gap={4} wrap="nowrap">
                    <Text
                      span
                      size="sm"
                      c={overdue(p.dueDate, p.status, today) ? "red.9" : undefined}
                      fw={overdue(p.dueDate, p.status, today) ? 700 : undefined}
                    >
                      {formatDate(`${p.dueDate}T12:00:00Z`, language, "UTC")}
                    </Text>
                    {overdue(p.dueDate, p.status, today) ? (
                      <Text span size="xs" c="red.9">
                        {t("problemsPage.overdue")}
                      </Text>
                    ) : null}
                  </Group>
                ) : (
                  "—"
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

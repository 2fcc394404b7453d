import { Group, Stack, Table, Text, UnstyledButton } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { Tag } from "../intake/tag.tsx";
import type { AtRiskSort, CustomerValue, MoneySettings, SortDir } from "./money-api.ts";
import { InfoTip } from "./parts.tsx";
import type { Format } from "./use-format.ts";

type Column = {
  key: "customer" | "pAlive" | "expectedPurchases" | "expectedSpend" | "clv" | "revenue12m" | "lastPurchase";
  sort?: AtRiskSort;
  numeric?: boolean;
  visibleFrom?: "md" | "lg" | "xl";
  formula?: string;
};

type Props = {
  items: CustomerValue[];
  sort: AtRiskSort;
  dir: SortDir;
  onSort: (sort: AtRiskSort) => void;
  settings: MoneySettings;
  f: Format;
  busy: boolean;
};

/** The customers behind revenue at risk, one page of them, sortable by the server's orders. */
export function AtRiskTable({ items, sort, dir, onSort, settings, f, busy }: Props) {
  const { t } = useI18n();
  const formulaParams = {
    months: settings.horizonMonths,
    margin: f.share(settings.margin),
    rate: f.share(settings.annualDiscountRate),
  };
  const columns: Column[] = [
    { key: "customer", sort: "name" },
    { key: "pAlive", sort: "pAlive", numeric: true, formula: t("moneyPage.formulas.pAlive") },
    {
      key: "expectedPurchases",
      sort: "expectedPurchases",
      numeric: true,
      formula: t("moneyPage.formulas.expectedPurchases", formulaParams),
    },
    {
      key: "expectedSpend",
      sort: "expectedSpend",
      numeric: true,
      formula: t("moneyPage.formulas.expectedSpend"),
    },
    { key: "clv", sort: "clv", numeric: true, formula: t("moneyPage.formulas.clv", formulaParams) },
    {
      key: "revenue12m",
      sort: "revenue12m",
      numeric: true,
      visibleFrom: "md",
      formula: t("moneyPage.formulas.revenue12m"),
    },
    { key: "lastPurchase", sort: "lastPurchase", visibleFrom: "xl" },
  ];
  const header = (c: Column) => {
    const label = t(`moneyPage.atRisk.columns.${c.key}`);
    const active = c.sort !== undefined && c.sort === sort;
    const direction = active ? t(`moneyPage.atRisk.${dir === "asc" ? "ascending" : "descending"}`) : "";
    return (
      <Table.Th
        key={c.key}
        visibleFrom={c.visibleFrom}
        className={c.numeric ? "money-num" : undefined}
        aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}
      >
        <Group gap={2} wrap="nowrap" justify={c.numeric ? "flex-end" : "flex-start"}>
          {c.sort ? (
            <UnstyledButton
              className="money-sort"
              onClick={() => onSort(c.sort as AtRiskSort)}
              aria-label={`${t("moneyPage.atRisk.sortBy", { column: label })}${direction ? `, ${direction}` : ""}`}
              data-testid={`sort-${c.sort}`}
              data-active={active || undefined}
            >
              {label}
              <span aria-hidden="true" className="money-sort-mark">
                {active ? (dir === "asc" ? "▲" : "▼") : "↕"}
              </span>
            </UnstyledButton>
          ) : (
            label
          )}
          {c.formula ? <InfoTip text={c.formula} /> : null}
        </Group>
      </Table.Th>
    );
  };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table
        verticalSpacing="sm"
        fz="sm"
        highlightOnHover
        data-testid="at-risk-table"
        className={busy ? "money-busy" : undefined}
        aria-busy={busy}
      >
        <Table.Thead>
          <Table.Tr>
            {columns.map(header)}
            <Table.Th>{t("moneyPage.atRisk.columns.reasons")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.customerId} data-testid="at-risk-row" data-customer={c.externalId}>
              <Table.Td miw={160}>
                <Text size="sm" fw={500}>
                  {c.name ?? t("moneyPage.atRisk.noName")}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.externalId}
                </Text>
              </Table.Td>
              <Table.Td className="money-num" data-col="pAlive" data-value={c.pAlive}>
                {f.share(c.pAlive)}
              </Table.Td>
              <Table.Td className="money-num" data-col="expectedPurchases" data-value={c.expectedPurchases}>
                {f.twoDecimals(c.expectedPurchases)}
              </Table.Td>
              <Table.Td className="money-num" data-col="expectedSpend" data-value={c.expectedSpend}>
                {f.money(Math.round(c.expectedSpend))}
              </Table.Td>
              <Table.Td className="money-num" fw={600} data-col="clv" data-value={c.clv}>
                {f.money(c.clv)}
              </Table.Td>
              <Table.Td
                className="money-num"
                visibleFrom="md"
                data-col="revenue12m"
                data-value={c.revenue12m}
              >
                {f.money(c.revenue12m)}
              </Table.Td>
              <Table.Td visibleFrom="xl" style={{ whiteSpace: "nowrap" }} data-col="lastPurchase">
                {f.day(c.lastPurchase)}
              </Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {c.reasons.map((reason) => (
                    <Tag key={reason} tone={reason === "alive_dropped" ? "warn" : "bad"}>
                      {t(`moneyPage.atRisk.reasonDetail.${reason}`, {
                        score: c.latestNps ?? "",
                        from: c.pAlivePrevious === null ? "" : f.share(c.pAlivePrevious),
                        to: f.share(c.pAlive),
                        days: settings.periodDays,
                      })}
                    </Tag>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

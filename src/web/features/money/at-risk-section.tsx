import { Button, Group, Pagination, Radio, Skeleton, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import { AtRiskTable } from "./at-risk-table.tsx";
import {
  type AtRiskQuery,
  type AtRiskReason,
  type AtRiskSort,
  atRiskCsvUrl,
  atRiskReasons,
  customersCsvUrl,
  type MoneyFigures,
  type MoneySettings,
  useAtRisk,
} from "./money-api.ts";
import { DownloadIcon, Section } from "./parts.tsx";
import type { Format } from "./use-format.ts";

export const PAGE_SIZE = 20;

// Names and dates read naturally from A and from the latest; amounts and chances from the largest.
const firstDir = (sort: AtRiskSort) => (sort === "name" ? "asc" : "desc");

type Props = {
  slug: string;
  figures: MoneyFigures;
  /** The settings the figures were computed with (the fit's). */
  settings: MoneySettings;
  f: Format;
  canExport: boolean;
};

/** Revenue at risk: the amount by reason, then the customers behind it, sortable, paged and exportable. */
export function AtRiskSection({ slug, figures, settings, f, canExport }: Props) {
  const { t } = useI18n();
  const [query, setQuery] = useState<AtRiskQuery>({ sort: "clv", dir: "desc", limit: PAGE_SIZE, offset: 0 });
  const risk = figures.atRisk;
  const page = useAtRisk(slug, query, risk.customers > 0);
  const onSort = (sort: AtRiskSort) =>
    setQuery((q) => ({
      ...q,
      sort,
      dir: q.sort === sort ? (q.dir === "asc" ? "desc" : "asc") : firstDir(sort),
      offset: 0,
    }));
  const setReason = (value: string) =>
    setQuery((q) => ({
      ...q,
      reason: value === "all" ? undefined : (value as AtRiskReason),
      offset: 0,
    }));
  const count = (reason: AtRiskReason) => risk.byReason.find((r) => r.reason === reason);
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.floor(query.offset / PAGE_SIZE) + 1;
  const from = total === 0 ? 0 : query.offset + 1;
  const to = Math.min(total, query.offset + PAGE_SIZE);

  const exports = canExport ? (
    <>
      {risk.customers > 0 ? (
        <Button
          component="a"
          href={atRiskCsvUrl(slug, query.reason)}
          download={`revenue-at-risk${query.reason ? `-${query.reason}` : ""}-${slug}.csv`}
          variant="default"
          size="xs"
          leftSection={<DownloadIcon />}
          data-testid="export-at-risk"
        >
          {t("moneyPage.atRisk.exportAtRisk")}
        </Button>
      ) : null}
      <Button
        component="a"
        href={customersCsvUrl(slug)}
        download={`customer-values-${slug}.csv`}
        variant="default"
        size="xs"
        leftSection={<DownloadIcon />}
        data-testid="export-customers"
      >
        {t("moneyPage.atRisk.exportAll")}
      </Button>
    </>
  ) : null;

  return (
    <Section
      id="money-at-risk"
      title={t("moneyPage.atRisk.title")}
      text={t("moneyPage.atRisk.text")}
      actions={exports}
    >
      {risk.customers === 0 ? (
        <EmptyState
          title={t("moneyPage.atRisk.emptyTitle")}
          text={t("moneyPage.atRisk.emptyText", { threshold: f.share(risk.threshold) })}
        />
      ) : (
        <Stack gap="sm">
          <Radio.Group
            value={query.reason ?? "all"}
            onChange={setReason}
            label={t("moneyPage.atRisk.filterLabel")}
            data-testid="at-risk-filter"
          >
            <Group gap="md" mt={6}>
              <Radio
                value="all"
                label={`${t("moneyPage.atRisk.all")} (${f.count(risk.customers)})`}
                data-testid="reason-all"
              />
              {atRiskReasons.map((reason) => (
                <Radio
                  key={reason}
                  value={reason}
                  label={`${t(`moneyPage.atRisk.reasons.${reason}`)} (${f.count(count(reason)?.customers ?? 0)})`}
                  data-testid={`reason-${reason}`}
                />
              ))}
            </Group>
          </Radio.Group>
          <Text size="sm" fw={500} data-testid="at-risk-amount">
            {t("moneyPage.atRisk.amountOf", {
              amount: f.money(query.reason ? (count(query.reason)?.amount ?? 0) : risk.amount),
              customers: f.count(query.reason ? (count(query.reason)?.customers ?? 0) : risk.customers),
            })}
          </Text>
          {page.isPending ? (
            <Skeleton h={320} />
          ) : page.isError && !page.data ? (
            <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
          ) : total === 0 ? (
            <Text c="dimmed">{t("moneyPage.atRisk.emptyReason")}</Text>
          ) : (
            <>
              <AtRiskTable
                items={page.data?.items ?? []}
                sort={query.sort}
                dir={query.dir}
                onSort={onSort}
                settings={settings}
                f={f}
                busy={page.isFetching && page.isPlaceholderData}
              />
              <Group justify="space-between" gap="sm">
                <Text size="sm" c="dimmed" data-testid="at-risk-rows" aria-live="polite">
                  {t("moneyPage.atRisk.rows", {
                    from: f.count(from),
                    to: f.count(to),
                    total: f.count(total),
                  })}
                </Text>
                {pages > 1 ? (
                  <Pagination
                    total={pages}
                    value={current}
                    onChange={(p) => setQuery((q) => ({ ...q, offset: (p - 1) * PAGE_SIZE }))}
                    size="sm"
                    aria-label={t("moneyPage.atRisk.pages")}
                    getControlProps={(control) => ({
                      "aria-label": t(
                        `moneyPage.atRisk.${control === "previous" || control === "first" ? "previous" : "next"}`,
                      ),
                    })}
                    getItemProps={(n) => ({ "aria-label": t("moneyPage.atRisk.page", { page: n }) })}
                    data-testid="at-risk-pages"
                  />
                ) : null}
              </Group>
            </>
          )}
        </Stack>
      )}
    </Section>
  );
}

import { Button, Drawer, Group, Pagination, Stack, Table, Text } from "@mantine/core";
import { createContext, type ReactNode, useContext, useState } from "react";
import { api } from "../../app/api.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { formatMoney, formatNumber, useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import { DownloadIcon } from "../intake/run-summary.tsx";
import { Tag } from "../intake/tag.tsx";
import {
  type OrderCell,
  type OrdersPage,
  type RequestCell,
  type ServiceFilters,
  type SlaStatus,
  serviceUrls,
  useServiceOrders,
  useServiceRequests,
} from "./service-api.ts";
import { formatHours } from "./ui.tsx";

export type DrillTarget =
  | { type: "requests"; title: string; cell: RequestCell & ServiceFilters }
  | { type: "orders"; title: string; cell: OrderCell & ServiceFilters };

const DrillContext = createContext<(target: DrillTarget) => void>(() => {});

/** Opens the list of requests (or orders) behind a figure. */
export const useDrill = () => useContext(DrillContext);

const PAGE = 25;

export function DrillProvider({
  slug,
  filters,
  canExport,
  children,
}: {
  slug: string;
  filters: ServiceFilters;
  canExport: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const [page, setPage] = useState(1);
  const open = (next: DrillTarget) => {
    setPage(1);
    setTarget(next);
  };
  return (
    <DrillContext.Provider value={open}>
      {children}
      <Drawer
        opened={target !== null}
        onClose={() => setTarget(null)}
        position="right"
        size="min(1100px, 100%)"
        title={<Text fw={700}>{target?.title ?? ""}</Text>}
        closeButtonProps={{ "aria-label": t("servicePage.drill.close") }}
        data-testid="drill"
      >
        {target?.type === "requests" ? (
          <RequestList
            slug={slug}
            filters={filters}
            cell={target.cell}
            page={page}
            onPage={setPage}
            canExport={canExport}
          />
        ) : target?.type === "orders" ? (
          <OrderList
            slug={slug}
            filters={filters}
            cell={target.cell}
            page={page}
            onPage={setPage}
            canExport={canExport}
          />
        ) : null}
      </Drawer>
    </DrillContext.Provider>
  );
}

const slaTone = { met: "good", breached: "bad", running: "info" } as const;

function Sla({ status }: { status: SlaStatus | null }) {
  const { t } = useI18n();
  if (status === null) return <Text size="sm">—</Text>;
  return <Tag tone={slaTone[status]}>{t(`servicePage.sla.${status}`)}</Tag>;
}

type ListProps<C> = {
  /** A drill-down may narrow the page's filters (a channel's row: that channel). */
  slug: string;
  filters: ServiceFilters;
  cell: C;
  page: number;
  onPage: (page: number) => void;
  canExport: boolean;
};

function RequestList({ slug, filters, cell, page, onPage, canExport }: ListProps<RequestCell>) {
  const { t, language } = useI18n();
  const query = { ...filters, ...cell, limit: PAGE, offset: (page - 1) * PAGE };
  const result = useServiceRequests(slug, query);
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />;
  const data = result.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" data-testid="drill-total">
          {t("servicePage.drill.requests", {
            count: data.total,
            formatted: formatNumber(data.total, language),
          })}
        </Text>
        {canExport && data.total > 0 ? (
          <Button
            component="a"
            href={serviceUrls.requestsCsv(slug, { ...filters, ...cell })}
            download
            variant="default"
            size="xs"
            leftSection={<DownloadIcon />}
            data-testid="drill-csv"
          >
            {t("servicePage.csv.button")}
          </Button>
        ) : null}
      </Group>
      {data.total === 0 ? (
        <EmptyState title={t("servicePage.drill.emptyTitle")} text={t("servicePage.drill.emptyText")} />
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing="xs" striped data-testid="drill-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("servicePage.drill.created")}</Table.Th>
                <Table.Th>{t("servicePage.col.channel")}</Table.Th>
                <Table.Th>{t("servicePage.drill.kind")}</Table.Th>
                <Table.Th>{t("servicePage.col.location")}</Table.Th>
                <Table.Th>{t("servicePage.drill.customer")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.drill.firstResponse")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.drill.resolution")}</Table.Th>
                <Table.Th>{t("servicePage.drill.slaFirst")}</Table.Th>
                <Table.Th>{t("servicePage.drill.slaResolution")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.requests.map((r) => (
                <Table.Tr key={r.id} data-testid="drill-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm">{r.createdLocal}</Text>
                    <Text size="xs" c="gray.7">
                      {r.externalId} ·{" "}
                      {r.inHours ? t("servicePage.drill.inHours") : t("servicePage.drill.outHours")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`servicePage.channels.${r.channel}` as "servicePage.channels.email")}
                    {r.previousChannel ? (
                      <Text size="xs" c="gray.7">
                        {t("servicePage.drill.after", {
                          channel: t(
                            `servicePage.channels.${r.previousChannel}` as "servicePage.channels.email",
                          ),
                        })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`servicePage.kinds.${r.kind}` as "servicePage.kinds.question")}</Table.Td>
                  <Table.Td>{r.location?.name ?? "—"}</Table.Td>
                  <Table.Td>{r.customer?.externalId ?? "—"}</Table.Td>
                  <Table.Td className="service-num">
                    {formatHours(r.firstResponseHours, language)}
                    <Text size="xs" c="gray.7">
                      {t("servicePage.drill.business", {
                        value: formatHours(r.firstResponseBusinessHours, language),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td className="service-num">
                    {formatHours(r.resolutionHours, language)}
                    <Text size="xs" c="gray.7">
                      {t("servicePage.drill.business", {
                        value: formatHours(r.resolutionBusinessHours, language),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Sla status={r.firstResponseSla} />
                  </Table.Td>
                  <Table.Td>
                    <Sla status={r.resolutionSla} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.total > PAGE ? (
        <Pagination
          total={Math.ceil(data.total / PAGE)}
          value={page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ "aria-label": t(`servicePage.drill.page.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("servicePage.drill.pageN", { page: p }) })}
        />
      ) : null}
    </Stack>
  );
}

const statusTone = { completed: "good", cancelled: "bad", returned: "warn" } as const;

/** Every order of a cell (pages of 200, as the API allows), for its CSV. */
async function allOrders(slug: string, query: ServiceFilters & OrderCell, total: number) {
  const rows: OrdersPage["orders"] = [];
  for (let offset = 0; offset < Math.min(total, 20_000); offset += 200) {
    const page = await api<OrdersPage>(serviceUrls.orders(slug, { ...query, limit: 200, offset }));
    rows.push(...page.orders);
  }
  return rows;
}

function OrderList({ slug, filters, cell, page, onPage, canExport }: ListProps<OrderCell>) {
  const { t, language } = useI18n();
  const [saving, setSaving] = useState(false);
  const query = { ...filters, ...cell, limit: PAGE, offset: (page - 1) * PAGE };
  const result = useServiceOrders(slug, query);
  if (result.isPending) return <Loading />;
  if (result.isError) return <ErrorAlert error={result.error} onRetry={() => void result.refetch()} />;
  const data = result.data;
  const save = async () => {
    setSaving(true);
    try {
      const rows = await allOrders(slug, { ...filters, ...cell }, data.total);
      const header = [
        "externalId",
        "ordered",
        "customer",
        "channel",
        "location",
        "status",
        "waitDays",
        "amount",
        "currency",
      ];
      downloadCsv(
        `service-orders-${slug}-${data.period.from}-${data.period.to}.csv`,
        toCsv(
          header.map((c) => t(`servicePage.orderCol.${c}` as "servicePage.orderCol.status")),
          rows.map((o) => [
            o.externalId,
            o.orderedLocal,
            o.customerExternalId,
            o.channel,
            o.location?.name ?? null,
            o.status,
            o.waitDays,
            o.amount,
            o.currency,
          ]),
        ),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" data-testid="drill-total">
          {t("servicePage.drill.orders", {
            count: data.total,
            formatted: formatNumber(data.total, language),
          })}
        </Text>
        {canExport && data.total > 0 ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<DownloadIcon />}
            onClick={() => void save()}
            loading={saving}
            data-testid="drill-csv"
          >
            {t("servicePage.csv.button")}
          </Button>
        ) : null}
      </Group>
      {data.total === 0 ? (
        <EmptyState title={t("servicePage.drill.emptyTitle")} text={t("servicePage.drill.emptyText")} />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table fz="sm" verticalSpacing="xs" striped data-testid="drill-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("servicePage.orderCol.ordered")}</Table.Th>
                <Table.Th>{t("servicePage.orderCol.customer")}</Table.Th>
                <Table.Th>{t("servicePage.orderCol.location")}</Table.Th>
                <Table.Th>{t("servicePage.orderCol.status")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.orderCol.waitDays")}</Table.Th>
                <Table.Th className="service-num">{t("servicePage.orderCol.amount")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.orders.map((o) => (
                <Table.Tr key={o.id} data-testid="drill-row">
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <Text size="sm">{o.orderedLocal}</Text>
                    <Text size="xs" c="gray.7">
                      {o.externalId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.customerExternalId ?? "—"}</Table.Td>
                  <Table.Td>{o.location?.name ?? "—"}</Table.Td>
                  <Table.Td>
                    <Tag tone={statusTone[o.status as keyof typeof statusTone] ?? "neutral"}>
                      {t(`servicePage.orderStatus.${o.status}` as "servicePage.orderStatus.completed")}
                    </Tag>
                  </Table.Td>
                  <Table.Td className="service-num">{formatNumber(o.waitDays, language)}</Table.Td>
                  <Table.Td className="service-num">{formatMoney(o.amount, o.currency, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.total > PAGE ? (
        <Pagination
          total={Math.ceil(data.total / PAGE)}
          value={page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ "aria-label": t(`servicePage.drill.page.${control}`) })}
          getItemProps={(p) => ({ "aria-label": t("servicePage.drill.pageN", { page: p }) })}
        />
      ) : null}
    </Stack>
  );
}

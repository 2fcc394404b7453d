import { Button, Group, NativeSelect } from "@mantine/core";
import { useSearchParams } from "react-router-dom";
import { formatDate, useI18n } from "../../i18n/index.ts";
import { keepOrder, monthsEnding } from "./figures.ts";
import { type Channel, channels, type Kind, kinds, type Named, type ServiceFilters } from "./service-api.ts";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The filters as the URL holds them (so a view can be shared and the back button works). */
export function useFilters(): [ServiceFilters, (next: ServiceFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: ServiceFilters = {};
  const from = params.get("from");
  const to = params.get("to");
  const location = params.get("location");
  const channel = params.get("channel");
  const kind = params.get("kind");
  if (from && MONTH.test(from)) filters.from = from;
  if (to && MONTH.test(to)) filters.to = to;
  if (location && /^\d+$/.test(location)) filters.location = Number(location);
  if (channel && (channels as readonly string[]).includes(channel)) filters.channel = channel as Channel;
  if (kind && (kinds as readonly string[]).includes(kind)) filters.kind = kind as Kind;
  const set = (next: ServiceFilters) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
    setParams(search, { replace: false });
  };
  return [filters, set];
}

/** "2026-03" as the reader's month name ("March 2026", «март 2026 г.»). */
export function useMonthName(): (month: string) => string {
  const { language } = useI18n();
  return (month) =>
    new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
}

type FilterBarProps = {
  filters: ServiceFilters;
  onChange: (next: ServiceFilters) => void;
  locations: Named[];
  /** The period the report used (the default when the URL says nothing). */
  period: { from: string; to: string };
  /** The last month there is data for, to offer months up to it. */
  lastMonth: string;
};

export function FilterBar({ filters, onChange, locations, period, lastMonth }: FilterBarProps) {
  const { t } = useI18n();
  const monthName = useMonthName();
  const months = monthsEnding(lastMonth > period.to ? lastMonth : period.to, 36).reverse();
  const monthOptions = months.map((m) => ({ value: m, label: monthName(m) }));
  const set = (patch: Partial<Record<keyof ServiceFilters, string>>) => {
    const next: Record<string, string | number | undefined> = { ...filters };
    for (const [key, value] of Object.entries(patch)) next[key] = value === "" ? undefined : value;
    onChange(next as ServiceFilters);
  };
  const any = Object.keys(filters).length > 0;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="service-filters">
      <NativeSelect
        label={t("servicePage.filters.from")}
        value={filters.from ?? period.from}
        onChange={(e) => set(keepOrder({ from: e.currentTarget.value, to: filters.to ?? period.to }, "from"))}
        data={monthOptions}
        data-testid="filter-from"
        w={170}
      />
      <NativeSelect
        label={t("servicePage.filters.to")}
        value={filters.to ?? period.to}
        onChange={(e) =>
          set(keepOrder({ from: filters.from ?? period.from, to: e.currentTarget.value }, "to"))
        }
        data={monthOptions}
        data-testid="filter-to"
        w={170}
      />
      <NativeSelect
        label={t("servicePage.filters.location")}
        value={filters.location === undefined ? "" : String(filters.location)}
        onChange={(e) => set({ location: e.currentTarget.value })}
        data={[
          { value: "", label: t("servicePage.filters.allLocations") },
          ...locations.map((l) => ({ value: String(l.id), label: l.name })),
          { value: "0", label: t("servicePage.filters.noLocation") },
        ]}
        data-testid="filter-location"
        w={220}
      />
      <NativeSelect
        label={t("servicePage.filters.channel")}
        value={filters.channel ?? ""}
        onChange={(e) => set({ channel: e.currentTarget.value })}
        data={[
          { value: "", label: t("servicePage.filters.allChannels") },
          ...channels.map((c) => ({ value: c, label: t(`servicePage.channels.${c}`) })),
        ]}
        data-testid="filter-channel"
        w={180}
      />
      <NativeSelect
        label={t("servicePage.filters.kind")}
        value={filters.kind ?? ""}
        onChange={(e) => set({ kind: e.currentTarget.value })}
        data={[
          { value: "", label: t("servicePage.filters.allKinds") },
          ...kinds.map((k) => ({ value: k, label: t(`servicePage.kinds.${k}`) })),
        ]}
        data-testid="filter-kind"
        w={180}
      />
      {any ? (
        <Button variant="subtle" onClick={() => onChange({})} data-testid="filter-reset">
          {t("servicePage.filters.reset")}
        </Button>
      ) : null}
    </Group>
  );
}

/** "1 Aug 2026" for a week's Monday. */
export function useWeekName(): (week: string) => string {
  const { language } = useI18n();
  return (week) => formatDate(`${week}T12:00:00Z`, language, "UTC");
}

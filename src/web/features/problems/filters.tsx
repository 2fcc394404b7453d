import { Button, Group, Select, Switch } from "@mantine/core";
import { useSearchParams } from "react-router-dom";
import { useI18n } from "../../i18n/index.ts";
import {
  type Channel,
  channels,
  DEFAULT_WINDOW,
  type Filters,
  type Source,
  sources,
  useFilterOptions,
} from "./problems-api.ts";

export const windows = [30, 90, 180, 365] as const;

const positive = (value: string | null): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** The filters live in the address, so a filtered view can be shared and the problem's page keeps them. */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const window = positive(params.get("window"));
  const channel = params.get("channel");
  const source = params.get("source");
  const filters: Filters = {
    window: window && window >= 7 && window <= 730 ? window : DEFAULT_WINDOW,
    channel: (channels as readonly string[]).includes(channel ?? "") ? (channel as Channel) : undefined,
    location: positive(params.get("location")),
    segment: positive(params.get("segment")),
    dismissed: params.get("dismissed") === "true" || undefined,
  };
  const set = (key: string, value: string | undefined) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value === undefined || value === "") next.delete(key);
        else next.set(key, value);
        if (key !== "page") next.delete("page");
        return next;
      },
      { replace: true },
    );
  return {
    filters,
    source: (sources as readonly string[]).includes(source ?? "") ? (source as Source) : undefined,
    page: positive(params.get("page")) ?? 1,
    set,
    /** The filters as a search string to carry to another page of the module. */
    search: params.toString() ? `?${params.toString()}` : "",
    reset: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

type Props = { slug: string; withSource?: boolean; withDismissed?: boolean };

/** Period, channel, location and segment (and, on a problem's page, where a mention came from). */
export function FilterBar({ slug, withSource, withDismissed }: Props) {
  const { t } = useI18n();
  const { filters, source, set, reset } = useFilters();
  const options = useFilterOptions(slug);
  const locations = options.data?.locations ?? [];
  const segments = options.data?.segments ?? [];
  const any =
    filters.window !== DEFAULT_WINDOW ||
    filters.channel ||
    filters.location ||
    filters.segment ||
    filters.dismissed ||
    source;
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t("problemsPage.filters.label")}>
      <Select
        label={t("problemsPage.filters.period")}
        data={windows.map((w) => ({ value: String(w), label: t("problemsPage.filters.days", { count: w }) }))}
        value={String(filters.window)}
        onChange={(v) => set("window", v && Number(v) !== DEFAULT_WINDOW ? v : undefined)}
        allowDeselect={false}
        w={210}
        data-testid="filter-window"
      />
      <Select
        label={t("problemsPage.filters.channel")}
        placeholder={t("problemsPage.filters.all")}
        data={channels.map((c) => ({ value: c, label: t(`problemsPage.channels.${c}`) }))}
        value={filters.channel ?? null}
        onChange={(v) => set("channel", v ?? undefined)}
        clearable
        w={170}
        data-testid="filter-channel"
      />
      {locations.length > 0 ? (
        <Select
          label={t("problemsPage.filters.location")}
          placeholder={t("problemsPage.filters.all")}
          data={locations}
          value={filters.location ? String(filters.location) : null}
          onChange={(v) => set("location", v ?? undefined)}
          clearable
          w={220}
          data-testid="filter-location"
        />
      ) : null}
      {segments.length > 0 ? (
        <Select
          label={t("problemsPage.filters.segment")}
          placeholder={t("problemsPage.filters.all")}
          data={segments}
          value={filters.segment ? String(filters.segment) : null}
          onChange={(v) => set("segment", v ?? undefined)}
          clearable
          w={200}
          data-testid="filter-segment"
        />
      ) : null}
      {withSource ? (
        <Select
          label={t("problemsPage.filters.source")}
          placeholder={t("problemsPage.filters.all")}
          data={sources.map((s) => ({ value: s, label: t(`problemsPage.sources.${s}`) }))}
          value={source ?? null}
          onChange={(v) => set("source", v ?? undefined)}
          clearable
          w={170}
          data-testid="filter-source"
        />
      ) : null}
      {withDismissed ? (
        <Switch
          label={t("problemsPage.filters.dismissed")}
          checked={filters.dismissed === true}
          onChange={(e) => set("dismissed", e.currentTarget.checked ? "true" : undefined)}
          mb={8}
          data-testid="filter-dismissed"
        />
      ) : null}
      {any ? (
        <Button variant="subtle" onClick={reset} data-testid="filter-reset">
          {t("problemsPage.filters.reset")}
        </Button>
      ) : null}
    </Group>
  );
}

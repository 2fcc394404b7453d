import { Button, Group, Paper, Select } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import { monthsBetween } from "./figures.ts";
import {
  type Dimension,
  dimensions,
  type SpeedometerQuery,
  type SpeedometerReport,
} from "./speedometer-api.ts";
import { monthLabel } from "./trend-chart.tsx";

type FiltersProps = {
  report: SpeedometerReport;
  query: SpeedometerQuery;
  onChange: (q: SpeedometerQuery) => void;
};

const ALL = "all";
const sliceValue = (s: SpeedometerQuery["slice"]) => (s ? `${s.dim}:${s.value}` : ALL);

function parseSlice(value: string | null): SpeedometerQuery["slice"] {
  if (!value || value === ALL) return undefined;
  const at = value.indexOf(":");
  return { dim: value.slice(0, at) as Dimension, value: value.slice(at + 1) };
}

/** Period (from, to) and one slice of the business: a location, a channel or a segment. */
export function Filters({ report, query, onChange }: FiltersProps) {
  const { t, language } = useI18n();
  const { firstMonth, lastMonth } = report.freshness;
  const months =
    firstMonth && lastMonth
      ? monthsBetween(firstMonth, lastMonth).map((m) => ({ value: m, label: monthLabel(m, language) }))
      : [];
  const slices = [
    { value: ALL, label: t("speedometerPage.filters.whole") },
    ...dimensions
      .filter((d) => report.dimensions[d].length > 0)
      .map((d) => ({
        group: t(`speedometerPage.dimensions.${d}.plural`),
        items: report.dimensions[d].map((o) => ({ value: `${d}:${o.value}`, label: o.label })),
      })),
  ];
  const changed = query.from !== undefined || query.to !== undefined || query.slice !== undefined;
  return (
    <Paper withBorder p="md" radius="md" data-testid="speedo-filters">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t("speedometerPage.filters.from")}
          data={months}
          value={query.from ?? report.period.from}
          onChange={(v) => {
            if (!v) return;
            const to = query.to ?? report.period.to;
            onChange({ ...query, from: v, to: v.localeCompare(to) > 0 ? v : to });
          }}
          allowDeselect={false}
          w={150}
          data-testid="filter-from"
        />
        <Select
          label={t("speedometerPage.filters.to")}
          data={months}
          value={query.to ?? report.period.to}
          onChange={(v) => {
            if (!v) return;
            const from = query.from ?? report.period.from;
            onChange({ ...query, to: v, from: v.localeCompare(from) < 0 ? v : from });
          }}
          allowDeselect={false}
          w={150}
          data-testid="filter-to"
        />
        <Select
          label={t("speedometerPage.filters.slice")}
          data={slices}
          value={sliceValue(query.slice)}
          onChange={(v) => onChange({ ...query, slice: parseSlice(v) })}
          allowDeselect={false}
          searchable
          w={280}
          data-testid="filter-slice"
        />
        {changed ? (
          <Button variant="default" onClick={() => onChange({ by: query.by })} data-testid="filter-reset">
            {t("speedometerPage.filters.reset")}
          </Button>
        ) : null}
      </Group>
    </Paper>
  );
}

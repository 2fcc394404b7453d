import { Group, SegmentedControl, SimpleGrid, Text } from "@mantine/core";
import { useRef, useState } from "react";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { ByHour } from "./by-hour.tsx";
import { useDrill } from "./drill.tsx";
import { busiestClosed, heatRows, heatTotals, isOpen, moveInGrid, openHoursPerWeek } from "./figures.ts";
import { type ServiceReport, weekdays } from "./service-api.ts";
import { heatmapTable, outsideTable } from "./tables.ts";
import { Card, CsvButton, formatHours, HeadHelp, Section, Share, Stat } from "./ui.tsx";

type Props = { report: ServiceReport; slug: string; canExport: boolean };
type Layer = "requests" | "orders";

const hours = Array.from({ length: 24 }, (_, h) => h);
const two = (h: number) => String(h).padStart(2, "0");

/** The colour of a cell: white to deep indigo by demand relative to the busiest cell. */
function shade(count: number, max: number): string {
  if (count === 0 || max === 0) return "var(--mantine-color-gray-0)";
  const level = Math.min(9, Math.max(1, Math.ceil((count / max) * 9)));
  return `var(--mantine-color-indigo-${level})`;
}

/** When customers write and order, hour by hour, against the hours someone answers. */
export function DemandSection({ report, slug, canExport }: Props) {
  const { t, language } = useI18n();
  const drill = useDrill();
  const [layer, setLayer] = useState<Layer>("requests");
  const [focus, setFocus] = useState(0);
  const gridRef = useRef<HTMLTableElement>(null);
  const weekdayName = (d: number) => t(`servicePage.weekdays.${weekdays[d] ?? "mon"}`);
  const map = report.heatmap[layer];
  const rows = heatRows(map.counts);
  const max = Math.max(0, ...map.counts);
  const open = report.hours.openShare;
  const totals = heatTotals(map);
  const o = report.outsideHours;
  const closed = busiestClosed(report.heatmap.requests, open, 3);
  const file = `service-${slug}-${report.period.from}-${report.period.to}`;
  const cellLabel = (d: number, h: number) => {
    const i = d * 24 + h;
    const count = map.counts[i] ?? 0;
    const mean = map.meanFirstResponseHours?.[i] ?? null;
    return [
      `${weekdayName(d)} ${two(h)}:00–${two((h + 1) % 24)}:00`,
      t(`servicePage.demand.cell.${layer}`, { count, formatted: formatNumber(count, language) }),
      isOpen(open, i) ? t("servicePage.demand.cell.open") : t("servicePage.demand.cell.closed"),
      layer === "requests" && mean !== null
        ? t("servicePage.demand.cell.meanFirst", { value: formatHours(mean, language) })
        : "",
    ]
      .filter(Boolean)
      .join(". ");
  };
  return (
    <Section
      id="demand"
      title={t("servicePage.demand.title")}
      text={t("servicePage.demand.text", { zone: report.workspace.timeZone })}
      actions={
        canExport ? (
          <>
            <CsvButton
              table={heatmapTable(report, weekdayName)}
              file={`${file}-heatmap`}
              label={t("servicePage.demand.heatmap")}
              testId="csv-heatmap"
              named
            />
            <CsvButton
              table={outsideTable(report, {
                inside: t("servicePage.demand.inside"),
                outside: t("servicePage.demand.outside"),
              })}
              file={`${file}-outside-hours`}
              label={t("servicePage.demand.insideOutside")}
              testId="csv-outside"
              named
            />
          </>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Stat
          label={t("servicePage.demand.outsideRequests")}
          value={<Share p={o.requests} testId="outside-share" />}
          hint={t("servicePage.demand.ofRequests", {
            count: o.requests.denominator,
            outside: formatNumber(o.requests.numerator, language),
            formatted: formatNumber(o.requests.denominator, language),
          })}
          testId="stat-outside-requests"
        />
        <Stat
          label={t("servicePage.demand.outsideOrders")}
          value={<Share p={o.orders} />}
          hint={t("servicePage.demand.ofOrders", {
            count: o.orders.denominator,
            outside: formatNumber(o.orders.numerator, language),
            formatted: formatNumber(o.orders.denominator, language),
          })}
          testId="stat-outside-orders"
        />
        <Stat
          label={t("servicePage.demand.firstInside")}
          value={formatHours(o.firstResponseInside.calendar.median, language)}
          hint={t("servicePage.demand.businessHint", {
            value: formatHours(o.firstResponseInside.business.median, language),
            p90: formatHours(o.firstResponseInside.calendar.p90, language),
          })}
          testId="stat-first-inside"
        />
        <Stat
          label={t("servicePage.demand.firstOutside")}
          value={formatHours(o.firstResponseOutside.calendar.median, language)}
          hint={t("servicePage.demand.businessHint", {
            value: formatHours(o.firstResponseOutside.business.median, language),
            p90: formatHours(o.firstResponseOutside.calendar.p90, language),
          })}
          testId="stat-first-outside"
        />
      </SimpleGrid>
      <Card testId="heatmap-card">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <SegmentedControl
            value={layer}
            onChange={(v) => setLayer(v as Layer)}
            data={[
              { value: "requests", label: t("servicePage.demand.requests") },
              { value: "orders", label: t("servicePage.demand.orders") },
            ]}
            aria-label={t("servicePage.demand.layer")}
            data-testid="heatmap-layer"
          />
          <Text size="sm" c="gray.7" data-testid="heatmap-summary">
            {t("servicePage.demand.summary", {
              total: formatNumber(totals.total, language),
              outside: formatNumber(totals.outside, language),
              share: totals.share === null ? "—" : formatNumber(totals.share, language, { style: "percent" }),
              open: formatNumber(openHoursPerWeek(open), language, { maximumFractionDigits: 1 }),
            })}
          </Text>
        </Group>
        <div className="service-heat-scroll">
          <table
            ref={gridRef}
            className="service-heat"
            data-testid="heatmap"
            aria-label={t("servicePage.demand.heatmap")}
          >
            <thead>
              <tr>
                <th scope="col">
                  <span className="service-sr">{t("servicePage.demand.weekday")}</span>
                </th>
                {hours.map((h) => (
                  <th key={h} scope="col" className="service-heat-hour">
                    {two(h)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, d) => (
                <tr key={weekdayName(d)}>
                  <th scope="row" className="service-heat-day">
                    <abbr title={weekdayName(d)}>
                      {t(`servicePage.weekdaysShort.${weekdays[d] ?? "mon"}`)}
                    </abbr>
                  </th>
                  {hours.map((h) => {
                    const i = d * 24 + h;
                    const count = row[h] ?? 0;
                    const label = cellLabel(d, h);
                    return (
                      <td key={h}>
                        <button
                          type="button"
                          className="service-heat-cell"
                          data-open={isOpen(open, i) ? "" : undefined}
                          style={{ background: shade(count, max) }}
                          aria-label={label}
                          title={label}
                          data-testid={`heat-${d}-${h}`}
                          data-count={count}
                          // One tab stop for the grid; the arrow keys move between hours and days.
                          tabIndex={i === focus ? 0 : -1}
                          onFocus={() => setFocus(i)}
                          onKeyDown={(e) => {
                            const next = moveInGrid(i, e.key);
                            if (next === null) return;
                            e.preventDefault();
                            setFocus(next);
                            gridRef.current
                              ?.querySelector<HTMLButtonElement>(`[data-cell="${next}"]`)
                              ?.focus();
                          }}
                          data-cell={i}
                          onClick={() =>
                            drill(
                              layer === "requests"
                                ? {
                                    type: "requests",
                                    title: label.split(". ")[0] ?? "",
                                    cell: { weekday: d, hour: h },
                                  }
                                : {
                                    type: "orders",
                                    title: label.split(". ")[0] ?? "",
                                    cell: { weekday: d, hour: h },
                                  },
                            )
                          }
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Group gap="lg" mt="sm" wrap="wrap">
          <Group gap={6}>
            <span className="service-legend-swatch" style={{ background: "var(--mantine-color-indigo-2)" }} />
            <span className="service-legend-swatch" style={{ background: "var(--mantine-color-indigo-5)" }} />
            <span className="service-legend-swatch" style={{ background: "var(--mantine-color-indigo-9)" }} />
            <Text size="xs" c="gray.8">
              {t("servicePage.demand.legendDemand", { max: formatNumber(max, language) })}
            </Text>
          </Group>
          <Group gap={6}>
            <span className="service-legend-swatch service-legend-open" />
            <Text size="xs" c="gray.8">
              <HeadHelp
                label={t("servicePage.demand.legendOpen")}
                help={t(`servicePage.hoursSource.${sourceKey(report.hours.source)}`)}
              />
            </Text>
          </Group>
        </Group>
      </Card>
      <ByHour report={report} file={file} canExport={canExport} />
      {closed.length > 0 ? (
        <Text size="sm" data-testid="busiest-closed">
          {t("servicePage.demand.busiestClosed", {
            list: new Intl.ListFormat(language).format(
              closed.map(
                (c) => `${weekdayName(c.weekday)} ${two(c.hour)}:00 (${formatNumber(c.count, language)})`,
              ),
            ),
          })}
        </Text>
      ) : null}
    </Section>
  );
}

const sources = ["service_settings", "location", "workspace_settings", "assumed"] as const;
/** The server names where the overlay's hours came from; unknown names read as our own rules. */
export function sourceKey(source: string): (typeof sources)[number] {
  if ((sources as readonly string[]).includes(source)) return source as (typeof sources)[number];
  if (source.startsWith("location")) return "location";
  return "service_settings";
}

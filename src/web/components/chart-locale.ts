import type { EChartsCoreOption } from "echarts/core";
import { formatNumber } from "../i18n/format.ts";
import type { Language } from "../i18n/messages.ts";

type Axis = { type?: string; axisLabel?: { formatter?: unknown } & Record<string, unknown> } & Record<
  string,
  unknown
>;
type Tooltip = { formatter?: unknown; valueFormatter?: unknown } & Record<string, unknown>;

/**
 * ECharts writes numbers its own way (4,000 with a comma) whatever the page's language. Value axes without
 * a formatter of their own, and a tooltip without one, get the interface language's numbers instead
 * (4 000 in ru and uk). An axis's type defaults as in ECharts: x category, y value.
 */
export function localiseNumbers(option: EChartsCoreOption, language: Language): EChartsCoreOption {
  const number = (v: unknown) => (typeof v === "number" ? formatNumber(v, language) : String(v ?? ""));
  const axes = (value: unknown, defaultType: string): unknown => {
    if (value === undefined) return value;
    const list = Array.isArray(value) ? (value as Axis[]) : [value as Axis];
    const out = list.map((axis) =>
      (axis.type ?? defaultType) === "value" && axis.axisLabel?.formatter === undefined
        ? { ...axis, axisLabel: { ...axis.axisLabel, formatter: number } }
        : axis,
    );
    return Array.isArray(value) ? out : out[0];
  };
  const next: Record<string, unknown> = { ...option };
  if ("xAxis" in option) next.xAxis = axes(option.xAxis, "category");
  if ("yAxis" in option) next.yAxis = axes(option.yAxis, "value");
  const tooltip = option.tooltip as Tooltip | undefined;
  if (
    tooltip &&
    !Array.isArray(tooltip) &&
    tooltip.formatter === undefined &&
    tooltip.valueFormatter === undefined
  )
    next.tooltip = { ...tooltip, valueFormatter: number };
  return next as EChartsCoreOption;
}

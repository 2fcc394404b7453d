import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";

type GaugeProps = {
  /** 0–100, or null when there is not enough data (then no needle is drawn). */
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** What the gauge shows, for screen readers; the figure itself is printed beside it as text. */
  label: string;
  /** The centre text (already formatted in the reader's language). */
  display: string;
  height?: number;
  big?: boolean;
};

const GREY = "#dee2e6";
const BAND = "#748ffc"; // indigo 4: the 95% interval on the arc
const NEEDLE = "#212529";

/**
 * The speedometer: an arc from 0 to 100 with its 95% interval lit on it and a needle at the estimate.
 * With not enough data the arc stays grey and there is no needle: no number is better than a false one.
 */
export function Gauge({ value, lower, upper, label, display, height = 200, big = false }: GaugeProps) {
  const option = useMemo((): EChartsCoreOption => {
    const stops: [number, string][] =
      value === null || lower === null || upper === null
        ? [[1, GREY]]
        : [
            [Math.max(0, Math.min(1, lower / 100)), GREY],
            [Math.max(0, Math.min(1, upper / 100)), BAND],
            [1, GREY],
          ];
    return {
      animation: false,
      series: [
        {
          type: "gauge",
          min: 0,
          max: 100,
          startAngle: 200,
          endAngle: -20,
          radius: "95%",
          center: ["50%", "60%"],
          splitNumber: 5,
          axisLine: { lineStyle: { width: big ? 18 : 12, color: stops } },
          pointer: { show: value !== null, width: big ? 6 : 4, length: "62%", itemStyle: { color: NEEDLE } },
          anchor: { show: value !== null, size: big ? 12 : 8, itemStyle: { color: NEEDLE } },
          axisTick: { show: big, distance: -18, length: 4, lineStyle: { color: "#868e96" } },
          splitLine: { show: big, distance: -18, length: 10, lineStyle: { color: "#868e96" } },
          axisLabel: { show: big, distance: 24, color: "#495057", fontSize: 11 },
          title: { show: false },
          detail: {
            show: display !== "",
            valueAnimation: false,
            offsetCenter: [0, big ? "38%" : "42%"],
            fontSize: big ? 30 : 18,
            fontWeight: 700,
            color: value === null ? "#495057" : NEEDLE,
            formatter: () => display,
          },
          data: [{ value: value ?? 0 }],
        },
      ],
    };
  }, [value, lower, upper, display, big]);
  return <Chart option={option} label={label} height={height} />;
}

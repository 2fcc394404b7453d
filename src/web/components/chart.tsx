import { Box } from "@mantine/core";
import type { EChartsCoreOption, EChartsType } from "echarts/core";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/index.ts";
import { localiseNumbers } from "./chart-locale.ts";

/** ECharts' generated aria text is off: the caller's `label` is the chart's description. */
const noAria = { aria: { enabled: false } } as const;

type ChartProps = {
  /** An ECharts option; the chart is redrawn when it changes (keep it memoised). */
  option: EChartsCoreOption;
  /** What the chart shows, for screen readers (a chart is an image to them). */
  label: string;
  height?: number | string;
};

/**
 * A small ECharts wrapper: gauge (the speedometer), heatmaps, trends. ECharts loads on first use, so
 * pages without charts do not pay for it. Figures a reader needs must also appear as text nearby.
 *
 * The label sits on an outer element ECharts does not own: ECharts writes its own role and
 * aria-label onto the element it draws into, which would replace ours. Its generated description is
 * switched off and the drawing element is hidden from screen readers, so they read `label` once.
 */
export function Chart({ option, label, height = 280 }: ChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | undefined>(undefined);
  const { language } = useI18n();
  const latest = useRef(option);
  latest.current = option;
  const latestLanguage = useRef(language);
  latestLanguage.current = language;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import("./echarts-setup.ts").then(({ init }) => {
      if (disposed || !element.current) return;
      const instance = init(element.current, undefined, { renderer: "canvas" });
      instance.setOption({ ...noAria, ...localiseNumbers(latest.current, latestLanguage.current) });
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ ...noAria, ...localiseNumbers(option, language) }, { notMerge: true });
  }, [option, language]);

  return (
    <Box role="img" aria-label={label} h={height} w="100%">
      <div ref={element} aria-hidden="true" style={{ width: "100%", height: "100%" }} />
    </Box>
  );
}

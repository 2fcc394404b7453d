import { describe, expect, it } from "vitest";
import { localiseNumbers } from "./chart-locale.ts";

type Fmt = (v: unknown) => string;
const fmt = (x: unknown): Fmt => (x as { axisLabel: { formatter: Fmt } }).axisLabel.formatter;
// Intl writes ru/uk thousands with a no-break space.
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("chart numbers in the interface language", () => {
  it("gives value axes without a formatter the language's numbers, x as category and y as value by default", () => {
    const o = localiseNumbers(
      { xAxis: { type: "category", data: ["a"] }, yAxis: { axisLabel: { color: "#000" } } },
      "uk",
    ) as Record<string, unknown>;
    expect((o.xAxis as { axisLabel?: unknown }).axisLabel).toBeUndefined();
    expect(spaces(fmt(o.yAxis)(4000))).toBe("4 000");
    expect((o.yAxis as { axisLabel: { color: string } }).axisLabel.color).toBe("#000");
    const en = localiseNumbers({ xAxis: { type: "value" } }, "en") as Record<string, unknown>;
    expect(fmt(en.xAxis)(4000.5)).toBe("4,000.5");
  });

  it("keeps a formatter the chart set itself and handles lists of axes", () => {
    const own = "{value}%";
    const o = localiseNumbers(
      { yAxis: [{ type: "value", axisLabel: { formatter: own } }, { type: "value" }] },
      "ru",
    ) as Record<string, unknown>;
    const [first, second] = o.yAxis as { axisLabel: { formatter: unknown } }[];
    expect(first!.axisLabel.formatter).toBe(own);
    expect(spaces(fmt(second)(12345))).toBe("12 345");
  });

  it("formats a tooltip's values unless it has a formatter, and leaves charts without axes alone", () => {
    const o = localiseNumbers({ tooltip: { trigger: "axis" }, series: [] }, "ru") as Record<string, unknown>;
    expect(spaces((o.tooltip as { valueFormatter: Fmt }).valueFormatter(1500))).toBe("1 500");
    const custom = () => "x";
    const kept = localiseNumbers({ tooltip: { formatter: custom } }, "ru") as Record<string, unknown>;
    expect((kept.tooltip as { valueFormatter?: unknown }).valueFormatter).toBeUndefined();
    expect("xAxis" in kept).toBe(false);
  });
});

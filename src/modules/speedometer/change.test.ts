import { describe, expect, it } from "vitest";
import { computeCci } from "./cci.ts";
import { cciChange, estimateChange, proportionChange } from "./change.ts";
import { countProportion } from "./proportion.ts";
import { defaultWeights } from "./settings.ts";
import { type ComponentKey, componentKeys, type Proportion } from "./types.ts";

describe("change calls at 95%", () => {
  it("calls up only when the two-proportion test rejects equality", () => {
    // 60/100 vs 45/100: pooled p = 0.525, SE = √(0.525·0.475·0.02) = 0.07062, z = 2.124, p = 0.034 → up.
    const up = proportionChange(countProportion(60, 100), countProportion(45, 100));
    expect(up.change).toBe("up");
    expect(up.pValue).toBeCloseTo(0.0337, 3);
    // 55/100 vs 45/100: z = 1.414, p = 0.157 → no change.
    expect(proportionChange(countProportion(55, 100), countProportion(45, 100)).change).toBe("no_change");
    expect(proportionChange(countProportion(30, 100), countProportion(45, 100)).change).toBe("down");
  });

  it("says unknown when either side lacks data", () => {
    expect(proportionChange(countProportion(10, 20), countProportion(45, 100)).change).toBe("unknown");
  });

  it("tests estimates by their standard errors", () => {
    expect(estimateChange({ value: 50, standardError: 2 }, { value: 44, standardError: 2 }).change).toBe(
      "up",
    );
    expect(estimateChange({ value: 50, standardError: 2 }, { value: 46, standardError: 2 }).change).toBe(
      "no_change",
    );
  });

  it("compares the CCI only with the same components present", () => {
    const all = (x: number, n: number) =>
      Object.fromEntries(componentKeys.map((k) => [k, countProportion(x, n)])) as Record<
        ComponentKey,
        Proportion
      >;
    const a = computeCci(all(800, 1000), defaultWeights);
    const b = computeCci(all(700, 1000), defaultWeights);
    expect(cciChange(a, b).change).toBe("up");
    const fewer = computeCci({ ...all(700, 1000), recovery: countProportion(1, 2) }, defaultWeights);
    expect(cciChange(a, fewer).change).toBe("unknown");
  });
});

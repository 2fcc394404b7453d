import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { distinctive, formatFeature, formatShare, segmentName } from "./format.ts";

const t = ((key: string, o?: Record<string, unknown>) =>
  o ? `${key}(${JSON.stringify(o)})` : key) as unknown as TFunction;

describe("segment figures as the page shows them", () => {
  it("formats each measure in its unit", () => {
    expect(formatFeature("recency", 207.5, "en", "UAH")).toBe("208");
    expect(formatFeature("frequency", 2.46, "en", "UAH")).toBe("2.5");
    expect(formatFeature("monetary", 2000, "en", "UAH").replace(/\s/g, " ")).toBe("UAH 20.00");
    expect(formatFeature("discountShare", 0.5, "en", "UAH")).toBe("50%");
    expect(formatFeature("complaintRate", 0.05, "en", "UAH")).toBe("0.05");
    expect(formatFeature("nps", null, "en", "UAH")).toBe("—");
    expect(formatShare(0.2, "en")).toBe("20%");
    expect(formatShare(null, "en")).toBe("—");
  });

  it("names segments: a person's name, else the RFM name or the cluster's number", () => {
    const base = { name: "Lost", customName: null };
    expect(segmentName({ ...base, kind: "rfm", code: "rfm:lost" }, t)).toBe("segmentsPage.rfm.lost");
    expect(segmentName({ ...base, kind: "cluster", code: "cluster:3" }, t)).toBe(
      'segmentsPage.clusters.name({"number":"3"})',
    );
    expect(segmentName({ ...base, kind: "rfm", code: "rfm:lost", customName: "Gone" }, t)).toBe("Gone");
    expect(segmentName({ kind: "rule", code: null, name: "Kyiv", customName: null }, t)).toBe("Kyiv");
  });

  it("says what sets a segment apart", () => {
    const profile = {
      size: 1,
      share: 1,
      means: {},
      lift: {},
      distinctive: [
        { feature: "frequency" as const, lift: 1.2 },
        { feature: "recency" as const, lift: -0.8 },
      ],
    };
    expect(distinctive({ profile }, t)).toBe(
      'segmentsPage.lift.high({"feature":"segmentsPage.features.frequency"}), segmentsPage.lift.low({"feature":"segmentsPage.features.recency"})',
    );
  });
});

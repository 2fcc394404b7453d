import { describe, expect, it } from "vitest";
import type { ReadingLine } from "./money-api.ts";
import {
  capitalize,
  fitProgress,
  formatDecimal,
  formatMoneyShort,
  formatShare,
  formatSignedMoney,
  formatSignedShare,
  holdoutStart,
  readingKey,
  readingParams,
  relativeError,
} from "./money-format.ts";

// Intl separates groups with no-break spaces in ru and uk; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("money page formats", () => {
  it("shows shares with one decimal under 10% and whole above", () => {
    expect(formatShare(0.6824679, "en")).toBe("68%");
    expect(formatShare(0.041946, "en")).toBe("4.2%");
    expect(plain(formatShare(0.041946, "ru"))).toBe("4,2 %");
    expect(formatShare(0, "en")).toBe("0%");
  });

  it("signs the holdout error and money differences", () => {
    expect(formatSignedShare(0.041946, "en")).toBe("+4.2%");
    expect(formatSignedShare(-0.25, "en")).toBe("\u221225%");
    expect(plain(formatSignedMoney(22694, "UAH", "en"))).toBe("+UAH 226.94");
    expect(plain(formatSignedMoney(-56550, "UAH", "en"))).toBe("−UAH 565.50");
    expect(plain(formatSignedMoney(-3288, "UAH", "uk"))).toBe("−32,88 ₴");
    expect(formatSignedMoney(0, "EUR", "en")).toBe("€0.00");
  });

  it("gives model quantities three significant digits below 1 and two decimals below 100", () => {
    expect(formatDecimal(0.2425945, "en")).toBe("0.243");
    expect(formatDecimal(4.4136019, "en")).toBe("4.41");
    expect(formatDecimal(44.96121, "en")).toBe("44.96");
    expect(formatDecimal(140054.91, "en")).toBe("140,055");
    expect(formatDecimal(-94401.02, "en")).toBe("\u221294,401");
    expect(formatDecimal(Number.NaN, "en")).toBe("—");
  });

  it("writes band edges in a short form from minor units", () => {
    expect(plain(formatMoneyShort(150000, "UAH", "en"))).toBe("UAH 1.5k");
    expect(plain(formatMoneyShort(50000, "UAH", "en"))).toBe("UAH 500");
    expect(plain(formatMoneyShort(0, "UAH", "en"))).toBe("UAH 0");
  });

  it("computes the holdout's total error as (predicted − actual) ÷ actual", () => {
    // The demo's holdout: 6,724.73 predicted against 6,454 that happened.
    expect(relativeError(6724.725062871085, 6454)).toBeCloseTo(270.725062871085 / 6454, 12);
    expect(relativeError(90, 100)).toBeCloseTo(-0.1, 12);
    expect(relativeError(5, 0)).toBeUndefined();
  });

  it("estimates a fit's progress from the last fit's duration, never reaching 100% early", () => {
    expect(fitProgress(2000, 4000)).toBe(50);
    expect(fitProgress(9000, 4000)).toBe(95);
    expect(fitProgress(1000, undefined)).toBeUndefined();
  });

  it("finds where the holdout starts in the tracking series", () => {
    expect(
      holdoutStart([
        { date: "2026-05-16", actual: 1, predicted: 1, phase: "calibration" },
        { date: "2026-05-23", actual: 2, predicted: 2, phase: "holdout" },
        { date: "2026-05-30", actual: 3, predicted: 3, phase: "holdout" },
      ]),
    ).toBe("2026-05-23");
    expect(holdoutStart([])).toBeUndefined();
  });

  it("words a reading line's parameters and maps its key to the page's messages", () => {
    const line: ReadingLine = {
      key: "money.reading.nps.pays",
      tone: "good",
      params: {
        of: { value: "promoter", format: "text" },
        ofMean: { value: 84136, format: "money" },
        ofCustomers: { value: 850, format: "count" },
        ratio: { value: 1.369356, format: "decimal" },
        share: { value: 0.16166, format: "percent" },
        error: { value: 0.041946, format: "percent" },
        cutoff: { value: "2026-05-23", format: "date" },
        names: { value: "a, b", format: "text" },
      },
    };
    expect(readingKey(line.key)).toBe("moneyPage.reading.nps.pays");
    const words = readingParams(line, "en", "UAH", (code) => `<${code}>`);
    expect(Object.fromEntries(Object.entries(words).map(([k, v]) => [k, plain(v)]))).toEqual({
      of: "<promoter>",
      ofMean: "UAH 841.36",
      ofCustomers: "850",
      ratio: "1.37",
      share: "16%",
      error: "+4.2%",
      cutoff: "23 May 2026",
      names: "a, b",
    });
    expect(plain(readingParams(line, "ru", "UAH", (c) => c).ofMean ?? "")).toBe("841,36 ₴");
  });

  it("capitalises a sentence that opens with a group's name", () => {
    expect(capitalize("сторонники стоят")).toBe("Сторонники стоят");
    expect(capitalize("")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber } from "./format.ts";

describe("number formats", () => {
  it("write negatives with a typographic minus in every language", () => {
    // U+2212, not the hyphen Intl writes; the digits and separators stay the locale's.
    expect(formatNumber(-4232, "ru")).toBe("\u22124\u00a0232");
    expect(formatNumber(-4232, "en")).toBe("\u22124,232");
    expect(formatMoney(-30781, "UAH", "uk")).toBe("\u2212307,81\u00a0₴");
    expect(formatMoney(-30781, "USD", "en")).toBe("\u2212US$307.81");
    expect(formatNumber(-0.042, "en", { style: "percent", maximumFractionDigits: 1 })).toBe("\u22124.2%");
  });

  it("leave positive numbers and zero as Intl writes them", () => {
    expect(formatNumber(4232, "ru")).toBe(new Intl.NumberFormat("ru-RU").format(4232));
    expect(formatNumber(0, "uk")).toBe("0");
    expect(formatMoney(0, "EUR", "en")).toBe(
      new Intl.NumberFormat("en-GB", { style: "currency", currency: "EUR" }).format(0),
    );
    expect(formatNumber(Number.NaN, "en")).toBe("NaN");
  });
});

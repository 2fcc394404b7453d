import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastMinor, parseMoney, toMinor } from "./money.ts";
import { inferDecimalSeparator, parseInteger, parseNumber, scanDecimal } from "./numbers.ts";

const money = (cell: string | number, decimal: "," | "." | null = null, digits = 2) => {
  const r = parseMoney(cell, { digits, decimal });
  return r.ok ? [r.value.minor, r.value.currency] : r.reason;
};

describe("parseMoney", () => {
  it("reads the amounts exports write, into minor units", () => {
    expect(money("1 234,50 ₽")).toEqual([123450, "RUB"]);
    expect(money("1\u00a0234,50")).toEqual([123450, null]);
    expect(money("1,234.50")).toEqual([123450, null]);
    expect(money("$12.3")).toEqual([1230, "USD"]);
    expect(money("12,3")).toEqual([1230, null]);
    expect(money("-5")).toEqual([-500, null]);
    expect(money("1.234.567,89")).toEqual([123456789, null]);
    expect(money("350 грн")).toEqual([35000, "UAH"]);
    expect(money("350грн.")).toEqual([35000, "UAH"]);
    expect(money("1 500 руб.")).toEqual([150000, "RUB"]);
    expect(money("UAH 99.90")).toEqual([9990, "UAH"]);
    expect(money("€ 7,5")).toEqual([750, "EUR"]);
    expect(money("(12.50)")).toEqual([-1250, null]);
    expect(money("12.50-")).toEqual([-1250, null]);
    expect(money("−3,20")).toEqual([-320, null]);
    expect(money("1'234.5")).toEqual([123450, null]);
    expect(money(".5")).toEqual([50, null]);
    expect(money(29.33)).toEqual([2933, null]);
    expect(money(1.005)).toEqual([101, null]);
  });

  it("rounds extra decimals half away from zero and respects the currency's digits", () => {
    expect(money("12.3456")).toEqual([1235, null]);
    expect(money("-12.345", ".")).toEqual([-1235, null]);
    expect(money("0.005")).toEqual([1, null]);
    expect(money("12,5", null, 0)).toEqual([13, null]);
    expect(money("1,234", ",", 3)).toEqual([1234, null]);
  });

  it("reads an ambiguous 1,234 by the column's separator, else as thousands", () => {
    expect(money("1,234")).toEqual([123400, null]);
    expect(money("1,234", ",")).toEqual([123, null]);
    expect(money("1.234", ".")).toEqual([123, null]);
    expect(money("1.234", ",")).toEqual([123400, null]);
    expect(money("0,125")).toEqual([13, null]);
  });

  it("rejects what is not a number with the value in the reason", () => {
    expect(money("12,3,4")).toBe("value is not a number: '12,3,4'");
    expect(money("1.23.4")).toMatch(/not a number/);
    expect(money("1,2.3,4")).toMatch(/not a number/);
    expect(money("abc")).toMatch(/not a number/);
    expect(money("12 руб 50 коп")).toMatch(/not a number/);
    expect(money("")).toMatch(/not a number/);
    expect(money("-")).toMatch(/not a number/);
    expect(money("1 2345")).toMatch(/not a number/);
    expect(money("99999999999999999999")).toMatch(/too large/);
    expect(money(Number.NaN)).toMatch(/not a number/);
  });
});

describe("parseNumber and parseInteger", () => {
  it("reads plain numbers", () => {
    expect(parseNumber("3,5")).toEqual({ ok: true, value: 3.5 });
    expect(parseNumber(-2)).toEqual({ ok: true, value: -2 });
    expect(parseInteger("7")).toEqual({ ok: true, value: 7 });
    expect(parseInteger("7.0")).toEqual({ ok: true, value: 7 });
    expect(parseInteger("1 234")).toEqual({ ok: true, value: 1234 });
    expect(parseInteger("1,234")).toEqual({ ok: true, value: 1234 });
  });

  it("rejects fractions where a whole number is needed", () => {
    expect(parseInteger("3.5")).toMatchObject({ ok: false, code: "not_an_integer" });
    expect(parseInteger(2.5)).toMatchObject({ ok: false, code: "not_an_integer" });
    expect(parseInteger("x")).toMatchObject({ ok: false, code: "not_a_number" });
  });
});

describe("inferDecimalSeparator", () => {
  it("votes per value and falls back to none", () => {
    expect(inferDecimalSeparator(["12,5", "1,234", "3"])).toMatchObject({
      separator: ",",
      decidedBy: "evidence",
    });
    expect(inferDecimalSeparator(["1,234.50", "1,234"])).toMatchObject({
      separator: ".",
      decidedBy: "evidence",
    });
    expect(inferDecimalSeparator(["1.234.567", "5"])).toMatchObject({
      separator: ",",
      decidedBy: "evidence",
    });
    expect(inferDecimalSeparator(["1,234", "5,000"])).toMatchObject({
      separator: null,
      decidedBy: "default",
    });
    expect(inferDecimalSeparator(["1,5", "2,5", "3.5"])).toMatchObject({
      separator: ",",
      decidedBy: "conflict",
    });
    expect(inferDecimalSeparator(["12,50 ₽", 7])).toMatchObject({ separator: ",", commaVotes: 1 });
  });
});

describe("fast paths agree with the general reader", () => {
  it("fastMinor gives what scanDecimal + toMinor give, for any plain amount", () => {
    const plain = fc
      .tuple(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{0,8}$/),
        fc.option(fc.tuple(fc.constantFrom(".", ","), fc.stringMatching(/^[0-9]{0,6}$/))),
      )
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac ? frac[0] + frac[1] : ""}`);
    fc.assert(
      fc.property(
        plain,
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(",", ".", null),
        (text, digits, hint) => {
          const scan = scanDecimal(text, hint as "," | "." | null);
          const slow = scan.ok ? toMinor(scan.value, digits) : null;
          const fast = fastMinor(text, digits, hint as "," | "." | null);
          expect(Number.isNaN(fast) ? null : fast).toBe(slow);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

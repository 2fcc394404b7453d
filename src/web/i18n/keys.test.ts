import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect.ts";
import { en } from "./en.ts";
import { formatMoney, formatNumber, minorDigits } from "./format.ts";
import { flatten, keyProblems } from "./keys.ts";
import { ru } from "./ru.ts";
import { uk } from "./uk.ts";

// Intl separates groups with no-break spaces in ru and uk; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("translations", () => {
  it("have the same keys, the plural forms each language needs and the same variables", () => {
    expect(keyProblems({ en, ru, uk })).toEqual([]);
  });

  it("report a key missing in one language", () => {
    const problems = keyProblems({ en: { a: "A", b: "B" }, ru: { a: "А" }, uk: { a: "А", b: "Б" } });
    expect(problems).toEqual(["ru: b is missing"]);
  });

  it("report missing Russian and Ukrainian plural forms", () => {
    const problems = keyProblems({
      en: { n_one: "{{count}} order", n_other: "{{count}} orders" },
      ru: {
        n_one: "{{count}} заказ",
        n_few: "{{count}} заказа",
        n_many: "{{count}} заказов",
        n_other: "{{count}} заказа",
      },
      uk: { n_one: "{{count}} замовлення", n_other: "{{count}} замовлень" },
    });
    expect(problems).toEqual(["uk: n lacks plural forms few, many"]);
  });

  it("report a forgotten variable", () => {
    const problems = keyProblems({
      en: { a: "Hi {{name}}" },
      ru: { a: "Привет" },
      uk: { a: "Привіт {{name}}" },
    });
    expect(problems).toEqual(["ru: a uses {{}}, not {{name}}"]);
  });

  it("flatten nested keys", () => {
    expect([...flatten({ a: { b: "x", c: { d: "y" } } }).keys()]).toEqual(["a.b", "a.c.d"]);
  });
});

describe("detectLanguage", () => {
  it("maps Ukrainian, Russian and its neighbours, and English", () => {
    expect(detectLanguage(["uk-UA", "ru"])).toBe("uk");
    expect(detectLanguage(["ru-RU"])).toBe("ru");
    expect(detectLanguage(["be"])).toBe("ru");
    expect(detectLanguage(["kk-KZ"])).toBe("ru");
    expect(detectLanguage(["en-US", "uk"])).toBe("en");
  });
  it("takes the first preference it can serve, else English", () => {
    expect(detectLanguage(["de-DE", "ru"])).toBe("ru");
    expect(detectLanguage(["pl", "de"])).toBe("en");
    expect(detectLanguage([])).toBe("en");
  });
});

describe("formatting", () => {
  it("formats numbers in the reader's locale", () => {
    expect(plain(formatNumber(1234567, "ru"))).toBe("1 234 567");
    expect(plain(formatNumber(1234567, "uk"))).toBe("1 234 567");
    expect(formatNumber(1234567, "en")).toBe("1,234,567");
  });
  it("formats money from minor units", () => {
    expect(minorDigits("UAH")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(plain(formatMoney(123456, "EUR", "ru"))).toBe("1 234,56 €");
    expect(formatMoney(123456, "EUR", "en")).toBe("€1,234.56");
    expect(formatMoney(1234, "JPY", "en")).toBe("JP¥1,234");
  });
});

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sharedDataDir } from "../testing/shared-data.ts";
import { type DetectedLanguage, detectLanguage, type Language } from "./language.ts";
import { englishLong, englishShort } from "./testdata/en.ts";
import { mixedRussianUkrainian } from "./testdata/mixed.ts";
import { russianLong, russianShort } from "./testdata/ru.ts";
import { ukrainianLong, ukrainianShort } from "./testdata/uk.ts";

type Item = { readonly text: string; readonly lang: Language; readonly group: "short" | "long" | "mixed" };

const items: Item[] = [
  ...russianShort.map((text): Item => ({ text, lang: "ru", group: "short" })),
  ...russianLong.map((text): Item => ({ text, lang: "ru", group: "long" })),
  ...ukrainianShort.map((text): Item => ({ text, lang: "uk", group: "short" })),
  ...ukrainianLong.map((text): Item => ({ text, lang: "uk", group: "long" })),
  ...englishShort.map((text): Item => ({ text, lang: "en", group: "short" })),
  ...englishLong.map((text): Item => ({ text, lang: "en", group: "long" })),
  ...mixedRussianUkrainian.map(([text, lang]): Item => ({ text, lang, group: "mixed" })),
];

const languages: readonly Language[] = ["ru", "uk", "en"];
const predicted: readonly DetectedLanguage[] = ["ru", "uk", "en", "unknown"];
const wordCount = (t: string): number => t.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;

describe("labelled test set", () => {
  it("has at least 300 texts, 60 short ones per language and 40 mixed Russian–Ukrainian ones", () => {
    for (const lang of languages) {
      expect(items.filter((i) => i.lang === lang && i.group !== "mixed").length).toBeGreaterThanOrEqual(300);
      const short = items.filter((i) => i.lang === lang && i.group === "short");
      expect(short.length).toBeGreaterThanOrEqual(60);
      for (const s of short) expect(wordCount(s.text), s.text).toBeLessThanOrEqual(3);
    }
    expect(mixedRussianUkrainian.length).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((i) => i.text)).size).toBe(items.length);
  });

  it("is detected with at least 97% accuracy per language and overall", () => {
    const confusion = new Map<string, number>();
    const misses: string[] = [];
    for (const item of items) {
      const got = detectLanguage(item.text).lang;
      confusion.set(`${item.lang}>${got}`, (confusion.get(`${item.lang}>${got}`) ?? 0) + 1);
      if (got !== item.lang) misses.push(`${item.lang}→${got} (${item.group}): ${item.text}`);
    }
    const rows = languages.map((lang) => {
      const counts = predicted.map((p) => confusion.get(`${lang}>${p}`) ?? 0);
      const total = counts.reduce((a, b) => a + b, 0);
      return { lang, counts, total, accuracy: (confusion.get(`${lang}>${lang}`) ?? 0) / total };
    });
    const lines = [
      `true\\predicted ${predicted.map((p) => p.padStart(8)).join("")}   accuracy`,
      ...rows.map(
        (r) =>
          `${r.lang.padEnd(15)} ${r.counts.map((c) => String(c).padStart(8)).join("")}   ${(100 * r.accuracy).toFixed(1)}%`,
      ),
    ];
    for (const group of ["short", "long", "mixed"] as const) {
      const g = items.filter((i) => i.group === group);
      const ok = g.filter((i) => detectLanguage(i.text).lang === i.lang).length;
      lines.push(`${group}: ${ok}/${g.length} (${((100 * ok) / g.length).toFixed(1)}%)`);
    }
    console.log(`Language detection confusion:\n${lines.join("\n")}\nMisses:\n${misses.join("\n")}`);

    for (const r of rows) expect(r.accuracy, r.lang).toBeGreaterThanOrEqual(0.97);
    expect(1 - misses.length / items.length).toBeGreaterThanOrEqual(0.97);
  });
});

describe("detectLanguage", () => {
  it("uses letters only one language has", () => {
    expect(detectLanguage("і").lang).toBe("unknown");
    expect(detectLanguage("Їжа").lang).toBe("uk");
    expect(detectLanguage("Мы").lang).toBe("ru");
    expect(detectLanguage("обʼєкт").lang).toBe("uk");
    expect(detectLanguage("пʼять хвилин").lang).toBe("uk");
    expect(detectLanguage("съел").lang).toBe("ru");
  });

  it("reads short texts without telling letters from frequent words and spelling", () => {
    expect(detectLanguage("не працює").lang).toBe("uk");
    expect(detectLanguage("дуже довго").lang).toBe("uk");
    expect(detectLanguage("доставка вчасно").lang).toBe("uk");
    expect(detectLanguage("спасибо").lang).toBe("ru");
    expect(detectLanguage("очень долго").lang).toBe("ru");
    expect(detectLanguage("обслуживание").lang).toBe("ru");
    expect(detectLanguage("питання").lang).toBe("uk");
  });

  it("gives the dominant language of a mixed Russian–Ukrainian text", () => {
    expect(detectLanguage("Заказ пришёл вовремя, курьер вежливый, дякую").lang).toBe("ru");
    expect(detectLanguage("Замовлення прийшло вчасно, кур'єр чемний, спасибо").lang).toBe("uk");
  });

  it("tells English by script, even with a Cyrillic word inside", () => {
    expect(detectLanguage("The courier was late again").lang).toBe("en");
    expect(detectLanguage("Delivery from Rozetka was late, дякую").lang).toBe("en");
    expect(detectLanguage("Wi-Fi не работает").lang).toBe("ru");
  });

  it("answers unknown (or the caller's fallback) when the text cannot tell", () => {
    for (const text of ["", "   ", "12345", "😡😡", "?!", "a", "https://example.com"]) {
      const d = detectLanguage(text);
      expect(d.lang, text).toBe("unknown");
      expect(d.confidence).toBeLessThan(0.3);
    }
    expect(detectLanguage("12345", { fallback: "uk" }).lang).toBe("uk");
    // Transliterated Russian is not English.
    expect(detectLanguage("spasibo bolshoe, vse ochen horosho").lang).toBe("unknown");
    expect(detectLanguage("spasibo bolshoe", { fallback: "ru" }).lang).toBe("ru");
  });

  it("lets a Russian/Ukrainian fallback decide a Cyrillic text with no evidence either way", () => {
    expect(detectLanguage("доставка", { fallback: "uk" }).lang).toBe("uk");
    expect(detectLanguage("доставка", { fallback: "ru" }).lang).toBe("ru");
    // Clear evidence wins over the fallback.
    expect(detectLanguage("дуже довго чекали", { fallback: "ru" }).lang).toBe("uk");
  });

  it("reports more confidence for longer, clearer texts", () => {
    const short = detectLanguage("дякую").confidence;
    const long = detectLanguage("Дякую, що так швидко відповіли і все вирішили").confidence;
    expect(long).toBeGreaterThan(short);
    expect(long).toBeLessThanOrEqual(1);
  });
});

// Real public data from ../shared/data (see DESIGN.md): a check beyond our own sentences when present.
const shared = sharedDataDir();
const reviews = join(shared, "sentiruEval2015_restaurants_ru", "SentiRuEval_rest_markup_train.xml");
const banking = join(shared, "banking77_en", "train.csv");

describe.skipIf(!existsSync(reviews) || !existsSync(banking))("shared data sets", () => {
  it("detects Russian restaurant reviews and English banking requests", () => {
    const texts = [...readFileSync(reviews, "utf8").matchAll(/<text>([\s\S]*?)<\/text>/g)].map((m) => m[1]!);
    const ru = texts.filter((t) => detectLanguage(t).lang === "ru").length;
    expect(ru / texts.length).toBeGreaterThanOrEqual(0.99);

    const rows = readFileSync(banking, "utf8").split("\n").slice(1, 3001).filter(Boolean);
    const en = rows.filter((r) => detectLanguage(r.replace(/,[a-z_]+$/, "")).lang === "en").length;
    expect(en / rows.length).toBeGreaterThanOrEqual(0.99);
  });
});

import { describe, expect, it } from "vitest";
import { analyze, createSurfaceForms } from "./index.ts";
import { generateTexts } from "./testdata/generate.ts";

const keys = (text: string): string[] => analyze(text).bigrams.map((b) => b.key);

describe("analyze", () => {
  it("returns language, tokens, content terms with their stems, and bigrams", () => {
    const a = analyze("Здравствуйте! Грязный туалет и хамский персонал 😡");
    expect(a.lang).toBe("ru");
    expect(a.tokens).toEqual(["здравствуйте", "грязный", "туалет", "и", "хамский", "персонал", "⟨neg⟩"]);
    expect(a.terms).toEqual(["грязный", "туалет", "хамский", "персонал"]);
    expect(a.stems).toEqual(["грязн", "туалет", "хамск", "персона"]);
    // «и» breaks the phrase: no «туалет хамский».
    expect(a.bigrams).toEqual([
      { key: "грязн туалет", surface: "грязный туалет" },
      { key: "хамск персона", surface: "хамский персонал" },
    ]);
  });

  it("gives one stem to the inflected forms a clustering step must join", () => {
    const stems = (texts: string[]): Set<string> => new Set(texts.flatMap((t) => analyze(t).stems));
    expect(stems(["доставка", "доставки", "доставку", "доставкой"].map((w) => `Опять ${w} сорвали`))).toEqual(
      new Set(["доставк", "сорва"]),
    );
    expect(
      stems(["доставка", "доставки", "доставку", "доставкою"].map((w) => `Знову ${w} зірвали`)).has(
        "доставк",
      ),
    ).toBe(true);
    expect(
      stems(["доставка запізнилась", "чекаю на доставку", "доставкою незадоволений"]).has("доставк"),
    ).toBe(true);
    expect(stems(["Late delivery", "deliveries are late", "I waited", "still waiting", "wait time"])).toEqual(
      new Set(["late", "deliveri", "wait", "time"]),
    );
  });

  it("keeps negation as the start of a phrase but not as a term", () => {
    const a = analyze("Терминал не работает, кондиционер тоже не работает");
    expect(a.terms).toEqual(["терминал", "работает", "кондиционер", "работает"]);
    expect(keys("Терминал не работает")).toEqual(["не работа"]);
    expect(keys("Застосунок не працює")).toEqual(["не працю"]);
    expect(keys("The app didn't work")).toEqual(["not work"]);
  });

  it("drops greetings and thanks, including two-word ones", () => {
    expect(analyze("Добрый день! Спасибо").terms).toEqual([]);
    expect(analyze("Добрий день, дякую").terms).toEqual([]);
    expect(analyze("Hello, thank you").terms).toEqual([]);
    expect(analyze("Добрый персонал").terms).toEqual(["добрый", "персонал"]);
  });

  it("stems each Cyrillic word with the stemmer its letters point to", () => {
    // A Russian text with a Ukrainian word: «працює» gets the Ukrainian stem, as in Ukrainian texts.
    const a = analyze("Сайт вообще не працює, деньги списали");
    expect(a.lang).toBe("ru");
    expect(a.stems).toContain("працю");
    expect(analyze("Сайт не працює").stems).toContain("працю");
    // Latin words in a Cyrillic text are English.
    expect(analyze("Wi-Fi в номере не работает, router сломан").stems).toContain("router");
  });

  it("uses the hint when the text cannot tell", () => {
    expect(analyze("доставка", "uk").lang).toBe("uk");
    expect(analyze("доставка", "ru").lang).toBe("ru");
    expect(analyze("12345", "en").lang).toBe("en");
    expect(analyze("Thanks!", "ru").lang).toBe("en");
  });

  it("masks personal data out of terms", () => {
    const a = analyze("Звоните +380671234567 или пишите ivan@mail.ru, сайт shop.com.ua");
    expect(a.terms).toEqual(["звоните", "пишите", "сайт"]);
    expect(a.normalized).not.toMatch(/\d|@/);
  });

  it("analyses a large batch of generated texts", () => {
    // Speed is measured by the benchmark (bench/text.ts), never by a timed test.
    const texts = generateTexts(5_000, 7);
    let terms = 0;
    for (const t of texts) terms += analyze(t).terms.length;
    expect(terms).toBeGreaterThan(texts.length);
  });
});

describe("surface forms", () => {
  it("turn stem bigrams back into the words people wrote most often", () => {
    const forms = createSurfaceForms();
    const texts = [
      "Грязный туалет",
      "грязный туалет опять",
      "В кафе грязные туалеты",
      "Late delivery again",
      "very late delivery",
      "Late deliveries!",
    ];
    for (const t of texts) for (const b of analyze(t).bigrams) forms.add(b.key, b.surface);
    expect(forms.label("грязн туалет")).toBe("грязный туалет");
    expect(forms.label("late deliveri")).toBe("late delivery");
    expect(forms.forms("грязн туалет")).toEqual([
      ["грязный туалет", 2],
      ["грязные туалеты", 1],
    ]);
    expect(forms.label("nothing here")).toBeUndefined();
  });
});

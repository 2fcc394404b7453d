import { describe, expect, it } from "vitest";
import { isStopWord, negationOf, stopWords } from "./stopwords.ts";
import { scriptOf, splitTokens, tokenize } from "./tokens.ts";

const texts = (s: string): string[] => tokenize(s).map((t) => t.text);

describe("tokenize", () => {
  it("keeps apostrophes and hyphens inside words, not at their edges", () => {
    expect(texts("П’ять хвилин, об'єкт, що-небудь, check-in, 'доставка' - ужас")).toEqual([
      "п'ять",
      "хвилин",
      "об'єкт",
      "що-небудь",
      "check-in",
      "доставка",
      "ужас",
    ]);
  });

  it("keeps masks and (when kept) numbers as tokens of their own kind", () => {
    expect(tokenize("Пишите на a@b.ru 😡").map((t) => [t.text, t.kind])).toEqual([
      ["пишите", "word"],
      ["на", "word"],
      ["⟨email⟩", "mask"],
      ["⟨neg⟩", "mask"],
    ]);
    expect(tokenize("ждал 2,5 часа", { numbers: "keep" }).map((t) => [t.text, t.kind])).toEqual([
      ["ждал", "word"],
      ["2,5", "number"],
      ["часа", "word"],
    ]);
  });

  it("numbers clauses so that phrases stop at punctuation", () => {
    const clauses = tokenize("Грязно. Персонал хамит, долго (очень) - ужас").map((t) => [t.text, t.clause]);
    expect(clauses).toEqual([
      ["грязно", 0],
      ["персонал", 1],
      ["хамит", 1],
      ["долго", 2],
      ["очень", 3],
      ["ужас", 4],
    ]);
  });

  it("reads the script of a word", () => {
    expect(scriptOf("доставка")).toBe("cyrillic");
    expect(scriptOf("delivery")).toBe("latin");
    expect(scriptOf("配送")).toBe("other");
    expect(splitTokens("配送 遅い").map((t) => t.text)).toEqual(["配送", "遅い"]);
  });
});

describe("stop words", () => {
  it("cover function words, pronouns, empty verbs and politeness in each language", () => {
    for (const w of [
      "и",
      "в",
      "что",
      "это",
      "очень",
      "был",
      "можно",
      "здравствуйте",
      "спасибо",
      "пожалуйста",
    ]) {
      expect(isStopWord(w, "ru"), w).toBe(true);
    }
    for (const w of ["і", "та", "що", "це", "дуже", "був", "можна", "вітаю", "дякую", "будь", "ласка"]) {
      expect(isStopWord(w, "uk"), w).toBe(true);
    }
    for (const w of ["the", "and", "is", "was", "very", "have", "hello", "thanks", "please", "i'm"]) {
      expect(isStopWord(w, "en"), w).toBe(true);
    }
  });

  it("leave the words that name a problem", () => {
    for (const w of ["доставка", "ждать", "работает", "грязно", "чекали", "працює", "брудно"]) {
      expect(isStopWord(w, "ru"), w).toBe(false);
    }
    for (const w of ["delivery", "waited", "rude", "dirty", "refund", "working"]) {
      expect(isStopWord(w, "en"), w).toBe(false);
    }
  });

  it("check Cyrillic words against both Russian and Ukrainian lists (customers mix them)", () => {
    expect(isStopWord("дякую", "ru")).toBe(true);
    expect(isStopWord("спасибо", "uk")).toBe(true);
    expect(stopWords("uk").has("спасибо")).toBe(false);
    expect(stopWords("ru").size).toBeGreaterThan(300);
  });

  it("keep negations apart, in a canonical form", () => {
    expect(negationOf("не")).toBe("не");
    expect(negationOf("немає")).toBe("нема");
    expect(negationOf("didn't")).toBe("not");
    expect(negationOf("never")).toBe("not");
    expect(negationOf("доставка")).toBeUndefined();
    expect(isStopWord("не", "ru")).toBe(false);
  });
});

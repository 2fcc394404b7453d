import { describe, expect, it } from "vitest";
import { findBoilerplate, sentenceKey, stripBoilerplate } from "./boilerplate.ts";

describe("formula sentences", () => {
  const texts = [
    ...Array.from({ length: 6 }, (_, i) => `Добрый день. Курьер опоздал на ${i + 2} дня. Жду ответа.`),
    ...Array.from({ length: 6 }, () => "Здравствуйте. В туалете грязно. Жду ответа!"),
    "Жду ответа.",
    "Hi team. The toilet is dirty.",
  ];

  it("finds sentences many texts share word for word, ignoring digits, case and punctuation", () => {
    expect(sentenceKey("Жду ОТВЕТА!!")).toBe("жду ответа");
    expect(sentenceKey("Order 123, paid")).toBe("order # paid");
    const b = findBoilerplate(texts, { share: 0.2, min: 5 });
    expect(b.has("жду ответа")).toBe(true);
    expect(b.has("добрый день")).toBe(true);
    expect(b.has("курьер опоздал на # дня")).toBe(true);
    expect(b.has("hi team")).toBe(false);
  });

  it("strips them but never empties a text", () => {
    const b = new Set(["жду ответа", "добрый день"]);
    expect(stripBoilerplate("Добрый день. Курьер опоздал. Жду ответа.", b)).toBe("Курьер опоздал");
    expect(stripBoilerplate("Жду ответа.", b)).toBe("Жду ответа.");
    expect(stripBoilerplate("Курьер опоздал", b)).toBe("Курьер опоздал");
  });
});

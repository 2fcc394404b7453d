import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { masks, normalize } from "./normalize.ts";

describe("normalize: masking", () => {
  it("masks URLs, with or without a scheme, keeping the punctuation after them", () => {
    expect(normalize("Смотрите https://shop.example.com/order?id=5&x=1.")).toBe("смотрите ⟨url⟩.");
    expect(normalize("зайдіть на www.rozetka.com.ua/ua/ і оплатіть")).toBe("зайдіть на ⟨url⟩ і оплатіть");
    expect(normalize("Site: example.com, broken")).toBe("site: ⟨url⟩, broken");
    expect(normalize("(see http://x.io/a)")).toBe("(see ⟨url⟩)");
  });

  it("masks e-mails before links can take their domain", () => {
    expect(normalize("Пишите на Ivan.Petrov+shop@mail.ru!")).toBe("пишите на ⟨email⟩!");
    expect(normalize("support@банк.укр не відповідає")).toBe("⟨email⟩ не відповідає");
  });

  it("masks Ukrainian, Russian and international phone numbers", () => {
    const phones = [
      "+380 67 123 45 67",
      "+38 (067) 123-45-67",
      "+380671234567",
      "067-123-45-67",
      "(067) 123 45 67",
      "0671234567",
      "380671234567",
      "+7 (495) 123-45-67",
      "8 800 555-35-35",
      "8(912)345-67-89",
      "+44 20 7946 0958",
      "+1 212 555 0123",
      "123-45-67",
    ];
    for (const p of phones) expect(normalize(`звоните ${p} вечером`), p).toBe("звоните ⟨phone⟩ вечером");
  });

  it("does not take money, cards, dates, times or order numbers for phones", () => {
    expect(normalize("Цена 1 250 000 грн")).toBe("цена ⟨num⟩ грн");
    expect(normalize("карта 4149 4993 1234 5678")).toBe("карта ⟨num⟩");
    expect(normalize("12.03.2024 с 9:00 до 18:00")).toBe("⟨num⟩ с ⟨num⟩ до ⟨num⟩");
    expect(normalize("Order #12345678 lost")).toBe("order ⟨num⟩ lost");
  });

  it("masks numbers with their glued endings and splits units off", () => {
    expect(normalize("ждал 2-й раз, 5-ти минут, 3х дней")).toBe("ждал ⟨num⟩ раз, ⟨num⟩ минут, ⟨num⟩ дней");
    expect(normalize("500грн за 1,5 кг")).toBe("⟨num⟩ грн за ⟨num⟩ кг");
    expect(normalize("the 21st time")).toBe("the ⟨num⟩ time");
    expect(normalize("ждал 2 часа", { numbers: "keep" })).toBe("ждал 2 часа");
  });

  it("turns sentiment emoji and emoticons into markers and drops other pictographs", () => {
    expect(normalize("Курьер 😡😡😡")).toBe(`курьер ${masks.negative}`);
    expect(normalize("Great 👍🏽 🚚")).toBe(`great ${masks.positive}`);
    expect(normalize("спасибо)))")).toBe(`спасибо ${masks.positive}`);
    expect(normalize("опять ((")).toBe(`опять ${masks.negative}`);
    expect(normalize("ok :-( and :)")).toBe(`ok ${masks.negative} and ${masks.positive}`);
    expect(normalize("❤️ дякую 👨‍👩‍👧")).toBe(`${masks.positive} дякую`);
    expect(normalize("Курьер 😡 👍", { emoji: "remove" })).toBe("курьер");
    expect(normalize("(в туалете)")).toBe("(в туалете)");
  });
});

describe("normalize: letters", () => {
  it("lower-cases and folds ё to е", () => {
    expect(normalize("ЁЛКА Пришёл")).toBe("елка пришел");
  });

  it("unifies Ukrainian apostrophes", () => {
    for (const a of ["'", "’", "ʼ", "`", "‘", "′", "´"])
      expect(normalize(`м${a}ясо п${a}ять`), a).toBe("м'ясо п'ять");
  });

  it("squeezes stretched letters: Cyrillic to one, Latin to two", () => {
    expect(normalize("Ужаааас, ооочень долгооо")).toBe("ужас, очень долго");
    expect(normalize("Жаааах")).toBe("жах");
    expect(normalize("goooood sooo baaad")).toBe("good soo baad");
    expect(normalize("касса ванна")).toBe("касса ванна");
  });

  it("repairs words typed with look-alike letters from the other layout", () => {
    expect(normalize("вiдповiдь")).toBe("відповідь");
    expect(normalize("дocтавка")).toBe("доставка");
    expect(normalize("wi-fi не работает")).toBe("wi-fi не работает");
    expect(normalize("dеlivеry")).toBe("delivery");
  });

  it("drops invisible characters and stress marks inside words", () => {
    expect(normalize("до\u00ADстав\u200Bка")).toBe("доставка");
    expect(normalize("доста́вка")).toBe("доставка");
  });

  it("keeps clause punctuation once, spaces dashes and drops other symbols", () => {
    expect(normalize("Долго!!! Почему???")).toBe("долго! почему?");
    expect(normalize("доставка — ужас")).toBe("доставка - ужас");
    expect(normalize("что-то, интернет-магазин")).toBe("что-то, интернет-магазин");
    expect(normalize("«Цена» #1, 100% и №5")).toBe("цена ⟨num⟩, ⟨num⟩ и ⟨num⟩");
    // Masks next to each other say the same thing once.
    expect(normalize("#1 * 100% №5")).toBe("⟨num⟩");
    expect(normalize("  много \n\t пробелов  ")).toBe("много пробелов");
  });

  it("is idempotent", () => {
    const samples = [
      "Здравствуйте! Заказ №123 ждал 3 дня 😡 ivan@mail.ru +380671234567 https://x.com/a",
      "вiдповiдь — ужаааас)))",
      ") )",
    ];
    for (const s of samples) expect(normalize(normalize(s))).toBe(normalize(s));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

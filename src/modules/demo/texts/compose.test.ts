import { describe, expect, it } from "vitest";
import { PROBLEMS } from "../problems.ts";
import { Rng } from "../random.ts";
import type { Lang, LocationKey, RequestChannel } from "../types.ts";
import { money, quantity } from "./common.ts";
import { complaintText, problemComment, type TextContext, typo } from "./compose.ts";

const langs: readonly Lang[] = ["ru", "uk", "en"];
const channels: readonly RequestChannel[] = [
  "email",
  "web",
  "telegram",
  "viber",
  "instagram",
  "phone",
  "in_person",
];
const locations: readonly LocationKey[] = [
  "store-khreshchatyk",
  "store-obolon",
  "store-livoberezhna",
  "online",
];

function context(lang: Lang, rng: Rng): TextContext {
  return {
    lang,
    location: rng.pick(locations),
    weekday: rng.int(0, 6),
    minuteOfDay: rng.int(600, 1259),
    days: rng.int(2, 14),
    hours: rng.int(2, 60),
    minutes: rng.int(15, 45),
    order: String(rng.int(10000, 99999)),
    amount: rng.int(100, 5000) * 100,
    fee: 9900,
    name: lang === "en" ? "Emma" : lang === "ru" ? "Елена" : "Олена",
    staff: lang === "en" ? "Iryna" : lang === "ru" ? "Ирина" : "Ірина",
  };
}

describe("complaint texts", () => {
  it("give hundreds of different phrasings for every problem in every language", () => {
    const rng = new Rng(3);
    for (const p of PROBLEMS) {
      for (const lang of langs) {
        const seen = new Set<string>();
        for (let i = 0; i < 1500; i++) {
          const ctx = context(lang, rng);
          seen.add(
            i % 3 === 0
              ? problemComment(p.texts[lang], ctx, rng)
              : complaintText(p.texts[lang], ctx, rng.pick(channels), rng),
          );
        }
        expect(seen.size, `${p.key}/${lang}`).toBeGreaterThan(300);
      }
    }
  });

  it("vary in wording, not only in numbers: many distinct core sentences per problem", () => {
    for (const p of PROBLEMS) {
      for (const lang of langs) {
        const phrases = p.texts[lang];
        expect(phrases.core.length, `${p.key}/${lang}`).toBeGreaterThanOrEqual(6);
        expect(phrases.short.length + phrases.detail.length + phrases.impact.length).toBeGreaterThanOrEqual(
          8,
        );
        const firstWords = new Set(phrases.core.map((c) => c.split(" ").slice(0, 2).join(" ")));
        expect(firstWords.size).toBeGreaterThan(phrases.core.length * 0.6);
      }
    }
  });

  it("are written in their own language and alphabet, with every slot filled", () => {
    const rng = new Rng(9);
    let ukrainianLetters = 0;
    let apostrophes = 0;
    for (const p of PROBLEMS) {
      for (const lang of langs) {
        for (let i = 0; i < 60; i++) {
          const text = complaintText(p.texts[lang], context(lang, rng), "email", rng);
          expect(text).not.toMatch(/[{}]/);
          if (lang === "en") expect(text).not.toMatch(/[а-яіїєґ]/i);
          if (lang === "ru") expect(text).not.toMatch(/[іїєґ]/i);
          if (lang === "uk") {
            expect(text).not.toMatch(/[ыэъё]/i);
            if (/[іїєґ]/i.test(text)) ukrainianLetters++;
            if (/\p{L}'\p{L}/u.test(text)) apostrophes++;
          }
        }
      }
    }
    expect(ukrainianLetters).toBeGreaterThan(PROBLEMS.length * 55);
    expect(apostrophes).toBeGreaterThan(50);
  });
});

describe("the words the slots are filled with", () => {
  it("count with Slavic plurals", () => {
    expect(
      ["1", "2", "5", "11", "21", "22", "25", "112"].map((n) => quantity("uk", Number(n), "day")),
    ).toEqual(["1 день", "2 дні", "5 днів", "11 днів", "21 день", "22 дні", "25 днів", "112 днів"]);
    expect(quantity("ru", 3, "day")).toBe("3 дня");
    expect(quantity("ru", 14, "hour")).toBe("14 часов");
    expect(quantity("ru", 21, "minute")).toBe("21 минуту");
    expect(quantity("en", 1, "day")).toBe("1 day");
    expect(quantity("en", 4, "hour")).toBe("4 hours");
  });

  it("write hryvnias the way people do", () => {
    expect(money("uk", 124_900)).toBe("1 249 грн");
    expect(money("en", 124_900)).toBe("UAH 1,249");
  });

  it("make a single slip of the finger", () => {
    const rng = new Rng(1);
    const text = "Замовлення досі не приїхало";
    const slipped = typo(text, rng);
    expect(slipped).not.toBe(text);
    expect(Math.abs(slipped.length - text.length)).toBeLessThanOrEqual(1);
  });
});

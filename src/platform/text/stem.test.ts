import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stem } from "./stem.ts";
import { stemEnglish } from "./stem-en.ts";
import { stemRussian } from "./stem-ru.ts";
import { stemUkrainian } from "./stem-uk.ts";
import { englishLong, englishShort } from "./testdata/en.ts";
import { russianLong, russianShort } from "./testdata/ru.ts";

const pairs = (s: string): Array<[string, string]> =>
  s
    .split(/\s+/)
    .filter(Boolean)
    .map((p) => p.split(":") as [string, string]);

describe("English (Porter2)", () => {
  it("stems the published sample vocabulary", () => {
    const sample = pairs(`consign:consign consigned:consign consigning:consign consignment:consign
      consist:consist consisted:consist consistency:consist consistent:consist consistently:consist
      consisting:consist consists:consist consolation:consol consolations:consol consolatory:consolatori
      console:consol consoled:consol consoles:consol consolidate:consolid consolidated:consolid
      consolidating:consolid consoling:consol consolingly:consol consols:consol consonant:conson
      consort:consort consorted:consort consorting:consort conspicuous:conspicu conspicuously:conspicu
      conspiracy:conspiraci conspirator:conspir conspirators:conspir conspire:conspir conspired:conspir
      conspiring:conspir constable:constabl constables:constabl constance:constanc constancy:constanc
      constant:constant knack:knack knackeries:knackeri knacks:knack knag:knag knave:knave knaves:knave
      knavish:knavish kneaded:knead kneading:knead knee:knee kneel:kneel kneeled:kneel kneeling:kneel
      kneels:kneel knees:knee knell:knell knelt:knelt knew:knew knick:knick knif:knif knife:knife
      knight:knight knightly:knight knights:knight knit:knit knits:knit knitted:knit knitting:knit
      knives:knive knob:knob knobs:knob knock:knock knocked:knock knocker:knocker knockers:knocker
      knocking:knock knocks:knock knopp:knopp knot:knot knots:knot`);
    for (const [word, expected] of sample) expect(stemEnglish(word), word).toBe(expected);
  });

  it("applies the special cases: exceptions, R1 prefixes, y, short syllables", () => {
    const cases = pairs(`skies:sky dying:die news:news only:onli generously:generous communication:communic
      arsenal:arsenal inning:inning proceed:proceed cried:cri ties:tie gas:gas gaps:gap kiwis:kiwi
      hoping:hope hopping:hop happy:happi say:say by:by customer's:custom`);
    for (const [word, expected] of cases) expect(stemEnglish(word), word).toBe(expected);
  });

  it("collapses inflection families", () => {
    for (const family of [
      "delivery deliveries",
      "deliver delivered delivering delivers",
      "wait waited waiting waits",
      "refund refunds refunded refunding",
      "charge charged charges charging",
      "rude rudeness",
      "cancel cancelled cancelling cancels",
      "order orders ordered ordering",
    ]) {
      expect(new Set(family.split(" ").map(stemEnglish)).size, family).toBe(1);
    }
  });
});

describe("Russian (Snowball)", () => {
  it("stems the published sample vocabulary", () => {
    const sample = pairs(`в:в вагон:вагон вагона:вагон вагоне:вагон вагонов:вагон вагоном:вагон вагоны:вагон
      важная:важн важнее:важн важнейшие:важн важнейшими:важн важничал:важнича важно:важн важного:важн
      важное:важн важной:важн важном:важн важную:важн важный:важн важным:важн важных:важн вазу:ваз
      вакса:вакс вал:вал валандался:валанда валентина:валентин валериановых:валерианов валерьян:валерья
      валетами:валет вали:вал валил:вал валился:вал валится:вал валов:вал валяется:валя валялись:валя
      валялся:валя валять:валя валяются:валя вам:вам вами:вам`);
    for (const [word, expected] of sample) expect(stemRussian(word), word).toBe(expected);
  });

  it("folds ё and collapses inflection families", () => {
    expect(stemRussian("пришёл")).toBe(stemRussian("пришел"));
    for (const family of [
      "доставка доставки доставку доставкой доставке",
      "грязный грязная грязное грязные грязного грязно",
      "очередь очереди очередью",
      "курьер курьера курьеру курьером курьеры курьеров",
      "заказ заказа заказу заказом заказы заказов",
      "вежливый вежливая вежливые вежливо",
    ]) {
      expect(new Set(family.split(" ").map(stemRussian)).size, family).toBe(1);
    }
  });
});

describe("Ukrainian (our rules)", () => {
  it("collapses inflection families", () => {
    for (const family of [
      "доставка доставки доставку доставкою",
      "замовлення замовленням замовленні замовлень замовленнями",
      "чекати чекав чекала чекали чекаю чекає чекаємо чекаєте чекають чекатиму",
      "працювати працював працювала працює працюють працюючи",
      "якість якості якістю",
      "оплата оплати оплату оплатою",
      "кредит кредити кредиту кредитом",
      "продавець продавця продавці продавцями",
      "дзвінок дзвінка дзвінки дзвінків",
      "рік року",
      "брудний брудна брудне брудні брудного брудно",
      "черга черги чергу чергою",
      "лікар лікаря лікарю лікарем лікарі лікарів",
      "дзвонити дзвонив дзвонила дзвонили дзвонить",
      "відповідь відповіді",
      "гроші грошей",
      "акція акції акцію акцією акцій",
      "мʼясо м'ясо мясо",
      "дозвонитися дозвонитись дозвонився",
    ]) {
      expect(new Set(family.split(" ").map(stemUkrainian)).size, family).toBe(1);
    }
  });

  it("gives words shared with Russian the Russian stem", () => {
    for (const word of ["доставка", "доставки", "сайт", "туалет", "мясо", "магазин", "парковка"]) {
      expect(stemUkrainian(word), word).toBe(stemRussian(word));
    }
  });

  it("keeps short words whole and distinct words apart", () => {
    // RV protects the stem of short words; "-ти" here is not an infinitive ending.
    expect(new Set(["діти", "дітей", "дітям"].map(stemUkrainian)).size).toBe(1);
    expect(new Set(["світ", "світу", "світі"].map(stemUkrainian)).size).toBe(1);
    expect(stemUkrainian("діти").length).toBe(3);
    expect(stemUkrainian("роботи")).toBe("робот");
    expect(stemUkrainian("столи")).toBe("стол");
    expect(stemUkrainian("доставка")).not.toBe(stemUkrainian("дзвінок"));
  });
});

describe("stem", () => {
  it("dispatches by language and keeps hyphenated compounds", () => {
    expect(stem("deliveries", "en")).toBe("deliveri");
    expect(stem("доставкой", "ru")).toBe("доставк");
    expect(stem("доставкою", "uk")).toBe("доставк");
    expect(stem("интернет-магазина", "ru")).toBe("интернет-магазин");
    expect(stem("check-in", "en")).toBe("check-in");
    expect(stem("доставкой", "ru")).toBe("доставк"); // memoised answer is the same
  });
});

// The algorithms are written from their published descriptions; an independent JavaScript port of
// Snowball (a dev dependency used only here) must agree word for word.
type Reference = { newStemmer: (lang: string) => { stem: (word: string) => string } };
const reference = createRequire(import.meta.url)("snowball-stemmers") as Reference;

const vocabulary = (texts: readonly string[], letters: RegExp): string[] => [
  ...new Set(texts.flatMap((t) => t.toLowerCase().replaceAll("ё", "е").match(letters) ?? [])),
];

describe("agreement with an independent Snowball implementation", () => {
  const shared = join(process.cwd(), "..", "shared", "data");
  const reviews = join(shared, "sentiruEval2015_restaurants_ru", "SentiRuEval_rest_markup_train.xml");
  const banking = join(shared, "banking77_en", "train.csv");
  const ruTexts = [...russianShort, ...russianLong];
  const enTexts = [...englishShort, ...englishLong];
  if (existsSync(reviews)) ruTexts.push(readFileSync(reviews, "utf8"));
  if (existsSync(banking)) enTexts.push(readFileSync(banking, "utf8"));

  it("Russian", () => {
    const ru = reference.newStemmer("russian");
    const words = vocabulary(ruTexts, /[а-я]+/g);
    expect(words.length).toBeGreaterThan(1000);
    const diff = words.filter((w) => stemRussian(w) !== ru.stem(w));
    expect(diff).toEqual([]);
  });

  it("English", () => {
    const en = reference.newStemmer("english");
    const words = vocabulary(enTexts, /[a-z]+(?:'[a-z]+)?/g);
    expect(words.length).toBeGreaterThan(1000);
    const diff = words.filter((w) => stemEnglish(w) !== en.stem(w));
    expect(diff).toEqual([]);
  });
});

import type { Lang, LocationKey } from "../types.ts";

/** Pieces every complaint may share: greetings, endings, emotion, and the words the slots are filled with. */

export const openers: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Здравствуйте!",
    "Добрый день.",
    "Добрый вечер.",
    "Здравствуйте, хочу пожаловаться.",
    "Пишу с жалобой.",
    "Доброго времени суток.",
    "Не могу промолчать.",
    "Здравствуйте, это снова я.",
    "Уважаемая администрация!",
    "Добрый день, вынуждена написать.",
    "Привет.",
    "Здрасте.",
    "Хочу обратить ваше внимание.",
    "Извините, но это уже слишком.",
  ],
  uk: [
    "Доброго дня!",
    "Добрий день.",
    "Добрий вечір.",
    "Вітаю, хочу поскаржитися.",
    "Пишу зі скаргою.",
    "Вітаю.",
    "Не можу змовчати.",
    "Доброго дня, це знову я.",
    "Шановна адміністраціє!",
    "Добрий день, змушена написати.",
    "Привіт.",
    "Хочу звернути вашу увагу.",
    "Вибачте, але це вже занадто.",
    "Слава Україні! Маю скаргу.",
  ],
  en: [
    "Hello.",
    "Hi.",
    "Good evening.",
    "Hi, I want to make a complaint.",
    "Writing to complain.",
    "Hi team.",
    "I can't stay quiet about this.",
    "Hello again.",
    "Sorry, but this is too much.",
  ],
};

export const closers: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Спасибо.",
    "Жду ответа.",
    "Надеюсь на реакцию.",
    "Разберитесь, пожалуйста.",
    "Очень неприятно.",
    "Больше к вам ни ногой.",
    "Примите меры.",
    "И это уже не первый раз.",
    "Прошу связаться со мной.",
    "Очень разочарована.",
    "Позор.",
    "Надеюсь, это кто-нибудь прочитает.",
  ],
  uk: [
    "Дякую.",
    "Чекаю на відповідь.",
    "Сподіваюся на реакцію.",
    "Розберіться, будь ласка.",
    "Дуже неприємно.",
    "Більше до вас ні ногою.",
    "Вживіть заходів.",
    "І це вже не вперше.",
    "Прошу зв'язатися зі мною.",
    "Дуже розчарована.",
    "Ганьба.",
    "Сподіваюся, хтось це прочитає.",
  ],
  en: [
    "Thanks.",
    "Waiting for your reply.",
    "Please look into it.",
    "Very disappointing.",
    "Never again.",
    "This is not the first time.",
    "Please get back to me.",
    "Hope someone actually reads this.",
  ],
};

export const signoffs: Readonly<Record<Lang, readonly string[]>> = {
  ru: ["С уважением, {name}.", "{name}.", "— {name}", "Ваш постоянный покупатель, {name}."],
  uk: ["З повагою, {name}.", "{name}.", "— {name}", "Ваш постійний покупець, {name}."],
  en: ["Regards, {name}.", "{name}", "— {name}", "Best, {name}"],
};

/** Outbursts with no problem in them: real survey comments are often just this. */
export const vagueNegative: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "ужас",
    "долго!!!",
    "Кошмар.",
    "не понравилось",
    "дорого",
    "так себе",
    "Плохо.",
    "никогда больше",
    "😡",
  ],
  uk: [
    "жах",
    "довго!!!",
    "Кошмар.",
    "не сподобалося",
    "дорого",
    "так собі",
    "Погано.",
    "ніколи більше",
    "😡",
  ],
  en: ["awful", "too slow!!!", "Terrible.", "didn't like it", "overpriced", "meh", "Bad.", "never again"],
};

export const emojiNegative = ["😡", "😤", "🤬", "🙄", "😞", "👎", "😠"] as const;
export const emojiPositive = ["🙏", "👍", "😊", "❤️", "🔥", "👏", "🥰"] as const;

export const places: Readonly<Record<LocationKey, Readonly<Record<Lang, readonly string[]>>>> = {
  "store-khreshchatyk": {
    ru: ["в магазине на Крещатике", "на Крещатике", "в вашем магазине в центре"],
    uk: ["у магазині на Хрещатику", "на Хрещатику", "у вашому магазині в центрі"],
    en: ["at your Khreshchatyk store", "in the city-centre store", "at the Khreshchatyk shop"],
  },
  "store-obolon": {
    ru: ["в магазине на Оболони", "на Оболони", "в вашем магазине на Оболонском"],
    uk: ["у магазині на Оболоні", "на Оболоні", "у вашому магазині на Оболонському"],
    en: ["at the Obolon store", "in your Obolon shop"],
  },
  "store-livoberezhna": {
    ru: ["в магазине на Левобережной", "на Левобережке", "в вашем магазине возле метро Левобережная"],
    uk: ["у магазині на Лівобережній", "на Лівобережці", "у вашому магазині біля метро Лівобережна"],
    en: ["at the Livoberezhna store", "in your shop by Livoberezhna metro"],
  },
  online: {
    ru: ["на сайте", "в интернет-магазине"],
    uk: ["на сайті", "в інтернет-магазині"],
    en: ["on the website", "in the online shop"],
  },
};

/** [nominative, accusative]: the templates avoid adjectives that would have to agree with the item. */
export const items: Readonly<Record<Lang, readonly (readonly [string, string])[]>> = {
  ru: [
    ["сковородка", "сковородку"],
    ["настольная лампа", "настольную лампу"],
    ["набор бокалов", "набор бокалов"],
    ["плед", "плед"],
    ["чайник", "чайник"],
    ["комплект постельного белья", "комплект постельного белья"],
    ["ваза", "вазу"],
    ["кастрюля", "кастрюлю"],
    ["подушка", "подушку"],
    ["сушилка для белья", "сушилку для белья"],
    ["зеркало", "зеркало"],
    ["кофемолка", "кофемолку"],
    ["набор тарелок", "набор тарелок"],
    ["торшер", "торшер"],
  ],
  uk: [
    ["сковорідка", "сковорідку"],
    ["настільна лампа", "настільну лампу"],
    ["набір келихів", "набір келихів"],
    ["плед", "плед"],
    ["чайник", "чайник"],
    ["комплект постільної білизни", "комплект постільної білизни"],
    ["ваза", "вазу"],
    ["каструля", "каструлю"],
    ["подушка", "подушку"],
    ["сушарка для білизни", "сушарку для білизни"],
    ["дзеркало", "дзеркало"],
    ["кавомолка", "кавомолку"],
    ["набір тарілок", "набір тарілок"],
    ["торшер", "торшер"],
  ],
  en: [
    ["frying pan", "frying pan"],
    ["desk lamp", "desk lamp"],
    ["set of wine glasses", "set of wine glasses"],
    ["throw blanket", "throw blanket"],
    ["kettle", "kettle"],
    ["bed linen set", "bed linen set"],
    ["vase", "vase"],
    ["saucepan", "saucepan"],
    ["pillow", "pillow"],
    ["drying rack", "drying rack"],
    ["mirror", "mirror"],
    ["coffee grinder", "coffee grinder"],
    ["set of plates", "set of plates"],
    ["floor lamp", "floor lamp"],
  ],
};

/** Monday first, each with the preposition it takes ("во вторник", not "в вторник"). */
export const weekdays: Readonly<Record<Lang, readonly string[]>> = {
  ru: ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"],
  uk: ["у понеділок", "у вівторок", "у середу", "у четвер", "у п'ятницю", "у суботу", "у неділю"],
  en: ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
};

export type Unit = "day" | "hour" | "minute";

/** one / few / many forms; English uses only the first two. */
const unitForms: Readonly<Record<Lang, Readonly<Record<Unit, readonly [string, string, string]>>>> = {
  ru: {
    day: ["день", "дня", "дней"],
    hour: ["час", "часа", "часов"],
    minute: ["минуту", "минуты", "минут"],
  },
  uk: {
    day: ["день", "дні", "днів"],
    hour: ["годину", "години", "годин"],
    minute: ["хвилину", "хвилини", "хвилин"],
  },
  en: {
    day: ["day", "days", "days"],
    hour: ["hour", "hours", "hours"],
    minute: ["minute", "minutes", "minutes"],
  },
};

/** "5 дней", "2 дні", "21 minutes": Slavic plural rule (one / few / many) by the last two digits. */
export function quantity(lang: Lang, n: number, unit: Unit): string {
  const forms = unitForms[lang][unit];
  if (lang === "en") return `${n} ${n === 1 ? forms[0] : forms[1]}`;
  const mod10 = n % 10;
  const mod100 = n % 100;
  const form =
    mod10 === 1 && mod100 !== 11
      ? forms[0]
      : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
        ? forms[1]
        : forms[2];
  return `${n} ${form}`;
}

/** Hryvnias as people write them: "1 249 грн" or "UAH 1,249". */
export function money(lang: Lang, minor: number): string {
  const whole = Math.round(minor / 100);
  const grouped = (separator: string) => String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return lang === "en" ? `UAH ${grouped(",")}` : `${grouped(" ")} грн`;
}

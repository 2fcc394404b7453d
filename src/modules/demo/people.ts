import type { Rng } from "./random.ts";
import type { Lang } from "./types.ts";

/** Names and contacts of made-up customers. E-mail domains are reserved example domains. */

type NameBook = { female: readonly string[]; male: readonly string[]; surnames: readonly string[] };

// Surnames that do not change with gender, so no agreement is needed.
const books: Readonly<Record<Lang, NameBook>> = {
  uk: {
    female: [
      "Олена",
      "Оксана",
      "Наталія",
      "Ірина",
      "Тетяна",
      "Юлія",
      "Анна",
      "Марія",
      "Катерина",
      "Вікторія",
      "Людмила",
      "Світлана",
      "Ольга",
      "Дарина",
      "Софія",
      "Христина",
      "Галина",
      "Ярослава",
      "Уляна",
      "Ганна",
    ],
    male: [
      "Олександр",
      "Андрій",
      "Сергій",
      "Дмитро",
      "Володимир",
      "Іван",
      "Максим",
      "Богдан",
      "Тарас",
      "Юрій",
      "Микола",
      "Віталій",
      "Олег",
      "Ярослав",
      "Роман",
      "Петро",
      "Євген",
      "Ігор",
    ],
    surnames: [
      "Шевченко",
      "Коваленко",
      "Бондаренко",
      "Ткаченко",
      "Кравченко",
      "Олійник",
      "Шевчук",
      "Поліщук",
      "Коваль",
      "Мельник",
      "Бойко",
      "Савчук",
      "Лисенко",
      "Марченко",
      "Руденко",
      "Мороз",
      "Петренко",
      "Левченко",
      "Гриценко",
      "Климчук",
      "Романюк",
      "Павлюк",
      "Гуменюк",
      "Дячук",
      "Ящук",
      "Гнатюк",
    ],
  },
  ru: {
    female: [
      "Елена",
      "Наталья",
      "Ирина",
      "Татьяна",
      "Юлия",
      "Анна",
      "Мария",
      "Екатерина",
      "Виктория",
      "Людмила",
      "Светлана",
      "Ольга",
      "Дарья",
      "Алина",
      "Ксения",
      "Вера",
    ],
    male: [
      "Александр",
      "Андрей",
      "Сергей",
      "Дмитрий",
      "Владимир",
      "Иван",
      "Максим",
      "Алексей",
      "Евгений",
      "Игорь",
      "Николай",
      "Виталий",
      "Олег",
      "Роман",
      "Павел",
      "Артём",
    ],
    surnames: [
      "Коваленко",
      "Бондаренко",
      "Ткаченко",
      "Кравченко",
      "Шевчук",
      "Мельник",
      "Бойко",
      "Лысенко",
      "Марченко",
      "Руденко",
      "Мороз",
      "Петренко",
      "Левченко",
      "Гриценко",
      "Ковальчук",
      "Савченко",
      "Кириленко",
      "Остапенко",
      "Литвин",
      "Кузьменко",
    ],
  },
  en: {
    female: ["Emma", "Sarah", "Laura", "Anna", "Julia", "Sophie", "Maria", "Katarzyna", "Giulia", "Claire"],
    male: ["John", "Michael", "David", "James", "Thomas", "Mark", "Daniel", "Peter", "Lukas", "Tom"],
    surnames: [
      "Smith",
      "Brown",
      "Wilson",
      "Taylor",
      "Müller",
      "Schmidt",
      "Kowalski",
      "Nowak",
      "Rossi",
      "Dubois",
      "Johnson",
      "Andersen",
      "García",
      "O'Brien",
      "Walsh",
    ],
  },
};

const latin: Readonly<Record<string, string>> = {
  а: "a",
  б: "b",
  в: "v",
  г: "h",
  ґ: "g",
  д: "d",
  е: "e",
  є: "ie",
  ж: "zh",
  з: "z",
  и: "y",
  і: "i",
  ї: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ь: "",
  ю: "iu",
  я: "ia",
  ы: "y",
  э: "e",
  ё: "io",
  ъ: "",
  ü: "u",
  í: "i",
  "'": "",
};

export function transliterate(text: string): string {
  let out = "";
  for (const ch of text.toLowerCase()) out += latin[ch] ?? ch;
  return out.replace(/[^a-z0-9]/g, "");
}

export type Person = { first: string; last: string; female: boolean };

export function person(lang: Lang, rng: Rng): Person {
  const book = books[lang];
  const female = rng.chance(0.58);
  return { first: rng.pick(female ? book.female : book.male), last: rng.pick(book.surnames), female };
}

const domains = ["example.com", "example.net", "example.org", "mail.example"] as const;
const operators = ["50", "63", "66", "67", "68", "73", "93", "95", "96", "97", "98", "99"] as const;

export function emailOf(p: Person, rng: Rng): string {
  const first = transliterate(p.first);
  const last = transliterate(p.last);
  const style = rng.int(0, 3);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first.charAt(0)}${last}${rng.int(1, 99)}`
        : style === 2
          ? `${last}.${first}${rng.int(70, 99)}`
          : `${first}${rng.int(100, 9999)}`;
  return `${local}@${rng.pick(domains)}`;
}

export function phoneOf(rng: Rng): string {
  const digits = String(rng.int(0, 9_999_999)).padStart(7, "0");
  return `+380${rng.pick(operators)}${digits}`;
}

/** A translation tree: nested objects whose leaves are strings (i18next's JSON resource shape). */
export type Messages = { [key: string]: string | Messages };

export const languages = ["ru", "uk", "en"] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** Each language's own name, shown the same in every language so a lost reader still finds theirs. */
export const languageNames: Record<Language, { name: string; short: string }> = {
  ru: { name: "Русский", short: "Рус" },
  uk: { name: "Українська", short: "Укр" },
  en: { name: "English", short: "Eng" },
};

import type { Language } from "./messages.ts";

// Belarusian and Kazakh readers mostly read Russian interfaces more easily than English ones.
const byPrimaryTag: Record<string, Language> = { uk: "uk", ru: "ru", be: "ru", kk: "ru", en: "en" };

/**
 * The language to start with, from the browser's ordered preferences (navigator.languages):
 * the first preference we can serve wins, so ["de-DE", "ru"] gets Russian rather than English.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0] ?? "";
    const language = byPrimaryTag[primary];
    if (language) return language;
  }
  return "en";
}

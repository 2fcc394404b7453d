import { stemEnglish } from "./stem-en.ts";
import { stemRussian } from "./stem-ru.ts";
import { stemUkrainian } from "./stem-uk.ts";

export type StemLanguage = "ru" | "uk" | "en";

const stemmers: Record<StemLanguage, (w: string) => string> = {
  ru: stemRussian,
  uk: stemUkrainian,
  en: stemEnglish,
};

// Texts repeat their vocabulary heavily (a corpus of 100k reviews has a few tens of thousands of distinct
// words), so memoising stems pays for itself many times over; the cap keeps memory bounded.
const cacheLimit = 200_000;
const caches: Record<StemLanguage, Map<string, string>> = { ru: new Map(), uk: new Map(), en: new Map() };

const stemPart = (part: string, lang: StemLanguage): string => {
  const cache = caches[lang];
  const hit = cache.get(part);
  if (hit !== undefined) return hit;
  const out = stemmers[lang](part);
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(part, out);
  return out;
};

/**
 * Stem of one lower-case word. Hyphenated words keep their parts (интернет-магазина → интернет-магазин,
 * check-in → check-in) so that compounds stay distinct terms with stable stems.
 */
export const stem = (word: string, lang: StemLanguage): string => {
  if (!word.includes("-")) return stemPart(word, lang);
  return word
    .split("-")
    .map((p) => (p === "" ? p : stemPart(p, lang)))
    .join("-");
};

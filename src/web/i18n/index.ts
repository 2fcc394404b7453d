import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { detectLanguage } from "./detect.ts";
import { en } from "./en.ts";
import { isLanguage, type Language } from "./messages.ts";
import { ru } from "./ru.ts";
import { uk } from "./uk.ts";

export { formatDate, formatDateTime, formatMoney, formatNumber } from "./format.ts";
export { type Language, languageNames, languages } from "./messages.ts";

// i18next's typed keys need its interface to be augmented; a type alias cannot merge.
declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

const storageKey = "storona.language";

/** The language the reader picked on this device, if they ever did. */
export function storedLanguage(): Language | undefined {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined; // storage may be disabled (private mode, policies)
  }
}

function initialLanguage(): Language {
  return storedLanguage() ?? detectLanguage(navigator.languages ?? [navigator.language]);
}

export const i18n = i18next.createInstance();

export async function initI18n(): Promise<void> {
  const language = initialLanguage();
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru }, uk: { translation: uk } },
    lng: language,
    fallbackLng: "en",
    supportedLngs: ["ru", "uk", "en"],
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  document.documentElement.lang = language;
}

/** Switches the interface language, remembers it on this device and sets <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // not remembered, but still switched
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : "en";
}

/** useTranslation plus the current language as our Language type, for Intl formatting. */
export function useI18n() {
  const { t, i18n: instance } = useTranslation();
  const language: Language = isLanguage(instance.resolvedLanguage) ? instance.resolvedLanguage : "en";
  return { t, language };
}

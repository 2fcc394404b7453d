import type { Language, Messages } from "./messages.ts";

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Flattens a translation tree into dotted keys → strings. */
export function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? "").sort();
}

/**
 * Every problem that keeps the languages from having the same keys: a key missing in one language,
 * a plural key without exactly the forms Intl.PluralRules needs for that language (ru and uk: one, few,
 * many, other; en: one, other), an empty text, or a {{variable}} one language forgot.
 */
export function keyProblems(resources: Record<Language, Messages>): string[] {
  const problems: string[] = [];
  const flat = Object.fromEntries(
    Object.entries(resources).map(([language, messages]) => [language, flatten(messages)]),
  ) as Record<Language, Map<string, string>>;
  // base key → language → plural categories present (empty set for a plain key)
  const bases = new Map<string, Map<Language, Set<string>>>();
  for (const [language, keys] of Object.entries(flat) as [Language, Map<string, string>][]) {
    for (const [key, text] of keys) {
      if (text.trim() === "") problems.push(`${language}: ${key} is empty`);
      const match = pluralSuffix.exec(key);
      const base = match ? key.slice(0, match.index) : key;
      const perLanguage = bases.get(base) ?? new Map<Language, Set<string>>();
      const forms = perLanguage.get(language) ?? new Set<string>();
      if (match?.[1]) forms.add(match[1]);
      perLanguage.set(language, forms);
      bases.set(base, perLanguage);
    }
  }
  const languages = Object.keys(resources) as Language[];
  for (const [base, perLanguage] of bases) {
    const plural = [...perLanguage.values()].some((forms) => forms.size > 0);
    for (const language of languages) {
      const forms = perLanguage.get(language);
      if (!forms) {
        problems.push(`${language}: ${base} is missing`);
        continue;
      }
      if (!plural) continue;
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const missing = needed.filter((form) => !forms.has(form));
      if (missing.length > 0) problems.push(`${language}: ${base} lacks plural forms ${missing.join(", ")}`);
    }
    const texts = languages.flatMap((language) =>
      [...(flat[language]?.entries() ?? [])]
        .filter(([key]) => key === base || key.replace(pluralSuffix, "") === base)
        .map(([key, text]) => ({ language, key, vars: variables(text).join(",") })),
    );
    const reference = texts[0]?.vars;
    for (const t of texts) {
      if (t.vars !== reference)
        problems.push(`${t.language}: ${t.key} uses {{${t.vars}}}, not {{${reference}}}`);
    }
  }
  return problems;
}

import type { RawCell } from "./source.ts";
import { cellText, fail, normalizeKey, ok, type ValueResult } from "./values.ts";

// Signs and words people put next to amounts or in a currency column. "$" is taken as USD and "р." as
// RUB: the common reading in the files we get; a currency column or the workspace default overrides.
const WORDS: Readonly<Record<string, readonly string[]>> = {
  RUB: ["₽", "руб", "руб.", "рубль", "рубля", "рублей", "р", "р.", "rub", "rur", "ruble", "rubles", "rouble"],
  UAH: ["₴", "грн", "грн.", "гривна", "гривны", "гривен", "гривня", "гривні", "гривень", "uah"],
  USD: [
    "$",
    "us$",
    "usd",
    "долл",
    "долл.",
    "дол",
    "дол.",
    "доллар",
    "долларов",
    "долар",
    "доларів",
    "dollar",
  ],
  EUR: ["€", "eur", "евро", "євро", "euro"],
  GBP: ["£", "gbp"],
  KZT: ["₸", "тг", "тенге", "kzt"],
  PLN: ["zł", "zl", "pln", "злотых"],
  TRY: ["₺"],
  INR: ["₹"],
  GEL: ["₾"],
  AZN: ["₼"],
  BYN: ["byn", "br"],
};

const byWord = new Map<string, string>();
for (const [code, words] of Object.entries(WORDS)) for (const w of words) byWord.set(w, code);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alternatives = [...byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
// A word must not run into letters ("р" in "руб" is fine, "р" in "рис" is not): (?![\p{L}]) after it.
const PREFIX = new RegExp(`^(${alternatives.join("|")}|[A-Za-z]{3})(?![\\p{L}])\\s*`, "iu");
const SUFFIX = new RegExp(`(?<![\\p{L}])\\s*(${alternatives.join("|")}|[A-Za-z]{3})$`, "iu");

let isoCodes: Set<string> | null = null;
export const isCurrencyCode = (code: string): boolean => {
  isoCodes ??= new Set(Intl.supportedValuesOf("currency"));
  return isoCodes.has(code);
};

const codeOf = (token: string): string | null => {
  const lower = token.toLowerCase();
  const known = byWord.get(lower);
  if (known) return known;
  const upper = token.toUpperCase();
  return /^[A-Z]{3}$/.test(upper) && isCurrencyCode(upper) ? upper : null;
};

/** Removes a currency sign or word before or after a number: "1 234,50 ₽" → "1 234,50", RUB. */
export const stripCurrency = (text: string): { rest: string; currency: string | null } => {
  // Fast path for the usual cell: starts and ends with a digit (or a sign/paren) → nothing to strip.
  if (hasNoCurrency(text)) return { rest: text, currency: null };
  const pre = PREFIX.exec(text);
  if (pre) {
    const code = codeOf(pre[1]!);
    if (code) return { rest: text.slice(pre[0].length).trim(), currency: code };
  }
  const suf = SUFFIX.exec(text);
  if (suf) {
    const code = codeOf(suf[1]!);
    if (code) return { rest: text.slice(0, text.length - suf[0].length).trim(), currency: code };
  }
  return { rest: text, currency: null };
};

const isPlain = (c: number): boolean => (c >= 48 && c <= 57) || c === 45 || c === 40 || c === 41 || c === 43;

/** True when stripCurrency would return the text as it is, with no currency (the usual amount cell). */
export const hasNoCurrency = (text: string): boolean =>
  isPlain(text.charCodeAt(0)) && isPlain(text.charCodeAt(text.length - 1));

/** A currency column's cell → ISO 4217 code ("руб." → RUB, "грн" → UAH, "$" → USD, "eur" → EUR). */
export const parseCurrency = (cell: RawCell): ValueResult<string> => {
  const text = cellText(cell).trim();
  const code = codeOf(text) ?? codeOf(normalizeKey(text));
  return code ? ok(code) : fail("unknown_currency", { value: text });
};

const digitsCache = new Map<string, number>();
/** Digits after the decimal point in the currency's minor unit (2 for RUB, 0 for JPY, 3 for KWD). */
export const minorDigits = (code: string): number => {
  let d = digitsCache.get(code);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
        .maximumFractionDigits as number;
    } catch {
      d = 2;
    }
    digitsCache.set(code, d);
  }
  return d;
};

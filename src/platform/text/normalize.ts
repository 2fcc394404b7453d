import { cleanCharacters } from "./clean.ts";
import { emojiHint, replaceEmoji } from "./emoji.ts";
import { fixMixedScripts } from "./homoglyphs.ts";

/** Placeholders that stand in for things we must not cluster on (or must not keep: personal data). */
export const masks = {
  url: "⟨url⟩",
  email: "⟨email⟩",
  phone: "⟨phone⟩",
  number: "⟨num⟩",
  positive: "⟨pos⟩",
  negative: "⟨neg⟩",
} as const;

export type NormalizeOptions = {
  /** "marker" (default) turns sentiment-bearing emoji into ⟨pos⟩/⟨neg⟩; "remove" drops all of them. */
  readonly emoji?: "marker" | "remove";
  /** "mask" (default) turns numbers into ⟨num⟩; "keep" leaves digits as they are. */
  readonly numbers?: "mask" | "keep";
};

const email = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const url =
  /(?:https?:\/\/|www\.)[^\s<>"«»]+|(?<![\p{L}\p{N}@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|app|shop|store|online|site|me|ua|ru|by|kz|eu|uk|de|pl|us|рф|укр)(?![\p{L}\p{N}])(?:\/[^\s<>"«»]*)?/giu;
const trailingPunctuation = /[.,!?;:)\]]+$/u;

// A run of digits with phone-like separators; what it is gets decided by its digits below.
const phoneCandidate = /(?<![\p{L}\p{N}+])\+?\(?\d[\d \-()\u00A0]{5,}\d(?![\p{N}])/gu;
// Thousands written with spaces (1 250 000) are one number; an ordinal or case ending glued to a number
// (2-й, 5-ти, 3х, 21st) belongs to it; letters otherwise split off (500грн → ⟨num⟩ грн).
const number =
  /\d{1,3}(?:[ \u00A0]\d{3})+(?!\d)|\d+(?:[.,:/]\d+)*(?:-?(?:й|я|е|го|му|х|ми|ти|ть|ий|ій|ого|ому|th|st|nd|rd)(?!\p{L}))?/gu;
const repeatedMask = /(⟨[a-z]+⟩)(?:\s+\1)+/g;

/**
 * Phone numbers in the formats our customers write: Ukrainian (+380…, 0XX…), Russian (+7…, 8…),
 * international (+ and 10–15 digits) and local 7-digit numbers with separators (123-45-67).
 * Money with thousands separators (1 250 000) and 16-digit card numbers are not phones.
 */
const isPhone = (candidate: string): boolean => {
  const digits = candidate.replace(/\D/g, "");
  const n = digits.length;
  if (/^\d{1,3}(?:[ \u00A0]\d{3})+$/.test(candidate.trim())) return false;
  if (candidate.startsWith("+")) return n >= 10 && n <= 15;
  if (n === 10) return digits.startsWith("0");
  if (n === 11) return digits.startsWith("7") || digits.startsWith("8");
  if (n === 12) return digits.startsWith("380");
  if (n === 7) return /^\d{3}[- ]\d{2}[- ]\d{2}$/.test(candidate.trim());
  return false;
};

const digit = /\d/;

/**
 * Lower-cases and cleans a text for analysis (idempotent): e-mails, links, phones and numbers are masked,
 * emoji become sentiment markers, mixed-layout words are repaired, then characters are cleaned (see
 * clean.ts). Cheap guards skip every step a text has nothing for: most have no @, digit or emoji.
 */
export const normalize = (text: string, options: NormalizeOptions = {}): string => {
  let t = text.normalize("NFC").toLowerCase();
  if (t.includes("@")) t = t.replace(email, ` ${masks.email} `);
  if (t.includes(".")) {
    t = t.replace(url, (m) => {
      const tail = m.match(trailingPunctuation)?.[0] ?? "";
      return ` ${masks.url} ${tail}`;
    });
  }
  const hasDigits = digit.test(t);
  if (hasDigits) t = t.replace(phoneCandidate, (m) => (isPhone(m) ? ` ${masks.phone} ` : m));
  if (emojiHint.test(t)) t = replaceEmoji(t, options.emoji !== "remove");
  if (hasDigits && options.numbers !== "keep") t = t.replace(number, ` ${masks.number} `);
  t = cleanCharacters(fixMixedScripts(t));
  // Cleaning can join what was apart (") )" → "))"), which is an emoticon on the next pass: read it now.
  if (emojiHint.test(t)) t = cleanCharacters(replaceEmoji(t, options.emoji !== "remove"));
  return t.includes("⟨") ? t.replace(repeatedMask, "$1") : t;
};

import { type NormalizeOptions, normalize } from "./normalize.ts";

export type TokenKind = "word" | "mask" | "number";

export type Token = {
  readonly text: string;
  readonly kind: TokenKind;
  /** Index of the clause the token is in; punctuation starts a new one, so phrases never span it. */
  readonly clause: number;
};

export type Script = "cyrillic" | "latin" | "other";

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Letters as they can appear in normalised text: Latin, Cyrillic, and any other non-ASCII character
 * except our own brackets and the ellipsis, because normalisation has already turned every symbol that
 * is not a letter or digit into a space.
 */
const isLetter = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) ||
  (c >= 0x41 && c <= 0x5a) ||
  (c > 0x7f && c !== 0x2026 && c !== 0x27e8 && c !== 0x27e9 && !(c >= 0x2000 && c <= 0x206f));

const isJoiner = (c: number): boolean => c === 0x27 || c === 0x2d; // ' and - inside a word

/**
 * Splits already-normalised text into tokens (see `normalize`). A word is letters with apostrophes or
 * hyphens inside (п'ять, що-небудь, check-in), never at its edges. A hand-written scanner: the regular
 * expression it replaces needed Unicode property classes and cost several times more.
 */
export const splitTokens = (normalized: string): Token[] => {
  const out: Token[] = [];
  const n = normalized.length;
  let clause = 0;
  let clauseHasTokens = false;
  let i = 0;
  while (i < n) {
    const c = normalized.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKind | undefined;
    if (c === 0x27e8) {
      const close = normalized.indexOf("⟩", i);
      if (close > i) {
        j = close + 1;
        kind = "mask";
      }
    } else if (isLetter(c)) {
      for (;;) {
        while (j < n && isLetter(normalized.charCodeAt(j))) j++;
        if (j + 1 < n && isJoiner(normalized.charCodeAt(j)) && isLetter(normalized.charCodeAt(j + 1))) j += 2;
        else break;
      }
      kind = "word";
    } else if (isDigit(c)) {
      for (;;) {
        while (j < n && isDigit(normalized.charCodeAt(j))) j++;
        const sep = normalized[j];
        if (j + 1 < n && (sep === "." || sep === "," || sep === ":" || sep === "/")) {
          if (isDigit(normalized.charCodeAt(j + 1))) {
            j += 2;
            continue;
          }
        }
        break;
      }
      kind = "number";
    }
    if (kind === undefined) {
      // Punctuation (and a stray apostrophe or hyphen at a word edge) ends the clause.
      if (c !== 0x27 && clauseHasTokens) clause++;
      if (c !== 0x27) clauseHasTokens = false;
      i = j;
      continue;
    }
    out.push({ text: normalized.slice(i, j), kind, clause });
    clauseHasTokens = true;
    i = j;
  }
  return out;
};

/** Normalises a raw text and splits it into tokens. */
export const tokenize = (text: string, options?: NormalizeOptions): Token[] =>
  splitTokens(normalize(text, options));

/** The script of a word, judged by its first letter (normalisation has already unified mixed words). */
export const scriptOf = (word: string): Script => {
  const c = word.charCodeAt(0);
  if (c >= 0x400 && c <= 0x4ff) return "cyrillic";
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f)) return "latin";
  return "other";
};

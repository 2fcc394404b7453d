/**
 * The character-level half of normalisation in one pass over lower-cased text. A dozen regular-expression
 * replacements did the same at a few microseconds each; one loop keeps 100,000 texts within a second.
 *
 * - invisible characters and combining marks (stress accents) are dropped; ё → е;
 * - apostrophe look-alikes (’ ʼ ` ‘ ′ ´) become ', hyphen look-alikes -, dashes a spaced " - ";
 * - three or more of the same letter shrink: Cyrillic to one («ужаааас» → «ужас»), Latin to two
 *   ("goooood" → "good"), because English has real double letters and Russian/Ukrainian never triple;
 * - repeated clause punctuation shrinks to one ("!!!" → "!"); other symbols become spaces;
 * - whitespace collapses to single spaces, trimmed.
 */

const apostrophes = new Set(["'", "’", "ʼ", "`", "‘", "′", "´", "＇"]);
const hyphens = new Set(["-", "‐", "‑"]);
const dashes = new Set(["‒", "–", "—", "―"]);
const punctuation = new Set([".", ",", "!", "?", ";", ":"]);
const kept = new Set(["(", ")", "…", "⟨", "⟩"]);

const isInvisible = (c: number): boolean =>
  c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xfe0e || c === 0xfe0f;

const isCombining = (c: number): boolean =>
  (c >= 0x300 && c <= 0x36f) ||
  (c >= 0x483 && c <= 0x489) ||
  (c >= 0x1ab0 && c <= 0x1aff) ||
  (c >= 0x1dc0 && c <= 0x1dff) ||
  (c >= 0x20d0 && c <= 0x20ff) ||
  (c >= 0xfe20 && c <= 0xfe2f);

const isLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isCyrillic = (c: number): boolean => c >= 0x400 && c <= 0x4ff;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

// Letters and digits of other scripts are rare; their test is memoised per code point.
const otherWordChar = new Map<string, boolean>();
const wordCharPattern = /^[\p{L}\p{N}]$/u;
const isOtherWordChar = (ch: string): boolean => {
  let yes = otherWordChar.get(ch);
  if (yes === undefined) {
    yes = wordCharPattern.test(ch);
    otherWordChar.set(ch, yes);
  }
  return yes;
};

export const cleanCharacters = (t: string): string => {
  let out = "";
  // A space is owed between two pieces of output; it is written only before the next piece, which
  // collapses runs of spaces and trims both ends without a second pass.
  let space = false;
  let i = 0;
  while (i < t.length) {
    const code = t.charCodeAt(i);
    const ch = t[i]!;
    let piece: string;
    if (isLatin(code) || isCyrillic(code)) {
      let j = i + 1;
      while (j < t.length && t.charCodeAt(j) === code) j++;
      const run = j - i;
      const letter = ch === "ё" ? "е" : ch;
      piece = run < 3 ? letter.repeat(run) : isLatin(code) ? letter + letter : letter;
      i = j;
    } else {
      i++;
      if (ch === ")") {
        // Closing marks attach to what they close, whatever spacing the masks left.
        space = false;
        piece = ch;
      } else if (isDigit(code) || kept.has(ch)) piece = ch;
      else if (apostrophes.has(ch)) piece = "'";
      else if (hyphens.has(ch) || punctuation.has(ch)) {
        piece = hyphens.has(ch) ? "-" : ch;
        if (piece !== "-") space = false;
        if (!space && out.endsWith(piece)) continue;
      } else if (dashes.has(ch)) {
        piece = "-";
        space = true;
        out += out.length > 0 ? " -" : "-";
        continue;
      } else if (isInvisible(code) || isCombining(code)) {
        // Dropped without a space: a soft hyphen or a stress mark sits inside a word.
        continue;
      } else if (code >= 0xd800 && code <= 0xdbff) {
        // A surrogate pair left over after emoji handling: a symbol from the astral planes, or a letter.
        const pair = t.slice(i - 1, i + 1);
        i++;
        if (!isOtherWordChar(pair)) {
          space = true;
          continue;
        }
        piece = pair;
      } else if (code > 0x7f && isOtherWordChar(ch)) piece = ch;
      else {
        // Whitespace and symbols alike become a (single) space.
        space = true;
        continue;
      }
    }
    if (space && out.length > 0) out += " ";
    space = false;
    out += piece;
  }
  return out;
};

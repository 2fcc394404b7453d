/**
 * A word typed with look-alike letters from the other keyboard layout («дocтавка» with Latin o and c,
 * «вiдповiдь» with Latin i — common where people switch between layouts) is rewritten in its majority
 * script, so it stems and counts as one word. Works on lower-case text.
 */

const latinToCyrillic: Readonly<Record<string, string>> = {
  a: "а",
  b: "в",
  c: "с",
  e: "е",
  h: "н",
  i: "і",
  k: "к",
  m: "м",
  o: "о",
  p: "р",
  t: "т",
  x: "х",
  y: "у",
};

const cyrillicToLatin: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(latinToCyrillic).map(([latin, cyrillic]) => [cyrillic, latin]),
);

// Plain (non-Unicode-mode) classes on purpose: they are several times faster than \p{Script=…}, and
// after lower-casing the letters that matter are in these ranges.
const anyCyrillic = /[\u0400-\u04FF]/;
const anyLatin = /[a-z]/;
const letterRun = /[\p{L}']+/gu;

const fixWord = (word: string): string => {
  if (!anyCyrillic.test(word) || !anyLatin.test(word)) return word;
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    if (anyCyrillic.test(ch)) cyr++;
    else if (anyLatin.test(ch)) lat++;
  }
  const table = cyr >= lat ? latinToCyrillic : cyrillicToLatin;
  let out = "";
  for (const ch of word) out += table[ch] ?? ch;
  return out;
};

/** Rewrites mixed-script words; texts in one script come back untouched at the cost of two tests. */
export const fixMixedScripts = (text: string): string =>
  anyCyrillic.test(text) && anyLatin.test(text) ? text.replace(letterRun, fixWord) : text;

/**
 * English stemmer: the Porter2 ("english") algorithm as published by the Snowball project
 * (snowballstem.org/algorithms/english/stemmer.html), written from the algorithm's description.
 * Internally a consonant "y" is marked as "Y" so that vowel tests stay one character wide.
 */

const isVowel = (c: string | undefined): boolean =>
  c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";

// Whole-word exceptions the algorithm lists before any step runs.
const exceptions1: ReadonlyMap<string, string> = new Map([
  ["skis", "ski"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["howe", "howe"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

// Words left alone once step 1a has run.
const exceptions2: ReadonlySet<string> = new Set([
  "inning",
  "outing",
  "canning",
  "herring",
  "earring",
  "proceed",
  "exceed",
  "succeed",
]);

const r1Prefixes = ["gener", "commun", "arsen"] as const;
const validLi = "cdeghkmnrt";
const doubles: ReadonlySet<string> = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

/** Position just after the first non-vowel that follows a vowel, searching from `from`. */
const regionAfter = (w: string, from: number): number => {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
};

/** Does w[0..end) end in a short syllable (Porter2 definition)? */
const endsShortSyllable = (w: string, end: number): boolean => {
  const c = w[end - 1];
  const v = w[end - 2];
  if (end === 2) return isVowel(v) && !isVowel(c);
  if (end < 3) return false;
  const before = w[end - 3];
  return !isVowel(c) && c !== "w" && c !== "x" && c !== "Y" && isVowel(v) && !isVowel(before);
};

const hasVowel = (w: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (isVowel(w[i])) return true;
  return false;
};

/** The longest of `suffixes` that `w` ends with, or undefined. Lists are ordered longest first. */
const longest = (w: string, suffixes: readonly string[]): string | undefined => {
  for (const s of suffixes) if (w.endsWith(s)) return s;
  return undefined;
};

const byLength = (xs: string[]): readonly string[] => xs.sort((a, b) => b.length - a.length);

const step2Map: ReadonlyMap<string, string> = new Map([
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["entli", "ent"],
  ["izer", "ize"],
  ["ization", "ize"],
  ["ational", "ate"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["alli", "al"],
  ["fulness", "ful"],
  ["ousli", "ous"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["fulli", "ful"],
  ["lessli", "less"],
  ["li", ""],
]);
const step2Suffixes = byLength([...step2Map.keys()]);

const step3Map: ReadonlyMap<string, string> = new Map([
  ["tional", "tion"],
  ["ational", "ate"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
  ["ative", ""],
]);
const step3Suffixes = byLength([...step3Map.keys()]);

const step4Suffixes = byLength(
  "al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion".split(" "),
);
const step1bSuffixes = byLength(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
const step1aSuffixes = byLength(["sses", "ied", "ies", "s", "us", "ss"]);
const step0Suffixes = byLength(["'", "'s", "'s'"]);

const markY = (word: string): string => {
  let out = "";
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    out += c === "y" && (i === 0 || isVowel(out[i - 1])) ? "Y" : c;
  }
  return out;
};

/** Porter2 stem of a lower-case English word. */
export const stemEnglish = (input: string): string => {
  let w = input.startsWith("'") ? input.slice(1) : input;
  const exception = exceptions1.get(w);
  if (exception !== undefined) return exception;
  if (w.length < 3) return w;

  w = markY(w);
  const prefix = r1Prefixes.find((p) => w.startsWith(p));
  const p1 = prefix ? prefix.length : regionAfter(w, 0);
  const p2 = regionAfter(w, p1);

  // Step 0: possessive apostrophes.
  const s0 = longest(w, step0Suffixes);
  if (s0) w = w.slice(0, -s0.length);

  // Step 1a: plurals.
  const s1a = longest(w, step1aSuffixes);
  if (s1a === "sses") w = w.slice(0, -2);
  else if (s1a === "ied" || s1a === "ies") w = w.length > 4 ? w.slice(0, -2) : w.slice(0, -1);
  else if (s1a === "s" && hasVowel(w, 0, w.length - 2)) w = w.slice(0, -1);

  if (exceptions2.has(w)) return w;

  // Step 1b: past tense and gerunds.
  const s1b = longest(w, step1bSuffixes);
  if (s1b === "eed" || s1b === "eedly") {
    if (w.length - s1b.length >= p1) w = `${w.slice(0, -s1b.length)}ee`;
  } else if (s1b !== undefined && hasVowel(w, 0, w.length - s1b.length)) {
    w = w.slice(0, -s1b.length);
    if (w.endsWith("at") || w.endsWith("bl") || w.endsWith("iz")) w += "e";
    else if (doubles.has(w.slice(-2))) w = w.slice(0, -1);
    else if (p1 === w.length && endsShortSyllable(w, w.length)) w += "e";
  }

  // Step 1c: terminal y after a consonant that is not the first letter.
  const last = w[w.length - 1];
  if ((last === "y" || last === "Y") && w.length > 2 && !isVowel(w[w.length - 2])) {
    w = `${w.slice(0, -1)}i`;
  }

  // Step 2: derivational suffixes in R1.
  const s2 = longest(w, step2Suffixes);
  if (s2 !== undefined && w.length - s2.length >= p1) {
    const stemEnd = w.length - s2.length;
    if (s2 === "ogi") {
      if (w[stemEnd - 1] === "l") w = `${w.slice(0, stemEnd)}og`;
    } else if (s2 === "li") {
      if (validLi.includes(w[stemEnd - 1] ?? "_")) w = w.slice(0, stemEnd);
    } else {
      w = w.slice(0, stemEnd) + step2Map.get(s2)!;
    }
  }

  // Step 3.
  const s3 = longest(w, step3Suffixes);
  if (s3 !== undefined && w.length - s3.length >= p1) {
    const stemEnd = w.length - s3.length;
    if (s3 !== "ative" || stemEnd >= p2) w = w.slice(0, stemEnd) + step3Map.get(s3)!;
  }

  // Step 4: suffixes deleted in R2.
  const s4 = longest(w, step4Suffixes);
  if (s4 !== undefined && w.length - s4.length >= p2) {
    const stemEnd = w.length - s4.length;
    if (s4 !== "ion") w = w.slice(0, stemEnd);
    else if (w[stemEnd - 1] === "s" || w[stemEnd - 1] === "t") w = w.slice(0, stemEnd);
  }

  // Step 5: final e and double l.
  const end = w.length;
  if (w[end - 1] === "e") {
    if (end - 1 >= p2 || (end - 1 >= p1 && !endsShortSyllable(w, end - 1))) w = w.slice(0, -1);
  } else if (w[end - 1] === "l" && end - 1 >= p2 && w[end - 2] === "l") {
    w = w.slice(0, -1);
  }

  return w.replaceAll("Y", "y");
};

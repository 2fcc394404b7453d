/**
 * Russian stemmer: the Snowball "russian" algorithm (snowballstem.org/algorithms/russian/stemmer.html),
 * written from the algorithm's description. Every ending is removed only inside RV (the part after the
 * first vowel); the derivational ending only inside R2.
 */

const vowels = "аеиоуыэюя";
const isVowel = (c: string | undefined): boolean => c !== undefined && vowels.includes(c);

const sortLongestFirst = (xs: string[]): readonly string[] => xs.sort((a, b) => b.length - a.length);

/**
 * A group of endings as Snowball's `among`: the longest ending found wins; "afterAYa" endings count only
 * when preceded by а or я (which stays in the stem), and if that check fails the group fails as a whole.
 */
type EndingGroup = {
  readonly all: readonly string[];
  readonly afterAYa: ReadonlySet<string>;
};

const group = (afterAYa: string, plain: string): EndingGroup => {
  const a = afterAYa.split(" ").filter(Boolean);
  const p = plain.split(" ").filter(Boolean);
  return { all: sortLongestFirst([...a, ...p]), afterAYa: new Set(a) };
};

const perfectiveGerund = group("в вши вшись", "ив ивши ившись ыв ывши ывшись");
const adjective = group(
  "",
  "ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею",
);
const participle = group("ем нн вш ющ щ", "ивш ывш ующ");
const reflexive = group("", "ся сь");
const verb = group(
  "ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно",
  "ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю",
);
const noun = group(
  "",
  "а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ию ью ю ия ья я",
);
const derivational = group("", "ост ость");

/**
 * Removes the longest ending of `g` found at or after `limit`; returns the shorter word, or undefined when
 * the group does not apply.
 */
const removeEnding = (w: string, limit: number, g: EndingGroup): string | undefined => {
  for (const e of g.all) {
    const start = w.length - e.length;
    if (start < limit || !w.endsWith(e)) continue;
    if (g.afterAYa.has(e)) {
      const before = w[start - 1];
      if (start - 1 < limit || (before !== "а" && before !== "я")) return undefined;
    }
    return w.slice(0, start);
  }
  return undefined;
};

const regionAfter = (w: string, from: number): number => {
  for (let i = from + 1; i < w.length; i++) {
    if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
  }
  return w.length;
};

/** Snowball Russian stem of a lower-case word (ё is folded to е first, as the algorithm now does). */
export const stemRussian = (input: string): string => {
  let w = input.replaceAll("ё", "е");
  let rv = w.length;
  for (let i = 0; i < w.length; i++) {
    if (isVowel(w[i])) {
      rv = i + 1;
      break;
    }
  }
  const r1 = regionAfter(w, 0);
  const r2 = regionAfter(w, r1);

  // Step 1: a perfective gerund, or else (after an optional reflexive) an adjectival, verb or noun ending.
  const gerund = removeEnding(w, rv, perfectiveGerund);
  if (gerund !== undefined) {
    w = gerund;
  } else {
    w = removeEnding(w, rv, reflexive) ?? w;
    const adj = removeEnding(w, rv, adjective);
    if (adj !== undefined) {
      w = removeEnding(adj, rv, participle) ?? adj;
    } else {
      w = removeEnding(w, rv, verb) ?? removeEnding(w, rv, noun) ?? w;
    }
  }

  // Step 2.
  if (w.length > rv && w.endsWith("и")) w = w.slice(0, -1);

  // Step 3: -ост(ь) in R2.
  w = removeEnding(w, Math.max(rv, r2), derivational) ?? w;

  // Step 4: superlative, double н, soft sign.
  if (w.length - 4 >= rv && w.endsWith("ейше")) w = w.slice(0, -4);
  else if (w.length - 3 >= rv && w.endsWith("ейш")) w = w.slice(0, -3);
  else if (w.length - 1 >= rv && w.endsWith("ь")) return w.slice(0, -1);
  if (w.length - 2 >= rv && w.endsWith("нн")) w = w.slice(0, -1);
  return w;
};

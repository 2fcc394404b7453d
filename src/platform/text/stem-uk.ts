/**
 * Ukrainian stemmer: our own suffix-stripping rules, shaped like the Snowball Russian algorithm so that
 * words shared by both languages (доставка, сайт, мясо) get the same stem from either stemmer.
 *
 * Regions: RV is the part after the first vowel (а е є и і ї о у ю я); R2 as in Snowball. Every ending
 * is removed only inside RV, which keeps short words (діти, світ, пять) from being cut to a letter or two.
 *
 * Rules, in order:
 *  0. Fold: apostrophes dropped (мʼясо → мясо), ґ → г.
 *  1. Gerunds (-вши/-вшись after а/я; -ивши, -івши, -ючи, -учи, -ачи, -ячи and their -сь forms); else
 *     reflexive -ся/-сь, then the longest of an adjective, a verb or a noun ending (tried in that order).
 *     Verb endings marked "after a vowel" (infinitive -ти, past -в/-ла/-ло/-ли, present -ю/-є/-єш/-ємо/
 *     -єте/-ють, synthetic future -тиму…) keep that vowel in the stem: чекати/чекав/чекає/чекаю → чека.
 *  2. After a verb ending, -ува-/-юва- lose -ва-, so працювати/працював and працює/працюють agree (працю).
 *  3. A final -и or -і goes (робити → роби → роб, like робить → роб).
 *  4. A final vowel + т goes the way an infinitive's -ти goes: after а/я/у/ю/ї only т drops
 *     (оплата/оплати → опла), after и/і both letters drop (кредит/кредити → кред). "-ти" after a vowel
 *     is read as the infinitive ending, so without this the nouns in -ат-/-ит- (оплата, кредит,
 *     результат) would get one stem in the plural and another in the other cases.
 *  5. Alternations: -іст → -ост (якість/якості), -ець → -ц (продавець/продавця), -ок → -к in longer stems
 *     (дзвінок/дзвінка, рахунок/рахунку), і → о in one-syllable stems (рік/року, ніч/ночі).
 *  6. Derivational -ост in R2 (відповідальність → відповідальн, like відповідальний).
 *  7. A final doubled consonant is undoubled (замовлення/замовлень → замовлен), a final ь dropped.
 *
 * Known gaps, left alone: к/ц, г/з, х/с in the dative/locative (доставці, черзі), i/o in longer stems
 * (вікно/вікон), and nouns in vowel + -ти/-ла/-ли that look like verb forms (сила/сили).
 */

const vowels = "аеєиіїоуюя";
const isVowel = (c: string | undefined): boolean => c !== undefined && vowels.includes(c);

type EndingGroup = {
  readonly all: readonly string[];
  /** Endings that count only after one of these vowels (the vowel stays in the stem). */
  readonly afterVowel: ReadonlySet<string>;
  readonly vowelsBefore: string;
};

const group = (afterVowel: string, plain: string, vowelsBefore = "ая"): EndingGroup => {
  const a = afterVowel.split(" ").filter(Boolean);
  const p = plain.split(" ").filter(Boolean);
  return {
    all: [...a, ...p].sort((x, y) => y.length - x.length),
    afterVowel: new Set(a),
    vowelsBefore,
  };
};

const gerund = group("вши вшись", "ивши ившись івши івшись ючи учи ачи ячи ючись учись ачись ячись");
const reflexive = group("", "ся сь");
const adjective = group("", "ий ій ого ього ому ьому им ім ими іми их іх ої ою ьою ею");
// Past -в/-ла/-ло/-ли and the infinitive -ти after а я и і у ю ї, not after о/е (столи, роботи are nouns).
const verb = group(
  "ти ть в ла ло ли ю є єш ємо єте ють йте тиму тимеш тиме тимемо тимете тимуть",
  "ить іть уть еть єть ите іте ете имо імо емо иш іш еш",
  "аяиіуюї",
);
const noun = group(
  "",
  "а я о е є у ю і ї и ь ам ям ом ем єм ах ях ами ями има ьми ою ею єю ів їв ей ові еві єві ія ії ію ією іям іями іях ій",
);

const removeEnding = (w: string, limit: number, g: EndingGroup): string | undefined => {
  for (const e of g.all) {
    const start = w.length - e.length;
    if (start < limit || !w.endsWith(e)) continue;
    if (g.afterVowel.has(e)) {
      const before = w[start - 1];
      if (start - 1 < limit || before === undefined || !g.vowelsBefore.includes(before)) return undefined;
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

const countVowels = (w: string): number => {
  let n = 0;
  for (const c of w) if (isVowel(c)) n++;
  return n;
};

const undoubleable = "бвгджзклмнпрстфхцчш";

/** Stem of a lower-case Ukrainian word. */
export const stemUkrainian = (input: string): string => {
  let w = input.replace(/['ʼ’]/g, "").replaceAll("ґ", "г");
  let rv = w.length;
  for (let i = 0; i < w.length; i++) {
    if (isVowel(w[i])) {
      rv = i + 1;
      break;
    }
  }
  const r2 = regionAfter(w, regionAfter(w, 0));

  const g = removeEnding(w, rv, gerund);
  if (g !== undefined) {
    w = g;
  } else {
    w = removeEnding(w, rv, reflexive) ?? w;
    const adj = removeEnding(w, rv, adjective);
    const vb = adj === undefined ? removeEnding(w, rv, verb) : undefined;
    if (adj !== undefined) w = adj;
    else if (vb !== undefined) {
      w = vb;
      if ((w.endsWith("ува") || w.endsWith("юва")) && w.length - 2 >= rv) w = w.slice(0, -2);
    } else w = removeEnding(w, rv, noun) ?? w;
  }

  if (w.length > rv && (w.endsWith("и") || w.endsWith("і"))) w = w.slice(0, -1);

  const last = w[w.length - 1];
  const beforeLast = w[w.length - 2];
  if (last === "т" && w.length - 2 >= rv) {
    if (beforeLast === "и" || beforeLast === "і") w = w.slice(0, -2);
    else if (beforeLast !== undefined && "аяуюї".includes(beforeLast)) w = w.slice(0, -1);
  }

  if (w.endsWith("іст") && w.length - 3 >= rv) w = `${w.slice(0, -3)}ост`;
  else if (w.endsWith("ець") && w.length - 3 >= rv) w = `${w.slice(0, -3)}ц`;
  else if (w.endsWith("ец") && w.length - 2 >= rv) w = `${w.slice(0, -2)}ц`;
  else if (w.endsWith("ок") && w.length >= 5 && w.length - 2 >= rv) w = `${w.slice(0, -2)}к`;
  if (countVowels(w) === 1) w = w.replace(/і([^аеєиіїоуюя]{1,2})$/, "о$1");

  if (w.endsWith("ост") && w.length - 3 >= r2) w = w.slice(0, -3);

  if (w.endsWith("ь") && w.length - 1 >= rv) w = w.slice(0, -1);
  const c = w[w.length - 1];
  if (c !== undefined && w.length - 2 >= rv && w[w.length - 2] === c && undoubleable.includes(c)) {
    w = w.slice(0, -1);
  }
  return w;
};

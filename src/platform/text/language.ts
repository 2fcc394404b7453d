import { lexiconEvidence, ngramEvidence, spellingEvidence } from "./language-profile.ts";
import { normalize } from "./normalize.ts";
import { stopWords } from "./stopwords.ts";
import { splitTokens } from "./tokens.ts";

export type Language = "ru" | "uk" | "en";
export type DetectedLanguage = Language | "unknown";

export type Detection = {
  readonly lang: DetectedLanguage;
  /** 0..1: how sure the detector is; below ~0.3 the text gave almost nothing to go on. */
  readonly confidence: number;
};

export type DetectOptions = {
  /**
   * What to answer when the text cannot tell (too short, no letters, transliteration), and which of
   * Russian/Ukrainian to prefer when a Cyrillic text has no evidence either way (e.g. a workspace locale).
   */
  readonly fallback?: Language;
};

// Per-word evidence, in log-odds-like points: a decisive letter or word settles a word, letter n-grams
// only lean. Summing over words lets the dominant language of a mixed text win.
const decisive = 3;
const ngramCap = 1.5;
/** Below this confidence a Russian/Ukrainian call defers to the caller's fallback. */
const weakCyrillic = 0.25;

const ukLetters = /[іїєґ]/;
// ё is folded to е by normalisation (Russian writes it optionally anyway), so ы э ъ carry the evidence.
const ruLetters = /[ыэъ]/;

// Russian and Ukrainian written in Latin letters; such a text is not English.
const translit = new Set(
  `spasibo spasibki ochen ochenj zakaz zakazal zakazala dostavka dostavku pochemu pochemy kogda segodnya
   vchera privet pozhaluysta pojaluista pozhalujsta horosho khorosho ploho plokho uzhasno uzhas nichego
   dengi deneg zhdu zhdali prishel prishla kurier kurer magazin dyakuyu dyakuju duzhe shcho chomu
   zamovlennya chekaly chekav ne net ni ya eto vse menya mne nam tovar rabotaet pratsyuye dobryi dobryy
   dobrij den vopros otvet`
    .split(/\s+/)
    .filter(Boolean),
);
const english = stopWords("en");

const computeEvidence = (word: string): number => {
  const uk = ukLetters.test(word) || word.includes("'");
  const ru = ruLetters.test(word);
  if (uk !== ru) return uk ? decisive : -decisive;
  if (uk && ru) return 0;
  const plain = word.replaceAll("'", "");
  const lexical = lexiconEvidence.get(plain);
  if (lexical !== undefined) return lexical * decisive;
  // One- and two-letter words (в, на, до, по) are shared and their n-grams say nothing reliable.
  if (plain.length < 3) return 0;
  const ngram = Math.max(-ngramCap, Math.min(ngramCap, ngramEvidence(plain)));
  return Math.max(-decisive, Math.min(decisive, ngram + spellingEvidence(plain)));
};

// Vocabulary repeats across texts, so each word's evidence is computed once (bounded memo).
const evidenceCache = new Map<string, number>();
const evidenceCacheLimit = 100_000;

const cyrillicWordEvidence = (word: string): number => {
  const hit = evidenceCache.get(word);
  if (hit !== undefined) return hit;
  const e = computeEvidence(word);
  if (evidenceCache.size >= evidenceCacheLimit) evidenceCache.clear();
  evidenceCache.set(word, e);
  return e;
};

const unknown = (options: DetectOptions, confidence = 0): Detection =>
  options.fallback ? { lang: options.fallback, confidence } : { lang: "unknown", confidence };

/** Detects the language from the word tokens of a normalised text (see `splitTokens`). */
export const detectWords = (words: readonly string[], options: DetectOptions = {}): Detection => {
  let cyrLetters = 0;
  let latLetters = 0;
  let score = 0;
  let englishHits = 0;
  let translitHits = 0;
  for (const word of words) {
    const c = word.charCodeAt(0);
    if (c >= 0x400 && c <= 0x4ff) {
      cyrLetters += word.length;
      score += cyrillicWordEvidence(word);
    } else if ((c >= 0x61 && c <= 0x7a) || (c >= 0xdf && c <= 0x24f)) {
      latLetters += word.length;
      if (english.has(word)) englishHits++;
      else if (translit.has(word)) translitHits++;
    }
  }
  const letters = cyrLetters + latLetters;
  if (letters < 2) return unknown(options);

  if (latLetters > cyrLetters) {
    const purity = latLetters / letters;
    if (translitHits > englishHits) return unknown(options, 0.2 * purity);
    return { lang: "en", confidence: round(purity * (0.6 + 0.4 * (1 - Math.exp(-englishHits)))) };
  }

  const purity = cyrLetters / letters;
  const strength = Math.abs(score) / (Math.abs(score) + 2);
  const confidence = round(purity * strength);
  const fallback = options.fallback;
  if (score === 0 || (confidence < weakCyrillic && (fallback === "ru" || fallback === "uk"))) {
    return fallback === "ru" || fallback === "uk"
      ? { lang: fallback, confidence }
      : { lang: "unknown", confidence };
  }
  return { lang: score > 0 ? "uk" : "ru", confidence };
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Detects the language of text that has already been through `normalize`. */
export const detectNormalized = (normalized: string, options: DetectOptions = {}): Detection =>
  detectWords(
    splitTokens(normalized)
      .filter((t) => t.kind === "word")
      .map((t) => t.text),
    options,
  );

/**
 * Russian, Ukrainian or English. Script decides Latin vs Cyrillic; within Cyrillic each word votes:
 * letters only one language has (і ї є ґ and the apostrophe vs ы э ъ ё), frequent words spelled only one
 * way, and otherwise letter n-grams; the larger total wins, so mixed texts get their dominant language.
 */
export const detectLanguage = (text: string, options: DetectOptions = {}): Detection =>
  detectNormalized(normalize(text), options);

import { type DetectedLanguage, detectWords, type Language } from "./language.ts";
import { type NormalizeOptions, normalize } from "./normalize.ts";
import { type Bigram, bigramsOf, type PhraseTerm } from "./phrases.ts";
import { type StemLanguage, stem } from "./stem.ts";
import { breaksPhrase, isStopPair, isStopWord, negationOf } from "./stopwords.ts";
import { scriptOf, splitTokens } from "./tokens.ts";

export type Analysis = {
  readonly lang: DetectedLanguage;
  readonly confidence: number;
  readonly normalized: string;
  /** Every token in order: words, masks (⟨url⟩, ⟨pos⟩…) and, when kept, numbers. */
  readonly tokens: readonly string[];
  /** Content words: tokens without stop words, negations, masks and numbers. */
  readonly terms: readonly string[];
  /** The stem of each term, index for index. */
  readonly stems: readonly string[];
  readonly bigrams: readonly Bigram[];
};

const ukLetters = /[іїєґ']/;
const ruLetters = /[ыэъё]/;

/**
 * Which stemmer a word gets. Latin words are English whatever the text; a Cyrillic word with letters only
 * one language has goes to that language's stemmer (customers mix the two), the rest follow the text.
 */
const stemLanguageOf = (word: string, textLang: DetectedLanguage): StemLanguage | undefined => {
  const script = scriptOf(word);
  if (script === "latin") return "en";
  if (script !== "cyrillic") return undefined;
  if (ukLetters.test(word)) return "uk";
  if (ruLetters.test(word)) return "ru";
  return textLang === "uk" ? "uk" : "ru";
};

/**
 * Normalises, detects the language (`langHint` answers when the text cannot tell, e.g. the workspace's
 * language), tokenises, drops stop words, stems and builds bigrams.
 */
export const analyze = (text: string, langHint?: Language, options?: NormalizeOptions): Analysis => {
  const normalized = normalize(text, options);
  const tokens = splitTokens(normalized);
  const words: string[] = [];
  for (const t of tokens) if (t.kind === "word") words.push(t.text);
  const detection = detectWords(words, langHint ? { fallback: langHint } : {});
  const lang = detection.lang;

  const terms: string[] = [];
  const stems: string[] = [];
  const phraseTerms: PhraseTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "mask") {
      phraseTerms.push({ kind: "break" });
      continue;
    }
    if (t.kind !== "word") continue;
    const word = t.text;
    const next = tokens[i + 1];
    if (next?.kind === "word" && isStopPair(word, next.text)) {
      i++;
      continue;
    }
    const negation = negationOf(word);
    if (negation !== undefined) {
      phraseTerms.push({ kind: "negation", stem: negation, surface: word, clause: t.clause });
      continue;
    }
    if (breaksPhrase(word)) {
      phraseTerms.push({ kind: "break" });
      continue;
    }
    const stemLang = stemLanguageOf(word, lang);
    if (word.length < 2 || isStopWord(word, stemLang === "en" ? "en" : "ru")) continue;
    const s = stemLang ? stem(word, stemLang) : word;
    terms.push(word);
    stems.push(s);
    phraseTerms.push({ kind: "content", stem: s, surface: word, clause: t.clause });
  }

  return {
    lang,
    confidence: detection.confidence,
    normalized,
    tokens: tokens.map((t) => t.text),
    terms,
    stems,
    bigrams: bigramsOf(phraseTerms),
  };
};

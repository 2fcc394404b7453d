/**
 * Text tools for Russian, Ukrainian and English short texts: language detection, normalisation, tokens,
 * stop words, stemming and two-word phrases. Pure functions, no I/O.
 */
export { type Analysis, analyze } from "./analyze.ts";
export {
  type DetectedLanguage,
  type Detection,
  type DetectOptions,
  detectLanguage,
  detectNormalized,
  type Language,
} from "./language.ts";
export { masks, type NormalizeOptions, normalize } from "./normalize.ts";
export {
  type Bigram,
  bigramsOf,
  createSurfaceForms,
  type PhraseTerm,
  type SurfaceForms,
} from "./phrases.ts";
export { type StemLanguage, stem } from "./stem.ts";
export { isStopWord, negationOf, type StopLanguage, stopWords } from "./stopwords.ts";
export { type Script, scriptOf, splitTokens, type Token, type TokenKind, tokenize } from "./tokens.ts";

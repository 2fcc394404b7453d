/**
 * Formula sentences: greetings, sign-offs, e-mail subjects like "Complaint", agents' "Customer says:",
 * footers. A sentence that many customers wrote word for word is formula, not content; it ties texts about
 * different problems together (within a language, where it is common; across the corpus its words look
 * rare whenever that language is a minority). Such sentences are left out of the features — never the
 * whole text: a text made only of them keeps them.
 *
 * Sentences are cut at . ! ? … : ; and line breaks, compared lower-cased with digits and spaces squeezed,
 * and counted per script (Latin / Cyrillic), since formulas are language-bound.
 */

export type Boilerplate = ReadonlySet<string>;

export type BoilerplateOptions = {
  /** Share of a script's texts a sentence must appear in to count as formula. */
  readonly share: number;
  /** …and at least this many texts. */
  readonly min: number;
};

export const DEFAULT_BOILERPLATE: BoilerplateOptions = { share: 0.02, min: 5 };

const SPLIT = /[.!?…:;\n\r]+/u;

/** The comparable form of a sentence: lower case, digits as #, letters and digits only, single spaces. */
export function sentenceKey(s: string): string {
  // A hand loop: Unicode-property regular expressions cost more than the rest of the clustering's text work.
  let out = "";
  let space = false;
  let digit = false;
  for (const ch of s.toLowerCase()) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x30 && c <= 0x39) {
      if (!digit) out += space && out.length > 0 ? " #" : "#";
      digit = true;
      space = false;
      continue;
    }
    digit = false;
    const letter =
      ch !== ch.toUpperCase() || (c >= 0x61 && c <= 0x7a) || (c >= 0x430 && c <= 0x45f) || c === 0x491;
    if (letter || c === 0x27) {
      if (space && out.length > 0) out += " ";
      out += ch;
      space = false;
    } else space = true;
  }
  return out;
}

const scriptOf = (text: string): "latin" | "cyrillic" | "other" => {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 0x61 && c <= 0x7a) latin++;
    else if (text.charCodeAt(i) >= 0x400 && text.charCodeAt(i) <= 0x4ff) cyrillic++;
  }
  return latin === 0 && cyrillic === 0 ? "other" : latin > cyrillic ? "latin" : "cyrillic";
};

/** Sentences frequent enough to be formula, found in the given texts. */
export function findBoilerplate(
  texts: readonly string[],
  o: BoilerplateOptions = DEFAULT_BOILERPLATE,
): Boilerplate {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const text of texts) {
    const script = scriptOf(text);
    totals.set(script, (totals.get(script) ?? 0) + 1);
    const seen = new Set<string>();
    for (const part of text.split(SPLIT)) {
      const key = sentenceKey(part);
      if (key.length > 0) seen.add(key);
    }
    if (seen.size < 2) continue; // a one-sentence text is all content
    let m = counts.get(script);
    if (!m) {
      m = new Map();
      counts.set(script, m);
    }
    for (const key of seen) m.set(key, (m.get(key) ?? 0) + 1);
  }
  const found = new Set<string>();
  for (const [script, m] of counts) {
    const threshold = Math.max(o.min, o.share * (totals.get(script) ?? 0));
    for (const [key, n] of m) if (n >= threshold) found.add(key);
  }
  return found;
}

/** The text without its formula sentences (unchanged when nothing else would be left). */
export function stripBoilerplate(text: string, b: Boilerplate): string {
  if (b.size === 0) return text;
  const parts = text.split(SPLIT).filter((p) => sentenceKey(p).length > 0);
  const kept = parts.filter((p) => !b.has(sentenceKey(p)));
  if (kept.length === parts.length || kept.length === 0) return text;
  return kept.map((p) => p.trim()).join(". ");
}

/**
 * Two-word phrases over stems, for topics that one word cannot name («грязный туалет», "late delivery",
 * «не работает»). Stop words are skipped over, but a phrase never crosses punctuation, a conjunction or a
 * masked item, and a negation may open a phrase but never close one.
 */

export type PhraseTerm =
  | {
      readonly kind: "content" | "negation";
      readonly stem: string;
      readonly surface: string;
      readonly clause: number;
    }
  | { readonly kind: "break" };

export type Bigram = {
  /** "stem1 stem2": the key to count and cluster on. */
  readonly key: string;
  /** The two words as written (normalised), e.g. «грязный туалет»; several surfaces share one key. */
  readonly surface: string;
};

/** Adjacent pairs of content words (or negation + word) inside one clause. */
export const bigramsOf = (terms: readonly PhraseTerm[]): Bigram[] => {
  const out: Bigram[] = [];
  for (let i = 1; i < terms.length; i++) {
    const a = terms[i - 1]!;
    const b = terms[i]!;
    if (a.kind === "break" || b.kind !== "content" || a.clause !== b.clause) continue;
    out.push({ key: `${a.stem} ${b.stem}`, surface: `${a.surface} ${b.surface}` });
  }
  return out;
};

export type SurfaceForms = {
  /** Counts one occurrence of `surface` for the stem or stem bigram `key`. */
  readonly add: (key: string, surface: string, count?: number) => void;
  /** The most frequent surface of `key` (the first seen among equals), for readable labels. */
  readonly label: (key: string) => string | undefined;
  /** All surfaces of `key` with their counts, most frequent first. */
  readonly forms: (key: string) => ReadonlyArray<readonly [string, number]>;
};

/** Remembers how stems and stem bigrams were written, to turn them back into words people read. */
export const createSurfaceForms = (): SurfaceForms => {
  const byKey = new Map<string, Map<string, number>>();
  return {
    add: (key, surface, count = 1) => {
      let forms = byKey.get(key);
      if (forms === undefined) {
        forms = new Map();
        byKey.set(key, forms);
      }
      forms.set(surface, (forms.get(surface) ?? 0) + count);
    },
    label: (key) => {
      let best: string | undefined;
      let bestCount = 0;
      for (const [surface, n] of byKey.get(key) ?? []) {
        if (n > bestCount) {
          best = surface;
          bestCount = n;
        }
      }
      return best;
    },
    forms: (key) => [...(byKey.get(key) ?? [])].sort((x, y) => y[1] - x[1]),
  };
};

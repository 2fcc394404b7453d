import { type Analysis, createSurfaceForms, type SurfaceForms } from "../../platform/text/index.ts";
import { type Csr, dotSparse, rowOf } from "./sparse.ts";

/**
 * Names and quotes for clusters. A name is the cluster's most distinctive phrases: stems and stem bigrams
 * whose share of texts inside the cluster most exceeds their share outside, by the log-odds ratio with an
 * informative Dirichlet prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", on document counts), shown
 * as people wrote them in the language most of the cluster's texts are in. Quotes are the texts nearest
 * the centroid, skipping near-repeats of a quote already taken.
 */

export type LabelLang = "ru" | "uk" | "en";
const LANGS: readonly LabelLang[] = ["ru", "uk", "en"];

/** Which stems and bigrams each text has, counted once per text, with how each was written per language. */
export type TermTable = {
  readonly keys: string[];
  readonly index: Map<string, number>;
  readonly docTerms: Int32Array[];
  /** 0 ru, 1 uk, 2 en, 3 unknown. */
  readonly docLang: number[];
  readonly surfaces: Readonly<Record<LabelLang, SurfaceForms>>;
};

export const createTermTable = (): TermTable => ({
  keys: [],
  index: new Map(),
  docTerms: [],
  docLang: [],
  surfaces: { ru: createSurfaceForms(), uk: createSurfaceForms(), en: createSurfaceForms() },
});

export function addTerms(t: TermTable, a: Pick<Analysis, "lang" | "stems" | "terms" | "bigrams">): void {
  const lang = LANGS.indexOf(a.lang as LabelLang);
  const forms = lang >= 0 ? t.surfaces[LANGS[lang]!] : undefined;
  const ids = new Set<number>();
  const put = (key: string, surface: string): void => {
    let id = t.index.get(key);
    if (id === undefined) {
      id = t.keys.length;
      t.keys.push(key);
      t.index.set(key, id);
    }
    ids.add(id);
    forms?.add(key, surface);
  };
  a.stems.forEach((s, i) => {
    put(`s ${s}`, a.terms[i]!);
  });
  for (const b of a.bigrams) put(`b ${b.key}`, b.surface);
  t.docTerms.push(Int32Array.from(ids));
  t.docLang.push(lang >= 0 ? lang : 3);
}

export type ClusterName = {
  readonly lang: LabelLang;
  readonly phrases: readonly string[];
  readonly label: string;
};

export type NameOptions = { readonly phrases?: number; readonly prior?: number; readonly minShare?: number };

/** One name per cluster 0..k−1 (labels −1 are unsorted texts and only count as "outside"). */
export function nameClusters(
  t: TermTable,
  labels: Int32Array,
  k: number,
  o: NameOptions = {},
): ClusterName[] {
  const total = new Int32Array(t.keys.length);
  const inside = Array.from({ length: k }, () => new Map<number, number>());
  const size = new Int32Array(k);
  const langCount = Array.from({ length: k }, () => [0, 0, 0, 0]);
  const n = t.docTerms.length;
  for (let d = 0; d < n; d++) {
    const c = labels[d]!;
    for (const id of t.docTerms[d]!) total[id]!++;
    if (c < 0) continue;
    size[c]!++;
    langCount[c]![t.docLang[d]!]!++;
    const m = inside[c]!;
    for (const id of t.docTerms[d]!) m.set(id, (m.get(id) ?? 0) + 1);
  }
  const a0 = o.prior ?? 10;
  const minShare = o.minShare ?? 0.1;
  return inside.map((m, c) => {
    const counts = langCount[c]!;
    const lang = LANGS[[0, 1, 2].reduce((best, l) => (counts[l]! > counts[best]! ? l : best), 0)]!;
    const nIn = size[c]!;
    const nOut = n - nIn;
    const scored: { id: number; z: number; inDocs: number }[] = [];
    for (const [id, a] of m) {
      // A name must be said by a fair share of the cluster, not by a few texts that happen to agree.
      if (a < Math.max(2, minShare * nIn) || t.surfaces[lang].label(t.keys[id]!) === undefined) continue;
      const b = total[id]! - a;
      const alpha = (a0 * total[id]!) / n;
      const logOdds = (y: number, docs: number): number =>
        Math.log((y + alpha) / Math.max(docs + a0 - y - alpha, 1e-9));
      const delta = logOdds(a, nIn) - logOdds(b, nOut);
      scored.push({ id, z: delta / Math.sqrt(1 / (a + alpha) + 1 / (b + alpha)), inDocs: a });
    }
    scored.sort((x, y) => y.z - x.z || y.inDocs - x.inDocs || x.id - y.id);
    const phrases = pickPhrases(scored, t, lang, o.phrases ?? 3);
    return { lang, phrases, label: phrases.join(", ") };
  });
}

/** Best phrases, skipping a word already said by a chosen two-word phrase and a phrase of chosen words. */
function pickPhrases(
  scored: readonly { id: number }[],
  t: TermTable,
  lang: LabelLang,
  count: number,
): string[] {
  const chosenStems = new Set<string>();
  const out: string[] = [];
  for (const { id } of scored) {
    if (out.length >= count) break;
    const key = t.keys[id]!;
    const stems = key.slice(2).split(" ");
    if (stems.every((s) => chosenStems.has(s))) continue;
    if (key.startsWith("s ") && chosenStems.has(stems[0]!)) continue;
    const surface = t.surfaces[lang].label(key)!;
    // A phrase already chosen inside this one gives way to it («приехал» → «не приехал»); one this phrase
    // is inside of makes it redundant.
    if (out.some((p) => p.includes(surface))) continue;
    const inner = out.findIndex((p) => surface.includes(p));
    for (const s of stems) chosenStems.add(s);
    if (inner >= 0) out[inner] = surface;
    else out.push(surface);
  }
  return out;
}

/**
 * Up to `count` member rows nearest the centroid (by `similarity`), each less than `maxOverlap` similar
 * to the quotes already taken and not the same text, so the quotes show different ways of saying it.
 */
export function pickQuotes(
  m: Csr,
  members: ArrayLike<number>,
  similarity: Float32Array,
  text: (row: number) => string,
  count = 3,
  maxOverlap = 0.6,
): number[] {
  const ranked = Array.from(members).sort((a, b) => similarity[b]! - similarity[a]! || a - b);
  const chosen: number[] = [];
  const seen = new Set<string>();
  for (const r of ranked.slice(0, 200)) {
    if (chosen.length >= count) break;
    const key = text(r).trim().toLowerCase();
    if (key === "" || seen.has(key)) continue;
    if (chosen.some((q) => dotSparse(rowOf(m, q), rowOf(m, r)) > maxOverlap)) continue;
    seen.add(key);
    chosen.push(r);
  }
  // Too few varied texts: fill with the next nearest distinct ones.
  for (const r of ranked) {
    if (chosen.length >= count) break;
    const key = text(r).trim().toLowerCase();
    if (!seen.has(key) && key !== "") {
      seen.add(key);
      chosen.push(r);
    }
  }
  return chosen;
}

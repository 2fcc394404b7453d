import { analyze, type Language } from "../../platform/text/index.ts";
import { type Assigner, createAssigner, type Placement } from "./assign.ts";
import { type Boilerplate, findBoilerplate, stripBoilerplate } from "./boilerplate.ts";
import { membersOf } from "./centroids.ts";
import { type Clustering, type ClusterParams, clusterTexts } from "./cluster.ts";
import { addTerms, type ClusterName, createTermTable, nameClusters, pickQuotes } from "./label.ts";
import type { Csr } from "./sparse.ts";
import {
  DEFAULT_VECTOR_PARAMS,
  type HashedDoc,
  hashFeatures,
  type VectorModel,
  type VectorParams,
  vectorizeAll,
  vectorOf,
} from "./vectors.ts";

/**
 * Texts in, problems out: the one algorithm the product, `storona problems cluster`, the benchmark and the
 * evaluation all run. Pure and synchronous; progress goes to an optional callback.
 */

export type TextIn = { readonly text: string; readonly lang?: Language | null };

export type PipelineOptions = {
  readonly vector?: Partial<VectorParams>;
  readonly cluster?: Partial<ClusterParams>;
  /** Language assumed when a text cannot tell (the workspace's first locale). */
  readonly langHint?: Language;
  readonly onProgress?: (phase: "analyse" | "cluster" | "name", done: number, total: number) => void;
  /** Formula sentences to leave out; found in these texts when not given (boilerplate.ts). */
  readonly boilerplate?: Boilerplate;
};

export type ProblemDraft = ClusterName & {
  /** Row numbers of the three quotes. */
  readonly quotes: readonly number[];
  readonly size: number;
};

export type PipelineResult = {
  readonly model: VectorModel;
  readonly matrix: Csr;
  readonly clustering: Clustering;
  readonly problems: readonly ProblemDraft[];
  /** Detected language of each text: "ru" | "uk" | "en" | "unknown". */
  readonly languages: readonly string[];
  /** The formula sentences left out (to be left out of new texts too). */
  readonly boilerplate: Boilerplate;
};

const GROUPS = ["ru", "uk", "en"];

export function runPipeline(texts: readonly TextIn[], o: PipelineOptions = {}): PipelineResult {
  const params = { ...DEFAULT_VECTOR_PARAMS, ...o.vector };
  const boilerplate = o.boilerplate ?? findBoilerplate(texts.map((t) => t.text));
  const terms = createTermTable();
  const hashed: HashedDoc[] = [];
  const languages: string[] = [];
  texts.forEach((t, i) => {
    const a = analyze(stripBoilerplate(t.text, boilerplate), t.lang ?? o.langHint);
    hashed.push(hashFeatures(a, params));
    addTerms(terms, a);
    languages.push(a.lang);
    if (i % 5000 === 4999) o.onProgress?.("analyse", i + 1, texts.length);
  });
  o.onProgress?.("analyse", texts.length, texts.length);
  const { model, matrix } = vectorizeAll(hashed, params);
  hashed.length = 0;
  const group = Uint8Array.from(languages, (l) => (GROUPS.includes(l) ? GROUPS.indexOf(l) : 3));
  o.onProgress?.("cluster", 0, 1);
  const clustering = clusterTexts(matrix, o.cluster ?? {}, group);
  o.onProgress?.("cluster", 1, 1);
  const names = nameClusters(terms, clustering.labels, clustering.k);
  const members = membersOf(clustering.labels, clustering.k);
  const problems = names.map((name, c) => ({
    ...name,
    quotes: pickQuotes(matrix, members[c]!, clustering.similarity, (r) => texts[r]!.text),
    size: members[c]!.length,
  }));
  o.onProgress?.("name", 1, 1);
  return { model, matrix, clustering, problems, languages, boilerplate };
}

/** One vectorisation pass (analyse, hash, TF-IDF), the reference the benchmark measures clustering against. */
export function vectorizeTexts(
  texts: readonly TextIn[],
  o: Pick<PipelineOptions, "vector" | "langHint"> = {},
) {
  const params = { ...DEFAULT_VECTOR_PARAMS, ...o.vector };
  return vectorizeAll(
    texts.map((t) => hashFeatures(analyze(t.text, t.lang ?? o.langHint), params)),
    params,
  );
}

export type Placer = (text: string, lang?: Language | null) => Placement;

/** How a new text is placed: formula sentences out, analyse, vectorise with the model, nearest exemplar. */
export function placerOf(
  model: VectorModel,
  assign: Assigner,
  boilerplate: Boilerplate,
  langHint?: Language,
): Placer {
  return (text, lang) =>
    assign(
      vectorOf(
        model,
        hashFeatures(analyze(stripBoilerplate(text, boilerplate), lang ?? langHint), model.params),
      ),
    );
}

/** A placer for the problems of a clustering just run (what the service builds from the database). */
export function placerFor(r: PipelineResult, langHint?: Language): Placer {
  const shapes = r.clustering.centroids.map((centroid, key) => ({
    key,
    centroid,
    exemplars: r.clustering.exemplars[key]!,
  }));
  return placerOf(r.model, createAssigner(shapes, r.model.hashes.length), r.boilerplate, langHint);
}

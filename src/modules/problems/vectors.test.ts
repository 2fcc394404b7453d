import { describe, expect, it } from "vitest";
import { analyze } from "../../platform/text/index.ts";
import { dotSparse, norm, rowOf } from "./sparse.ts";
import { DEFAULT_VECTOR_PARAMS, hashFeatures, vectorizeAll, vectorOf } from "./vectors.ts";

const docs = (texts: string[], p = DEFAULT_VECTOR_PARAMS) => texts.map((t) => hashFeatures(analyze(t), p));

describe("TF-IDF vectors on stems, bigrams and character n-grams", () => {
  const texts = [
    "Грязный туалет, нет бумаги",
    "В туалете грязно",
    "Курьер не приехал",
    "The courier never came",
    "Парковка занята",
  ];

  it("gives rows of length at most 1 (unknown features count in the length) with sorted columns", () => {
    const { matrix } = vectorizeAll(docs(texts));
    for (let i = 0; i < matrix.rows; i++) {
      const r = rowOf(matrix, i);
      if (r.idx.length === 0) continue;
      expect(norm(r.val)).toBeLessThanOrEqual(1 + 1e-6);
      expect(norm(r.val)).toBeGreaterThan(0.3);
      for (let k = 1; k < r.idx.length; k++) expect(r.idx[k]!).toBeGreaterThan(r.idx[k - 1]!);
    }
  });

  it("keeps only features seen in two texts or more", () => {
    // «Парковка занята» shares nothing with the rest: no feature survives, the row is empty.
    const { matrix } = vectorizeAll(docs(texts));
    expect(rowOf(matrix, 4).idx.length).toBe(0);
  });

  it("links word forms by stem and languages through the glossary", () => {
    const { matrix } = vectorizeAll(docs(texts));
    expect(dotSparse(rowOf(matrix, 0), rowOf(matrix, 1))).toBeGreaterThan(0.2);
    // «курьер» and "courier" are one concept.
    expect(dotSparse(rowOf(matrix, 2), rowOf(matrix, 3))).toBeGreaterThan(0.1);
    const plain = { ...DEFAULT_VECTOR_PARAMS, concepts: false };
    const without = vectorizeAll(docs(texts, plain), plain).matrix;
    expect(dotSparse(rowOf(without, 2), rowOf(without, 3))).toBe(0);
  });

  it("vectorises a new text exactly as the text was in the corpus", () => {
    const d = docs(texts);
    const { model, matrix } = vectorizeAll(d);
    const again = vectorOf(model, d[1]!);
    expect([...again.idx]).toEqual([...rowOf(matrix, 1).idx]);
    expect(Array.from(again.val, (v) => v.toFixed(6))).toEqual(
      Array.from(rowOf(matrix, 1).val, (v) => v.toFixed(6)),
    );
  });
});

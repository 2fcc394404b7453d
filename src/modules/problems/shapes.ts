import { type Assigner, createAssigner } from "./assign.ts";
import {
  decodeVector,
  decodeVectors,
  encodeVector,
  encodeVectors,
  type HashVector,
  toColumns,
  toHashes,
} from "./codec.ts";
import type { SparseVector } from "./sparse.ts";
import { resolveMerged } from "./stable-ids.ts";
import type { KnownProblemRow } from "./store.ts";
import type { VectorModel } from "./vectors.ts";

/**
 * A problem's shape (centroid and exemplars) between the database (hashed features, bytes) and a model's
 * columns, and the assigner built from the shapes of a workspace's problems.
 */

export const MAX_EXEMPLARS = 64;

export type StoredShape = { centroid: Buffer; exemplars: Buffer };

export function encodeShape(
  model: VectorModel,
  centroid: SparseVector,
  exemplars: readonly SparseVector[],
): StoredShape {
  return {
    centroid: encodeVector(toHashes(centroid, model)),
    exemplars: encodeVectors(exemplars.slice(0, MAX_EXEMPLARS).map((e) => toHashes(e, model))),
  };
}

export const decodeCentroid = (b: Buffer | null): HashVector | null => (b ? decodeVector(b) : null);

/**
 * Texts between re-clusterings go where the problems' exemplars say: a live problem takes its own texts,
 * a problem merged into another passes them on, a dissolved one takes none.
 */
export function assignerFor(model: VectorModel, problems: readonly KnownProblemRow[]): Assigner {
  const byId = new Map(
    problems.map((p) => [
      p.id,
      { id: p.id, mentions: new Set<string>(), centroid: null, mergedInto: p.mergedInto },
    ]),
  );
  const shapes = problems
    .filter((p) => p.centroid && p.exemplars && (p.dissolvedAt === null || p.mergedInto !== null))
    .map((p) => ({
      key: resolveMerged(p.id, byId),
      centroid: toColumns(decodeVector(p.centroid!), model),
      exemplars: decodeVectors(p.exemplars!).map((e) => toColumns(e, model)),
    }));
  return createAssigner(shapes, model.hashes.length);
}

import type { SparseVector } from "./sparse.ts";
import { modelFrom, type VectorModel, type VectorParams } from "./vectors.ts";

/**
 * Vectors and models as bytes for the database. Stored vectors use feature hashes, not a model's column
 * numbers, so a centroid saved by one clustering can be compared with the next one's (stable-ids.ts) and a
 * new text can be placed with whatever model is current. Little-endian uint32 / float32.
 */

/** A sparse vector whose indices are feature hashes (ascending). */
export type HashVector = { readonly hashes: Uint32Array; readonly val: Float32Array };

export const toHashes = (v: SparseVector, model: VectorModel): HashVector => ({
  // Columns are numbered in hash order, so the hashes come out ascending.
  hashes: Uint32Array.from(v.idx, (c) => model.hashes[c]!),
  val: Float32Array.from(v.val),
});

/** Into the model's columns; hashes the model does not keep are dropped (the vector is not renormalised). */
export function toColumns(v: HashVector, model: VectorModel): SparseVector {
  const idx: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < v.hashes.length; i++) {
    const c = model.column[v.hashes[i]!] ?? -1;
    if (c >= 0) {
      idx.push(c);
      val.push(v.val[i]!);
    }
  }
  return { idx: Int32Array.from(idx), val: Float32Array.from(val) };
}

export function dotHashes(a: HashVector, b: HashVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.hashes.length && j < b.hashes.length) {
    if (a.hashes[i] === b.hashes[j]) s += a.val[i++]! * b.val[j++]!;
    else if (a.hashes[i]! < b.hashes[j]!) i++;
    else j++;
  }
  return s;
}

/** [count][hashes…][values…] */
export function encodeVector(v: HashVector): Buffer {
  const n = v.hashes.length;
  const buf = Buffer.alloc(4 + 8 * n);
  buf.writeUInt32LE(n, 0);
  for (let i = 0; i < n; i++) {
    buf.writeUInt32LE(v.hashes[i]!, 4 + 4 * i);
    buf.writeFloatLE(v.val[i]!, 4 + 4 * n + 4 * i);
  }
  return buf;
}

function decodeAt(buf: Buffer, at: number): { v: HashVector; next: number } {
  const n = buf.readUInt32LE(at);
  const hashes = new Uint32Array(n);
  const val = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    hashes[i] = buf.readUInt32LE(at + 4 + 4 * i);
    val[i] = buf.readFloatLE(at + 4 + 4 * n + 4 * i);
  }
  return { v: { hashes, val }, next: at + 4 + 8 * n };
}

export const decodeVector = (buf: Buffer): HashVector => decodeAt(buf, 0).v;

export const encodeVectors = (vs: readonly HashVector[]): Buffer => {
  const head = Buffer.alloc(4);
  head.writeUInt32LE(vs.length, 0);
  return Buffer.concat([head, ...vs.map(encodeVector)]);
};

export function decodeVectors(buf: Buffer): HashVector[] {
  const n = buf.readUInt32LE(0);
  const out: HashVector[] = [];
  let at = 4;
  for (let i = 0; i < n; i++) {
    const d = decodeAt(buf, at);
    out.push(d.v);
    at = d.next;
  }
  return out;
}

export type StoredModel = { params: VectorParams; docs: number; hashes: Buffer; idf: Buffer };

export function encodeModel(model: VectorModel): StoredModel {
  const hashes = Buffer.alloc(4 * model.hashes.length);
  const idf = Buffer.alloc(4 * model.idf.length);
  for (let i = 0; i < model.hashes.length; i++) hashes.writeUInt32LE(model.hashes[i]!, 4 * i);
  for (let i = 0; i < model.idf.length; i++) idf.writeFloatLE(model.idf[i]!, 4 * i);
  return { params: model.params, docs: model.docs, hashes, idf };
}

export function decodeModel(s: StoredModel): VectorModel {
  const hashes = new Uint32Array(s.hashes.length / 4);
  const idf = new Float32Array(s.idf.length / 4);
  for (let i = 0; i < hashes.length; i++) hashes[i] = s.hashes.readUInt32LE(4 * i);
  for (let i = 0; i < idf.length; i++) idf[i] = s.idf.readFloatLE(4 * i);
  return modelFrom(s.params, s.docs, hashes, idf);
}

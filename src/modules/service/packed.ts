/**
 * Rollup arrays travel as bytea: PostgreSQL's integer[] text form costs node-pg a character-by-character
 * parse, a buffer does not. Most cells of a slice's heatmap and histograms are zero, so an array is stored
 * sparse when that is smaller. Layout (little-endian): one tag byte, then
 *   tag 0 (dense):  every value in order;
 *   tag 1 (sparse): (uint16 index, value) pairs of the non-zero values.
 * Values are int32 or float64 as the column says.
 */

type Kind = {
  bytes: number;
  write: (b: Buffer, v: number, at: number) => void;
  read: (b: Buffer, at: number) => number;
};
const INT32: Kind = {
  bytes: 4,
  write: (b, v, at) => b.writeInt32LE(v, at),
  read: (b, at) => b.readInt32LE(at),
};
const FLOAT64: Kind = {
  bytes: 8,
  write: (b, v, at) => b.writeDoubleLE(v, at),
  read: (b, at) => b.readDoubleLE(at),
};

function pack(values: ArrayLike<number>, k: Kind): string {
  let nonZero = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) nonZero++;
  const sparse = nonZero * (2 + k.bytes) < values.length * k.bytes;
  const b = Buffer.allocUnsafe(1 + (sparse ? nonZero * (2 + k.bytes) : values.length * k.bytes));
  b[0] = sparse ? 1 : 0;
  let at = 1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (sparse) {
      if (v === 0) continue;
      b.writeUInt16LE(i, at);
      at += 2;
    }
    k.write(b, v, at);
    at += k.bytes;
  }
  return `\\x${b.toString("hex")}`;
}

function add(target: number[], b: Buffer, k: Kind): void {
  if (b.length === 0) return;
  if (b[0] === 1) {
    for (let at = 1; at < b.length; at += 2 + k.bytes) {
      const i = b.readUInt16LE(at);
      target[i] = (target[i] ?? 0) + k.read(b, at + 2);
    }
    return;
  }
  for (let at = 1, i = 0; at < b.length; at += k.bytes, i++) target[i] = (target[i] ?? 0) + k.read(b, at);
}

/** The bytea literal (hex form, for COPY) of int32 values. */
export const packInt32 = (values: ArrayLike<number>): string => pack(values, INT32);
export const packFloat64 = (values: ArrayLike<number>): string => pack(values, FLOAT64);
/** Adds packed values into `target` element by element. */
export const addInt32 = (target: number[], b: Buffer): void => add(target, b, INT32);
export const addFloat64 = (target: number[], b: Buffer): void => add(target, b, FLOAT64);

/**
 * A set of strings numbered 0, 1, 2, … in the order they were added, kept in typed arrays: a million
 * customer ids cost a few megabytes and nothing for the garbage collector to walk (a Map of them made
 * every collection during a large import trace the whole map). Open addressing with linear probing; the
 * characters live in one UTF-16 arena.
 */
export class KeyTable {
  private slots: Int32Array;
  private mask: number;
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(1025);
  private chars = new Uint16Array(16_384);
  private count = 0;

  constructor(expected = 1024) {
    let cap = 2048;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    return h | 0;
  }

  private same(i: number, s: string): boolean {
    const from = this.starts[i]!;
    if (this.starts[i + 1]! - from !== s.length) return false;
    const chars = this.chars;
    for (let k = 0; k < s.length; k++) if (chars[from + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  /** The number of `s`, or -1. */
  get(s: string): number {
    const h = KeyTable.hash(s);
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const i = this.slots[p]!;
      if (i === -1) return -1;
      if (this.hashes[i] === h && this.same(i, s)) return i;
    }
  }

  /** Adds `s` (which must not be in the table yet) and returns its number. */
  add(s: string): number {
    const i = this.count;
    if (i + 1 >= this.hashes.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2);
      this.starts = grow(this.starts, this.hashes.length + 1);
    }
    const from = this.starts[i]!;
    if (from + s.length > this.chars.length) {
      this.chars = grow(this.chars, Math.max(this.chars.length * 2, from + s.length));
    }
    for (let k = 0; k < s.length; k++) this.chars[from + k] = s.charCodeAt(k);
    this.starts[i + 1] = from + s.length;
    const h = KeyTable.hash(s);
    this.hashes[i] = h;
    this.count++;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(i, h);
    return i;
  }

  private place(i: number, h: number): void {
    let p = h & this.mask;
    while (this.slots[p] !== -1) p = (p + 1) & this.mask;
    this.slots[p] = i;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    this.mask = this.slots.length - 1;
    for (let i = 0; i < this.count; i++) this.place(i, this.hashes[i]!);
  }

  /** The string numbered `i`. */
  key(i: number): string {
    const from = this.starts[i]!;
    const to = this.starts[i + 1]!;
    let out = "";
    // In slices: String.fromCharCode with a spread is limited by the argument count.
    for (let k = from; k < to; k += 4096)
      out += String.fromCharCode(...this.chars.subarray(k, Math.min(to, k + 4096)));
    return out;
  }
}

function grow<T extends Int32Array | Uint16Array>(a: T, size: number): T {
  const next = new (a.constructor as new (n: number) => T)(size);
  next.set(a);
  return next;
}

/** A growable array of doubles (ids, times) beside a KeyTable. */
export class Doubles {
  private a = new Float64Array(1024);
  get(i: number): number {
    return this.a[i]!;
  }
  set(i: number, v: number): void {
    if (i >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= i) n *= 2;
      const next = new Float64Array(n);
      next.set(this.a);
      this.a = next;
    }
    this.a[i] = v;
  }
}

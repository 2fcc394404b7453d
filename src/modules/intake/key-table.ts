/**
 * A set of strings numbered 0, 1, 2, … in the order they were added, kept in typed arrays: a million
 * customer ids cost a few megabytes and nothing for the garbage collector to walk (a Map of them made
 * every collection during a large import trace the whole map). Open addressing with linear probing; the
 * characters live in one UTF-16 arena.
 */
export class KeyTable {
  // Slots in pairs (hash, number + 1; 0 = empty): a probe reads one cache line, not three arrays.
  private slots: Int32Array;
  private mask: number;
  private hashes = new Int32Array(1024);
  private starts = new Int32Array(1025);
  private chars = new Uint16Array(16_384);
  private count = 0;

  constructor(expected = 1024) {
    let cap = 2048;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
    // A final mix so that ids differing only in their last characters spread over the table.
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
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
    const slots = this.slots;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const i = slots[2 * p + 1]! - 1;
      if (i === -1) return -1;
      if (slots[2 * p] === h && this.same(i, s)) return i;
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
    if (this.count * 2 > this.slots.length / 2) this.rehash();
    else this.place(i, h);
    return i;
  }

  private place(i: number, h: number): void {
    let p = h & this.mask;
    while (this.slots[2 * p + 1] !== 0) p = (p + 1) & this.mask;
    this.slots[2 * p] = h;
    this.slots[2 * p + 1] = i + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length / 2 - 1;
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

/** Growable pairs of doubles beside a KeyTable (an id and a tag read together: one cache line). */
export class DoublePairs {
  private a = new Float64Array(2048);
  first(i: number): number {
    return this.a[2 * i]!;
  }
  second(i: number): number {
    return this.a[2 * i + 1]!;
  }
  set(i: number, first: number, second: number): void {
    if (2 * i + 1 >= this.a.length) {
      let n = this.a.length * 2;
      while (n <= 2 * i + 1) n *= 2;
      const next = new Float64Array(n);
      next.set(this.a);
      this.a = next;
    }
    this.a[2 * i] = first;
    this.a[2 * i + 1] = second;
  }
}

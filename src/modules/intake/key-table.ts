import { randomBytes } from "node:crypto";

/**
 * Customer keys → ids for a block load, in typed arrays: nothing for the garbage collector to walk and
 * 16 bytes a slot whatever the key's length, so five million distinct customers fit in about 95 MB (a
 * map holding the keys themselves needed 28 bytes a slot plus the long keys, and twice that while it grew).
 *
 * A slot holds a 94-bit fingerprint of the key instead of the key: three 32-bit hashes with seeds drawn
 * at random for each map (so no file can be made to collide on purpose), 30 bits of the third beside a
 * "used" and a "fresh" flag. Two different keys among five million share a fingerprint with a probability
 * of about 10⁻¹⁵. Open addressing with linear probing over any capacity (a slot from the hash by
 * multiplication, not a power-of-two mask), so a size hint is met without doubling it. A key's "fresh"
 * flag marks the customers the current batch created; the caller settles them when the batch ends.
 *
 * A key's position changes when the table grows: callers keep positions only between `reserve` calls.
 */

const STRIDE = 4; // Int32s a slot: h1, h2, flags | 30 bits of h3, id
const USED = 1 << 30;
const FRESH = 1 << 31;
const H3_BITS = USED - 1;
const MAX_LOAD = 0.8;
const TWO_32 = 4294967296;
// findAllBytes() probes keys in this many regions of the table, in order (by the top bits of the first hash).
const REGION_SHIFT = 22;
const REGIONS = 1 << (32 - REGION_SHIFT);

function seed(): number {
  return randomBytes(4).readInt32LE(0) | 1;
}

/** The murmur3 finaliser: every input bit moves every output bit. */
function fmix(h: number, len: number): number {
  let x = h ^ len;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}

export class KeyMap {
  private slots: Int32Array;
  private cap: number;
  private count = 0;
  /** Ids that do not fit in an Int32 go here, by position (allocated the first time one comes). */
  private wide: Float64Array | null = null;
  private readonly s1 = seed();
  private readonly s2 = seed();
  private readonly s3 = seed();
  // The fingerprint of the key last hashed.
  private h1 = 0;
  private h2 = 0;
  private h3 = 0;

  constructor(expected = 1024) {
    this.cap = Math.max(1024, Math.ceil(expected / MAX_LOAD));
    this.slots = new Int32Array(this.cap * STRIDE);
  }

  get size(): number {
    return this.count;
  }

  /** Room for `more` keys without growing (positions found until then stay valid). */
  reserve(more: number): void {
    if (this.count + more > this.cap * MAX_LOAD)
      this.grow(Math.max(Math.ceil(this.cap * 1.5), Math.ceil((this.count + more) / MAX_LOAD)));
  }

  private hashString(s: string): void {
    let a = this.s1;
    let b = this.s2;
    let c = this.s3;
    for (let k = 0; k < s.length; k++) {
      const u = s.charCodeAt(k);
      a = Math.imul(a ^ u, 0x01000193);
      b = Math.imul(b ^ u, 0x5bd1e995);
      c = Math.imul(c + u, 0x27d4eb2d) ^ (c >>> 15);
    }
    this.h1 = fmix(a, s.length);
    this.h2 = fmix(b, s.length);
    this.h3 = fmix(c, s.length) & H3_BITS;
  }

  /** The same hashes for the ASCII bytes b[from, to) as for their string. */
  private hashBytes(bytes: Uint8Array, from: number, to: number): void {
    let a = this.s1;
    let b = this.s2;
    let c = this.s3;
    for (let k = from; k < to; k++) {
      const u = bytes[k]!;
      a = Math.imul(a ^ u, 0x01000193);
      b = Math.imul(b ^ u, 0x5bd1e995);
      c = Math.imul(c + u, 0x27d4eb2d) ^ (c >>> 15);
    }
    const len = to - from;
    this.h1 = fmix(a, len);
    this.h2 = fmix(b, len);
    this.h3 = fmix(c, len) & H3_BITS;
  }

  private home(h1: number, cap: number): number {
    return Math.floor(((h1 >>> 0) / TWO_32) * cap);
  }

  /** The position of the fingerprint last hashed, or -1. */
  private lookUp(): number {
    const slots = this.slots;
    const cap = this.cap;
    const h1 = this.h1;
    const h2 = this.h2;
    const tail = USED | this.h3;
    for (let p = this.home(h1, cap); ; p = p + 1 === cap ? 0 : p + 1) {
      const at = p * STRIDE;
      const flags = slots[at + 2]!;
      if (flags === 0) return -1;
      if ((flags & ~FRESH) === tail && slots[at]! === h1 && slots[at + 1]! === h2) return p;
    }
  }

  /** The position of `s`, or -1. */
  find(s: string): number {
    this.hashString(s);
    return this.lookUp();
  }

  /** The position of the ASCII text in b[from, to) (the same key as its string), or -1. */
  findBytes(b: Uint8Array, from: number, to: number): number {
    this.hashBytes(b, from, to);
    return this.lookUp();
  }

  // findAllBytes' scratch: each key's fingerprint, and the keys' order by region of the table.
  private batchH1 = new Int32Array(0);
  private batchH2 = new Int32Array(0);
  private batchH3 = new Int32Array(0);
  private batchOrder = new Int32Array(0);
  private readonly regionStart = new Int32Array(REGIONS + 1);

  /**
   * findBytes() for n keys at once (key i: b[from[i], to[i])): position[i] and, where found, id[i]. A large
   * table does not fit in the processor's caches, and keys in file order probe it at random places (a
   * cache and a TLB miss each); here they are probed region by region of the table (a slot's place grows
   * with its first hash), so the walk goes forward through memory. `position` and `id` hold at least n.
   */
  findAllBytes(
    b: Uint8Array,
    from: Int32Array,
    to: Int32Array,
    n: number,
    position: Int32Array,
    id: Float64Array,
  ): void {
    if (this.batchH1.length < n) {
      const size = Math.max(n, 2 * this.batchH1.length);
      this.batchH1 = new Int32Array(size);
      this.batchH2 = new Int32Array(size);
      this.batchH3 = new Int32Array(size);
      this.batchOrder = new Int32Array(size);
    }
    const h1s = this.batchH1;
    const h2s = this.batchH2;
    const h3s = this.batchH3;
    const order = this.batchOrder;
    const start = this.regionStart;
    start.fill(0);
    for (let i = 0; i < n; i++) {
      this.hashBytes(b, from[i]!, to[i]!);
      h1s[i] = this.h1;
      h2s[i] = this.h2;
      h3s[i] = this.h3;
      start[(this.h1 >>> REGION_SHIFT) + 1]!++;
    }
    for (let r = 0; r < REGIONS; r++) start[r + 1]! += start[r]!;
    for (let i = 0; i < n; i++) order[start[h1s[i]! >>> REGION_SHIFT]!++] = i;
    for (let k = 0; k < n; k++) {
      const i = order[k]!;
      this.h1 = h1s[i]!;
      this.h2 = h2s[i]!;
      this.h3 = h3s[i]!;
      const p = this.lookUp();
      position[i] = p;
      if (p !== -1) id[i] = this.id(p);
    }
  }

  /** Adds the fingerprint last hashed (not in the map) with its id; returns its position. */
  private add(id: number, fresh: boolean): number {
    if (this.count + 1 > this.cap * MAX_LOAD) this.grow(Math.ceil(this.cap * 1.5));
    const p = this.freeSlot(this.slots, this.cap, this.h1);
    const at = p * STRIDE;
    this.slots[at] = this.h1;
    this.slots[at + 1] = this.h2;
    this.slots[at + 2] = USED | this.h3 | (fresh ? FRESH : 0);
    this.count++;
    this.setId(p, id);
    return p;
  }

  /** Adds `s` (which must not be in the map) with its id; `fresh`: created by the current batch. */
  insert(s: string, id: number, fresh: boolean): number {
    this.hashString(s);
    return this.add(id, fresh);
  }

  /** insert() for the ASCII text in b[from, to) (what findBytes did not find). */
  insertBytes(b: Uint8Array, from: number, to: number, id: number, fresh: boolean): number {
    this.hashBytes(b, from, to);
    return this.add(id, fresh);
  }

  /** Whether the key at p was inserted fresh and not settled since. */
  fresh(p: number): boolean {
    return (this.slots[p * STRIDE + 2]! & FRESH) !== 0;
  }

  /** The key at p is no longer fresh (its batch is done). */
  settle(p: number): void {
    const at = p * STRIDE + 2;
    this.slots[at] = this.slots[at]! & ~FRESH;
  }

  id(p: number): number {
    return this.wide ? this.wide[p]! : this.slots[p * STRIDE + 3]!;
  }

  private setId(p: number, id: number): void {
    if (!this.wide && (id | 0) !== id) {
      // Ids beyond an Int32 (a very large sequence): all ids move to a Float64Array by position.
      this.wide = new Float64Array(this.cap);
      for (let q = 0; q < this.cap; q++) this.wide[q] = this.slots[q * STRIDE + 3]!;
    }
    if (this.wide) this.wide[p] = id;
    else this.slots[p * STRIDE + 3] = id;
  }

  private freeSlot(slots: Int32Array, cap: number, h1: number): number {
    let p = this.home(h1, cap);
    while (slots[p * STRIDE + 2] !== 0) p = p + 1 === cap ? 0 : p + 1;
    return p;
  }

  private grow(cap: number): void {
    const old = this.slots;
    const oldWide = this.wide;
    const oldCap = this.cap;
    const slots = new Int32Array(cap * STRIDE);
    const wide = oldWide ? new Float64Array(cap) : null;
    for (let q = 0; q < oldCap; q++) {
      const at = q * STRIDE;
      if (old[at + 2] === 0) continue;
      const p = this.freeSlot(slots, cap, old[at]!);
      slots.set(old.subarray(at, at + STRIDE), p * STRIDE);
      if (oldWide && wide) wide[p] = oldWide[q]!;
    }
    this.slots = slots;
    this.cap = cap;
    this.wide = wide;
  }
}

/**
 * Strings → (id, tag) in typed arrays: a million customer ids cost a few tens of megabytes and nothing for
 * the garbage collector to walk (a Map of them made every collection during a large import trace the whole
 * map). Open addressing with linear probing. A slot holds everything a lookup needs — the key's length, its
 * id and tag and, for a key of up to 16 Latin-1 characters (most customer ids), the key itself — so finding a key
 * among a million costs one read from memory, not four (hash table, key offsets, characters, values: each
 * a cache miss once the table outgrows the processor's caches); the tag (a small number the caller
 * chooses) sits beside the id. Longer keys live in an arena; their slot
 * holds their hash and where they start.
 *
 * A key's position changes when the table grows: callers keep positions only between `reserve` calls.
 */

// Int32s per slot: length + 1 (0: empty; LONG set for an arena key), id, tag, then the key's 16 bytes, or
// for an arena key its hash and its offset. 28 bytes: a million keys in 56 MB.
const STRIDE = 7;
const KEY = 3; // where the key (or the hash and offset of an arena key) starts in a slot
const INLINE = 16; // key bytes kept in the slot
const LONG = 1 << 30; // flag in the length word: the key is in the arena
const MAX_LOAD = 0.7;

export class KeyMap {
  private slots: Int32Array;
  private mask: number;
  private count = 0;
  /** Ids that do not fit in an Int32 go here, by position (allocated the first time one comes). */
  private wide: Float64Array | null = null;
  private arena = new Uint16Array(4096);
  private arenaUsed = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap * MAX_LOAD < expected) cap *= 2;
    this.slots = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Room for `more` keys without growing (positions found until then stay valid). */
  reserve(more: number): void {
    while (this.count + more > (this.mask + 1) * MAX_LOAD) this.grow();
  }

  /** The position of `s`, or -1. */
  find(s: string): number {
    const len = s.length;
    if (latinOf(s)) {
      // As bytes: one probe loop for both (a Latin-1 key hashes the same as its bytes).
      if (this.scratch.length < len) this.scratch = new Uint8Array(len * 2);
      for (let k = 0; k < len; k++) this.scratch[k] = s.charCodeAt(k);
      return this.findBytes(this.scratch, 0, len);
    }
    const h = hashString(s);
    const slots = this.slots;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const at = p * STRIDE;
      const meta = slots[at]!;
      if (meta === 0) return -1;
      // Keys beyond Latin-1 are always in the arena.
      if (meta !== ((len + 1) | LONG) || slots[at + KEY] !== h) continue;
      const from = slots[at + KEY + 1]!;
      let same = true;
      for (let k = 0; same && k < len; k++) same = this.arena[from + k] === s.charCodeAt(k);
      if (same) return p;
    }
  }
  private scratch = new Uint8Array(64);

  /** The position of the Latin-1 text in b[from, to) (ASCII bytes: the same key as its string), or -1. */
  findBytes(b: Uint8Array, from: number, to: number): number {
    const len = to - from;
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
    h = mix(h);
    const inline = len <= INLINE;
    const slots = this.slots;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const at = p * STRIDE;
      const meta = slots[at]!;
      if (meta === 0) return -1;
      if ((meta & ~LONG) - 1 !== len || ((meta & LONG) === 0) !== inline) continue;
      let same = true;
      if (inline) {
        for (let k = 0; same && k < len; k++) same = byteAt(slots, at, k) === b[from + k];
      } else {
        if (slots[at + KEY] !== h) continue;
        const start = slots[at + KEY + 1]!;
        const arena = this.arena;
        for (let k = 0; same && k < len; k++) same = arena[start + k] === b[from + k];
      }
      if (same) return p;
    }
  }

  /** Adds `s` (which must not be in the map) with its id and tag; returns its position. */
  insert(s: string, id: number, tag: number): number {
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    const len = s.length;
    const h = hashString(s);
    const p = this.freeSlot(h);
    const at = p * STRIDE;
    const slots = this.slots;
    if (len <= INLINE && latinOf(s)) {
      slots[at] = len + 1;
      for (let w = 0; w < 4; w++) {
        let v = 0;
        for (let k = 3; k >= 0; k--) {
          const i = w * 4 + k;
          v = (v << 8) | (i < len ? s.charCodeAt(i) : 0);
        }
        slots[at + KEY + w] = v;
      }
    } else {
      slots[at] = (len + 1) | LONG;
      if (this.arenaUsed + len > this.arena.length) {
        const next = new Uint16Array(Math.max(this.arena.length * 2, this.arenaUsed + len));
        next.set(this.arena.subarray(0, this.arenaUsed));
        this.arena = next;
      }
      for (let k = 0; k < len; k++) this.arena[this.arenaUsed + k] = s.charCodeAt(k);
      slots[at + KEY] = h;
      slots[at + KEY + 1] = this.arenaUsed;
      this.arenaUsed += len;
    }
    this.count++;
    slots[at + 2] = tag;
    this.setId(p, id);
    return p;
  }

  /** insert() for the ASCII text in b[from, to) (what findBytes did not find). */
  insertBytes(b: Uint8Array, from: number, to: number, id: number, tag: number): number {
    const len = to - from;
    if (len > INLINE)
      return this.insert(Buffer.from(b.buffer, b.byteOffset + from, len).toString("latin1"), id, tag);
    if (this.count + 1 > (this.mask + 1) * MAX_LOAD) this.grow();
    let h = 0x811c9dc5;
    for (let k = from; k < to; k++) h = Math.imul(h ^ b[k]!, 0x01000193);
    const p = this.freeSlot(mix(h));
    const at = p * STRIDE;
    const slots = this.slots;
    slots[at] = len + 1;
    for (let w = 0; w < 4; w++) {
      let v = 0;
      for (let k = 3; k >= 0; k--) {
        const i = w * 4 + k;
        v = (v << 8) | (i < len ? b[from + i]! : 0);
      }
      slots[at + KEY + w] = v;
    }
    this.count++;
    slots[at + 2] = tag;
    this.setId(p, id);
    return p;
  }

  tag(p: number): number {
    return this.slots[p * STRIDE + 2]!;
  }

  id(p: number): number {
    return this.wide ? this.wide[p]! : this.slots[p * STRIDE + 1]!;
  }

  private setId(p: number, id: number): void {
    if (!this.wide && (id | 0) !== id) {
      // Ids beyond an Int32 (a very large sequence): all ids move to a Float64Array by position.
      this.wide = new Float64Array(this.mask + 1);
      for (let q = 0; q <= this.mask; q++) this.wide[q] = this.slots[q * STRIDE + 1]!;
    }
    if (this.wide) this.wide[p] = id;
    else this.slots[p * STRIDE + 1] = id;
  }

  /** The key at position p. */
  key(p: number): string {
    const at = p * STRIDE;
    const meta = this.slots[at]!;
    const len = (meta & ~LONG) - 1;
    let out = "";
    if ((meta & LONG) === 0) {
      for (let k = 0; k < len; k++) out += String.fromCharCode(byteAt(this.slots, at, k));
      return out;
    }
    const from = this.slots[at + KEY + 1]!;
    // In slices: String.fromCharCode with a spread is limited by the argument count.
    for (let k = from; k < from + len; k += 4096)
      out += String.fromCharCode(...this.arena.subarray(k, Math.min(from + len, k + 4096)));
    return out;
  }

  /** The hash a slot's key was placed by (stored for arena keys, recomputed for inline ones). */
  private hashAt(slots: Int32Array, at: number): number {
    const meta = slots[at]!;
    if ((meta & LONG) !== 0) return slots[at + KEY]!;
    let h = 0x811c9dc5;
    for (let k = 0; k < meta - 1; k++) h = Math.imul(h ^ byteAt(slots, at, k), 0x01000193);
    return mix(h);
  }

  private freeSlot(h: number): number {
    let p = h & this.mask;
    while (this.slots[p * STRIDE] !== 0) p = (p + 1) & this.mask;
    return p;
  }

  private grow(): void {
    const old = this.slots;
    const oldWide = this.wide;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * STRIDE);
    this.mask = cap - 1;
    this.wide = oldWide ? new Float64Array(cap) : null;
    for (let q = 0; q < old.length / STRIDE; q++) {
      const at = q * STRIDE;
      if (old[at] === 0) continue;
      const p = this.freeSlot(this.hashAt(old, at));
      this.slots.set(old.subarray(at, at + STRIDE), p * STRIDE);
      if (oldWide && this.wide) this.wide[p] = oldWide[q]!;
    }
  }
}

/** FNV-1a over the string's UTF-16 units (for Latin-1 keys: over its bytes, as findBytes hashes them). */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return mix(h);
}

function latinOf(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) > 0xff) return false;
  return true;
}

/** A final mix, so that keys differing only in their last characters spread over the table. */
function mix(x: number): number {
  let h = x ^ (x >>> 15);
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h | 0;
}

/** Byte k of an inline key (four to an Int32, little end first). */
function byteAt(slots: Int32Array, at: number, k: number): number {
  return (slots[at + KEY + (k >> 2)]! >>> ((k & 3) * 8)) & 0xff;
}

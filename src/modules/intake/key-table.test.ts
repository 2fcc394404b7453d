import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyMap } from "./key-table.ts";

describe("KeyMap", () => {
  it("finds every key with its id and fresh mark, like a Map (short, long, binary and non-Latin keys)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ unit: "binary", maxLength: 24 }),
            fc.string({ maxLength: 6 }),
            fc.string({ unit: "grapheme", maxLength: 40 }),
          ),
          { maxLength: 3000 },
        ),
        (words) => {
          const t = new KeyMap(4);
          const m = new Map<string, number>();
          for (const w of words) {
            const p = t.find(w);
            expect(p === -1).toBe(!m.has(w));
            if (p === -1) {
              m.set(w, m.size);
              t.insert(w, m.size * 3, m.size % 2 === 0);
            } else expect(t.id(p)).toBe(m.get(w)! * 3 + 3);
          }
          expect(t.size).toBe(m.size);
          for (const [w, i] of m) {
            const p = t.find(w);
            expect([t.id(p), t.fresh(p)]).toEqual([(i + 1) * 3, (i + 1) % 2 === 0]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("tells apart keys that differ in one character, in length only, or by order", () => {
    const t = new KeyMap();
    const keys = ["", "a", "aa", "ab", "ba", "a\0", "\0a", "c1", "c10", "c01", "C1", "с1" /* Cyrillic с */];
    keys.forEach((k, i) => {
      expect(t.find(k)).toBe(-1);
      t.insert(k, i + 100, false);
    });
    keys.forEach((k, i) => {
      expect(t.id(t.find(k))).toBe(i + 100);
    });
  });

  it("finds ASCII keys from bytes as from strings, through growth, with ids beyond 32 bits", () => {
    const t = new KeyMap();
    for (let i = 0; i < 200_000; i++) t.insert(`c${i}`, i, false);
    const big = 2 ** 40 + 5;
    t.insert("customer-with-a-longer-id-0001", big, true);
    const bytes = Buffer.from("xx c199999 customer-with-a-longer-id-0001 c200000", "latin1");
    const p = t.findBytes(bytes, 3, 10);
    expect([t.id(p), t.fresh(p)]).toEqual([199_999, false]);
    const q = t.findBytes(bytes, 11, 41);
    expect([t.id(q), t.fresh(q)]).toEqual([big, true]);
    expect(t.findBytes(bytes, 42, 49)).toBe(-1);
    // Keys added from bytes are the keys their strings name.
    const more = Buffer.from("c-new|a-rather-long-customer-id-42", "latin1");
    const r = t.insertBytes(more, 0, 5, 7, true);
    const s = t.insertBytes(more, 6, 34, 8, false);
    expect([t.find("c-new"), t.id(r), t.fresh(r)]).toEqual([r, 7, true]);
    expect([t.find("a-rather-long-customer-id-42"), t.id(s)]).toEqual([s, 8]);
    // Every id survives the switch to wide ids.
    expect(t.id(t.find("c0"))).toBe(0);
    expect(t.id(t.find("c123456"))).toBe(123_456);
    expect(t.size).toBe(200_003);
  });

  it("keeps positions through a batch once room is reserved, and settles fresh keys", () => {
    const t = new KeyMap(4);
    t.reserve(5000);
    const positions = Array.from({ length: 5000 }, (_, i) => t.insert(`k${i}`, i, true));
    positions.forEach((p, i) => {
      expect([t.find(`k${i}`), t.id(p), t.fresh(p)]).toEqual([p, i, true]);
      t.settle(p);
    });
    expect(positions.every((p) => !t.fresh(p))).toBe(true);
    // A fresh mark survives growth.
    const late = t.insert("late", 1, true);
    t.reserve(1_000_000);
    expect(t.fresh(t.find("late"))).toBe(true);
    expect(t.find("late")).not.toBe(-1);
    expect(late).toBeGreaterThanOrEqual(0);
  });

  it("uses 16 bytes a slot: a hint of five million keys takes under 100 MB", () => {
    const before = process.memoryUsage().arrayBuffers;
    const t = new KeyMap(5_000_000);
    const bytes = process.memoryUsage().arrayBuffers - before;
    expect(bytes).toBeLessThan(100 * 1024 * 1024);
    expect(bytes).toBeGreaterThanOrEqual((5_000_000 / 0.8) * 16 - 1);
    expect(t.size).toBe(0);
  });
  it("finds a batch of keys at once as one at a time does, wherever in the table they are", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { maxLength: 400 }),
        fc.array(fc.stringMatching(/^[a-z0-9]{1,12}$/), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 0, max: 200_000 }),
        (stored, asked, size) => {
          // A table of up to 200,000 slots: the keys fall in many of the regions findAllBytes orders them by.
          const t = new KeyMap(size);
          for (const k of stored) if (t.find(k) === -1) t.insert(k, t.size * 7 + 2_000_000_000, false);
          const bytes = Buffer.from(asked.join(""), "latin1");
          const from = new Int32Array(asked.length);
          const to = new Int32Array(asked.length);
          let at = 0;
          asked.forEach((k, i) => {
            from[i] = at;
            at += k.length;
            to[i] = at;
          });
          const position = new Int32Array(asked.length).fill(-2);
          const id = new Float64Array(asked.length).fill(-2);
          t.findAllBytes(bytes, from, to, asked.length, position, id);
          asked.forEach((k, i) => {
            const p = t.find(k);
            expect(position[i]).toBe(p);
            expect(id[i]).toBe(p === -1 ? -2 : t.id(p));
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

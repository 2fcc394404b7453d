import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyMap } from "./key-table.ts";

describe("KeyMap", () => {
  it("finds every key with its id and tag, like a Map (short, long and non-Latin keys)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 24 }), fc.string({ maxLength: 6 })), {
          maxLength: 3000,
        }),
        (words) => {
          const t = new KeyMap(4);
          const m = new Map<string, number>();
          for (const w of words) {
            const p = t.find(w);
            expect(p === -1).toBe(!m.has(w));
            if (p === -1) {
              m.set(w, m.size);
              t.insert(w, m.size * 3, m.size % 7);
            } else expect(t.id(p)).toBe(m.get(w)! * 3 + 3);
          }
          expect(t.size).toBe(m.size);
          for (const [w, i] of m) {
            const p = t.find(w);
            expect([t.id(p), t.tag(p), t.key(p)]).toEqual([(i + 1) * 3, (i + 1) % 7, w]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("finds ASCII keys from bytes as from strings, through growth, with ids beyond 32 bits", () => {
    const t = new KeyMap();
    for (let i = 0; i < 200_000; i++) t.insert(`c${i}`, i, -1);
    const big = 2 ** 40 + 5;
    t.insert("customer-with-a-longer-id-0001", big, 3);
    const bytes = Buffer.from("xx c199999 customer-with-a-longer-id-0001 c200000", "latin1");
    const p = t.findBytes(bytes, 3, 10);
    expect([t.id(p), t.key(p)]).toEqual([199_999, "c199999"]);
    const q = t.findBytes(bytes, 11, 41);
    expect([t.id(q), t.key(q)]).toEqual([big, "customer-with-a-longer-id-0001"]);
    expect(t.findBytes(bytes, 42, 49)).toBe(-1);
    // Keys added from bytes are the keys their strings name (short ones inline, long ones in the arena).
    const more = Buffer.from("c-new|a-rather-long-customer-id-42", "latin1");
    const r = t.insertBytes(more, 0, 5, 7, 9);
    const s = t.insertBytes(more, 6, 34, 8, 9);
    expect([t.find("c-new"), t.id(r), t.tag(r)]).toEqual([r, 7, 9]);
    expect([t.find("a-rather-long-customer-id-42"), t.key(s)]).toEqual([s, "a-rather-long-customer-id-42"]);
    // Every id survives the switch to wide ids.
    expect(t.id(t.find("c0"))).toBe(0);
    expect(t.id(t.find("c123456"))).toBe(123_456);
  });

  it("keeps positions through a batch once room is reserved", () => {
    const t = new KeyMap(4);
    t.reserve(5000);
    const positions = Array.from({ length: 5000 }, (_, i) => t.insert(`k${i}`, i, 0));
    positions.forEach((p, i) => {
      expect(t.key(p)).toBe(`k${i}`);
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DoublePairs, KeyTable } from "./key-table.ts";

describe("KeyTable", () => {
  it("numbers strings in the order they were added and finds each again, like a Map", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 12 }), { maxLength: 3000 }), (words) => {
        const t = new KeyTable(4);
        const m = new Map<string, number>();
        for (const w of words) {
          const want = m.get(w) ?? -1;
          expect(t.get(w)).toBe(want);
          if (want === -1) m.set(w, t.add(w));
        }
        expect(t.size).toBe(m.size);
        for (const [w, i] of m) {
          expect(t.get(w)).toBe(i);
          expect(t.key(i)).toBe(w);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("keeps 200,000 keys through its growth, and long keys whole", () => {
    const t = new KeyTable();
    for (let i = 0; i < 200_000; i++) expect(t.add(`c${i}`)).toBe(i);
    expect(t.get("c199999")).toBe(199_999);
    expect(t.get("c200000")).toBe(-1);
    const long = "ж".repeat(10_000);
    const i = t.add(long);
    expect(t.key(i)).toBe(long);
    expect(t.get(long)).toBe(i);
  });
});

describe("DoublePairs", () => {
  it("keeps both values of each pair through its growth", () => {
    const d = new DoublePairs();
    for (let i = 0; i < 5000; i++) d.set(i, i * 10, -i);
    expect([d.first(4999), d.second(4999), d.first(0), d.second(1)]).toEqual([49_990, -4999, 0, -1]);
  });
});

import { describe, expect, it } from "vitest";
import { addFloat64, addInt32, packFloat64, packInt32 } from "./packed.ts";

const unhex = (s: string) => Buffer.from(s.slice(2), "hex");

describe("packed rollup arrays", () => {
  it("writes dense arrays little-endian after a 0 tag and adds them element-wise", () => {
    expect(packInt32([1, 256])).toBe("\\x000100000000010000");
    const sum = [10, 20];
    addInt32(sum, unhex(packInt32([1, -2])));
    expect(sum).toEqual([11, 18]);
  });

  it("writes mostly-zero arrays as (index, value) pairs after a 1 tag", () => {
    const values = new Array<number>(168).fill(0);
    values[3] = 7;
    values[150] = -1;
    const packed = packInt32(values);
    expect(packed).toBe("\\x01030007000000" + "9600ffffffff");
    const sum = new Array<number>(168).fill(1);
    addInt32(sum, unhex(packed));
    expect(sum[3]).toBe(8);
    expect(sum[150]).toBe(0);
    expect(sum.reduce((a, b) => a + b, 0)).toBe(168 + 6);
  });

  it("round-trips doubles both ways", () => {
    const dense = [0.5, 1e12 + 0.25];
    const f = [0, 0];
    addFloat64(f, unhex(packFloat64(dense)));
    expect(f).toEqual(dense);
    const sparse = new Array<number>(168).fill(0);
    sparse[167] = 12345.5;
    const g = new Array<number>(168).fill(0);
    addFloat64(g, unhex(packFloat64(sparse)));
    expect(g[167]).toBe(12345.5);
  });
});

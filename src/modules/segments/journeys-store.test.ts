import { describe, expect, it } from "vitest";
import { placeAt } from "./journeys-store.ts";

describe("placeAt: where a moved stage or touchpoint lands", () => {
  it("puts a new row at the end unless a position is given", () => {
    expect(placeAt([1, 2, 3], 9, undefined)).toEqual([1, 2, 3, 9]);
    expect(placeAt([1, 2, 3], 9, 0)).toEqual([9, 1, 2, 3]);
  });
  it("moves an existing row, counting positions without it", () => {
    expect(placeAt([1, 2, 3, 4], 1, 2)).toEqual([2, 3, 1, 4]);
    expect(placeAt([1, 2, 3, 4], 4, 0)).toEqual([4, 1, 2, 3]);
  });
  it("clamps a position past the end", () => {
    expect(placeAt([1, 2], 1, 99)).toEqual([2, 1]);
  });
});

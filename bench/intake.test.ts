import { describe, expect, it } from "vitest";
import { median } from "./intake.ts";

describe("the intake benchmark's median", () => {
  it("takes the middle value whatever the order, the lower middle of an even count", () => {
    expect(median([0.54, 0.41, 0.5])).toBe(0.5);
    expect(median([3, 1, 2, 4])).toBe(2);
    expect(median([7])).toBe(7);
  });
});

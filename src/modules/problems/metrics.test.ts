import { describe, expect, it } from "vitest";
import { ari, nmi, purity } from "./metrics.ts";

describe("NMI, ARI and purity against hand-computed cases", () => {
  it("gives 1 for the same partition under other names", () => {
    expect(nmi([0, 0, 1, 1], ["x", "x", "y", "y"])).toBeCloseTo(1, 12);
    expect(ari([0, 0, 1, 1], ["x", "x", "y", "y"])).toBeCloseTo(1, 12);
    expect(purity([0, 0, 1, 1], ["x", "x", "y", "y"])).toBe(1);
  });

  it("gives NMI 0 and ARI −0.5 when the clusters cut across the labels", () => {
    // Every cell of the 2×2 table holds 1: no shared information; ARI = (0 − 2/3) / (2 − 2/3).
    expect(nmi([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 12);
    expect(ari([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });

  it("matches a 2-label, 3-cluster case worked by hand", () => {
    const truth = ["a", "a", "a", "b", "b", "b"];
    const found = ["x", "x", "y", "y", "z", "z"];
    // MI = (2/3) ln 2; H(truth) = ln 2, H(found) = ln 3; NMI = MI / mean(H) = 4 ln 2 / (3 ln 6).
    expect(nmi(truth, found)).toBeCloseTo((4 * Math.log(2)) / (3 * Math.log(6)), 12);
    // Σ C(n_ij, 2) = 2, Σ C(a_i, 2) = 6, Σ C(b_j, 2) = 3, C(6, 2) = 15: (2 − 1.2) / (4.5 − 1.2).
    expect(ari(truth, found)).toBeCloseTo(0.8 / 3.3, 12);
    expect(purity(truth, found)).toBeCloseTo(5 / 6, 12);
  });

  it("treats one cluster holding everything as no information", () => {
    expect(nmi(["a", "b", "a", "b"], [1, 1, 1, 1])).toBe(0);
    expect(ari(["a", "b", "a", "b"], [1, 1, 1, 1])).toBeCloseTo(0, 12);
  });
});

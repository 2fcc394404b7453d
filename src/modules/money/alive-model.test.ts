import { describe, expect, it } from "vitest";
import { aliveByRow, fitAliveModel } from "./alive-model.ts";
import { cdnowCsvRows } from "./cdnow-fixture.ts";
import { fitParetoNbd } from "./pareto-nbd.ts";
import { compressRfm } from "./summary.ts";

describe("fitAliveModel", () => {
  const rows = cdnowCsvRows();

  it("fits Pareto/NBD on everyone when the workspace is small", () => {
    const m = fitAliveModel(rows);
    if (m.kind !== "pareto-nbd") throw new Error("expected Pareto/NBD");
    expect(m.subsample).toBeNull();
    expect(m.fit.params).toEqual(fitParetoNbd(rows).params);
    const p = aliveByRow(m, rows);
    expect(p?.length).toBe(rows.x.length);
    for (const v of p ?? []) expect(v > 0 && v <= 1).toBe(true);
  });

  it("on a subsample above the target, close to the full estimate", () => {
    const m = fitAliveModel(rows, 1000);
    if (m.kind !== "pareto-nbd") throw new Error("expected Pareto/NBD");
    expect(m.subsample).toBeGreaterThan(950);
    expect(m.subsample).toBeLessThan(1050);
    expect(m.fit.customers).toBe(m.subsample);
    expect(Math.abs(m.fit.params.r / 0.553 - 1)).toBeLessThan(0.25);
  });
});

describe("fitAliveModel on customers who hardly differ", () => {
  // 60 customers buying like clockwork (as in money.int.test.ts's background): Pareto/NBD's optimum is
  // at infinity, where the unbounded fit spends minutes per likelihood evaluation.
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let k = 1; k <= 60; k++) {
    const first = 5 * k;
    const gap = 20 + (k % 7) * 10;
    const repeats = [...Array(k % 5).keys()].map((j) => first + (j + 1) * gap).filter((d) => d <= 546);
    x.push(repeats.length);
    tx.push(repeats.length > 0 ? ((repeats.at(-1) as number) - first) / 7 : 0);
    T.push((546 - first) / 7);
  }
  const rows = compressRfm({
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
  }).rows;

  it("stops at the edge of its box, quickly, and says so", () => {
    const started = performance.now();
    const m = fitAliveModel(rows);
    expect(performance.now() - started).toBeLessThan(15_000);
    if (m.kind !== "pareto-nbd") throw new Error("expected Pareto/NBD");
    expect(m.boundary).toBe(true);
    const p = aliveByRow(m, rows) ?? [];
    for (const v of p) expect(v > 0 && v <= 1).toBe(true);
  });

  it("past its time budget it gives up and leaves P(alive) to BG/NBD", () => {
    expect(fitAliveModel(rows, 5_000, 0)).toEqual({ kind: "bgnbd", reason: "pareto_too_slow" });
  });
});

import { describe, expect, it } from "vitest";
import { purity } from "./metrics.ts";
import { runPipeline } from "./pipeline.ts";
import { topicTexts } from "./test-fixture.ts";

describe("clustering chooses the number of problems itself", () => {
  const texts = topicTexts();
  const noise = ["Абракадабра", "xyzzy"];
  const run = runPipeline([...texts, ...noise.map((text) => ({ text, topic: "noise" }))]);

  it("finds the three topics across ru, uk and en, each pure", () => {
    const labels = [...run.clustering.labels];
    expect(run.clustering.k).toBe(3);
    expect(
      purity(
        texts.map((t) => t.topic),
        labels.slice(0, texts.length),
      ),
    ).toBe(1);
  });

  it("leaves texts that resemble nothing unsorted", () => {
    expect([...run.clustering.labels].slice(texts.length)).toEqual([-1, -1]);
  });

  it("names problems by their distinctive words, with three varied quotes", () => {
    const names = run.problems.map((p) => p.label).join(" | ");
    expect(names).toMatch(/туалет/);
    expect(names).toMatch(/парков/);
    expect(names).toMatch(/курьер|доставк|заказ/);
    for (const p of run.problems) {
      expect(p.quotes).toHaveLength(3);
      expect(new Set(p.quotes.map((q) => texts[q]!.text.toLowerCase())).size).toBe(3);
      for (const q of p.quotes) expect(run.clustering.labels[q]).toBe(run.problems.indexOf(p));
    }
  });

  it("gives the same clusters for the same texts and seed", () => {
    const again = runPipeline([...texts, ...noise.map((text) => ({ text }))]);
    expect([...again.clustering.labels]).toEqual([...run.clustering.labels]);
  });
});

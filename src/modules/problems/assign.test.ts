import { describe, expect, it } from "vitest";
import { placerFor, runPipeline } from "./pipeline.ts";
import { topicTexts } from "./test-fixture.ts";

describe("incremental assignment", () => {
  const texts = topicTexts();
  const run = runPipeline(texts);
  const place = placerFor(run);
  const clusterOf = (topic: string) => run.clustering.labels[texts.findIndex((t) => t.topic === topic)]!;

  it("puts a new text with the problem whose texts it resembles", () => {
    expect(place("Опять грязный туалет и нет бумаги").key).toBe(clusterOf("toilet"));
    expect(place("Курьер не приехал, где мой заказ").key).toBe(clusterOf("delivery"));
    expect(place("No parking, staff cars everywhere", "en").key).toBe(clusterOf("parking"));
  });

  it("leaves a text about nothing known unsorted, with its best similarity", () => {
    const p = place("Прекрасная погода сегодня");
    expect(p.key).toBeNull();
    expect(p.similarity).toBeLessThan(0.1);
  });

  it("places a text of the clustering where the clustering put it", () => {
    texts.forEach((t, i) => {
      expect(place(t.text).key).toBe(run.clustering.labels[i]);
    });
  });
});

import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { fmScore, quintileScores, RFM_SEGMENTS, RFM_TABLE, rfm, rfmSegment } from "./rfm.ts";

const CDNOW = sharedDataFile("cdnow/CDNOW_sample.txt");

/** The first ten customers of the CDNOW sample: days since the last purchase on 1998-06-30, purchases, dollars. */
function firstTenCustomers(): { recency: number[]; frequency: number[]; monetary: number[] } {
  const byId = new Map<number, { last: number; n: number; cents: number }>();
  for (const line of fs.readFileSync(CDNOW, "utf8").split(/\r?\n/)) {
    const [, id, date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars || Number(id) > 10) continue;
    const day = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) / 86_400_000;
    const c = byId.get(Number(id)) ?? { last: 0, n: 0, cents: 0 };
    c.last = Math.max(c.last, day);
    c.n++;
    c.cents += Math.round(Number(dollars) * 100);
    byId.set(Number(id), c);
  }
  const end = Date.UTC(1998, 5, 30) / 86_400_000;
  const ids = [...byId.keys()].sort((a, b) => a - b);
  return {
    recency: ids.map((i) => end - byId.get(i)!.last),
    frequency: ids.map((i) => byId.get(i)!.n),
    monetary: ids.map((i) => byId.get(i)!.cents),
  };
}

describe("quintile scores", () => {
  it("gives 1 + ⌊5 × worse / n⌋ with ties sharing a score", () => {
    // five distinct values: 0..4 worse → scores 1..5
    expect([...quintileScores(Float64Array.from([10, 30, 20, 50, 40]))]).toEqual([1, 3, 2, 5, 4]);
    expect([...quintileScores(Float64Array.from([10, 30, 20, 50, 40]), true)]).toEqual([5, 3, 4, 1, 2]);
    // 1,1,1,2: the three ones have 0 worse (score 1); the two has 3 worse: 1 + ⌊15/4⌋ = 4
    expect([...quintileScores(Float64Array.from([1, 1, 2, 1]))]).toEqual([1, 1, 4, 1]);
    expect([...quintileScores(new Float64Array(0))]).toEqual([]);
  });
});

describe("named RFM segments", () => {
  it("covers all eleven names and rounds FM halves up", () => {
    const used = new Set(Object.values(RFM_TABLE).flat());
    expect([...used].sort()).toEqual([...RFM_SEGMENTS].sort());
    expect(fmScore(3, 4)).toBe(4);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(5, 5)).toBe(5);
    expect(rfmSegment(5, 1, 1)).toBe("new");
    expect(rfmSegment(1, 5, 4)).toBe("cant_lose");
    expect(rfmSegment(4, 1, 2)).toBe("potential_loyalists"); // FM = round(1.5) = 2
  });

  it("scores the first ten CDNOW customers as computed by hand", () => {
    const c = firstTenCustomers();
    // By hand from CDNOW_sample.txt, as of 1998-06-30 (days, purchases, cents):
    //  #1 last 1997-12-12: 200 d, 4, 10050   #2 1997-01-13: 533 d, 2, 7511   #3 1997-01-01: 545 d, 1, 679
    //  #4 545 d, 1, 1397   #5 545 d, 1, 2394   #6 1998-06-20: 10 d, 16, 110704   #7 1997-02-05: 510 d, 2, 2354
    //  #8 1998-03-07: 115 d, 3, 5967   #9 1998-02-11: 139 d, 5, 12493   #10 1997-01-01: 545 d, 1, 3032
    expect(c.recency).toEqual([200, 533, 545, 545, 545, 10, 510, 115, 139, 545]);
    expect(c.frequency).toEqual([4, 2, 1, 1, 1, 16, 2, 3, 5, 1]);
    expect(c.monetary).toEqual([10050, 7511, 679, 1397, 2394, 110704, 2354, 5967, 12493, 3032]);
    const s = rfm({
      recencyDays: Float64Array.from(c.recency),
      frequency: Float64Array.from(c.frequency),
      monetary: Float64Array.from(c.monetary),
    });
    // R: four at 545 d have no one worse → 1; 533 d has 4 worse → 1 + ⌊20/10⌋ = 3; 510 → 5 worse → 3;
    //    200 → 6 → 4; 139 → 7 → 4; 115 → 8 → 5; 10 → 9 → 5.
    expect([...s.r]).toEqual([4, 3, 1, 1, 1, 5, 3, 5, 4, 1]);
    // F: ones 0 worse → 1; twos 4 → 3; three 6 → 4; four 7 → 4; five 8 → 5; sixteen 9 → 5.
    expect([...s.f]).toEqual([4, 3, 1, 1, 1, 5, 3, 4, 5, 1]);
    // M: all distinct, rank i (0-based, ascending) → 1 + ⌊i/2⌋: 679 1397 | 2354 2394 | 3032 5967 | 7511 10050 | 12493 110704
    expect([...s.m]).toEqual([4, 4, 1, 1, 2, 5, 2, 3, 5, 3]);
    // Names: #1 R4 FM4 loyal; #2 R3 FM round(3.5)=4 loyal; #3, #4 R1 FM1 lost; #5 R1 FM round(1.5)=2 hibernating;
    // #6 R5 FM5 champions; #7 R3 FM round(2.5)=3 need attention; #8 R5 FM round(3.5)=4 champions;
    // #9 R4 FM5 champions; #10 R1 FM2 hibernating.
    expect([...s.segment].map((i) => RFM_SEGMENTS[i])).toEqual([
      "loyal",
      "loyal",
      "lost",
      "lost",
      "hibernating",
      "champions",
      "need_attention",
      "champions",
      "champions",
      "hibernating",
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { proportion } from "./figures.ts";
import { english, type VerdictInput, verdicts } from "./verdict.ts";

const base: VerdictInput = {
  outside: proportion(38, 100),
  medianInsideHours: 0.5,
  medianOutsideHours: 10,
  channels: [],
  slaFirstResponse: proportion(0, 0),
  twoChannelCustomers: 0,
  waitBuckets: [],
};

describe("plain verdicts", () => {
  it("says the seed's sentence: 38% of requests arrive when nobody answers; they wait 9.5 h longer", () => {
    const [v] = verdicts(base);
    expect(v).toEqual({
      key: "outside_hours_wait_longer",
      tone: "bad",
      values: {
        sharePercent: 38,
        requests: 38,
        extraHours: 9.5,
        medianOutsideHours: 10,
        medianInsideHours: 0.5,
      },
    });
    expect(english(v!)).toBe(
      "38% of requests arrive when nobody answers; they wait 9.5 h longer for a first answer (median 10 h vs 30 min).",
    );
  });

  it("praises covered evenings, notes rare ones, and refuses to judge below 30 requests", () => {
    expect(verdicts({ ...base, medianOutsideHours: 0.9 })[0]?.key).toBe("outside_hours_covered");
    expect(verdicts({ ...base, outside: proportion(10, 100) })[0]?.key).toBe("outside_hours_rare");
    expect(verdicts({ ...base, outside: proportion(10, 29) })[0]).toMatchObject({
      key: "not_enough_data",
      values: { requests: 29, needed: 30 },
    });
  });

  it("names channels customers use that are not answered, and the slowest channel", () => {
    const out = verdicts({
      ...base,
      channels: [
        { channel: "telegram", requests: 100, answered: proportion(95, 100), medianFirstResponseHours: 1 },
        { channel: "vk", requests: 40, answered: proportion(4, 40), medianFirstResponseHours: 50 },
        { channel: "email", requests: 100, answered: proportion(90, 100), medianFirstResponseHours: 20 },
      ],
    });
    expect(out.find((v) => v.key === "unanswered_channels")?.values).toEqual({
      channels: ["vk"],
      requests: 40,
      answeredPercent: 10,
    });
    expect(out.find((v) => v.key === "slowest_channel")?.values).toMatchObject({
      channel: "email",
      fastestChannel: "telegram",
    });
  });

  it("grades SLA and finds how long customers are willing to wait", () => {
    const out = verdicts({
      ...base,
      slaFirstResponse: proportion(70, 100),
      twoChannelCustomers: 3,
      waitBuckets: [
        { label: "0", cancellation: proportion(2, 100) },
        { label: "1", cancellation: proportion(3, 100) },
        { label: "8–14", cancellation: proportion(30, 100) },
      ],
    });
    expect(out.find((v) => v.key === "sla_met")).toMatchObject({
      tone: "bad",
      values: { metPercent: 70, breached: 30 },
    });
    expect(out.find((v) => v.key === "two_channel_customers")?.values).toEqual({ customers: 3 });
    expect(out.find((v) => v.key === "wait_cancellation")?.values).toEqual({
      bucket: "8–14",
      cancelPercent: 30,
      baseCancelPercent: 2,
    });
  });
});

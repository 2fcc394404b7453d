import { describe, expect, it } from "vitest";
import { type ChannelRequest, channelShift, secondChannelTries, twoChannelTracker } from "./channels.ts";
import { HOUR } from "./types.ts";

const r = (
  id: number,
  channel: ChannelRequest["channel"],
  hours: number,
  resolvedHours: number | null = null,
  kind: ChannelRequest["kind"] = "complaint",
): ChannelRequest => ({
  id,
  channel,
  kind,
  createdAt: hours * HOUR,
  resolvedAt: resolvedHours === null ? null : resolvedHours * HOUR,
});

describe("second-channel tries (same customer, another channel, within 72 h, first one still open)", () => {
  it("flags a message in another channel while the first is unresolved", () => {
    const tries = secondChannelTries([r(1, "email", 0), r(2, "telegram", 5)]);
    expect([...tries]).toEqual([[2, "email"]]);
  });

  it("counts 72 hours inclusive and no more", () => {
    expect(secondChannelTries([r(1, "email", 0), r(2, "phone", 72)]).size).toBe(1);
    expect(secondChannelTries([r(1, "email", 0), r(2, "phone", 72.01)]).size).toBe(0);
  });

  it("ignores the same channel, a matter already resolved, and praise", () => {
    expect(secondChannelTries([r(1, "email", 0), r(2, "email", 1)]).size).toBe(0);
    expect(secondChannelTries([r(1, "email", 0, 3), r(2, "phone", 4)]).size).toBe(0);
    expect(secondChannelTries([r(1, "email", 0, 10), r(2, "phone", 4)]).size).toBe(1);
    expect(secondChannelTries([r(1, "email", 0), r(2, "instagram", 4, null, "praise")]).size).toBe(0);
    expect(secondChannelTries([r(1, "email", 0, null, "praise"), r(2, "phone", 4)]).size).toBe(0);
  });

  it("names the most recent earlier channel and works in any input order", () => {
    const tries = secondChannelTries([r(3, "viber", 10), r(1, "email", 0), r(2, "phone", 5)]);
    expect(tries.get(2)).toBe("email");
    expect(tries.get(3)).toBe("phone");
  });
});

describe("channel shift", () => {
  it("gives monthly shares and the change between the first and last quarter in points", () => {
    const months = ["2025-01", "2025-02", "2025-03", "2025-04"];
    const counts = new Map([
      [
        "email" as const,
        new Map([
          ["2025-01", 8],
          ["2025-02", 6],
          ["2025-03", 4],
          ["2025-04", 2],
        ]),
      ],
      [
        "telegram" as const,
        new Map([
          ["2025-01", 2],
          ["2025-02", 4],
          ["2025-03", 6],
          ["2025-04", 8],
        ]),
      ],
      ["vk" as const, new Map<string, number>()],
    ]);
    const shift = channelShift(months, counts);
    expect(shift.channels.map((c) => c.channel)).toEqual(["email", "telegram"]);
    const tg = shift.channels.find((c) => c.channel === "telegram")!;
    expect(tg.shares).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(tg.firstShare).toBe(0.2);
    expect(tg.lastShare).toBe(0.8);
    expect(tg.changePoints).toBeCloseTo(60, 9);
  });
});

describe("the streaming tracker", () => {
  it("agrees with the per-customer rule on a mixed stream", () => {
    const channels = ["email", "phone", "telegram", "viber"] as const;
    const kinds = ["complaint", "question", "praise"] as const;
    let seed = 7;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const stream = Array.from({ length: 3000 }, (_, i) => ({
      customer: Math.floor(rnd() * 200),
      req: {
        id: i,
        channel: channels[Math.floor(rnd() * 4)]!,
        kind: kinds[Math.floor(rnd() * 3)]!,
        createdAt: Math.floor(rnd() * 2000) * HOUR,
        resolvedAt: null as number | null,
      },
    }));
    for (const s of stream)
      if (rnd() < 0.5) s.req.resolvedAt = s.req.createdAt + Math.floor(rnd() * 100) * HOUR;
    stream.sort((a, b) => a.req.createdAt - b.req.createdAt || a.req.id - b.req.id);
    const next = twoChannelTracker();
    const streamed = new Map<number, string>();
    for (const s of stream) {
      const p = next(s.customer, s.req);
      if (p !== null) streamed.set(s.req.id, p);
    }
    const expected = new Map<number, string>();
    for (let c = 0; c < 200; c++) {
      for (const [id, p] of secondChannelTries(stream.filter((s) => s.customer === c).map((s) => s.req)))
        expected.set(id, p);
    }
    expect(streamed.size).toBeGreaterThan(10);
    expect(streamed).toEqual(expected);
    expect(next(null, stream[0]!.req)).toBeNull();
  });
});

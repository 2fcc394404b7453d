import { describe, expect, it } from "vitest";
import { assumedHours, compileSchedule } from "./hours.ts";
import { DEFAULT_SLA_POLICIES, dueAt, policyFor, type SlaPolicy, slaStatus } from "./sla.ts";

const at = (iso: string) => Date.parse(iso);
const policies: SlaPolicy[] = [
  { channel: null, kind: null, clock: "business", firstResponseMinutes: 60, resolutionMinutes: 480 },
  { channel: "telegram", kind: null, clock: "calendar", firstResponseMinutes: 30, resolutionMinutes: null },
  { channel: null, kind: "complaint", clock: "business", firstResponseMinutes: 120, resolutionMinutes: 960 },
  {
    channel: "telegram",
    kind: "complaint",
    clock: "calendar",
    firstResponseMinutes: 15,
    resolutionMinutes: 1440,
  },
];

describe("SLA policies", () => {
  it("picks the most specific policy: channel and kind, channel, kind, then any", () => {
    expect(policyFor(policies, "telegram", "complaint")?.firstResponseMinutes).toBe(15);
    expect(policyFor(policies, "telegram", "question")?.firstResponseMinutes).toBe(30);
    expect(policyFor(policies, "email", "complaint")?.firstResponseMinutes).toBe(120);
    expect(policyFor(policies, "email", "praise")?.firstResponseMinutes).toBe(60);
    expect(policyFor([], "email", "praise")).toBeNull();
    expect(policyFor(DEFAULT_SLA_POLICIES, "vk", "question")?.clock).toBe("business");
  });

  it("sets deadlines in business or calendar time", () => {
    const office = compileSchedule(assumedHours("Europe/Kyiv"));
    const friday = at("2024-06-07T14:30:00Z"); // Fri 17:30 Kyiv
    expect(new Date(dueAt(friday, 60, "business", office) as number).toISOString()).toBe(
      "2024-06-10T06:30:00.000Z",
    );
    expect(new Date(dueAt(friday, 60, "calendar", office) as number).toISOString()).toBe(
      "2024-06-07T15:30:00.000Z",
    );
    expect(dueAt(friday, null, "calendar", office)).toBeNull();
  });

  it("judges met (on the deadline counts), breached and running against now", () => {
    const due = at("2024-06-10T06:30:00Z");
    expect(slaStatus(due, due, 0, true)).toBe("met");
    expect(slaStatus(due, due + 1000, 0, true)).toBe("breached");
    expect(slaStatus(due, null, due - 1, true)).toBe("running");
    expect(slaStatus(due, null, due, true)).toBe("running");
    expect(slaStatus(due, null, due + 1, true)).toBe("breached");
    expect(slaStatus(due, null, due + 1, false)).toBeNull();
    // A schedule that never opens: the deadline never comes.
    expect(slaStatus(null, null, due, true)).toBe("running");
    expect(slaStatus(null, due, due, true)).toBe("met");
  });
});

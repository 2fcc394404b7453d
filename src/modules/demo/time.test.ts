import { describe, expect, it } from "vitest";
import {
  addMonthsUtc,
  addOpenMinutes,
  CONTACT_CENTRE_HOURS,
  isOpen,
  kyivLocal,
  kyivOffsetMs,
  kyivToUtc,
  nextOpening,
} from "./time.ts";

const utc = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe("Kyiv wall clock", () => {
  it("switches between UTC+2 and UTC+3 on the EU dates", () => {
    expect(kyivOffsetMs(utc("2026-03-29T00:59:00Z")) / 3_600_000).toBe(2);
    expect(kyivOffsetMs(utc("2026-03-29T01:00:00Z")) / 3_600_000).toBe(3);
    expect(kyivOffsetMs(utc("2026-10-25T00:59:00Z")) / 3_600_000).toBe(3);
    expect(kyivOffsetMs(utc("2026-10-25T01:00:00Z")) / 3_600_000).toBe(2);
  });

  it("agrees with Intl on local day, weekday and time, and converts back", () => {
    const fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Kyiv",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    for (let t = utc("2025-01-01T00:00:00Z"); t < utc("2026-12-31T00:00:00Z"); t += 7_777_777) {
      const local = kyivLocal(t);
      const parts = Object.fromEntries(fmt.formatToParts(t).map((p) => [p.type, p.value]));
      expect(days[local.weekday]).toBe(parts.weekday);
      expect(local.minutes).toBe(Number(parts.hour) * 60 + Number(parts.minute));
      // Converting back lands on the same wall-clock minute (in the repeated autumn hour, either instant is right).
      const back = kyivLocal(kyivToUtc(local.day, local.minutes));
      expect([back.day, back.minutes]).toEqual([local.day, local.minutes]);
    }
  });
});

describe("contact-centre hours", () => {
  it("knows when nobody is there", () => {
    expect(isOpen(utc("2026-06-03T07:00:00Z"), CONTACT_CENTRE_HOURS)).toBe(true); // Wed 10:00
    expect(isOpen(utc("2026-06-03T16:00:00Z"), CONTACT_CENTRE_HOURS)).toBe(false); // Wed 19:00
    expect(isOpen(utc("2026-06-06T08:00:00Z"), CONTACT_CENTRE_HOURS)).toBe(false); // Sat 11:00
  });

  it("makes a Friday-evening message wait until Monday 9:00", () => {
    expect(iso(nextOpening(utc("2026-06-05T17:30:00Z"), CONTACT_CENTRE_HOURS))).toBe(
      "2026-06-08T06:00:00.000Z",
    );
  });

  it("pauses work at 18:00 and resumes it the next working morning", () => {
    // Thursday 17:30 Kyiv + 45 working minutes = Friday 9:15.
    expect(iso(addOpenMinutes(utc("2026-06-04T14:30:00Z"), 45, CONTACT_CENTRE_HOURS))).toBe(
      "2026-06-05T06:15:00.000Z",
    );
    // Never lands on the closing instant itself.
    const t = addOpenMinutes(utc("2026-06-04T14:59:30Z"), 1, CONTACT_CENTRE_HOURS);
    expect(isOpen(t, CONTACT_CENTRE_HOURS)).toBe(true);
  });
});

describe("calendar months", () => {
  it("clamps the day at month ends", () => {
    expect(iso(addMonthsUtc(utc("2026-03-31T10:00:00Z"), -1))).toBe("2026-02-28T10:00:00.000Z");
    expect(iso(addMonthsUtc(utc("2026-06-01T00:00:00Z"), -24))).toBe("2024-06-01T00:00:00.000Z");
  });
});

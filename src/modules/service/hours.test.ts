import { describe, expect, it } from "vitest";
import {
  addBusinessMs,
  alwaysOpenHours,
  assumedHours,
  businessMs,
  compileSchedule,
  type HoursSpec,
  isOpenAt,
  weeklyOpenShare,
  weekOf,
} from "./hours.ts";
import { HOUR, MINUTE } from "./types.ts";
import { zoneOf } from "./zone.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const daily = (timeZone: string, from: string, to: string): HoursSpec => ({
  timeZone,
  alwaysOpen: false,
  week: weekOf([{ from, to }]),
});

describe("business time across midnight, weekends and holidays (Europe/Kyiv, Mon–Fri 09:00–18:00)", () => {
  const office = compileSchedule(assumedHours("Europe/Kyiv"));

  it("is open from 09:00 inclusive to 18:00 exclusive", () => {
    // Kyiv is UTC+3 in June.
    expect(isOpenAt(office, at("2024-06-03T05:59:59Z"))).toBe(false);
    expect(isOpenAt(office, at("2024-06-03T06:00:00Z"))).toBe(true);
    expect(isOpenAt(office, at("2024-06-03T14:59:59Z"))).toBe(true);
    expect(isOpenAt(office, at("2024-06-03T15:00:00Z"))).toBe(false);
    expect(isOpenAt(office, at("2024-06-08T09:00:00Z"))).toBe(false); // Saturday noon
  });

  it("counts a Friday 17:00 request answered Monday 10:00 as 2 business hours (65 calendar hours)", () => {
    const created = at("2024-06-07T14:00:00Z"); // Fri 17:00 local
    const answered = at("2024-06-10T07:00:00Z"); // Mon 10:00 local
    expect((answered - created) / HOUR).toBe(65);
    expect(businessMs(office, created, answered)).toBe(2 * HOUR);
  });

  it("counts nothing for an evening request answered before opening", () => {
    expect(businessMs(office, at("2024-06-04T17:00:00Z"), at("2024-06-05T05:30:00Z"))).toBe(0);
  });

  it("skips a holiday: with Monday closed the same wait is Fri 17–18 + Tue 09–10", () => {
    const withHoliday = compileSchedule(assumedHours("Europe/Kyiv"), [
      { date: "2024-06-10", name: "Holiday", hours: [] },
    ]);
    const created = at("2024-06-07T14:00:00Z");
    expect(businessMs(withHoliday, created, at("2024-06-10T07:00:00Z"))).toBe(HOUR);
    expect(businessMs(withHoliday, created, at("2024-06-11T07:00:00Z"))).toBe(2 * HOUR);
    expect(iso(addBusinessMs(withHoliday, created, 2 * HOUR))).toBe("2024-06-11T07:00:00.000Z");
  });

  it("honours a short holiday (10:00–14:00)", () => {
    const short = compileSchedule(assumedHours("Europe/Kyiv"), [
      { date: "2024-06-10", name: "Short day", hours: [{ from: "10:00", to: "14:00" }] },
    ]);
    expect(businessMs(short, at("2024-06-09T21:00:00Z"), at("2024-06-10T21:00:00Z"))).toBe(4 * HOUR);
  });

  it("adds business time to a deadline: Friday 17:30 + 1 h = Monday 09:30 (across the spring change)", () => {
    const created = at("2024-03-29T15:30:00Z"); // Fri 17:30, UTC+2
    const due = addBusinessMs(office, created, HOUR);
    expect(iso(due)).toBe("2024-04-01T06:30:00.000Z"); // Mon 09:30, UTC+3
    // 63 calendar hours, not 64: the weekend lost an hour.
    expect(((due as number) - created) / HOUR).toBe(63);
    // A deadline on a closing time is the closing time.
    expect(iso(addBusinessMs(office, at("2024-06-03T06:00:00Z"), 9 * HOUR))).toBe("2024-06-03T15:00:00.000Z");
  });

  it("handles spans that run past midnight (Fri 22:00–02:00 is open on Saturday 01:00)", () => {
    const bar = compileSchedule({
      timeZone: "Europe/Kyiv",
      alwaysOpen: false,
      week: { ...weekOf([]), fri: [{ from: "22:00", to: "02:00" }] },
    });
    expect(isOpenAt(bar, at("2024-06-07T22:00:00Z"))).toBe(true); // Sat 01:00 local
    expect(isOpenAt(bar, at("2024-06-07T23:30:00Z"))).toBe(false); // Sat 02:30 local
    expect(businessMs(bar, at("2024-06-07T00:00:00Z"), at("2024-06-09T00:00:00Z"))).toBe(4 * HOUR);
  });

  it("never ends a deadline on a schedule that never opens", () => {
    const never = compileSchedule({ timeZone: "Europe/Kyiv", alwaysOpen: false, week: weekOf([]) });
    expect(addBusinessMs(never, at("2024-06-03T06:00:00Z"), HOUR)).toBeNull();
    expect(businessMs(never, at("2024-06-03T06:00:00Z"), at("2024-06-13T06:00:00Z"))).toBe(0);
  });
});

describe("business time on daylight-saving days", () => {
  // Europe/Kyiv: 31 Mar 2024 03:00→04:00, 27 Oct 2024 04:00→03:00. Europe/Berlin: 02:00→03:00, 03:00→02:00.
  const cases = [
    {
      zone: "Europe/Kyiv",
      spring: ["2024-03-30T22:00:00Z", "2024-03-31T21:00:00Z"],
      fall: ["2024-10-26T21:00:00Z", "2024-10-27T22:00:00Z"],
    },
    {
      zone: "Europe/Berlin",
      spring: ["2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z"],
      fall: ["2024-10-26T22:00:00Z", "2024-10-27T23:00:00Z"],
    },
  ] as const;

  for (const c of cases) {
    it(`${c.zone}: a 00:00–24:00 day lasts 23 h in spring and 25 h in autumn`, () => {
      const allDay = compileSchedule(daily(c.zone, "00:00", "24:00"));
      expect(businessMs(allDay, at(c.spring[0]), at(c.spring[1]))).toBe(23 * HOUR);
      expect(businessMs(allDay, at(c.fall[0]), at(c.fall[1]))).toBe(25 * HOUR);
    });
    it(`${c.zone}: 09:00–18:00 stays 9 h on both change days`, () => {
      const day = compileSchedule(daily(c.zone, "09:00", "18:00"));
      expect(businessMs(day, at(c.spring[0]), at(c.spring[1]))).toBe(9 * HOUR);
      expect(businessMs(day, at(c.fall[0]), at(c.fall[1]))).toBe(9 * HOUR);
    });
  }

  it("Europe/Kyiv: a night shift 02:00–05:00 loses the missing hour in spring and keeps the repeated one in autumn", () => {
    const night = compileSchedule(daily("Europe/Kyiv", "02:00", "05:00"));
    expect(businessMs(night, at("2024-03-30T22:00:00Z"), at("2024-03-31T21:00:00Z"))).toBe(2 * HOUR);
    expect(businessMs(night, at("2024-10-26T21:00:00Z"), at("2024-10-27T22:00:00Z"))).toBe(4 * HOUR);
    // 02:00–03:00 (+3) is 23:00–00:00 UTC, then 03:00–04:00 (+3), then 03:00–05:00 again at +2.
    expect(iso(addBusinessMs(night, at("2024-10-26T23:00:00Z"), 3 * HOUR))).toBe("2024-10-27T02:00:00.000Z");
  });

  it("Europe/Berlin: a night shift 01:00–04:00 gives 2 h in spring and 4 h in autumn", () => {
    const night = compileSchedule(daily("Europe/Berlin", "01:00", "04:00"));
    expect(businessMs(night, at("2024-03-30T23:00:00Z"), at("2024-03-31T22:00:00Z"))).toBe(2 * HOUR);
    expect(businessMs(night, at("2024-10-26T22:00:00Z"), at("2024-10-27T23:00:00Z"))).toBe(4 * HOUR);
  });

  it("Europe/Moscow has no change: the same days last 24 h", () => {
    const allDay = compileSchedule(daily("Europe/Moscow", "00:00", "24:00"));
    expect(businessMs(allDay, at("2024-03-30T21:00:00Z"), at("2024-03-31T21:00:00Z"))).toBe(24 * HOUR);
    expect(businessMs(allDay, at("2024-10-26T21:00:00Z"), at("2024-10-27T21:00:00Z"))).toBe(24 * HOUR);
  });

  it("a 24/7 schedule is calendar time and ignores holidays", () => {
    const always = compileSchedule(alwaysOpenHours("Europe/Kyiv"), [
      { date: "2024-03-31", name: "x", hours: [] },
    ]);
    expect(businessMs(always, at("2024-03-30T22:00:00Z"), at("2024-03-31T21:00:00Z"))).toBe(23 * HOUR);
    expect(isOpenAt(always, at("2024-03-31T10:00:00Z"))).toBe(true);
    expect(addBusinessMs(always, 0, 5 * MINUTE)).toBe(5 * MINUTE);
  });
});

describe("the weekly overlay", () => {
  it("marks Mon–Fri 09–18 as 45 open hours and a 09:30 start as half an hour", () => {
    const kyiv = zoneOf("Europe/Kyiv");
    const share = weeklyOpenShare(
      compileSchedule(assumedHours("Europe/Kyiv")),
      kyiv,
      at("2024-06-05T12:00:00Z"),
    );
    expect(share).toHaveLength(168);
    expect(share.reduce((a, b) => a + b, 0)).toBe(45);
    expect(share[9]).toBe(1);
    expect(share[8]).toBe(0);
    expect(share[5 * 24 + 10]).toBe(0); // Saturday 10:00
    const late = compileSchedule(daily("Europe/Kyiv", "09:30", "18:00"));
    expect(weeklyOpenShare(late, kyiv, at("2024-06-05T12:00:00Z"))[9]).toBe(0.5);
  });

  it("shifts a schedule kept in another zone onto the display zone's clock", () => {
    // Berlin 09:00–18:00 is 10:00–19:00 in Kyiv.
    const berlin = compileSchedule(daily("Europe/Berlin", "09:00", "18:00"));
    const share = weeklyOpenShare(berlin, zoneOf("Europe/Kyiv"), at("2024-06-05T12:00:00Z"));
    expect(share[9]).toBe(0);
    expect(share[10]).toBe(1);
    expect(share[18]).toBe(1);
    expect(share[19]).toBe(0);
  });
});

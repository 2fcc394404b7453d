import { describe, expect, it } from "vitest";
import { alwaysOpenHours, assumedHours, isOpenAt, weekOf } from "./hours.ts";
import {
  type HoursConfig,
  holidaysFor,
  readWeeklyHours,
  resolveHours,
  scheduleResolver,
} from "./hours-config.ts";

const tz = "Europe/Kyiv";
const spec = (from: string, to: string) => ({
  timeZone: tz,
  alwaysOpen: false,
  week: weekOf([{ from, to }]),
});
const base: HoursConfig = {
  workspaceTimeZone: tz,
  rules: [],
  workspaceHours: null,
  locationHours: new Map([[7, spec("10:00", "21:00")]]),
  holidays: [],
};

describe("which working hours apply", () => {
  it("assumes Mon–Fri 09:00–18:00 when nothing is set, then prefers the workspace settings", () => {
    expect(resolveHours(base, "email", null)).toMatchObject({ source: "assumed", spec: assumedHours(tz) });
    const withSettings = { ...base, workspaceHours: spec("08:00", "20:00") };
    expect(resolveHours(withSettings, "email", 7).source).toBe("workspace_settings");
  });

  it("answers in-person requests in the location's own hours, remote ones where the contact centre works", () => {
    expect(resolveHours(base, "in_person", 7)).toMatchObject({
      source: "location",
      spec: spec("10:00", "21:00"),
    });
    expect(resolveHours(base, "telegram", 7).source).toBe("assumed");
  });

  it("takes service rules in order: location × channel, location, channel, then the default rule", () => {
    const rules = [
      { locationId: null, channel: null, spec: spec("08:00", "17:00") },
      { locationId: null, channel: "phone" as const, spec: alwaysOpenHours(tz) },
      { locationId: 7, channel: null, spec: spec("11:00", "19:00") },
      { locationId: 7, channel: "phone" as const, spec: spec("12:00", "13:00") },
    ];
    const c = { ...base, rules };
    expect(resolveHours(c, "phone", 7).spec).toEqual(spec("12:00", "13:00"));
    expect(resolveHours(c, "email", 7).spec).toEqual(spec("11:00", "19:00"));
    expect(resolveHours(c, "in_person", 7).spec).toEqual(spec("11:00", "19:00"));
    expect(resolveHours(c, "phone", 8).spec.alwaysOpen).toBe(true);
    expect(resolveHours(c, "email", null).spec).toEqual(spec("08:00", "17:00"));
    expect(resolveHours(c, "in_person", 8).spec).toEqual(spec("08:00", "17:00"));
  });

  it("applies the workspace's holidays everywhere and a location's own on top", () => {
    const c = {
      ...base,
      holidays: [
        { date: "2024-01-01", name: "New Year", locationId: null, hours: [] },
        { date: "2024-01-07", name: "Christmas", locationId: null, hours: [] },
        { date: "2024-01-07", name: "Open anyway", locationId: 7, hours: [{ from: "10:00", to: "14:00" }] },
      ],
    };
    expect(holidaysFor(c, null).map((h) => h.name)).toEqual(["New Year", "Christmas"]);
    expect(holidaysFor(c, 7).map((h) => h.name)).toEqual(["New Year", "Open anyway"]);
    const schedules = scheduleResolver(c);
    const sunday11 = Date.parse("2024-01-07T09:00:00Z"); // 11:00 in Kyiv
    expect(isOpenAt(schedules("in_person", 7), sunday11)).toBe(true);
    expect(isOpenAt(schedules("in_person", 7), Date.parse("2024-01-07T13:00:00Z"))).toBe(false);
    expect(schedules("in_person", 7)).toBe(schedules("in_person", 7)); // compiled once
  });

  it("reads weekly hours as the demo stores them and refuses anything else", () => {
    expect(readWeeklyHours({ mon: [{ from: "09:00", to: "18:00" }], sat: [] })?.mon).toEqual([
      { from: "09:00", to: "18:00" },
    ]);
    expect(readWeeklyHours({ mon: [{ from: "9:00", to: "18:00" }] })).toBeNull();
    expect(readWeeklyHours("9-18")).toBeNull();
    expect(readWeeklyHours(null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { ServiceSettings } from "./service-api.ts";
import { fromDraft, toDraft } from "./settings-draft.ts";

const week = {
  mon: [
    { from: "09:00", to: "13:00" },
    { from: "14:00", to: "18:00" },
  ],
  tue: [{ from: "22:00", to: "02:00" }],
  wed: [],
  thu: [],
  fri: [],
  sat: [],
  sun: [],
};

const settings: ServiceSettings = {
  timeZone: "Europe/Kyiv",
  hours: [{ locationId: 3, channel: "phone", timeZone: "Europe/Berlin", alwaysOpen: false, week }],
  holidays: [{ date: "2026-01-01", name: "New Year", locationId: null, hours: [] }],
  slaPolicies: [
    {
      channel: null,
      kind: "complaint",
      clock: "calendar",
      firstResponseMinutes: 90,
      resolutionMinutes: null,
    },
  ],
  effective: {
    fallbackHours: { source: "assumed", timeZone: "Europe/Kyiv", alwaysOpen: false, week },
    slaSource: "custom",
    slaPolicies: [],
  },
  locations: [],
  stale: false,
};

describe("the settings form's draft", () => {
  it("shows the stored settings as text: spans on one line, minutes as hours, 'every' as empty", () => {
    const d = toDraft(settings);
    expect(d.hours[0]).toEqual({
      locationId: "3",
      channel: "phone",
      timeZone: "Europe/Berlin",
      alwaysOpen: false,
      week: {
        mon: "09:00–13:00, 14:00–18:00",
        tue: "22:00–02:00",
        wed: "",
        thu: "",
        fri: "",
        sat: "",
        sun: "",
      },
    });
    expect(d.holidays[0]).toEqual({ date: "2026-01-01", name: "New Year", locationId: "", hours: "" });
    expect(d.policies[0]).toEqual({
      channel: "",
      kind: "complaint",
      clock: "calendar",
      first: "1.5",
      resolution: "",
    });
  });

  it("gives back exactly what it was given when nothing was edited", () => {
    const { input, problems } = fromDraft(toDraft(settings));
    expect(problems).toEqual({});
    expect(input).toEqual({
      hours: settings.hours,
      holidays: settings.holidays,
      slaPolicies: settings.slaPolicies,
    });
  });

  it("names each field it cannot read, and reads the rest", () => {
    const d = toDraft(settings);
    const edited = {
      hours: [{ ...d.hours[0], week: { ...d.hours[0]?.week, wed: "9 to 6", thu: "8:00-12:00" } }],
      holidays: [{ date: "", name: " ", locationId: "3", hours: "10:00–14:00" }],
      policies: [{ ...d.policies[0], first: "-2", resolution: "40" }],
    } as Parameters<typeof fromDraft>[0];
    const { input, problems } = fromDraft(edited);
    expect(problems).toEqual({
      "rule-0-wed": "spans",
      "holiday-0-date": "date",
      "holiday-0-name": "required",
      "policy-0-first": "hours",
    });
    expect(input.hours[0]?.week.thu).toEqual([{ from: "08:00", to: "12:00" }]);
    expect(input.holidays[0]).toEqual({
      date: "",
      name: "",
      locationId: 3,
      hours: [{ from: "10:00", to: "14:00" }],
    });
    expect(input.slaPolicies[0]?.resolutionMinutes).toBe(2400);
  });
});

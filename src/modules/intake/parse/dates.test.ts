import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DateOptions, inferDateOrder, parseDateTime, serialToWall } from "./dates.ts";
import { isoString, offsetAt, zonedToUtc } from "./time-zone.ts";

const utc: DateOptions = { timeZone: "UTC" };
const value = (cell: Parameters<typeof parseDateTime>[0], options: DateOptions = utc) => {
  const r = parseDateTime(cell, options);
  return r.ok ? r.value : `${r.code}: ${r.reason}`;
};

describe("parseDateTime", () => {
  it("reads ISO 8601 with and without time and offset", () => {
    expect(value("2024-03-05")).toBe("2024-03-05T00:00:00.000Z");
    expect(value("2024-03-05 14:07")).toBe("2024-03-05T14:07:00.000Z");
    expect(value("2024-03-05T14:07:09.25")).toBe("2024-03-05T14:07:09.250Z");
    expect(value("2024-03-05T14:07:09Z")).toBe("2024-03-05T14:07:09.000Z");
    expect(value("2024-03-05T14:07:09+03:00")).toBe("2024-03-05T11:07:09.000Z");
    expect(value("2024-03-05T14:07-0130")).toBe("2024-03-05T15:37:00.000Z");
  });

  it("applies the workspace time zone to local times only", () => {
    const kyiv = { timeZone: "Europe/Kyiv" };
    expect(value("2024-01-15 10:00", kyiv)).toBe("2024-01-15T08:00:00.000Z"); // winter, UTC+2
    expect(value("2024-07-15 10:00", kyiv)).toBe("2024-07-15T07:00:00.000Z"); // summer, UTC+3
    expect(value("15.07.2024", kyiv)).toBe("2024-07-14T21:00:00.000Z");
    expect(value("2024-07-15T10:00:00Z", kyiv)).toBe("2024-07-15T10:00:00.000Z");
  });

  it("reads dd.mm.yyyy [hh:mm[:ss]] with 2- and 4-digit years and the year word", () => {
    expect(value("05.03.2024")).toBe("2024-03-05T00:00:00.000Z");
    expect(value("5.3.2024 9:05")).toBe("2024-03-05T09:05:00.000Z");
    expect(value("05.03.24 09:05:07")).toBe("2024-03-05T09:05:07.000Z");
    expect(value("31.12.99")).toBe("1999-12-31T00:00:00.000Z");
    expect(value("12.03.2024 г.")).toBe("2024-03-12T00:00:00.000Z");
    expect(value("12.03.2024 р.")).toBe("2024-03-12T00:00:00.000Z");
  });

  it("reads slash dates in the order decided for the column, with AM/PM", () => {
    expect(value("03/05/2024", { timeZone: "UTC", order: "mdy" })).toBe("2024-03-05T00:00:00.000Z");
    expect(value("03/05/2024", { timeZone: "UTC", order: "dmy" })).toBe("2024-05-03T00:00:00.000Z");
    expect(value("12/31/2024 1:30 PM", { timeZone: "UTC", order: "mdy" })).toBe("2024-12-31T13:30:00.000Z");
    expect(value("12/31/2024 12:15 am", { timeZone: "UTC", order: "mdy" })).toBe("2024-12-31T00:15:00.000Z");
    expect(value("13/01/2024", { timeZone: "UTC", order: "mdy" })).toBe(
      "not_a_date: value is not a date (expected mm/dd/yyyy): '13/01/2024'",
    );
  });

  it("reads yyyymmdd, yyyy/mm/dd, spreadsheet serials and Unix times", () => {
    expect(value("19970101")).toBe("1997-01-01T00:00:00.000Z");
    expect(value(19970101)).toBe("1997-01-01T00:00:00.000Z");
    expect(value("2024/03/05 10:00")).toBe("2024-03-05T10:00:00.000Z");
    expect(value(45292)).toBe("2024-01-01T00:00:00.000Z");
    expect(value("45292,75")).toBe("2024-01-01T18:00:00.000Z");
    expect(value(1)).toBe("1900-01-01T00:00:00.000Z");
    expect(value(61)).toBe("1900-03-01T00:00:00.000Z");
    expect(value(1_700_000_000)).toBe("2023-11-14T22:13:20.000Z");
    expect(value("1700000000123")).toBe("2023-11-14T22:13:20.123Z");
  });

  it("reads spreadsheet Date cells as wall-clock times in the zone", () => {
    const cell = new Date(Date.UTC(2024, 6, 15, 10, 0, 0, 400));
    expect(value(cell, { timeZone: "Europe/Kyiv" })).toBe("2024-07-15T07:00:00.000Z");
  });

  it("rejects impossible dates with a reason", () => {
    expect(value("2024-02-30")).toBe("not_a_date: value is not a date: '2024-02-30'");
    expect(value("31.02.2024")).toMatch(/^not_a_date/);
    expect(value("2024-01-01 24:00")).toMatch(/^not_a_date/);
    expect(value("12.05.1850")).toBe("date_out_of_range: value is outside the years 1900–2100: '12.05.1850'");
    expect(value("yesterday")).toMatch(/^not_a_date/);
    expect(value(true)).toMatch(/^not_a_date/);
    expect(value(-5)).toMatch(/^not_a_date/);
  });
});

describe("inferDateOrder", () => {
  it("decides by values only one order can read, else by separator", () => {
    expect(inferDateOrder(["01/02/2024", "13/02/2024"])).toMatchObject({
      order: "dmy",
      decidedBy: "evidence",
    });
    expect(inferDateOrder(["01/02/2024", "02/13/2024"])).toMatchObject({
      order: "mdy",
      decidedBy: "evidence",
    });
    expect(inferDateOrder(["01/02/2024", "03/04/2024"])).toMatchObject({
      order: "mdy",
      decidedBy: "default",
    });
    expect(inferDateOrder(["01.02.2024", "03.04.2024"])).toMatchObject({
      order: "dmy",
      decidedBy: "default",
    });
    expect(inferDateOrder(["13/01/2024", "14/01/2024", "01/13/2024"])).toMatchObject({
      order: "dmy",
      decidedBy: "conflict",
      dayFirstVotes: 2,
      monthFirstVotes: 1,
    });
  });
});

describe("time zones", () => {
  it("handles the DST gap and the repeated hour", () => {
    // Europe/Kyiv: 2024-03-31 03:00 → 04:00 (gap); 2024-10-27 04:00 → 03:00 (03:xx happens twice).
    expect(isoString(zonedToUtc(Date.UTC(2024, 2, 31, 3, 30), "Europe/Kyiv"))).toBe(
      "2024-03-31T01:30:00.000Z",
    );
    expect(isoString(zonedToUtc(Date.UTC(2024, 9, 27, 3, 30), "Europe/Kyiv"))).toBe(
      "2024-10-27T00:30:00.000Z",
    );
    expect(offsetAt(Date.UTC(2024, 9, 27, 0, 59), "Europe/Kyiv")).toBe(3 * 3_600_000);
    expect(offsetAt(Date.UTC(2024, 9, 27, 1, 0), "Europe/Kyiv")).toBe(2 * 3_600_000);
  });

  it("formats ISO strings like Date#toISOString", () => {
    for (const ms of [0, -2_208_988_800_000, 1_709_251_199_999, 4_102_444_799_000, 951_782_400_123]) {
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it("maps spreadsheet serials around the phantom 1900-02-29", () => {
    expect(serialToWall(59)).toBe(Date.UTC(1900, 1, 28));
    expect(serialToWall(61)).toBe(Date.UTC(1900, 2, 1));
    expect(serialToWall(0)).toBeNull();
  });
});

describe("fast date path", () => {
  it("reads yyyy-mm-dd hh:mm:ss exactly like the general path, for every day 1900–2100", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 1)),
          max: new Date(Date.UTC(2100, 11, 31, 23, 59, 59)),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString();
          const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
          expect(parseDateTime(text, utc)).toEqual({ ok: true, value: `${iso.slice(0, 19)}.000Z` });
          expect(parseDateTime(`${iso.slice(0, 19)}Z`, utc)).toEqual({
            ok: true,
            value: `${iso.slice(0, 19)}.000Z`,
          });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

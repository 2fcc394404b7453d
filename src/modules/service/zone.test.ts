import { describe, expect, it } from "vitest";
import { HOUR } from "./types.ts";
import { dayToIso, fromLocal, isoToDay, isTimeZone, localTime, zoneOf } from "./zone.ts";

const at = (iso: string) => Date.parse(iso);

describe("zone offsets from Intl", () => {
  it("finds the EU transitions of 2024 to the second (last Sundays of March and October, 01:00 UTC)", () => {
    const kyiv = zoneOf("Europe/Kyiv");
    const berlin = zoneOf("Europe/Berlin");
    expect(kyiv.offsetAt(at("2024-03-31T00:59:59Z"))).toBe(2 * HOUR);
    expect(kyiv.offsetAt(at("2024-03-31T01:00:00Z"))).toBe(3 * HOUR);
    expect(kyiv.offsetAt(at("2024-10-27T00:59:59Z"))).toBe(3 * HOUR);
    expect(kyiv.offsetAt(at("2024-10-27T01:00:00Z"))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at("2024-03-31T00:59:59Z"))).toBe(1 * HOUR);
    expect(berlin.offsetAt(at("2024-03-31T01:00:00Z"))).toBe(2 * HOUR);
    expect(berlin.offsetAt(at("2024-10-27T01:00:00Z"))).toBe(1 * HOUR);
    const piece = kyiv.pieceAt(at("2024-06-01T00:00:00Z"));
    expect([new Date(piece.start).toISOString(), new Date(piece.end).toISOString()]).toEqual([
      "2024-03-31T01:00:00.000Z",
      "2024-10-27T01:00:00.000Z",
    ]);
  });

  it("keeps Moscow at UTC+3 all year (no transitions since 2014)", () => {
    const msk = zoneOf("Europe/Moscow");
    for (const iso of ["2024-01-15T12:00Z", "2024-03-31T01:00Z", "2024-07-01T00:00Z", "2024-10-27T01:00Z"]) {
      expect(msk.offsetAt(at(iso))).toBe(3 * HOUR);
    }
    const piece = msk.pieceAt(at("2024-06-01T00:00:00Z"));
    expect(piece.start).toBeLessThanOrEqual(at("2023-01-01T00:00Z"));
    expect(piece.end).toBeGreaterThanOrEqual(at("2025-12-31T00:00Z"));
  });

  it("reads local day, weekday and time of day", () => {
    // 2024-03-29 was a Friday; 22:30 UTC is already Saturday 00:30 in Kyiv (UTC+2).
    const lt = localTime(zoneOf("Europe/Kyiv"), at("2024-03-29T22:30:00Z"));
    expect(dayToIso(lt.day)).toBe("2024-03-30");
    expect(lt.weekday).toBe(5);
    expect(lt.msOfDay).toBe(30 * 60_000);
    expect(isoToDay("1970-01-02")).toBe(1);
  });

  it("maps wall-clock readings back: gaps to their end, repeated hours to the first occurrence", () => {
    const kyiv = zoneOf("Europe/Kyiv");
    const local = (iso: string) => Date.parse(`${iso}Z`);
    expect(new Date(fromLocal(kyiv, local("2024-03-31T02:30:00"))).toISOString()).toBe(
      "2024-03-31T00:30:00.000Z",
    );
    // 03:30 does not exist on 31 March in Kyiv: the clock jumps from 03:00 to 04:00 (01:00 UTC).
    expect(new Date(fromLocal(kyiv, local("2024-03-31T03:30:00"))).toISOString()).toBe(
      "2024-03-31T01:00:00.000Z",
    );
    // 03:30 happens twice on 27 October: first at UTC+3 (00:30 UTC), then at UTC+2 (01:30 UTC).
    expect(new Date(fromLocal(kyiv, local("2024-10-27T03:30:00"))).toISOString()).toBe(
      "2024-10-27T00:30:00.000Z",
    );
  });

  it("knows valid zone names", () => {
    expect(isTimeZone("Europe/Kyiv")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });
});

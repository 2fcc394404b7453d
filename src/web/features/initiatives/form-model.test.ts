import { describe, expect, it } from "vitest";
import {
  costText,
  emptyForm,
  fromInitiative,
  localDate,
  parseCost,
  serverField,
  toBody,
  validate,
} from "./form-model.ts";
import type { Initiative } from "./initiatives-api.ts";

describe("money typed by a person", () => {
  it("reads grouping spaces and either decimal mark into minor units", () => {
    expect(parseCost("1 234,50", 2)).toBe(123450);
    expect(parseCost("1\u00a0234.5", 2)).toBe(123450);
    expect(parseCost("176000", 2)).toBe(17600000);
    expect(parseCost("", 2)).toBe(0);
    expect(parseCost("1234", 0)).toBe(1234);
  });
  it("refuses what is not an amount", () => {
    expect(parseCost("12x", 2)).toBeNull();
    expect(parseCost("-5", 2)).toBeNull();
    expect(parseCost("1,234.50", 2)).toBeNull();
    expect(parseCost("1.234", 2)).toBeNull();
    expect(parseCost("1.5", 0)).toBeNull();
  });
  it("writes minor units back as typed", () => {
    expect(costText(123450, 2)).toBe("1234.50");
    expect(costText(17600000, 2)).toBe("176000");
    expect(costText(0, 2)).toBe("");
    expect(costText(1234, 0)).toBe("1234");
  });
});

describe("the form's checks", () => {
  const ok = { ...emptyForm("2026-01-15"), title: "Second cashier", kind: "people" as const };
  it("pass a filled form", () => {
    expect(validate(ok, 2)).toEqual({});
  });
  it("name each field that is wrong", () => {
    expect(validate(emptyForm(""), 2)).toEqual({
      title: "required",
      kind: "required",
      startedAt: "required",
    });
    expect(validate({ ...ok, title: "x".repeat(301), startedAt: "2026-13-01", cost: "abc" }, 2)).toEqual({
      title: "tooLong",
      startedAt: "badDate",
      cost: "badCost",
    });
    expect(validate({ ...ok, targetKind: "location", targetValue: " " }, 2)).toEqual({
      targetValue: "chooseTarget",
    });
  });
  it("build the API body: trimmed text, null for empty, minor units, one target key", () => {
    expect(
      toBody(
        {
          ...ok,
          title: "  Second cashier ",
          cost: "1 234,50",
          targetKind: "location",
          targetValue: "1",
          owner: " ",
        },
        2,
      ),
    ).toEqual({
      title: "Second cashier",
      description: null,
      kind: "people",
      lever: null,
      status: "active",
      startedAt: "2026-01-15",
      cost: 123450,
      owner: null,
      target: { location: "1" },
    });
    expect(toBody(ok, 2).target).toEqual({});
  });
  it("map the server's field paths onto the form", () => {
    expect(serverField("target.location")).toBe("targetValue");
    expect(serverField("title")).toBe("title");
    expect(serverField("externalId")).toBeUndefined();
  });
});

describe("editing a stored initiative", () => {
  it("shows its start as the workspace's calendar date and its first target key", () => {
    // 22:00 UTC on 21 March is midnight of 22 March in Kyiv (UTC+2 before the clocks change).
    expect(localDate("2026-03-21T22:00:00.000Z", "Europe/Kyiv")).toBe("2026-03-22");
    expect(localDate("2026-03-21T22:00:00.000Z", "UTC")).toBe("2026-03-21");
    const stored: Initiative = {
      id: 2,
      externalId: "init-extra-cashier",
      title: "Extra cashier",
      description: null,
      kind: "people",
      lever: "staffing",
      status: "active",
      startedAt: "2026-03-21T22:00:00.000Z",
      cost: 17600000,
      currency: "UAH",
      owner: "Iryna",
      target: { problem: "long_queue", location: "store-khreshchatyk" },
      createdAt: "2026-11-22T17:48:20.273Z",
      updatedAt: "2026-11-22T17:48:20.273Z",
    };
    expect(fromInitiative(stored, "Europe/Kyiv", 2)).toMatchObject({
      startedAt: "2026-03-22",
      cost: "176000",
      targetKind: "location",
      targetValue: "store-khreshchatyk",
      description: "",
    });
  });
});

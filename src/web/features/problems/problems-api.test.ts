import { describe, expect, it } from "vitest";
import { filterQuery, problemsCsvUrl } from "./problems-api.ts";

describe("filterQuery", () => {
  it("leaves the defaults out, so the plain list is /problems", () => {
    expect(filterQuery({ window: 90 })).toBe("");
    expect(filterQuery({})).toBe("");
  });
  it("sends each chosen filter under the API's own name", () => {
    expect(filterQuery({ window: 30, channel: "telegram", location: 4, segment: 2, dismissed: true })).toBe(
      "?window=30&channel=telegram&location=4&segment=2&dismissed=true",
    );
    expect(filterQuery({ window: 90, source: "feedback", offset: 50, limit: 25 })).toBe(
      "?source=feedback&offset=50&limit=25",
    );
  });
  it("sends a start instead of the window when it has one (the server would let it win anyway)", () => {
    expect(filterQuery({ window: 30, from: "2026-10-23T18:00:00.000Z" })).toBe(
      "?from=2026-10-23T18%3A00%3A00.000Z",
    );
  });
  it("builds the CSV address with the same filters", () => {
    expect(problemsCsvUrl("кава", { window: 180, channel: "web" })).toBe(
      "/api/workspaces/%D0%BA%D0%B0%D0%B2%D0%B0/problems.csv?window=180&channel=web",
    );
  });
});

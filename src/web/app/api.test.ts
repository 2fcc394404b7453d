import { describe, expect, it } from "vitest";
import { toApiError } from "./api.ts";

describe("toApiError", () => {
  it("reads the contract's error shape and its field details", () => {
    const error = toApiError(422, {
      error: {
        code: "validation",
        message: "Invalid body",
        details: [{ path: "email", message: "Invalid email" }],
      },
    });
    expect(error.status).toBe(422);
    expect(error.code).toBe("validation");
    expect(error.message).toBe("Invalid body");
    expect(error.fieldErrors()).toEqual({ email: "Invalid email" });
  });

  it("falls back to a code from the status when the body is not ours", () => {
    expect(toApiError(429, undefined).code).toBe("rate_limited");
    expect(toApiError(502, "<html>").code).toBe("internal");
    expect(toApiError(404, { error: { code: "weird", message: "x" } }).code).toBe("not_found");
  });

  it("accepts array paths in details", () => {
    const error = toApiError(422, {
      error: { code: "validation", message: "m", details: [{ path: ["a", "b"], message: "bad" }] },
    });
    expect(error.fieldErrors()).toEqual({ "a.b": "bad" });
  });
});

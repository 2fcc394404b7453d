import { describe, expect, it } from "vitest";
import { readIssue, readMappingError } from "./reasons.ts";

describe("reading the server's reasons", () => {
  it("finds the code, the field and the value of a preview error", () => {
    expect(readIssue("amount is not a number: 'abc'")).toEqual({
      code: "not_a_number",
      params: { subject: "amount", value: "abc" },
    });
    expect(readIssue("ordered_at is not a date (expected DD.MM.YYYY): '31.02'")).toEqual({
      code: "not_a_date",
      params: { subject: "ordered_at", expected: "DD.MM.YYYY", value: "31.02" },
    });
    expect(readIssue("ordered_at is not a date: 'x'")?.params).toEqual({ subject: "ordered_at", value: "x" });
    expect(readIssue("status has an unknown value 'lost' (expected one of: completed, cancelled)")).toEqual({
      code: "unknown_value",
      params: { subject: "status", value: "lost", allowed: "completed, cancelled" },
    });
    expect(readIssue("ordered_at is required but empty")?.code).toBe("required");
  });

  it("keeps quotes inside a value", () => {
    expect(readIssue("amount is not a number: 'it's 5'")?.params.value).toBe("it's 5");
  });

  it("reads row-level problems", () => {
    expect(readIssue("the row has 5 fields but the header has 4")).toEqual({
      code: "extra_fields",
      params: { count: "5", expected: "4" },
    });
  });

  it("tries only the given code, and gives up on unknown sentences", () => {
    expect(readIssue("amount is not a number: 'abc'", "bad_email")).toBeUndefined();
    expect(readIssue("amount is not a number: 'abc'", "not_a_number")?.params.value).toBe("abc");
    expect(readIssue("something new happened")).toBeUndefined();
    expect(readIssue("x", "brand_new_code")).toBeUndefined();
  });

  it("reads mapping errors", () => {
    expect(
      readMappingError({
        code: "missing_field",
        message:
          'no column is mapped to the required field "customer_external_id / customer_email / customer_phone" (map a column with --map "column=customer_external_id")',
      }),
    ).toEqual({
      code: "missing_field",
      fields: ["customer_external_id", "customer_email", "customer_phone"],
    });
    expect(
      readMappingError({
        code: "duplicate_field",
        message: 'the field "amount" is mapped from two columns: Сумма, Итого',
      }),
    ).toEqual({ code: "duplicate_field", field: "amount", columns: "Сумма, Итого" });
    expect(readMappingError({ code: "new", message: "hm" })).toEqual({ code: "other", message: "hm" });
  });
});

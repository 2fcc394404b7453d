import { describe, expect, it } from "vitest";
import { copyField, copyLine } from "./copy.ts";

describe("COPY text encoding", () => {
  it("escapes the characters COPY treats specially and writes NULL as \\N", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField(undefined)).toBe("\\N");
    expect(copyField("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyField("нуль\0байт")).toBe("нульбайт");
    expect(copyField(12)).toBe("12");
    expect(copyField(true)).toBe("t");
    expect(copyField(new Date("2024-03-01T10:00:00Z"))).toBe("2024-03-01T10:00:00.000Z");
    // JSON escapes the tab as \t; COPY then escapes that backslash.
    expect(copyField({ a: "x\ty", b: "n\0ul" })).toBe('{"a":"x\\\\ty","b":"nul"}');
  });
  it("joins a row with tabs and ends it with a newline", () => {
    expect(copyLine(["a", null, 3])).toBe("a\t\\N\t3\n");
  });
});
